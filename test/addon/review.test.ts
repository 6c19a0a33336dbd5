/**
 * Review win probabilities (SPEC §4, GitHub issue 13 point 3), through the
 * BUILT bundle (`npm run build` first) over the Sheets stand-in.
 *
 * The history every test starts from, in both languages: ten deals through
 * two open stages, Qualify and Propose (니즈 확인, 제안서 검토), as of
 * 15 Nov 2023. Days are whole days between rows.
 *
 *   deal  entered Qualify   days in Qualify → to     days in Propose → to
 *   D1    2 Sep             3 → Propose              3 → Won
 *   D2    4 Sep             4 → Propose              5 → Won
 *   D3    6 Sep             5 → Propose              6 → Lost
 *   D4    8 Sep             6 → Lost
 *   D5    10 Sep            7 → Propose              8 → Won
 *   D6    12 Sep            8 → Lost
 *   D7    14 Sep            9 → Propose              20 → Won
 *   D8    16 Sep            10 → Lost
 *   D9    14 Nov            still there (1 day on 15 Nov)
 *   D10   2 Nov             12 → Propose             still there since 14 Nov (1 day)
 *
 * By hand (SPEC §3):
 *   Qualify: 10 stays, 1 running (D9). The running stay is 1 day long and every ended
 *     stay is 3 days or more, so it leaves the risk set before the first event and the
 *     Aalen–Johansen incidences are plain shares of the 9 ended stays:
 *     CIF_Propose = 6/9, CIF_lost = 3/9. Closed deals that reached Qualify: D1–D8 = 8.
 *   Propose: 6 stays (D1, D2, D3, D5, D7, D10), 1 running (D10, 1 day; ended stays ≥ 3 days):
 *     CIF_won = 4/5, CIF_lost = 1/5. Closed deals that reached it: D1, D2, D3, D5, D7 = 5.
 *   Win rate W(Propose) = 4/5 = 80%; W(Qualify) = 6/9 · W(Propose) = 8/15 = 53.3%.
 *   Applied as whole percents: 53% and 80%.
 *   Suggested stale after, the smallest d with Kaplan–Meier S(d) ≤ 0.2:
 *     Qualify, 9 at risk from day 3, one ending per day at 3,4,5,6,7,8,9,10,12:
 *       S(9) = 2/9 = 0.22, S(10) = 1/9 = 0.11 → 10 days.
 *     Propose, 5 at risk, endings at 3,5,6,8,20: S(6) = 2/5, S(8) = 1/5 → 8 days.
 *
 * Stages says Qualify 10% (14 days), Propose 50% (10 days). The 95% interval is the
 * engine's (README; about 20–84% and 26–98% here): 10% lies below Qualify's and 50%
 * inside Propose's, which the test also checks against the engine's own interval.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { stageConversion } from '../../src/engine/conversion';
import { readHistory } from '../../src/engine/history';
import { readPipeline } from '../../src/engine/stages';
import { Zone } from '../../src/engine/zone';
import type {
  ReviewApplyResult,
  ReviewChange,
  ReviewStage,
  ReviewState,
} from '../../src/shared/review-protocol';
import { callGlobal, loadBundle } from '../support/load-bundle';
import { type Cell, createStandIn, type SheetSnapshot, type StandIn } from '../support/standin';
import { a1, cellChanges, type Harness } from './harness';

type Language = 'ko' | 'en';

const NAMES = {
  en: { qualify: 'Qualify', propose: 'Propose', won: 'Won', lost: 'Lost' },
  ko: { qualify: '니즈 확인', propose: '제안서 검토', won: '계약 완료', lost: '실주' },
};
type Step = keyof (typeof NAMES)['en'];

/** One deal's path: the day it entered Qualify, then each later stage with the days spent before it. */
interface Story {
  id: string;
  start: [month: number, day: number];
  moves: [days: number, to: Step][];
  /** The deal's Pipeline cell and its stages' names, for a second pipeline. */
  pipeline?: { name: string; stages: Record<Step, string> };
}

const STORIES: Story[] = [
  {
    id: 'D1',
    start: [9, 2],
    moves: [
      [3, 'propose'],
      [3, 'won'],
    ],
  },
  {
    id: 'D2',
    start: [9, 4],
    moves: [
      [4, 'propose'],
      [5, 'won'],
    ],
  },
  {
    id: 'D3',
    start: [9, 6],
    moves: [
      [5, 'propose'],
      [6, 'lost'],
    ],
  },
  { id: 'D4', start: [9, 8], moves: [[6, 'lost']] },
  {
    id: 'D5',
    start: [9, 10],
    moves: [
      [7, 'propose'],
      [8, 'won'],
    ],
  },
  { id: 'D6', start: [9, 12], moves: [[8, 'lost']] },
  {
    id: 'D7',
    start: [9, 14],
    moves: [
      [9, 'propose'],
      [20, 'won'],
    ],
  },
  { id: 'D8', start: [9, 16], moves: [[10, 'lost']] },
  { id: 'D9', start: [11, 14], moves: [] },
  { id: 'D10', start: [11, 2], moves: [[12, 'propose']] },
];

