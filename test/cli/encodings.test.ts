/**
 * CSV text as Excel and Sheets write it (SPEC §6): UTF-8 with or without BOM,
 * CP949/EUC-KR (Korean Excel), Windows-1252, separated by `,`, `;` or tabs,
 * detected file by file and said in the summary; a title row's unit
 * (`(단위: 천원)`) multiplies the Amount (SPEC §2).
 *
 * The CP949 and Windows-1252 fixtures are bytes, not text: they were encoded
 * once and are checked here against byte values known from the code pages
 * (금 = B1 DD, 액 = BE D7 in CP949; € = 80, é = E9 in Windows-1252).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeCsv, detectSeparator, parseCsv } from '../../src/cli/csv';
import { decodeCp949, decodeWindows1252 } from '../../src/cli/encodings';
import { columnsOf, csv, fixture, folderWith, ok, reportOf } from './cli-run';

const bytes = (...values: number[]) => Uint8Array.from(values);
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

describe('decodeCsv: how the bytes were written', () => {
  it('UTF-8, with a BOM or without', () => {
    const text = '딜명,금액\n';
    expect(decodeCsv(new TextEncoder().encode(text))).toEqual({ text, encoding: 'utf-8' });
    expect(decodeCsv(bytes(0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)))).toEqual({
      text,
      encoding: 'utf-8-bom',
    });
  });

  it('CP949: KS X 1001 Hangul and the syllables CP949 adds (똠 = 8C 63, 쀍 = 97 CD)', () => {
    // 금액,똠방 쀍 — bytes from the code page, not from an encoder.
    const cp949 = bytes(0xb1, 0xdd, 0xbe, 0xd7, 0x2c, 0x8c, 0x63, 0xb9, 0xe6, 0x20, 0x97, 0xcd, 0x0a);
    expect(decodeCsv(cp949)).toEqual({ text: '금액,똠방 쀍\n', encoding: 'cp949' });
    expect(decodeCp949(bytes(0xb0, 0xa1, 0xc6, 0x52))).toBe('가힣'); // 힣, the last syllable, is CP949's last addition
    // A lead byte with nothing after it, or a pair CP949 leaves empty, is not CP949.
    expect(decodeCp949(bytes(0xb0))).toBeNull();
    expect(decodeCp949(bytes(0xc6, 0x53))).toBeNull();
  });

  it('Windows-1252: € and curly quotes at 0x80–0x9F, Latin letters above', () => {
    const latin = bytes(
      ...ascii('Caf'),
      0xe9,
      0x3b,
      0x80,
      0x20,
      ...ascii('12'),
      0x3b,
      0x93,
      0x4f,
      0x4b,
      0x94,
    );
    expect(decodeCsv(latin)).toEqual({ text: 'Café;€ 12;“OK”', encoding: 'windows-1252' });
    expect(decodeWindows1252(bytes(0x8a, 0x9f, 0xdf, 0xfc))).toBe('ŠŸßü');
  });

  it('German text that CP949 happens to decode (Ä then a letter) is still Windows-1252', () => {
    // Ä (C4) followed by r (72) is a valid CP949 extension pair, but no Korean text is made of those.
    const german = bytes(
      ...ascii('Name;Ort\n'),
      0xc4,
      ...ascii('rzte Aachen;'),
      0xd6,
      ...ascii('sterreich\n'),
    );
    expect(decodeCsv(german)).toEqual({
      text: 'Name;Ort\nÄrzte Aachen;Österreich\n',
      encoding: 'windows-1252',
    });
  });
});

describe('detectSeparator: the count that holds over the lines, outside quotes', () => {
  it.each([
    [',', 'Deal,Amount,Stage\nA,"1,000",Demo\nB,2000,Demo\n'],
    [';', 'Deal;Amount;Stage\nA;1.000,50;Demo\nB;2,25;Demo\n'],
    ['\t', 'Deal\tAmount\tStage\nA\t$12,500\tDemo\nB\t$1,000,000\tWon\n'],
    // A title row above the header says nothing; a quoted `;` or newline is inside a cell.
    [',', '2024 영업 현황 (단위: 천원)\n딜명,금액,메모\n"A","1,200","x; y"\n"B","300","line\nbreak; z"\n'],
    // Excel pads a title row with separators: it still agrees.
    [';', 'Pipeline Q4;;;\nDeal;Amount;Stage;Close\nA;1;Demo;01.12.2023\n'],
  ])('%j', (separator, text) => {
    expect(detectSeparator(text)).toBe(separator);
  });

  it('keeps blank lines as rows, so row numbers match the sheet, and drops a final newline only', () => {
    expect(parseCsv('a;b\n\n1;2\n', ';')).toEqual([['a', 'b'], [''], ['1', '2']]);
  });
});

describe('a Korean Excel file in CP949 with a title row (test/fixtures/cp949-title-unit)', () => {
  /*
   * 영업 현황 2024.csv, CP949, CRLF, the title `2024 영업 현황 (단위: 천원)` in row 1 and the
   * header in row 2: 딜 번호, 딜명, 고객사, 담당자, 금액, 진행 단계, 수주 예정일, 확률.
   *   K-1  12,000  제안       2024-03-15  30%
   *   K-2   8,500  계약 완료   2024-02-20
   *   K-3  30,000  협상       2024-04-30  60%
   *   K-4   5,000  실주       2024-01-31
   *   K-5   1,500  제안       2024-03-31  50%
   */
  const FOLDER = fixture('cp949-title-unit');
  const FILE = join(FOLDER, '영업 현황 2024.csv');

  it('the file is CP949 bytes: 금액 is B1 DD BE D7, and it is no UTF-8', () => {
    const raw = readFileSync(FILE);
    expect(raw.includes(Buffer.from([0xb1, 0xdd, 0xbe, 0xd7]))).toBe(true);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(raw)).toThrow();
  });

  it('columns: cp949, commas, header row 2 under the title, the title’s 천원 as the Amount unit', () => {
    const { tables } = columnsOf([FOLDER]);
    expect(tables.Deals).toEqual({
      file: FILE,
      headerRow: 2,
      fields: {
        dealId: '딜 번호',
        deal: '딜명',
        company: '고객사',
        owner: '담당자',
        amount: '금액',
        stage: '진행 단계',
        stageEntered: null,
        expectedClose: '수주 예정일',
        probability: '확률',
        status: null,
        currency: null,
        pipeline: null,
        contactEmail: null,
        health: null,
      },
      ignored: [],
      amountUnit: 1000,
      currency: 'KRW',
      dateOrder: 'year-first',
      encoding: 'cp949',
      separator: ',',
    });
  });

  it('report: amounts in won (×1,000), stages from the names and the 확률 column, in Korean', () => {
    const r = reportOf([FOLDER, '--as-of', '2024-03-01', '--tz', 'Asia/Seoul']);
    expect(r.language).toBe('ko');
    expect(r.proposedStages?.map((s) => [s.stage, s.outcome, s.probability])).toEqual([
      ['제안', 'open', 0.4],
      ['계약 완료', 'won', 1],
      ['협상', 'open', 0.6],
      ['실주', 'lost', 0],
    ]);
    expect(r.problems).toEqual([]);
    expect(r.forecast).toEqual([
      { month: '2024-02', weighted: 8_500_000, openPipeline: 0, won: 8_500_000, openDeals: 0 },
      // Each deal by its own 확률 (SPEC §3): 12,000,000 × 30% + 1,500,000 × 50%
      { month: '2024-03', weighted: 4_350_000, openPipeline: 13_500_000, won: 0, openDeals: 2 },
      { month: '2024-04', weighted: 18_000_000, openPipeline: 30_000_000, won: 0, openDeals: 1 },
    ]);
    const text = ok(['report', FOLDER, '--as-of', '2024-03-01', '--tz', 'Asia/Seoul']);
    expect(text).toContain('header row 2, cp949, separator ",", amount ×1,000 (KRW), dates year-first');
  });
});

