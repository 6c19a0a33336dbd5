/**
 * Property (b): STAGE_CONVERSION over random histories, against the SPEC definitions
 * computed deal by deal here. Generators: ./arbitraries.ts.
 *
 * The suite runs with TZ=America/Los_Angeles; the spreadsheet is in Asia/Seoul.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Cell } from '../../../src/engine/cells';
import { stageConversion } from '../../../src/engine/conversion';
import { readHistory } from '../../../src/engine/history';
import { readPipeline } from '../../../src/engine/stages';
import { type Outcome, seoul, seoulDay, textCase } from './arbitraries';

/** Sheets' PERCENTILE: linear interpolation at rank p·(n−1) of the sorted values. */
function percentile(sorted: readonly number[], p: number): number {
  const rank = p * (sorted.length - 1);
  const lo = Math.floor(rank);
  const a = sorted[lo] as number;
  const b = sorted[Math.min(lo + 1, sorted.length - 1)] as number;
  return a + (rank - lo) * (b - a);
}

// ---------------------------------------------------------------------------
// (b) STAGE_CONVERSION over random histories.

type Move = 'forward' | 'skip' | 'back' | 'lose' | 'win' | 'reopen' | 'same';

interface HistorySpec {
  openCount: number;
  wonCount: number;
  lostCount: number;
  /** Where the won and lost stages sit in the Stages sheet (pipeline order among open stages is kept). */
  closedFirst: boolean;
  deals: {
    start: number;
    priorFrom: number | null;
    startAt: number;
    moves: { move: Move; pick: number; gapMinutes: number; blankFrom: boolean; text: boolean }[];
  }[];
  shuffle: number[];
  spell: (s: string) => string;
}

const historySpec: fc.Arbitrary<HistorySpec> = fc.record({
  openCount: fc.integer({ min: 1, max: 6 }),
  wonCount: fc.integer({ min: 1, max: 2 }),
  lostCount: fc.integer({ min: 1, max: 2 }),
  closedFirst: fc.boolean(),
  deals: fc.array(
    fc.record({
      start: fc.nat(5),
      priorFrom: fc.oneof({ weight: 4, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.nat(5) }),
      startAt: fc.integer({ min: Date.UTC(2023, 0, 1) / 60_000, max: Date.UTC(2024, 0, 1) / 60_000 }),
      moves: fc.array(
        fc.record({
          move: fc.constantFrom<Move>(
            'forward',
            'forward',
            'forward',
            'skip',
            'back',
            'lose',
            'win',
            'reopen',
            'same',
          ),
          pick: fc.nat(10),
          // From a minute to two months; many stays end the same Seoul day.
          gapMinutes: fc.oneof(fc.integer({ min: 1, max: 1440 }), fc.integer({ min: 1, max: 60 * 1440 })),
          blankFrom: fc.nat(9).map((n) => n === 0),
          text: fc.boolean(),
        }),
        { maxLength: 8 },
      ),
    }),
    { minLength: 1, maxLength: 30, size: 'medium' },
  ),
  shuffle: fc.array(fc.nat(), { maxLength: 300 }),
  spell: textCase,
});

interface Built {
  stagesGrid: Cell[][];
  historyGrid: Cell[][];
  openNames: string[];
  /** Per deal, its history rows in time order: From and To stage names (blank From = ''), and the instant. */
  walks: { from: string; to: string; at: Date }[][];
  outcome: Map<string, Outcome>;
  openIndex: Map<string, number>;
}

