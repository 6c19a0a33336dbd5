/**
 * Build dashboard: a Dashboard sheet with live formulas over the pipeline
 * sheets (the add-on's own custom functions) and two charts. A person can
 * rebuild it any time without ending up with a pile of charts.
 */
import { describe, expect, test } from 'vitest';
import { workbookFromCsvFolder } from '../support/csv-workbook';
import { seoul } from '../support/seoul';
import type { Cell } from '../support/standin';
import { click, type Harness, openSpreadsheet } from './harness';

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
    // Deals has 10 columns (A:J), Stages 7 (A:G), Stage history 6 (A:F).
    expect(formulaAt(h, 'A6')).toBe('=FORECAST_WEIGHTED(Deals!A:J, Stages!A:G)');
    expect(formulaAt(h, 'H6')).toBe("=STAGE_CONVERSION('Stage history'!A:F, Stages!A:G)");
    expect(formulaAt(h, 'B3')).toBe('=FORECAST_RANGE(Deals!A:J, Stages!A:G, B2)');
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
    expect(formulaAt(h, 'A6')).toBe('=FORECAST_WEIGHTED(Deals!A:K, Stages!A:G)');
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
    const h = openSpreadsheet({
      locale: 'en_US',
      timeZone: 'America/New_York',
      now: new Date('2023-11-15T14:00:00Z'),
      sheets: workbookFromCsvFolder('sample-data/en', 'America/New_York'),
    });
    click(h, 'setupPipeline');
    click(h, 'buildDashboard');
    expect(h.standIn.values('Dashboard')[0]?.[0]).toBe('Sheets Pipeline dashboard');
    expect(h.standIn.charts('Dashboard').map((c) => c.options.title)).toEqual([
      'Weighted forecast vs open pipeline',
      'Deals reaching each stage',
    ]);
  });
});
