/**
 * The deal model of issue 12 through the BUILT bundle (run `npm run build`
 * first): the custom functions as Sheets calls them (a deal's own
 * Probability, the `pipeline` and `as_of` arguments, the spreadsheet's locale
 * currency), the daily check (a deal won by Status is never overdue; each
 * pipeline's own stale limit) and the deal panel in a sheet with two
 * pipelines that share stage names.
 *
 * A Korean team's spreadsheet in Seoul, on 15 November 2023 at 09:00. Every
 * expected figure is worked out by hand beside it.
 */
import { describe, expect, it } from 'vitest';
import { seoul } from '../support/seoul';
import type { Cell } from '../support/standin';
import { cellOf, click, fromDialog, fromPanel, type Harness, openSpreadsheet, rowOf } from './harness';

const NOW = seoul(2023, 11, 15, 9);
const USER = 'seoyeon.lee@example.com';

/** Two pipelines; 미팅, 데모, 수주 and 실주 are in both, with other probabilities and stale limits. */
const STAGES: Cell[][] = [
  ['파이프라인', '단계', '수주 성공 확률', '정체 기준일', '결과'],
  ['신규', '미팅', '10%', 14, ''],
  ['신규', '데모', '30%', 14, ''],
  ['신규', '수주', '100%', '', '수주'],
  ['신규', '실주', '0%', '', '실주'],
  ['갱신', '미팅', '50%', 7, ''],
  ['갱신', '데모', '80%', 7, ''],
  ['갱신', '갱신 협상', '90%', 7, ''],
  ['갱신', '수주', '100%', '', '수주'],
  ['갱신', '실주', '0%', '', '실주'],
];

const DEALS_HEADER = [
  '딜 ID',
  '딜 이름',
  '담당자',
  '금액',
  '단계',
  '단계 진입일',
  '수주 예정일',
  '수주 확률',
  '진행 상태',
  '파이프라인',
];
/**
 *  row  id   amount        stage (pipeline)  entered  close   own   status  weighted
 *   2   K-1  10,000,000    데모 (신규 30%)      11-05    11-20   -     -       3,000,000
 *   3   K-2  20,000,000    데모 (갱신 80%)      11-03    11-25   -     -       16,000,000
 *   4   K-3  30,000,000    미팅 (갱신 50%)      11-10    11-28   40%   -       12,000,000 (own, not 15,000,000)
 *   5   K-4   5,000,000    데모 (신규)          09-01    10-31   -     수주    5,000,000 in 2023-10 (won)
 *   6   K-5   8,000,000    미팅 (신규 10%)      11-01    11-14   -     -       800,000
 */
const DEALS: Cell[][] = [
  DEALS_HEADER,
  [
    'K-1',
    '보안 솔루션',
    'minjun.kim@example.com',
    10_000_000,
    '데모',
    seoul(2023, 11, 5),
    seoul(2023, 11, 20),
    '',
    '',
    '신규',
  ],
  [
    'K-2',
    '재고 앱 갱신',
    'sua.choi@example.com',
    20_000_000,
    '데모',
    seoul(2023, 11, 3),
    seoul(2023, 11, 25),
    '',
    '',
    '갱신',
  ],
  [
    'K-3',
    '교육 플랫폼 갱신',
    'sua.choi@example.com',
    30_000_000,
    '미팅',
    seoul(2023, 11, 10),
    seoul(2023, 11, 28),
    '40%',
    '',
    '갱신',
  ],
  [
    'K-4',
    '배차 시스템',
    'doyun.jung@example.com',
    5_000_000,
    '데모',
    seoul(2023, 9, 1),
    seoul(2023, 10, 31),
    '',
    '수주',
    '신규',
  ],
  [
    'K-5',
    '물류 연동',
    'doyun.jung@example.com',
    8_000_000,
    '미팅',
    seoul(2023, 11, 1),
    seoul(2023, 11, 14),
    '',
    '',
    '신규',
  ],
];

/** Row 7 when added below DEALS: a deal in dollars, in 신규's 데모 (30%). */
const DOLLAR_DEAL: Cell[] = [
  'K-6',
  'Acme US',
  'minjun.kim@example.com',
  '$12,500',
  '데모',
  seoul(2023, 11, 6),
  seoul(2023, 11, 21),
  '',
  '',
  '신규',
];

const FORECAST_HEADER = ['Month', 'Weighted', 'Open pipeline', 'Won', 'Open deals'];

