import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { convertCsvCell, convertCsvGrid, workbookFromCsvFolder } from '../support/csv-workbook';
import { createStandIn } from '../support/standin';

const seoul = (iso: string) => new Date(`${iso}+09:00`);

describe('CSV cells convert as Sheets imports them', () => {
  test.each([
    ['₩10,000,000', 10000000],
    ['$12,500', 12500],
    ['-$1,200.50', -1200.5],
    ['48000', 48000],
    ['007', 7],
    ['70%', 0.7],
    ['12.5%', 0.125],
    ['TRUE', true],
    ['false', false],
    ['', ''],
    ['1,500만원', '1,500만원'],
    ['1.2억', '1.2억'],
    ['10,000,000원', '10,000,000원'],
    ['D-2023-001', 'D-2023-001'],
    ['1,2,3', '1,2,3'],
    ['2023-11', '2023-11'],
    ['2023년 11월 5일', '2023년 11월 5일'],
    ['미팅 약속 완료', '미팅 약속 완료'],
  ])('%s', (text, expected) => {
    expect(convertCsvCell(text, 'Asia/Seoul')).toEqual(expected);
  });

  test('Korean-locale dates and date-times are Seoul wall-clock instants', () => {
    expect(convertCsvCell('2023. 11. 5', 'Asia/Seoul')).toEqual(seoul('2023-11-05T00:00:00'));
    expect(convertCsvCell('2023. 11. 5.', 'Asia/Seoul')).toEqual(seoul('2023-11-05T00:00:00'));
    expect(convertCsvCell('2023. 11. 5 오후 2:30:00', 'Asia/Seoul')).toEqual(seoul('2023-11-05T14:30:00'));
    expect(convertCsvCell('2023. 11. 5 오전 12:05:00', 'Asia/Seoul')).toEqual(seoul('2023-11-05T00:05:00'));
    expect(convertCsvCell('2023-11-05', 'Asia/Seoul')).toEqual(seoul('2023-11-05T00:00:00'));
  });

  test('US dates are month first, in the given zone (5 Nov 2023 is New York’s DST change day)', () => {
    expect(convertCsvCell('11/5/2023', 'America/New_York')).toEqual(new Date('2023-11-05T00:00:00-04:00'));
    expect(convertCsvCell('11/5/2023 14:30:00', 'America/New_York')).toEqual(
      new Date('2023-11-05T14:30:00-05:00'),
    );
    expect(convertCsvCell('11/5/2023 2:30:00 PM', 'America/New_York')).toEqual(
      new Date('2023-11-05T14:30:00-05:00'),
    );
    expect(convertCsvCell('5/11/2023', 'UTC', { dayFirst: true })).toEqual(new Date('2023-11-05T00:00:00Z'));
    expect(convertCsvCell('2/30/2023', 'UTC')).toBe('2/30/2023');
  });

  test('ragged rows are padded with blanks', () => {
    expect(convertCsvGrid([['a', '1'], ['b']], 'UTC')).toEqual([
      ['a', 1],
      ['b', ''],
    ]);
  });
});

describe('workbookFromCsvFolder', () => {
  test('the Korean sample: sheet names from "<spreadsheet> - X.csv", typed cells', () => {
    const book = workbookFromCsvFolder('sample-data', 'Asia/Seoul');
    expect(Object.keys(book).sort()).toEqual(['Deals', 'Stage history', 'Stages', 'Tasks']);
    const deals = book.Deals ?? [];
    expect(deals[0]?.slice(0, 6)).toEqual(['딜 ID', '딜 이름', '고객사', '메모', '담당자', '금액']);
    expect(deals[1]?.slice(5, 9)).toEqual([
      48000000,
      '최종 결정 및 계약 싸인 완료',
      seoul('2023-08-10T00:00'),
      seoul('2023-08-31T00:00'),
    ]);
    expect(deals[1]?.[9]).toBe('');
    expect(deals.find((r) => r[0] === 'D-2023-003')?.[5]).toBe('1.2억');
    expect(book.Stages?.[1]?.slice(0, 3)).toEqual(['미팅 약속 완료', 0.1, 14]);
    expect(book['Stage history']?.[1]?.[0]).toEqual(seoul('2023-05-15T16:20:12'));
    expect(book.Tasks?.[1]?.[5]).toBe(true);
  });

  test('the English sample: month-first dates, dollar amounts', () => {
    const book = workbookFromCsvFolder('sample-data/en', 'America/New_York');
    const deals = book.Deals ?? [];
    expect(deals[1]?.slice(0, 2)).toEqual(['D-001', 'Fleet tracking rollout']);
    expect(deals[1]?.[5]).toBe(48000);
    expect(deals[1]?.[7]).toEqual(new Date('2023-08-17T00:00:00-04:00'));
    expect(book['Stage history']?.[1]?.[0]).toEqual(new Date('2023-05-16T11:21:07-04:00'));
  });

  const dir = mkdtempSync(join(tmpdir(), 'standin-csv-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('lowercase and kebab names give the canonical sheet names; Tasks may be absent', () => {
    writeFileSync(join(dir, 'deals.csv'), 'Deal ID,Amount\nD-1,"$1,000"\n');
    writeFileSync(join(dir, 'stages.csv'), 'Stage,Win probability\nWon,100%\n');
    writeFileSync(join(dir, 'stage-history.csv'), 'When,Deal ID\n2023-11-05 14:30,D-1\n');
    const book = workbookFromCsvFolder(dir, 'UTC');
    expect(book).toEqual({
      Deals: [
        ['Deal ID', 'Amount'],
        ['D-1', 1000],
      ],
      Stages: [
        ['Stage', 'Win probability'],
        ['Won', 1],
      ],
      'Stage history': [
        ['When', 'Deal ID'],
        [new Date('2023-11-05T14:30:00Z'), 'D-1'],
      ],
    });
  });

  test('feeds createStandIn', () => {
    const sheets = workbookFromCsvFolder('sample-data', 'Asia/Seoul');
    const standIn = createStandIn({ timeZone: 'Asia/Seoul', locale: 'ko_KR', sheets });
    const deals = standIn.spreadsheet.getSheetByName('Deals');
    expect(deals?.getLastRow()).toBe(sheets.Deals?.length);
    expect(deals?.getRange('A:J').getValues().slice(0, sheets.Deals?.length)).toEqual(sheets.Deals);
    expect(deals?.getRange('H2').getDisplayValue()).toBe('2023. 8. 10');
  });
});