const ZONES = {
  // No daylight saving in either zone, so a wall-clock hour is one fixed offset.
  en: { timeZone: 'Pacific/Honolulu', locale: 'en_US', offset: -10 },
  ko: { timeZone: 'Asia/Seoul', locale: 'ko_KR', offset: 9 },
};
const DAY = 86_400_000;

/** 10:00 on a day of 2023 in the spreadsheet's zone, as a Date cell. */
function at(language: Language, month: number, day: number): Date {
  return new Date(Date.UTC(2023, month - 1, day, 10) - ZONES[language].offset * 3_600_000);
}

const HEADERS = {
  en: {
    history: ['When', 'Deal ID', 'From stage', 'To stage', 'By', 'Note'],
    deals: ['Deal ID', 'Deal', 'Amount', 'Stage', 'Stage entered'],
    tasks: ['Task ID', 'Deal ID', 'Task'],
  },
  ko: {
    history: ['일시', '딜 ID', '이전 단계', '단계', '변경자', '메모'],
    deals: ['딜 ID', '딜 이름', '금액', '단계', '단계 진입일'],
    tasks: ['할일 ID', '딜 ID', '할일'],
  },
};

/** Stage history and Deals from the stories: one history row per move, each deal in its last stage. */
function pipelineSheets(
  language: Language,
  stories: readonly Story[],
): { history: Cell[][]; deals: Cell[][] } {
  const piped = stories.some((s) => s.pipeline);
  const history: Cell[][] = [HEADERS[language].history];
  const deals: Cell[][] = [[...HEADERS[language].deals, ...(piped ? ['Pipeline'] : [])]];
  for (const story of stories) {
    const n = story.pipeline?.stages ?? NAMES[language];
    let when = at(language, story.start[0], story.start[1]);
    history.push([when, story.id, '', n.qualify, 'rep@example.com', '']);
    let stage: string = n.qualify;
    for (const [days, to] of story.moves) {
      when = new Date(when.getTime() + days * DAY);
      history.push([when, story.id, stage, n[to], 'rep@example.com', '']);
      stage = n[to];
    }
    const deal: Cell[] = [story.id, `Deal ${story.id}`, 1_000_000, stage, when];
    deals.push(piped ? [...deal, story.pipeline?.name ?? 'Direct'] : deal);
  }
  return { history, deals };
}

/**
 * English: fractions in a percent-formatted column with an Outcome column, as setup
 * writes Stages. Korean: plain percents (`20` = 20%) and no Outcome column, as a team
 * types them (100 = won, 0 = lost).
 */
function stagesSheet(language: Language): Cell[][] {
  const n = NAMES[language];
  if (language === 'en')
    return [
      ['Stage', 'Win probability', 'Stale after (days)', 'Outcome'],
      [n.qualify, 0.1, 14, ''],
      [n.propose, 0.5, 10, ''],
      [n.won, 1, '', 'won'],
      [n.lost, 0, '', 'lost'],
    ];
  return [
    ['단계', '수주 성공 확률', '정체 기준일'],
    [n.qualify, 10, 14],
    [n.propose, 50, 10],
    [n.won, 100, ''],
    [n.lost, 0, ''],
  ];
}

interface Options {
  stories?: readonly Story[];
  stages?: Cell[][];
  extraSheets?: Record<string, Cell[][]>;
}

/** A spreadsheet with the built bundle and the built Review dialog (the shared harness predates it). */
function reviewSpreadsheet(language: Language, options: Options = {}): Harness {
  const { history, deals } = pipelineSheets(language, options.stories ?? STORIES);
  const stages = options.stages ?? stagesSheet(language);
  const standIn = createStandIn({
    timeZone: ZONES[language].timeZone,
    locale: ZONES[language].locale,
    now: () => at(language, 11, 15),
    userEmail: 'manager@example.com',
    sheets: {
      Deals: deals,
      Stages: stages,
      'Stage history': history,
      Tasks: [HEADERS[language].tasks],
      ...options.extraSheets,
    },
    htmlFiles: { Review: readFileSync('dist/Review.html', 'utf8') },
  });
  if (language === 'en' && !options.stages)
    standIn.seed('Stages', 'B2:B5', { numberFormats: [['0%'], ['0%'], ['0%'], ['0%']] });
  return { standIn, app: loadBundle(standIn) };
}

/** A google.script.run call; the bundle's objects come from its realm, so round-trip through JSON. */
function dialog<T>(h: Harness, fn: string, ...args: unknown[]): T {
  h.standIn.begin('sidebar');
  return JSON.parse(JSON.stringify(callGlobal(h.app, fn, ...args))) as T;
}