describe('a Salesforce report from a German Excel: Windows-1252, `;` (test/fixtures/windows-1252-semicolon)', () => {
  /*
   * report1699999999.csv: Opportunity Name;Account Name;Opportunity Owner;Amount;Stage;Close Date;Probability (%)
   *   Système CRM        12.500,00 €  Proposal     15.03.2024  50
   *   Flottenmanagement   8.000,00 €  Negotiation  30.04.2024  75
   *   Café-Kasse          2.400,00 €  Closed Won   31.01.2024  100
   *   Lagerverwaltung     4.100,00 €  Proposal     02.04.2024  (blank)
   */
  const FOLDER = fixture('windows-1252-semicolon');

  it('columns: windows-1252, `;`, € amounts, dotted dates day-first', () => {
    const raw = readFileSync(join(FOLDER, 'report1699999999.csv'));
    expect(raw.includes(Buffer.from([0x53, 0x79, 0x73, 0x74, 0xe8, 0x6d, 0x65]))).toBe(true); // Système
    expect(raw.includes(Buffer.from([0x80]))).toBe(true); // €
    const deals = columnsOf([FOLDER]).tables.Deals;
    expect(deals).toMatchObject({
      headerRow: 1,
      encoding: 'windows-1252',
      separator: ';',
      amountUnit: 1,
      currency: 'EUR',
      dateOrder: 'day-first',
    });
    expect(deals?.fields).toMatchObject({ deal: 'Opportunity Name', probability: 'Probability (%)' });
  });

  it('report: names decoded, decimal commas, 15.03.2024 is March', () => {
    const r = reportOf([FOLDER, '--as-of', '2024-03-01', '--tz', 'Europe/Berlin']);
    expect(r.problems).toEqual([]);
    expect(r.proposedStages?.map((s) => [s.stage, s.probability])).toEqual([
      ['Proposal', 0.5],
      ['Negotiation', 0.75],
      ['Closed Won', 1],
    ]);
    expect(r.forecast).toEqual([
      { month: '2024-01', weighted: 2_400, openPipeline: 0, won: 2_400, openDeals: 0 },
      { month: '2024-03', weighted: 6_250, openPipeline: 12_500, won: 0, openDeals: 1 },
      // 8,000 × 75% + 4,100 × 50%
      { month: '2024-04', weighted: 8_050, openPipeline: 12_100, won: 0, openDeals: 2 },
    ]);
    expect(r.notes).toContain(
      'Dates are read day-first: the files hold dates such as 15/11/2023 or 15.11.2023.',
    );
    const text = ok(['report', FOLDER, '--as-of', '2024-03-01', '--tz', 'Europe/Berlin']);
    expect(text).toContain('header row 1, windows-1252, separator ";", amount ×1 (EUR), dates day-first');
  });
});

