/**
 * Build dashboard: a Dashboard sheet with live formulas over the pipeline
 * sheets (the add-on's own custom functions) and two charts. A person can
 * rebuild it any time without ending up with a pile of charts.
 */
import { describe, expect, test } from 'vitest';
import { workbookFromCsvFolder } from '../support/csv-workbook';
import { seoul } from '../support/seoul';
import type { Cell } from '../support/standin';
import { click, englishSample, type Harness, openSpreadsheet, saveSettings } from './harness';

function koreanPipeline(): Harness {
  const h = openSpreadsheet({
    now: seoul(2023, 11, 15, 9),
    sheets: workbookFromCsvFolder('sample-data', 'Asia/Seoul'),
  });
  click(h, 'setupPipeline');
  return h;
}

function formulaAt(h: Harness, a1: string): string {
  return h.standIn.spreadsheet.getRange(`Dashboard!${a1}`).getFormula();
}

/**
 * Evaluates a dashboard formula the way Sheets would: each range argument is
 * read as a 2-D array (a cell as its bare value) and handed to the bundle's
 * custom function in a custom-function execution.
 */
function evaluate(h: Harness, formula: string): unknown {
  const m = /^=([A-Z_]+)\((.*)\)$/.exec(formula);
  if (!m) throw new Error(`not a function call: ${formula}`);
  const [, name, argText] = m as unknown as [string, string, string];
  h.standIn.customFunction();
  const args = argText.split(/,\s*/).map((ref) => {
    const range = h.standIn.spreadsheet.getRange(ref.includes('!') ? ref : `Dashboard!${ref}`);
    return range.getNumRows() === 1 && range.getNumColumns() === 1 ? range.getValue() : range.getValues();
  });
  const fn = h.app[name as string];
  if (typeof fn !== 'function') throw new Error(`the bundle has no ${name}`);
  return JSON.parse(JSON.stringify((fn as (...a: unknown[]) => unknown)(...args)));
}