const getState = (h: Harness) => dialog<ReviewState>(h, 'reviewGetState');
const apply = (h: Harness, changes: ReviewChange[]) =>
  dialog<ReviewApplyResult>(h, 'reviewApply', { changes });

function stageOf(state: ReviewState, name: string, pipeline?: string): ReviewStage {
  for (const p of state.pipelines)
    for (const s of p.stages)
      if (s.stage === name && (pipeline === undefined || s.pipeline === pipeline)) return s;
  throw new Error(`no stage ${name}`);
}

/** What the dialog sends for a ticked value: the value it showed and the one it offered. */
function tick(stage: ReviewStage, field: 'probability' | 'staleAfter'): ReviewChange {
  const value = stage[field];
  if (value.proposed === null) throw new Error(`${stage.stage} ${field} has nothing to apply`);
  return {
    pipeline: stage.pipeline,
    stage: stage.stage,
    field,
    current: value.current,
    proposed: value.proposed,
  };
}

function snapshots(standIn: StandIn): Record<string, SheetSnapshot> {
  const names = standIn.spreadsheet.getSheets().map((s) => s.getName());
  return Object.fromEntries(names.map((n) => [n, standIn.snapshot(n)]));
}

/** The engine's own interval for the two stages, for the flag (its method is the README's, not this test's). */
function engineIntervals(language: Language): { low: number | null; high: number | null }[] {
  const { history } = pipelineSheets(language, STORIES);
  const pipeline = readPipeline(stagesSheet(language));
  const zone = new Zone(ZONES[language].timeZone);
  const changes = readHistory(history, pipeline, { zone }).changes;
  return stageConversion(changes, pipeline, zone.day(at(language, 11, 15).getTime())).map((r) => ({
    low: r.winRateLow,
    high: r.winRateHigh,
  }));
}

/** A probability in tenths of a percent, as the dialog shows it. */
const pct = (p: number | null) => `${Math.round((p ?? Number.NaN) * 1000) / 10}%`;

/** Cell changes of one sheet as `B2 values: 0.1 → 0.53` lines. */
function changedCells(before: SheetSnapshot | undefined, after: SheetSnapshot | undefined): string[] {
  if (!before || !after) throw new Error('missing sheet');
  return cellChanges(before, after).map(
    (c) => `${a1(c.row, c.column)} ${c.field}: ${String(c.before)} → ${String(c.after)}`,
  );
}