function spreadsheet(deals: Cell[][] = DEALS, locale = 'ko_KR'): Harness {
  return openSpreadsheet({
    now: NOW,
    locale,
    userEmail: USER,
    sheets: { Stages: STAGES.map((r) => [...r]), Deals: deals.map((r) => [...r]) },
  });
}

/** A whole-column range as Sheets hands it to a custom function: a 2-D array of bare values. */
function range(h: Harness, a1: string): unknown[][] {
  return h.standIn.spreadsheet.getRange(a1).getValues();
}

/** A custom function called by Sheets from a cell: a custom-function execution of the bundle's global. */
function sheetsCall(h: Harness, name: string, ...args: unknown[]): unknown {
  h.standIn.customFunction();
  const fn = h.app[name];
  if (typeof fn !== 'function') throw new Error(`the bundle has no ${name}`);
  return JSON.parse(JSON.stringify((fn as (...a: unknown[]) => unknown)(...args)));
}

describe('FORECAST_WEIGHTED and FORECAST_RANGE in the bundle', () => {
  it("weigh each deal by its own Probability, else its own pipeline's stage", () => {
    const h = spreadsheet();
    const deals = range(h, 'Deals!A:J');
    const stages = range(h, 'Stages!A:E');
    // 3,000,000 + 16,000,000 + 12,000,000 + 800,000 (K-4 closes in October).
    expect(sheetsCall(h, 'FORECAST_WEIGHTED', deals, stages, '2023-11')).toBe(31_800_000);
    // 갱신: K-2 16,000,000 + K-3 12,000,000.
    expect(sheetsCall(h, 'FORECAST_WEIGHTED', deals, stages, '2023-11', '갱신')).toBe(28_000_000);
    // 신규: K-1 3,000,000 + K-5 800,000.
    expect(sheetsCall(h, 'FORECAST_WEIGHTED', deals, stages, '2023-11', '신규')).toBe(3_800_000);
  });

  it('spill one pipeline’s table when the month is left blank', () => {
    const h = spreadsheet();
    const deals = range(h, 'Deals!A:J');
    const stages = range(h, 'Stages!A:E');
    expect(sheetsCall(h, 'FORECAST_WEIGHTED', deals, stages, '', '신규')).toEqual([
      FORECAST_HEADER,
      // K-4, won by its Status although its stage is 데모: 100% in Won.
      ['2023-10', 5_000_000, 0, 5_000_000, 0],
      // K-1 3,000,000 + K-5 800,000; open 10,000,000 + 8,000,000.
      ['2023-11', 3_800_000, 18_000_000, 0, 2],
    ]);
    expect(sheetsCall(h, 'FORECAST_WEIGHTED', deals, stages, '', '갱신')).toEqual([
      FORECAST_HEADER,
      ['2023-11', 28_000_000, 50_000_000, 0, 2],
    ]);
    expect(() => sheetsCall(h, 'FORECAST_WEIGHTED', deals, stages, '', '파트너')).toThrow(
      "There is no pipeline '파트너' (pipelines: '신규', '갱신').",
    );
  });

  it('FORECAST_RANGE counts a deal won by Status in full, and keeps to the pipeline asked', () => {
    const h = spreadsheet();
    const deals = range(h, 'Deals!A:J');
    const stages = range(h, 'Stages!A:E');
    // October, 신규: only K-4, won by Status: every trial is 5,000,000.
    expect(sheetsCall(h, 'FORECAST_RANGE', deals, stages, '2023-10', 1_000, '신규')).toEqual([
      [5_000_000, 5_000_000, 5_000_000],
    ]);
    // November, 갱신: K-2 (80%) and K-3 (its own 40%) only: at most 20,000,000 + 30,000,000.
    const [[p10, p50, p90]] = sheetsCall(
      h,
      'FORECAST_RANGE',
      deals,
      stages,
      '2023-11',
      1_000,
      '갱신',
    ) as number[][] as [[number, number, number]];
    expect(p10).toBeGreaterThanOrEqual(0);
    expect(p10).toBeLessThanOrEqual(p50);
    expect(p50).toBeLessThanOrEqual(p90);
    expect(p90).toBeLessThanOrEqual(50_000_000);
    for (const p of [p10, p50, p90]) expect([0, 20_000_000, 30_000_000, 50_000_000]).toContain(p);
  });

  it('in a ko_KR spreadsheet a $ deal is an error naming its row and currency; in en_US it counts', () => {
    const withDollars = [...DEALS, DOLLAR_DEAL];
    const ko = spreadsheet(withDollars, 'ko_KR');
    const call = () =>
      sheetsCall(ko, 'FORECAST_WEIGHTED', range(ko, 'Deals!A:J'), range(ko, 'Stages!A:E'), '2023-11');
    expect(call).toThrow(/row 7/);
    expect(call).toThrow(/USD/);

    // en_US: the forecast is in USD; the plain numbers name no currency, so they count too.
    // 31,800,000 + 12,500 × 30% (신규 데모) = 31,803,750.
    const us = spreadsheet(withDollars, 'en_US');
    expect(
      sheetsCall(us, 'FORECAST_WEIGHTED', range(us, 'Deals!A:J'), range(us, 'Stages!A:E'), '2023-11'),
    ).toBe(31_803_750);
  });
});