function buildHistory(h: HistorySpec): Built {
  const openNames = Array.from({ length: h.openCount }, (_, i) => `Step ${i + 1}`);
  const wonNames = Array.from({ length: h.wonCount }, (_, i) => (i === 0 ? '수주' : `Won ${i}`));
  const lostNames = Array.from({ length: h.lostCount }, (_, i) => (i === 0 ? '실주' : `Lost ${i}`));
  const outcome = new Map<string, Outcome>();
  const openIndex = new Map<string, number>();
  openNames.forEach((n, i) => {
    outcome.set(n, 'open');
    openIndex.set(n, i);
  });
  for (const n of wonNames) outcome.set(n, 'won');
  for (const n of lostNames) outcome.set(n, 'lost');
  const closedRows = [...wonNames.map((n) => [n, '100%', 'won']), ...lostNames.map((n) => [n, '0%', 'lost'])];
  const openRows = openNames.map((n, i) => [n, `${Math.round((100 * (i + 1)) / (h.openCount + 1))}%`, '']);
  const stagesGrid: Cell[][] = [
    ['Stage', 'Win probability', 'Outcome'],
    ...(h.closedFirst ? [...closedRows, ...openRows] : [...openRows, ...closedRows]),
  ];

  const walks: { from: string; to: string; at: Date }[][] = [];
  const rows: Cell[][] = [];
  h.deals.forEach((d, k) => {
    const id = `deal-${k + 1}`;
    let current = openNames[d.start % h.openCount] as string;
    let minute = d.startAt;
    const prior = d.priorFrom === null ? '' : (openNames[d.priorFrom % h.openCount] as string);
    const walk = [{ from: prior, to: current, at: new Date(minute * 60_000) }];
    for (const m of d.moves) {
      const idx = openIndex.get(current);
      let next: string;
      switch (m.move) {
        case 'forward':
          if (idx === undefined) next = current;
          else if (idx === h.openCount - 1) next = wonNames[m.pick % h.wonCount] as string;
          else next = openNames[idx + 1] as string;
          break;
        case 'skip':
          next =
            idx === undefined || idx + 2 >= h.openCount
              ? (wonNames[m.pick % h.wonCount] as string)
              : (openNames[idx + 2 + (m.pick % (h.openCount - idx - 2))] as string);
          break;
        case 'back':
          next = idx === undefined || idx === 0 ? current : (openNames[m.pick % idx] as string);
          break;
        case 'lose':
          next = lostNames[m.pick % h.lostCount] as string;
          break;
        case 'win':
          next = wonNames[m.pick % h.wonCount] as string;
          break;
        case 'reopen':
          next = openNames[m.pick % h.openCount] as string;
          break;
        case 'same':
          next = current;
          break;
      }
      minute += m.gapMinutes;
      walk.push({ from: m.blankFrom ? '' : current, to: next, at: new Date(minute * 60_000) });
      current = next;
    }
    walks.push(walk);
    walk.forEach((w, j) => {
      const text = d.moves[j - 1]?.text ?? false;
      // Text timestamps are Seoul wall-clock time, as a Korean sheet shows them.
      const when: Cell = text ? seoulWallClock(w.at) : w.at;
      rows.push([when, id, h.spell(w.from), h.spell(w.to)]);
    });
  });
  // Append order is not time order once people paste and sort: shuffle.
  const order = rows.map((_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = (h.shuffle[i % Math.max(1, h.shuffle.length)] ?? 0) % (i + 1);
    [order[i], order[j]] = [order[j] as number, order[i] as number];
  }
  const historyGrid: Cell[][] = [
    ['When', 'Deal ID', 'From stage', 'To stage'],
    ...order.map((i) => rows[i] as Cell[]),
  ];
  return { stagesGrid, historyGrid, openNames, walks, outcome, openIndex };
}

const SEOUL_WALL = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Seoul',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});
function seoulWallClock(date: Date): string {
  const p = SEOUL_WALL.formatToParts(date);
  const get = (type: string) => p.find((x) => x.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}`;
}

interface ModelRow {
  reached: number;
  advanced: number;
  dropped: number;
  won: number;
  closed: number;
  stays: number[];
}

/** The SPEC's STAGE_CONVERSION definitions, deal by deal. */
function modelConversion(b: Built): ModelRow[] {
  const n = b.openNames.length;
  const rows: ModelRow[] = b.openNames.map(() => ({
    reached: 0,
    advanced: 0,
    dropped: 0,
    won: 0,
    closed: 0,
    stays: [],
  }));
  for (const walk of b.walks) {
    // furthest: open index + 1 of the furthest open stage entered; n + 1 once a won stage was entered.
    let furthest = 0;
    for (const w of walk) {
      for (const name of [w.from, w.to]) {
        if (name === '') continue;
        const o = b.outcome.get(name);
        if (o === 'won') furthest = n + 1;
        else if (o === 'open') furthest = Math.max(furthest, (b.openIndex.get(name) as number) + 1);
      }
    }
    const current = b.outcome.get((walk[walk.length - 1] as { to: string }).to) as Outcome;
    for (let s = 0; s < n; s++) {
      const r = rows[s] as ModelRow;
      if (current === 'lost' && furthest === s + 1) r.dropped++;
      if (furthest < s + 1) continue;
      r.reached++;
      if (furthest > s + 1) r.advanced++;
      if (current === 'won') r.won++;
      if (current !== 'open') r.closed++;
    }
    for (let j = 0; j + 1 < walk.length; j++) {
      const w = walk[j] as { to: string; at: Date };
      const next = walk[j + 1] as { at: Date };
      const idx = b.openIndex.get(w.to);
      if (idx === undefined) continue;
      (rows[idx] as ModelRow).stays.push(seoulDay(next.at) - seoulDay(w.at));
    }
  }
  return rows;
}

describe('(b) STAGE_CONVERSION over random histories', () => {
  it('matches the SPEC definitions and keeps the funnel invariants', () => {
    fc.assert(
      fc.property(historySpec, (h) => {
        const b = buildHistory(h);
        const pipeline = readPipeline(b.stagesGrid);
        const history = readHistory(b.historyGrid, pipeline, { zone: seoul });
        expect(history.problems).toEqual([]);
        const rows = stageConversion(history.changes, pipeline);
        const model = modelConversion(b);
        expect(rows.map((r) => r.stage)).toEqual(b.openNames);

        rows.forEach((r, s) => {
          const m = model[s] as ModelRow;
          expect([r.reached, r.advanced, r.dropped, r.won, r.closed], r.stage).toEqual([
            m.reached,
            m.advanced,
            m.dropped,
            m.won,
            m.closed,
          ]);
          const conversion = m.advanced + m.dropped > 0 ? m.advanced / (m.advanced + m.dropped) : null;
          expect(r.conversion).toBe(conversion);
          expect(r.winRate).toBe(m.closed > 0 ? m.won / m.closed : null);
          const days = [...m.stays].sort((x, y) => x - y);
          expect(r.medianDays, `median of ${days}`).toBe(days.length > 0 ? percentile(days, 0.5) : null);
          expect(r.suggestedStaleAfter, `80th percentile of ${days}`).toBe(
            days.length > 0 ? Math.ceil(percentile(days, 0.8) - 1e-9) : null,
          );

          // The invariants, whatever the definitions.
          for (const rate of [r.conversion, r.winRate, r.winRateLow, r.winRateHigh]) {
            if (rate !== null) expect(rate >= 0 && rate <= 1, `rate ${rate}`).toBe(true);
          }
          expect(r.winRate === null).toBe(r.winRateLow === null);
          expect(r.winRate === null).toBe(r.winRateHigh === null);
          if (r.winRate !== null && r.winRateLow !== null && r.winRateHigh !== null) {
            expect(r.winRateLow <= r.winRate, `low ${r.winRateLow} ≤ ${r.winRate}`).toBe(true);
            expect(r.winRate <= r.winRateHigh, `${r.winRate} ≤ high ${r.winRateHigh}`).toBe(true);
          }
          expect(r.reached).toBeGreaterThanOrEqual(r.advanced + r.dropped);
          expect(r.won).toBeLessThanOrEqual(r.closed);
          expect(r.closed).toBeLessThanOrEqual(r.reached);
          if (r.medianDays !== null && r.suggestedStaleAfter !== null) {
            expect(r.medianDays).toBeLessThanOrEqual(r.suggestedStaleAfter);
          }
          if (s > 0) expect(r.reached).toBeLessThanOrEqual((rows[s - 1] as { reached: number }).reached);
        });
      }),
      { numRuns: 300 },
    );
  });
});