describe('Review win probabilities: what the dialog shows', () => {
  test.each([
    ['en', 'Review win probabilities'],
    ['ko', '수주 확률 검토'],
  ] as const)('%s: the menu item opens a 560 px modal dialog titled %s', (language, caption) => {
    const h = reviewSpreadsheet(language);
    h.app.onOpen(h.standIn.openEvent('FULL'));
    h.standIn.runMenuItem(caption);
    expect(h.standIn.ui.dialogs).toMatchObject([{ title: caption, modal: true, width: 560, height: 640 }]);
    expect(h.standIn.ui.dialogs[0]?.html).toContain('<title>Review win probabilities</title>');
  });

  test('English: every open stage with its Stages values, the estimate and its interval, what it rests on, the flag', () => {
    const state = getState(reviewSpreadsheet('en'));
    expect(state).toMatchObject({
      language: 'en',
      asOf: '2023-11-15',
      stagesSheet: 'Stages',
      grouped: false,
      logSheet: null,
      unreadHistoryRows: 0,
    });
    expect(state.pipelines.map((p) => [p.name, p.stages.map((s) => s.stage)])).toEqual([
      ['', ['Qualify', 'Propose']],
    ]);
    const [qi, pi] = engineIntervals('en');
    const qualify = stageOf(state, 'Qualify');
    expect(qualify).toEqual({
      pipeline: '',
      stage: 'Qualify',
      row: 2,
      // 8/15 = 53.3%, applied as 53%.
      probability: {
        field: 'probability',
        current: 0.1,
        currentText: '10%',
        proposed: 0.53,
        proposedText: '53%',
        unavailable: null,
      },
      staleAfter: {
        field: 'staleAfter',
        current: 14,
        currentText: '14 days',
        proposed: 10,
        proposedText: '10 days',
        unavailable: null,
      },
      estimateText: '53.3%',
      intervalText: `95% interval ${pct(qi?.low ?? null)}–${pct(qi?.high ?? null)}`,
      evidence: 'estimated from 10 stays, 1 still open; 8 closed deals',
      outsideInterval: true,
      flag: 'Outside the 95% interval',
    });
    // The flag agrees with the engine's interval: 10% is below it, 50% inside Propose's.
    expect(qi?.low).toBeGreaterThan(0.1);
    expect(pi?.low).toBeLessThan(0.5);
    expect(pi?.high).toBeGreaterThan(0.5);
    const propose = stageOf(state, 'Propose');
    expect(propose.probability).toMatchObject({ current: 0.5, proposed: 0.8, proposedText: '80%' });
    expect(propose.staleAfter).toMatchObject({ current: 10, proposed: 8, proposedText: '8 days' });
    expect(propose).toMatchObject({
      row: 3,
      estimateText: '80%',
      intervalText: `95% interval ${pct(pi?.low ?? null)}–${pct(pi?.high ?? null)}`,
      evidence: 'estimated from 6 stays, 1 still open; 5 closed deals',
      outsideInterval: false,
      flag: null,
    });
  });

  test('Korean: the same figures in Korean, from a column of plain percents', () => {
    const state = getState(reviewSpreadsheet('ko'));
    expect(state.language).toBe('ko');
    expect(state.pipelines[0]?.stages.map((s) => s.stage)).toEqual(['니즈 확인', '제안서 검토']);
    const qualify = stageOf(state, '니즈 확인');
    // `10` in a column that holds 20-style percents is 10%.
    expect(qualify.probability).toMatchObject({ current: 0.1, currentText: '10%', proposed: 0.53 });
    expect(qualify.staleAfter).toMatchObject({ currentText: '14일', proposedText: '10일' });
    expect(qualify).toMatchObject({
      estimateText: '53.3%',
      evidence: '체류 10건 (진행 중 1건), 종료된 딜 8건 기준',
      flag: '95% 구간 밖',
    });
    expect(qualify.intervalText).toMatch(/^95% 구간 \d+(\.\d)?%–\d+(\.\d)?%$/);
    expect(stageOf(state, '제안서 검토')).toMatchObject({ estimateText: '80%', flag: null });
  });

  test('a blank estimate cannot be ticked, nor a value Stages already has, nor 100% where it would make the stage won', () => {
    // Nothing closed yet: D9 still in Qualify, D10 moved on to Propose and is still there.
    const young = getState(reviewSpreadsheet('en', { stories: STORIES.slice(8) }));
    const q = stageOf(young, 'Qualify');
    expect(q.estimateText).toBe('—');
    expect(q.intervalText).toBe('');
    expect(q.flag).toBeNull();
    expect(q.probability).toMatchObject({
      proposed: null,
      proposedText: '—',
      unavailable: 'No estimate yet: no stay in this stage has ended, or no deal that reached it has closed.',
    });
    // D10's 12-day stay ended (S = 0 there) while D9's runs: a suggestion without an estimate.
    expect(q.staleAfter).toMatchObject({ proposed: 12, unavailable: null });
    expect(stageOf(young, 'Propose').staleAfter).toMatchObject({
      proposed: null,
      unavailable: 'No suggestion yet: too few stays in this stage have ended.',
    });

    // Korean Stages have no Outcome column: 100 there means won. D3 won too, so Propose's estimate is 5/5.
    const allWon = STORIES.map((s) =>
      s.id === 'D3'
        ? {
            ...s,
            moves: [
              [5, 'propose'],
              [6, 'won'],
            ],
          }
        : s,
    );
    const stages = stagesSheet('ko');
    (stages[2] as Cell[])[2] = 8; // Propose's Stale after is already the suggested 8 days
    const ko = getState(reviewSpreadsheet('ko', { stories: allWon as Story[], stages }));
    const propose = stageOf(ko, '제안서 검토');
    expect(propose.probability).toMatchObject({
      proposed: 1,
      unavailable: 'Stages에 결과 열이 없어 100%로 바꾸면 이 단계가 수주 단계가 됩니다.',
    });
    expect(propose.staleAfter).toMatchObject({
      current: 8,
      proposed: 8,
      unavailable: 'Stages 값과 같습니다.',
    });
    // 6/9 · 1 = 66.7%: still offered.
    expect(stageOf(ko, '니즈 확인').probability).toMatchObject({ proposed: 0.67, unavailable: null });
  });

  test('with a Pipeline column: one group per pipeline, each estimated from its own deals only', () => {
    const h = reviewSpreadsheet('en', pipelinesOptions());
    const state = getState(h);
    expect(state.grouped).toBe(true);
    expect(state.pipelines.map((p) => [p.name, p.stages.map((s) => s.stage)])).toEqual([
      ['Direct', ['Qualify', 'Propose']],
      ['Partner', ['Qualify']],
    ]);
    // Direct is the ten deals above; Partner's four: P1, P3, P4 won, P2 lost → 3/4.
    expect(stageOf(state, 'Qualify', 'Direct')).toMatchObject({ estimateText: '53.3%', row: 2 });
    expect(stageOf(state, 'Qualify', 'Partner')).toMatchObject({
      estimateText: '75%',
      row: 6,
      evidence: 'estimated from 4 stays, 0 still open; 4 closed deals',
    });
  });
});