describe('STAGE_CONVERSION and WIN_RATE with pipelines and as_of', () => {
  /** Two pipelines whose open stages differ and whose won and lost stages share their names. */
  const stages: Cell[][] = [
    ['파이프라인', '단계', '수주 성공 확률', '결과'],
    ['신규', '미팅', '10%', ''],
    ['신규', '제안', '40%', ''],
    ['신규', '수주', '100%', '수주'],
    ['신규', '실주', '0%', '실주'],
    ['갱신', '갱신 미팅', '50%', ''],
    ['갱신', '갱신 제안', '80%', ''],
    ['갱신', '수주', '100%', '수주'],
    ['갱신', '실주', '0%', '실주'],
  ];
  const history: Cell[][] = [
    ['일시', '딜 ID', '이전 단계', '단계'],
    [seoul(2023, 10, 1, 10), 'N-1', '', '미팅'],
    [seoul(2023, 10, 5, 10), 'N-1', '미팅', '제안'],
    [seoul(2023, 10, 20, 10), 'N-1', '제안', '수주'],
    [seoul(2023, 10, 1, 11), 'N-2', '', '미팅'],
    [seoul(2023, 10, 10, 11), 'N-2', '미팅', '실주'],
    [seoul(2023, 10, 2, 10), 'R-1', '', '갱신 미팅'],
    [seoul(2023, 10, 6, 10), 'R-1', '갱신 미팅', '갱신 제안'],
    [seoul(2023, 10, 16, 10), 'R-1', '갱신 제안', '수주'],
    [seoul(2023, 10, 3, 10), 'R-2', '', '갱신 미팅'],
    // After as_of (15 Nov): ignored.
    [seoul(2023, 11, 20, 10), 'R-2', '갱신 미팅', '갱신 제안'],
  ];

  it('STAGE_CONVERSION spills the SPEC header, then one pipeline’s open stages in order', () => {
    const h = spreadsheet();
    const table = sheetsCall(h, 'STAGE_CONVERSION', history, stages, '2023-11-15', '갱신') as unknown[][];
    expect(table[0]).toEqual([
      'Stage',
      'Reached',
      'Advanced',
      'Dropped',
      'Open',
      'Conversion',
      'Won',
      'Closed',
      'Win rate',
      'Win rate low',
      'Win rate high',
      'Median days',
      'Suggested stale after',
    ]);
    expect(table.slice(1).map((r) => r[0])).toEqual(['갱신 미팅', '갱신 제안']);
  });

  it("counts each pipeline's deals: R-1 won through 갱신, R-2 still open, N-1 and N-2 in 신규", () => {
    const h = spreadsheet();
    const table = sheetsCall(h, 'STAGE_CONVERSION', history, stages, '2023-11-15', '갱신') as unknown[][];
    const at = (name: string) => table[0]?.indexOf(name) as number;
    const counts = (r: unknown[]) =>
      ['Stage', 'Reached', 'Advanced', 'Dropped', 'Won', 'Closed'].map((c) => r[at(c)]);
    // 갱신 미팅: reached by; R-1 advanced and was won; R-2 is still there (its move of 20 Nov is after as_of).
    // 갱신 제안: reached by R-1 only, which was won.
    expect(table.slice(1).map(counts)).toEqual([
      ['갱신 미팅', 2, 1, 0, 1, 1],
      ['갱신 제안', 1, 1, 0, 1, 1],
    ]);

    const all = sheetsCall(h, 'STAGE_CONVERSION', history, stages, '2023-11-15') as unknown[][];
    expect(all.slice(1).map(counts)).toEqual([
      // 미팅: N-1 (won) and N-2 (lost from 미팅); 제안: N-1.
      ['미팅', 2, 1, 1, 1, 2],
      ['제안', 1, 1, 0, 1, 1],
      ['갱신 미팅', 2, 1, 0, 1, 1],
      ['갱신 제안', 1, 1, 0, 1, 1],
    ]);
  });

  it("WIN_RATE of a stage of the second pipeline counts that pipeline's wins", () => {
    const h = spreadsheet();
    // 갱신 제안: R-1, the one closed deal that reached it, was won.
    expect(sheetsCall(h, 'WIN_RATE', history, stages, '갱신 제안', 1, '2023-11-15')).toBe(1);
  });

  it('WIN_RATE counts only the rows up to as_of', () => {
    const h = spreadsheet();
    // 미팅 as of 20 Oct: N-1 won, N-2 lost: 1 of 2 (each moved one stage at a time, nothing censored).
    expect(sheetsCall(h, 'WIN_RATE', history, stages, '미팅', 1, '2023-10-20')).toBe(0.5);
    // As of 9 Oct neither has closed yet (N-2's loss is on the 10th): blank.
    expect(sheetsCall(h, 'WIN_RATE', history, stages, '미팅', 1, '2023-10-09')).toBe('');
  });
});