describe('Build dashboard', () => {
  test('creates a Dashboard sheet whose formulas read the real pipeline sheets', () => {
    const h = koreanPipeline();
    h.app.onOpen(h.standIn.openEvent('FULL'));
    h.standIn.runMenuItem('대시보드 만들기');

    expect(h.standIn.spreadsheet.getActiveSheet().getName()).toBe('Dashboard');
    // Deals has 10 columns (A:J), Stages 8 (A:H: setup adds Entry email to the sample’s 7), Stage history 6 (A:F).
    expect(formulaAt(h, 'A6')).toBe('=FORECAST_WEIGHTED(Deals!A:J, Stages!A:H)');
    expect(formulaAt(h, 'H6')).toBe("=STAGE_CONVERSION('Stage history'!A:F, Stages!A:H)");
    expect(formulaAt(h, 'B3')).toBe('=FORECAST_RANGE(Deals!A:J, Stages!A:H, B2)');
    expect(h.standIn.values('Dashboard')[1]?.slice(0, 2)).toEqual(['범위를 볼 월', '2023-11']);
    expect(h.standIn.values('Dashboard')[0]?.[0]).toBe('Sheets Pipeline 대시보드');
  });

  test('the formulas compute from those ranges: forecast by month, funnel by stage, P10/P50/P90', () => {
    const h = koreanPipeline();
    click(h, 'buildDashboard');

    const forecast = evaluate(h, formulaAt(h, 'A6')) as Cell[][];
    expect(forecast[0]).toEqual(['Month', 'Weighted', 'Open pipeline', 'Won', 'Open deals']);
    const months = forecast.slice(1).map((r) => r[0]);
    expect(months).toContain('2023-11');
    const dated = months.filter((m) => m !== '(no date)');
    expect(dated).toEqual([...dated].sort());

    const funnel = evaluate(h, formulaAt(h, 'H6')) as Cell[][];
    expect(funnel.slice(1).map((r) => r[0])).toEqual([
      '미팅 약속 완료',
      '제품 살펴보는 중',
      '온보딩 교육 중',
      '계약/견적 전달 받음',
    ]);
    // The rates are shown as percents, under their own headers (H6 is Stage; Conversion is M, Win rate … high P–R).
    const headerAt = (a1: string) => funnel[0]?.[a1.charCodeAt(0) - 'H'.charCodeAt(0)];
    expect(['M', 'P', 'Q', 'R'].map(headerAt)).toEqual([
      'Conversion',
      'Win rate',
      'Win rate low',
      'Win rate high',
    ]);
    const format = (a1: string) => h.standIn.spreadsheet.getRange(`Dashboard!${a1}`).getNumberFormat();
    expect(['M7', 'P7', 'Q7', 'R7'].map(format)).toEqual(['0%', '0%', '0%', '0%']);
    expect(['I7', 'L7', 'N7'].map(format)).not.toContain('0%');
    const reached = funnel.slice(1).map((r) => Number(r[1]));
    // A funnel: each stage is reached by no more deals than the one before.
    for (let i = 1; i < reached.length; i++) expect(reached[i]).toBeLessThanOrEqual(reached[i - 1] as number);

    const [range] = evaluate(h, formulaAt(h, 'B3')) as number[][];
    expect(range).toHaveLength(3);
    const [p10, p50, p90] = range as [number, number, number];
    expect(p10).toBeLessThanOrEqual(p50);
    expect(p50).toBeLessThanOrEqual(p90);
  });

  test('two charts: weighted vs open pipeline by month (column), and the stage funnel (bar)', () => {
    const h = koreanPipeline();
    click(h, 'buildDashboard');
    const charts = h.standIn.charts('Dashboard');
    expect(
      charts.map((c) => ({ type: c.type, ranges: c.ranges, title: c.options.title, headers: c.numHeaders })),
    ).toEqual([
      { type: 'COLUMN', ranges: ['Dashboard!A6:C125'], title: '가중 예측 vs 진행 중 파이프라인', headers: 1 },
      { type: 'BAR', ranges: ['Dashboard!H6:I125'], title: '단계별 도달 딜 수', headers: 1 },
    ]);
    // The charts sit below their tables, not on top of them.
    for (const c of charts) expect(c.position.row).toBeGreaterThan(6);
  });

  test('rebuilding does not duplicate charts, and follows new columns in Deals', () => {
    const h = koreanPipeline();
    click(h, 'buildDashboard');
    click(h, 'buildDashboard');
    expect(h.standIn.charts('Dashboard').map((c) => c.type)).toEqual(['COLUMN', 'BAR']);
    expect(h.standIn.spreadsheet.getSheets().filter((s) => s.getName() === 'Dashboard')).toHaveLength(1);

    // The team adds a column to Deals; a rebuild reads it too.
    h.standIn.edit('Deals', 'K1', [['지역']]);
    click(h, 'buildDashboard');
    expect(formulaAt(h, 'A6')).toBe('=FORECAST_WEIGHTED(Deals!A:K, Stages!A:H)');
    expect(h.standIn.charts('Dashboard')).toHaveLength(2);
  });

  test('a chart the person added to the Dashboard survives a rebuild', () => {
    const h = koreanPipeline();
    click(h, 'buildDashboard');
    const sheet = h.standIn.spreadsheet.getSheetByName('Dashboard');
    if (!sheet) throw new Error('no Dashboard');
    const mine = sheet
      .newChart()
      .asLineChart()
      .addRange(sheet.getRange('A6:B20'))
      .setOption('title', '우리 팀 추이')
      .setPosition(40, 1, 0, 0)
      .build();
    sheet.insertChart(mine);

    click(h, 'buildDashboard');
    const charts = h.standIn.charts('Dashboard');
    expect(charts.map((c) => c.type).sort()).toEqual(['BAR', 'COLUMN', 'LINE']);
    expect(charts.find((c) => c.type === 'LINE')?.options.title).toBe('우리 팀 추이');
  });

  test('needs the pipeline sheets: without them it says to run setup first', () => {
    const h = openSpreadsheet();
    expect(() => click(h, 'buildDashboard')).toThrow(
      'Stages 시트가 없습니다. 확장 프로그램 › Sheets Pipeline › 파이프라인 시트 설정을 먼저 실행하세요. 딜이 이미 시트에 있다면 내 시트 연결을 실행하세요.',
    );
    const en = openSpreadsheet({ locale: 'en_US', timeZone: 'America/New_York' });
    expect(() => click(en, 'buildDashboard')).toThrow(
      'There is no Stages sheet. Run Extensions › Sheets Pipeline › Set up pipeline sheets, or Connect your sheet if your deals are already in a sheet.',
    );
    expect(h.standIn.charts('Sheet1')).toEqual([]);
  });

  test('in an English spreadsheet the labels and chart titles are English', () => {
    const h = englishSample();
    click(h, 'setupPipeline');
    click(h, 'buildDashboard');
    expect(h.standIn.values('Dashboard')[0]?.[0]).toBe('Sheets Pipeline dashboard');
    expect(h.standIn.charts('Dashboard').map((c) => c.options.title)).toEqual([
      'Weighted forecast vs open pipeline',
      'Deals reaching each stage',
    ]);
  });

  // Lost deals by reason: V5 title, V6 header, one line per reason from V7 (see lost-block.ts).
  const lostBlock = (h: Harness, name = 'Dashboard') => {
    const rows = h.standIn
      .values(name)
      .slice(5)
      .map((r) => r.slice(21, 24));
    return rows.slice(0, rows.findIndex((r) => r[0] === '') >>> 0);
  };
  const note = (h: Harness, row: number, text: string) =>
    h.standIn.seed('Stage history', `F${row}`, { values: [[text]] });

  test('lost deals by reason: counts and amounts from the Note of each lost deal’s row into 실주', () => {
    const h = koreanPipeline();
    // The sample's notes all start `실주 사유:`, which is no reason from Settings; give five of them the panel's form.
    note(h, 17, '예산 없음: 내년 재검토'); // D-2023-004, 25,000,000
    note(h, 32, '경쟁사 선택: 가격 우위'); // D-2023-002, 12,000,000
    note(h, 127, '경쟁사 선택'); // D-2023-031, 45,000,000
    note(h, 81, '시기 : 보류'); // D-2023-006, 36,000,000
    note(h, 99, '가격 조건 불일치'); // D-2023-010, 30,000,000: 가격 without a colon is no reason
    click(h, 'buildDashboard');

    expect(h.standIn.values('Dashboard')[4]?.[21]).toBe(
      '실주 사유별 딜 (2023-11-15 09:00 Asia/Seoul 기준; 대시보드를 다시 만들면 갱신)',
    );
    // 9 lost deals, 249,500,000 in all; no reason: 010 30M + 013 40M + 018 54M + 021 4.5M + 025 3M.
    expect(lostBlock(h)).toEqual([
      ['사유', '실주 딜 수', '금액'],
      ['가격', 0, 0],
      ['경쟁사 선택', 2, 57_000_000],
      ['예산 없음', 1, 25_000_000],
      ['시기', 1, 36_000_000],
      ['응답 없음', 0, 0],
      ['기타', 0, 0],
      ['(사유 없음)', 5, 131_500_000],
    ]);
    expect(h.standIn.spreadsheet.getRange('Dashboard!X8').getNumberFormat()).toBe('#,##0');
  });

  test('a reopened deal is not lost; the team’s own reasons, in their order, replace the defaults on a rebuild', () => {
    const h = koreanPipeline();
    click(h, 'buildDashboard');
    // D-2023-025 (3,000,000) is reopened: back to an open stage, so no longer a lost deal.
    const row = h.standIn.values('Deals').findIndex((r) => r[0] === 'D-2023-025') + 1;
    h.standIn.edit('Deals', `G${row}`, [['제품 살펴보는 중']]);
    saveSettings(h, { lostReasons: ['실주 사유', '실주 사유: 경쟁사'] });
    click(h, 'buildDashboard');
    // Longest match: 002 (12M) and 031 (45M) name 경쟁사 right after `실주 사유: `… but the reason
    // `실주 사유: 경쟁사` must be followed by `:` or the end, and `실주 사유: 경쟁사 제품` is neither.
    expect(lostBlock(h)).toEqual([
      ['사유', '실주 딜 수', '금액'],
      ['실주 사유', 8, 246_500_000],
      ['실주 사유: 경쟁사', 0, 0],
      ['(사유 없음)', 0, 0],
    ]);
    // The longer default list written first leaves nothing behind.
    const below = h.standIn.values('Dashboard').slice(9);
    expect(below.map((r) => r[21] ?? '').filter((v) => v !== '')).toEqual([]);
  });

  test('with a team’s own sheet named Dashboard, the block goes into the add-on’s sheet and theirs is untouched', () => {
    const h = openSpreadsheet({
      now: seoul(2023, 11, 15, 9),
      sheets: {
        ...workbookFromCsvFolder('sample-data', 'Asia/Seoul'),
        Dashboard: [['Q4 목표', 500_000_000]],
      },
    });
    click(h, 'setupPipeline');
    note(h, 17, '예산 없음'); // D-2023-004, 25,000,000
    const before = h.standIn.snapshot('Dashboard');
    click(h, 'buildDashboard');
    expect(h.standIn.snapshot('Dashboard')).toEqual(before);
    const block = lostBlock(h, 'Dashboard (Sheets Pipeline)');
    expect(block.find((r) => r[0] === '예산 없음')).toEqual(['예산 없음', 1, 25_000_000]);
    expect(block.at(-1)).toEqual(['(사유 없음)', 8, 224_500_000]);
  });

  test('English: reasons matched case-insensitively, written as Settings spell them', () => {
    const h = englishSample();
    click(h, 'setupPipeline');
    note(h, 11, 'No budget: this fiscal year'); // D-002, 12,500
    note(h, 48, 'chose a competitor: on price'); // D-009, 18,500
    note(h, 76, 'PRICE'); // D-013, 5,000
    click(h, 'buildDashboard');
    expect(h.standIn.values('Dashboard')[4]?.[21]).toBe(
      'Lost deals by reason (computed 2023-11-15 09:00 America/New_York; build the dashboard again to refresh)',
    );
    // D-004 95,000 and D-017 42,000 keep `Lost: …` notes: no reason.
    expect(lostBlock(h)).toEqual([
      ['Reason', 'Lost deals', 'Amount'],
      ['Price', 1, 5_000],
      ['Chose a competitor', 1, 18_500],
      ['No budget', 1, 12_500],
      ['Timing', 0, 0],
      ['No response', 0, 0],
      ['Other', 0, 0],
      ['(no reason)', 2, 137_000],
    ]);
  });
});