/** Two pipelines sharing the stage name Qualify: the ten deals in Direct, four more in Partner. */
function pipelinesOptions(): Options {
  const partner = {
    name: 'Partner',
    stages: { qualify: 'Qualify', propose: 'Propose', won: 'Won', lost: 'Lost' },
  };
  const partnerDeals: Story[] = [
    { id: 'P1', start: [10, 2], moves: [[2, 'won']], pipeline: partner },
    { id: 'P2', start: [10, 4], moves: [[3, 'lost']], pipeline: partner },
    { id: 'P3', start: [10, 6], moves: [[4, 'won']], pipeline: partner },
    { id: 'P4', start: [10, 8], moves: [[5, 'won']], pipeline: partner },
  ];
  return {
    stories: [...STORIES, ...partnerDeals],
    stages: [
      ['Stage', 'Win probability', 'Stale after (days)', 'Outcome', 'Pipeline'],
      ['Qualify', 0.1, 14, '', 'Direct'],
      ['Propose', 0.5, 10, '', 'Direct'],
      ['Won', 1, '', 'won', 'Direct'],
      ['Lost', 0, '', 'lost', 'Direct'],
      ['Qualify', 0.3, 7, '', 'Partner'],
      ['Won', 1, '', 'won', 'Partner'],
      ['Lost', 0, '', 'lost', 'Partner'],
    ],
  };
}

const EN_LOG_HEADERS = ['When', 'Who', 'Pipeline', 'Stage', 'Field', 'Old', 'New', 'Evidence'];