describe('the daily check', () => {
  function checked(): Harness {
    const h = spreadsheet();
    click(h, 'setupPipeline');
    click(h, 'runChecksNow');
    return h;
  }
  const health = (h: Harness, id: string) =>
    cellOf(h.standIn, 'Deals', rowOf(h.standIn, id), '파이프라인 점검');

  it('never flags a deal won by its Status as stale or overdue', () => {
    const h = checked();
    // K-4: 75 days in 데모 (limit 14) and its close (31 Oct) has passed, but its Status says 수주.
    expect(health(h, 'K-4')).toBe('');
    // K-5 (open, 신규 미팅): 1 Nov → 15 Nov is 14 days (limit 14), and 14 Nov was yesterday.
    expect(health(h, 'K-5')).toBe('정체: 미팅 14일째 (기준 14일) · 수주 예정일 지남: 2023-11-14 (1일 경과)');
    // K-1: 10 days in 신규 데모 (limit 14), closes 20 Nov.
    expect(health(h, 'K-1')).toBe('');
  });

  it('writes the problem of a $ deal in a ko_KR spreadsheet into its Health: it is left out, and says why', () => {
    const h = spreadsheet([...DEALS, DOLLAR_DEAL]);
    click(h, 'setupPipeline');
    click(h, 'runChecksNow');
    expect(health(h, 'K-6')).toContain('USD');
  });

  it("uses the deal's own pipeline's stale limit, keeps its Stage entered, and a second run changes nothing", () => {
    const h = checked();
    // K-2: 3 Nov → 15 Nov is 12 days in 갱신's 데모, whose limit is 7 (신규's 14 would not flag it).
    expect(health(h, 'K-2')).toBe('정체: 데모 12일째 (기준 7일)');
    // K-3: 5 days in 갱신 미팅 (limit 7).
    expect(health(h, 'K-3')).toBe('');
    // Nobody moved a deal: the check writes no Stage entered and no history row.
    expect(cellOf(h.standIn, 'Deals', rowOf(h.standIn, 'K-2'), '단계 진입일')).toEqual(seoul(2023, 11, 3));
    expect(cellOf(h.standIn, 'Deals', rowOf(h.standIn, 'K-3'), '단계 진입일')).toEqual(seoul(2023, 11, 10));
    const history = h.standIn.values('Stage history').length;
    const deals = h.standIn.snapshot('Deals');
    click(h, 'runChecksNow');
    expect(h.standIn.values('Stage history')).toHaveLength(history);
    expect(h.standIn.snapshot('Deals')).toEqual(deals);
  });
});