describe('a tab-separated export with a BOM (test/fixtures/tab-bom)', () => {
  // Deals_001.csv: tabs, a BOM, `$` in the Amount header, commas in names and amounts.
  const FOLDER = fixture('tab-bom');

  it('columns and report', () => {
    const { tables } = columnsOf([FOLDER]);
    expect(tables.Deals).toMatchObject({
      encoding: 'utf-8-bom',
      separator: '\t',
      currency: 'USD',
      amountUnit: 1,
    });
    expect(tables.Deals?.fields).toMatchObject({ dealId: 'Deal ID', amount: 'Deal Value ($)' });
    expect(tables.Stages).toMatchObject({
      encoding: 'utf-8',
      separator: ',',
      dateOrder: null,
      amountUnit: null,
    });
    const r = reportOf([FOLDER, '--as-of', '2024-03-01', '--tz', 'America/Chicago']);
    expect(r.problems).toEqual([]);
    expect(r.forecast.map((f) => [f.month, f.weighted])).toEqual([
      ['2024-02', 9_000],
      ['2024-03', 2_500],
      ['2024-04', 38_400],
    ]);
    expect(ok(['report', FOLDER, '--as-of', '2024-03-01', '--tz', 'America/Chicago'])).toContain(
      'header row 1, utf-8-bom, separator tab, amount ×1 (USD), dates year-first',
    );
  });

  it('a `;` file and a tab file of the same deals give the same report', () => {
    const rows = [
      ['Deal ID', 'Deal', 'Amount', 'Stage', 'Expected close'],
      ['S-1', 'Kasse, Filiale 2', '1.250,50', 'Demo booked', '2024-03-15'],
    ];
    const stages = csv([
      ['Stage', 'Win probability'],
      ['Demo booked', '25%'],
    ]);
    const semi = reportOf([
      folderWith({ 'Deals.csv': csv(rows, ';'), 'Stages.csv': stages }),
      '--as-of',
      '2024-03-01',
      '--tz',
      'UTC',
    ]);
    const tab = reportOf([
      folderWith({ 'Deals.csv': csv(rows, '\t'), 'Stages.csv': stages }),
      '--as-of',
      '2024-03-01',
      '--tz',
      'UTC',
    ]);
    expect(semi.tables?.Deals?.separator).toBe(';');
    expect(tab.tables?.Deals?.separator).toBe('\t');
    expect(semi.forecast).toEqual([
      { month: '2024-03', weighted: 312.625, openPipeline: 1250.5, won: 0, openDeals: 1 },
    ]);
    expect(tab.forecast).toEqual(semi.forecast);
  });
});