describe('Review win probabilities: applying', () => {
  test('English: two ticked values write exactly those two Stages cells, and two rows in an owned log', () => {
    const h = reviewSpreadsheet('en');
    const state = getState(h);
    const before = snapshots(h.standIn);
    const result = apply(h, [
      tick(stageOf(state, 'Qualify'), 'probability'),
      tick(stageOf(state, 'Propose'), 'staleAfter'),
    ]);

    expect(result.ok).toBe(true);
    expect(result.message).toBe("2 values written to Stages and logged in 'Stage changes log'.");
    expect(result.written.map((w) => [w.cell, w.stage, w.label, w.oldText, w.newText])).toEqual([
      ['Stages!B2', 'Qualify', 'Win probability', '10%', '53%'],
      ['Stages!C3', 'Propose', 'Stale after (days)', '10 days', '8 days'],
    ]);
    const after = snapshots(h.standIn);
    // A fraction in the percent-formatted cell, as setup writes them; the format stays.
    expect(changedCells(before.Stages, after.Stages)).toEqual(['B2 values: 0.1 → 0.53', 'C3 values: 10 → 8']);
    expect(after.Stages?.numberFormats[1]?.[1]).toBe('0%');
    for (const name of ['Deals', 'Stage history', 'Tasks'])
      expect(changedCells(before[name], after[name])).toEqual([]);

    expect(Object.keys(after)).toEqual([...Object.keys(before), 'Stage changes log']);
    const log = h.standIn.values('Stage changes log');
    expect(log).toEqual([
      EN_LOG_HEADERS,
      [
        at('en', 11, 15),
        'manager@example.com',
        '',
        'Qualify',
        'Win probability',
        0.1,
        0.53,
        'estimated from 10 stays, 1 still open; 8 closed deals',
      ],
      [
        at('en', 11, 15),
        'manager@example.com',
        '',
        'Propose',
        'Stale after (days)',
        10,
        8,
        'estimated from 6 stays, 1 still open; 5 closed deals',
      ],
    ]);
    const formats = after['Stage changes log']?.numberFormats;
    expect([formats?.[1]?.[0], formats?.[1]?.[5], formats?.[1]?.[6], formats?.[2]?.[5]]).toEqual([
      'm/d/yyyy h:mm',
      '0%',
      '0%',
      '0',
    ]);
    expect(after['Stage changes log']?.frozenRows).toBe(1);
    expect(
      h.standIn
        .developerMetadata()
        .filter((m) => m.key === 'sheetsPipeline.sheet' && m.value === 'Stage changes log'),
    ).toMatchObject([{ locationType: 'SHEET', location: 'Stage changes log' }]);

    // What was written reads back as the same probability and threshold.
    const read = readPipeline(h.standIn.values('Stages'));
    expect(read.stages.map((s) => [s.name, s.probability, s.staleAfter, s.outcome])).toEqual([
      ['Qualify', 0.53, 14, 'open'],
      ['Propose', 0.5, 8, 'open'],
      ['Won', 1, null, 'won'],
      ['Lost', 0, null, 'lost'],
    ]);
    // The dialog now shows the new values: Qualify's is applied and inside the interval.
    expect(result.state.logSheet).toBe('Stage changes log');
    expect(stageOf(result.state, 'Qualify')).toMatchObject({
      probability: { current: 0.53, unavailable: 'Stages already says this.' },
      flag: null,
    });
    expect(stageOf(result.state, 'Propose').staleAfter).toMatchObject({
      current: 8,
      unavailable: 'Stages already says this.',
    });
  });

  test('a second apply appends to the same log, found by its tag even after a person renamed it', () => {
    const h = reviewSpreadsheet('en');
    const first = getState(h);
    apply(h, [tick(stageOf(first, 'Qualify'), 'probability')]);
    h.standIn.spreadsheet.getSheetByName('Stage changes log')?.setName('Probability changes');
    const second = getState(h);
    const result = apply(h, [tick(stageOf(second, 'Qualify'), 'staleAfter')]);
    expect(result.message).toBe("1 value written to Stages and logged in 'Probability changes'.");
    expect(h.standIn.spreadsheet.getSheetByName('Stage changes log')).toBeNull();
    const log = h.standIn.values('Probability changes');
    expect(log.map((r) => [r[3], r[4], r[5], r[6]])).toEqual([
      ['Stage', 'Field', 'Old', 'New'],
      ['Qualify', 'Win probability', 0.1, 0.53],
      ['Qualify', 'Stale after (days)', 14, 10],
    ]);
  });

  test('a team’s own sheet named Stage changes log is never written: the add-on’s goes beside it', () => {
    const own = [
      ['Date', 'What'],
      ['2023-10-01', 'Our own notes'],
    ];
    const h = reviewSpreadsheet('en', { extraSheets: { 'Stage changes log': own } });
    const before = h.standIn.snapshot('Stage changes log');
    const state = getState(h);
    const result = apply(h, [tick(stageOf(state, 'Qualify'), 'probability')]);
    expect(result.message).toBe(
      "1 value written to Stages and logged in 'Stage changes log (Sheets Pipeline)'.",
    );
    expect(changedCells(before, h.standIn.snapshot('Stage changes log'))).toEqual([]);
    expect(h.standIn.values('Stage changes log (Sheets Pipeline)')[1]?.slice(3, 7)).toEqual([
      'Qualify',
      'Win probability',
      0.1,
      0.53,
    ]);
    // The next apply goes to the add-on's sheet again, not to the team's.
    apply(h, [tick(stageOf(getState(h), 'Propose'), 'staleAfter')]);
    expect(h.standIn.values('Stage changes log (Sheets Pipeline)')).toHaveLength(3);
    expect(changedCells(before, h.standIn.snapshot('Stage changes log'))).toEqual([]);
  });

  test('Korean: a column of plain percents gets a plain percent, which reads back as the same probability; the log is Korean', () => {
    // The team wrote Propose's threshold as text, `10일`: the new one is written the same way.
    const stages = stagesSheet('ko');
    (stages[2] as Cell[])[2] = '10일';
    const h = reviewSpreadsheet('ko', { stages });
    const state = getState(h);
    const before = snapshots(h.standIn);
    const result = apply(h, [
      tick(stageOf(state, '니즈 확인'), 'probability'),
      tick(stageOf(state, '제안서 검토'), 'staleAfter'),
    ]);
    expect(result.ok).toBe(true);
    expect(result.message).toBe("Stages에 값 2개를 쓰고 'Stage changes log' 시트에 기록했습니다.");
    expect(result.written.map((w) => [w.cell, w.label, w.oldText, w.newText])).toEqual([
      ['Stages!B2', '수주 확률', '10%', '53%'],
      ['Stages!C3', '정체 기준일', '10일', '8일'],
    ]);
    const after = snapshots(h.standIn);
    expect(changedCells(before.Stages, after.Stages)).toEqual([
      'B2 values: 10 → 53',
      'C3 values: 10일 → 8일',
    ]);
    for (const name of ['Deals', 'Stage history', 'Tasks'])
      expect(changedCells(before[name], after[name])).toEqual([]);
    const read = readPipeline(h.standIn.values('Stages'));
    expect(read.stages.map((s) => [s.name, s.probability, s.staleAfter, s.outcome])).toEqual([
      ['니즈 확인', 0.53, 14, 'open'],
      ['제안서 검토', 0.5, 8, 'open'],
      ['계약 완료', 1, null, 'won'],
      ['실주', 0, null, 'lost'],
    ]);
    expect(h.standIn.values('Stages')[2]?.[2]).toBe('8일');
    const log = h.standIn.values('Stage changes log');
    expect(log[0]).toEqual(['일시', '변경자', '파이프라인', '단계', '항목', '이전 값', '새 값', '근거']);
    expect(log[1]?.slice(3)).toEqual([
      '니즈 확인',
      '수주 확률',
      0.1,
      0.53,
      '체류 10건 (진행 중 1건), 종료된 딜 8건 기준',
    ]);
    expect(log[2]?.slice(3, 7)).toEqual(['제안서 검토', '정체 기준일', 10, 8]);
    expect(h.standIn.snapshot('Stage changes log').numberFormats[1]?.[0]).toBe('yyyy. m. d hh:mm');
  });

  test('a probability that would turn a column of plain percents into fractions is written as `x%` text, or refused', () => {
    // 100 deals through one open stage, only D1 won: W = 1/100, applied as 1%. In this column `5` is
    // the only plain number over 1, so a plain `1` there would make the column read as fractions
    // (1 = 100%: without an Outcome column, a won stage). Written as `1%` text, it reads as 1%.
    const onlyOneWon: Story[] = Array.from({ length: 100 }, (_, i) => ({
      id: `D${i + 1}`,
      start: [9, 1 + (i % 20)] as [number, number],
      moves: [[3 + (i % 5), i === 0 ? 'won' : 'lost']] as [number, Step][],
    }));
    const stages = (propose: Cell[][]): Cell[][] => [
      ['단계', '수주 성공 확률', '정체 기준일'],
      ['니즈 확인', 5, 14],
      ...propose,
      ['계약 완료', '100%', ''],
      ['실주', 0, ''],
    ];
    const h = reviewSpreadsheet('ko', { stories: onlyOneWon, stages: stages([]) });
    const result = apply(h, [tick(stageOf(getState(h), '니즈 확인'), 'probability')]);
    expect(result.ok).toBe(true);
    expect(h.standIn.values('Stages')[1]?.[1]).toBe('1%');
    expect(
      readPipeline(h.standIn.values('Stages')).stages.map((s) => [s.name, s.probability, s.outcome]),
    ).toEqual([
      ['니즈 확인', 0.01, 'open'],
      ['계약 완료', 1, 'won'],
      ['실주', 0, 'lost'],
    ]);

    // With another stage's `0.5` (0.5% here) in the column, even text would make that one read as 50%: refused.
    const refused = reviewSpreadsheet('ko', {
      stories: onlyOneWon,
      stages: stages([['제안서 검토', 0.5, 10]]),
    });
    const before = snapshots(refused.standIn);
    const answer = apply(refused, [tick(stageOf(getState(refused), '니즈 확인'), 'probability')]);
    expect(answer.ok).toBe(false);
    expect(answer.message).toBe(
      "'니즈 확인'의 확률을 쓰면 다른 단계의 확률이 다르게 읽힙니다. 아무것도 쓰지 않았습니다.",
    );
    expect(snapshots(refused.standIn)).toEqual(before);
  });

  test('a value changed in Stages since the dialog showed it is refused by stage name, and nothing is written', () => {
    const h = reviewSpreadsheet('en');
    const state = getState(h);
    h.standIn.edit('Stages', 'B2', [['25%']], 'someone@example.com');
    const before = snapshots(h.standIn);
    const result = apply(h, [
      tick(stageOf(state, 'Qualify'), 'probability'),
      tick(stageOf(state, 'Propose'), 'staleAfter'),
    ]);
    expect(result.ok).toBe(false);
    expect(result.message).toBe(
      "Win probability of 'Qualify' changed in Stages since the dialog showed it (10%, now 25%). " +
        'Nothing was written. The dialog now shows the values as they are: check them and apply again.',
    );
    expect(result.written).toEqual([]);
    expect(snapshots(h.standIn)).toEqual(before);
    expect(stageOf(result.state, 'Qualify').probability).toMatchObject({ current: 0.25, currentText: '25%' });
  });

  test('an estimate that moved since the dialog showed it is refused too (a deal was lost meanwhile)', () => {
    const h = reviewSpreadsheet('en');
    const state = getState(h);
    const history = h.standIn.values('Stage history');
    h.standIn.edit('Stage history', `A${history.length + 1}:F${history.length + 1}`, [
      [at('en', 11, 15), 'D9', 'Qualify', 'Lost', 'rep@example.com', ''],
    ]);
    const before = snapshots(h.standIn);
    const result = apply(h, [tick(stageOf(state, 'Qualify'), 'probability')]);
    // D9's 1-day stay now ends lost: S = 9/10 after day 1, so W(Qualify) = 0.9 · 6/9 · 0.8 = 48%.
    expect(result.ok).toBe(false);
    expect(result.message).toContain(
      "The suggested win probability of 'Qualify' changed since the dialog showed it (53%, now 48%).",
    );
    expect(snapshots(h.standIn)).toEqual(before);
  });

  test('requests the dialog could not have sent are refused whole, and nothing is written', () => {
    const h = reviewSpreadsheet('en');
    h.standIn.edit('Stages', 'C2', [['10']]);
    const state = getState(h);
    const before = snapshots(h.standIn);
    const q = tick(stageOf(state, 'Qualify'), 'probability');
    const unreadable =
      'The dialog sent a request the add-on cannot read. Close the dialog and open it again.';
    const cases: [unknown, string][] = [
      [{ changes: 'all' }, unreadable],
      [{ changes: [q, q] }, unreadable],
      [{ changes: [{ ...q, proposed: '=1' }] }, unreadable],
      [{ changes: [] }, 'Tick at least one value to apply.'],
      [{ changes: [{ ...q, stage: 'Negotiate' }] }, "'Negotiate' is no longer an open stage in Stages."],
      // A value the dialog shows but cannot tick (Stages already says 10 days), ticked anyway.
      [
        { changes: [{ ...q, field: 'staleAfter', current: 10, proposed: 10 }] },
        "Stale after (days) of 'Qualify': Stages already says this.",
      ],
      // An offer the dialog never made.
      [{ changes: [{ ...q, proposed: 0.6 }] }, "The suggested win probability of 'Qualify' changed since"],
    ];
    for (const [request, message] of cases) {
      const result = dialog<ReviewApplyResult>(h, 'reviewApply', request);
      expect(result.ok).toBe(false);
      expect(result.message.startsWith(message), result.message).toBe(true);
    }
    expect(snapshots(h.standIn)).toEqual(before);
  });

  test('a busy document lock is said, and nothing is written', () => {
    const h = reviewSpreadsheet('en');
    const state = getState(h);
    const before = snapshots(h.standIn);
    h.standIn.locks.holdElsewhere('document');
    expect(() => apply(h, [tick(stageOf(state, 'Qualify'), 'probability')])).toThrow(
      'Another Sheets Pipeline run is writing to this spreadsheet. Try again in a minute.',
    );
    expect(snapshots(h.standIn)).toEqual(before);
  });

  test('pipelines: a change is matched by pipeline and stage, so only the Partner Qualify row is written; names stay literal text', () => {
    const options = pipelinesOptions();
    // A stage name a person could type only as text: it must reach the log as exactly that.
    const literal = '+1 Referral';
    const partnerStages = { qualify: literal, propose: 'Propose', won: 'Won', lost: 'Lost' };
    options.stories = options.stories?.map((s) =>
      s.pipeline ? { ...s, pipeline: { name: '2024-01', stages: partnerStages } } : s,
    );
    options.stages = options.stages?.map((r, i): Cell[] =>
      i >= 5
        ? [r[0] === 'Qualify' ? literal : (r[0] ?? ''), r[1] ?? '', r[2] ?? '', r[3] ?? '', '2024-01']
        : r,
    );
    const h = reviewSpreadsheet('en', options);
    const state = getState(h);
    const before = snapshots(h.standIn);
    const result = apply(h, [tick(stageOf(state, literal, '2024-01'), 'probability')]);
    expect(result.written.map((w) => [w.cell, w.pipeline, w.stage, w.oldText, w.newText])).toEqual([
      ['Stages!B6', '2024-01', literal, '30%', '75%'],
    ]);
    expect(changedCells(before.Stages, snapshots(h.standIn).Stages)).toEqual(['B6 values: 0.3 → 0.75']);
    const row = h.standIn.values('Stage changes log')[1];
    expect(row?.slice(2, 5)).toEqual(['2024-01', literal, 'Win probability']);
    expect(h.standIn.snapshot('Stage changes log').formulas[1]?.every((f) => f === '')).toBe(true);
  });
});