describe('the deal panel with two pipelines', () => {
  interface State {
    stages: { name: string; probability: number }[];
    deal: { id: string; stage: string; weighted: number; staleAfter: number | null } | null;
    next: string | null;
  }
  interface Result {
    ok: boolean;
    reason?: string;
    state: State | null;
  }

  function ready(): Harness {
    const h = spreadsheet();
    click(h, 'setupPipeline');
    return h;
  }

  it("offers only the deal's own pipeline's stages", () => {
    const h = ready();
    h.standIn.select('Deals', `B${rowOf(h.standIn, 'K-2')}`);
    const renewal = fromDialog(h, 'panelGetState') as State;
    expect(renewal.stages.map((s) => [s.name, s.probability])).toEqual([
      ['미팅', 0.5],
      ['데모', 0.8],
      ['갱신 협상', 0.9],
      ['수주', 1],
      ['실주', 0],
    ]);
    // K-2: 20,000,000 × 갱신 데모's 80%; its next stage is 갱신's.
    expect(renewal.deal).toMatchObject({ id: 'K-2', stage: '데모', weighted: 16_000_000, staleAfter: 7 });
    expect(renewal.next).toBe('갱신 협상');

    h.standIn.select('Deals', `B${rowOf(h.standIn, 'K-1')}`);
    const fresh = fromDialog(h, 'panelGetState') as State;
    expect(fresh.stages.map((s) => [s.name, s.probability])).toEqual([
      ['미팅', 0.1],
      ['데모', 0.3],
      ['수주', 1],
      ['실주', 0],
    ]);
    expect(fresh.deal).toMatchObject({ id: 'K-1', weighted: 3_000_000, staleAfter: 14 });
    expect(fresh.next).toBe('수주');
  });

  it("shows a deal's own probability, and a deal won by its Status as won: not open, not overdue, no next stage", () => {
    const h = ready();
    h.standIn.select('Deals', `B${rowOf(h.standIn, 'K-3')}`);
    // K-3: 30,000,000 × its own 40% (its stage, 갱신 미팅, says 50%).
    expect((fromDialog(h, 'panelGetState') as State).deal).toMatchObject({ id: 'K-3', weighted: 12_000_000 });
    h.standIn.select('Deals', `B${rowOf(h.standIn, 'K-4')}`);
    const won = fromDialog(h, 'panelGetState') as State & { deal: { open: boolean; overdue: boolean } };
    // K-4: 수주 by Status in 데모, its close (31 Oct) passed: won at 100%, nothing owed, nothing overdue.
    expect(won.deal).toMatchObject({ id: 'K-4', weighted: 5_000_000, open: false, overdue: false });
    expect(won.next).toBeNull();
  });

  it("moves into the stage of that name in the deal's own pipeline", () => {
    const h = ready();
    const before = h.standIn.values('Stage history').length;
    const result = fromPanel(h, 'panelMoveDeal', {
      dealId: 'K-2',
      expectedStage: '데모',
      toStage: '미팅',
      override: false,
      note: '',
    }) as Result;
    expect(result.ok).toBe(true);
    // 갱신's 미팅: 20,000,000 × 50% = 10,000,000 and a 7-day limit (신규's would be 2,000,000 and 14).
    expect(result.state?.deal).toMatchObject({
      id: 'K-2',
      stage: '미팅',
      weighted: 10_000_000,
      staleAfter: 7,
    });
    const row = rowOf(h.standIn, 'K-2');
    expect(cellOf(h.standIn, 'Deals', row, '단계')).toBe('미팅');
    expect(cellOf(h.standIn, 'Deals', row, '단계 진입일')).toEqual(seoul(2023, 11, 15));
    // Exactly one history row: this move.
    const history = h.standIn.values('Stage history');
    expect(history).toHaveLength(before + 1);
    expect(history.at(-1)?.slice(1, 5)).toEqual(['K-2', '데모', '미팅', USER]);
  });

  it('refuses a stage only the other pipeline has', () => {
    const h = ready();
    const row = rowOf(h.standIn, 'K-1');
    const result = fromPanel(h, 'panelMoveDeal', {
      dealId: 'K-1',
      expectedStage: '데모',
      toStage: '갱신 협상',
      override: false,
      note: '',
    }) as Result;
    // K-1 is in 신규, which has no 갱신 협상.
    expect(result).toMatchObject({ ok: false, reason: 'invalid' });
    expect(result.state?.deal).toMatchObject({ id: 'K-1', stage: '데모' });
    expect(cellOf(h.standIn, 'Deals', row, '단계')).toBe('데모');
    expect(cellOf(h.standIn, 'Deals', row, '단계 진입일')).toEqual(seoul(2023, 11, 5));
  });
});