/** `count` deals, the ten stories over and over (D11 is D1 again, a day later each round), with their history. */
function manyStories(count: number): Story[] {
  return Array.from({ length: count }, (_, i) => {
    const story = STORIES[i % STORIES.length] as Story;
    const round = Math.floor(i / STORIES.length);
    const shift = story.start[0] === 11 ? 0 : round % 20;
    return { ...story, id: `D${i + 1}`, start: [story.start[0], story.start[1] + shift] as [number, number] };
  });
}

describe('Review win probabilities: service calls do not grow with the deals', () => {
  function measure(count: number): {
    state: Record<string, number>;
    apply: Record<string, number>;
    totals: number[];
  } {
    const h = reviewSpreadsheet('en', { stories: manyStories(count) });
    h.standIn.calls.reset();
    const state = getState(h);
    const stateCalls = h.standIn.calls.byMethod();
    const stateTotal = h.standIn.calls.total();
    h.standIn.calls.reset();
    const result = apply(h, [
      tick(stageOf(state, 'Qualify'), 'probability'),
      tick(stageOf(state, 'Propose'), 'staleAfter'),
    ]);
    expect(result.ok).toBe(true);
    return {
      state: stateCalls,
      apply: h.standIn.calls.byMethod(),
      totals: [stateTotal, h.standIn.calls.total()],
    };
  }

  test('a state fetch and an apply cost the same round trips at 100 deals as at 2,000', () => {
    const small = measure(100);
    const large = measure(2_000);
    console.log(
      `Review service calls — state fetch: ${small.totals[0]} at 100 deals, ${large.totals[0]} at 2,000; ` +
        `apply (2 values, log created): ${small.totals[1]} at 100, ${large.totals[1]} at 2,000\n` +
        `state: ${JSON.stringify(large.state)}\napply: ${JSON.stringify(large.apply)}`,
    );
    expect(large.state).toEqual(small.state);
    expect(large.apply).toEqual(small.apply);
    // Each sheet is read once per review; an apply reads Stages again after writing it (its read-back).
    expect(large.state['Sheet.getSheetValues']).toBe(4);
    expect(large.apply['Range.setValues']).toBe(4); // B2, C3, the log's header, its two rows
    expect(large.apply['Sheet.getSheetValues']).toBe(5); // the four sheets under the lock, then Stages
  });
});
