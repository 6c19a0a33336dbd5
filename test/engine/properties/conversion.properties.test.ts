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
  /** Days from the latest row's day to the as-of day (negative: some rows are after it); null = the default. */
  asOfShift: number | null;
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
  asOfShift: fc.option(fc.integer({ min: -90, max: 30 }), { nil: null }),
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

interface ModelStay {
  days: number;
  /** The stage it ended in, or null while still running. */
  endedIn: string | null;
}

interface ModelRow {
  reached: number;
  advanced: number;
  dropped: number;
  open: number;
  won: number;
  closed: number;
  stays: ModelStay[];
}

/** The as-of day a run uses: the latest row's day, moved by `asOfShift`. */
function asOfDayOf(b: Built, h: HistorySpec): number {
  const latest = Math.max(...b.walks.flatMap((walk) => walk.map((w) => seoulDay(w.at))));
  return latest + (h.asOfShift ?? 0);
}

/** The SPEC's STAGE_CONVERSION definitions, deal by deal (rows are distinct minutes: no ties). */
function modelConversion(b: Built, asOfDay: number): ModelRow[] {
  const n = b.openNames.length;
  const rows: ModelRow[] = b.openNames.map(() => ({
    reached: 0,
    advanced: 0,
    dropped: 0,
    open: 0,
    won: 0,
    closed: 0,
    stays: [],
  }));
  for (const walk of b.walks) {
    // Rows after the as-of day do not count; a row whose To is the current stage changes nothing.
    const effective: { from: string; to: string; at: Date }[] = [];
    for (const w of walk) {
      if (seoulDay(w.at) > asOfDay) continue;
      if (w.to === effective[effective.length - 1]?.to) continue;
      effective.push(w);
    }
    if (effective.length === 0) continue;
    // furthest: open index + 1 of the furthest open stage entered; n + 1 once a won stage was entered.
    let furthest = 0;
    for (const w of effective) {
      for (const name of [w.from, w.to]) {
        if (name === '') continue;
        const o = b.outcome.get(name);
        if (o === 'won') furthest = n + 1;
        else if (o === 'open') furthest = Math.max(furthest, (b.openIndex.get(name) as number) + 1);
      }
    }
    const current = b.outcome.get((effective[effective.length - 1] as { to: string }).to) as Outcome;
    for (let s = 0; s < n; s++) {
      const r = rows[s] as ModelRow;
      if (current === 'lost' && furthest === s + 1) r.dropped++;
      if (furthest < s + 1) continue;
      r.reached++;
      if (furthest > s + 1) r.advanced++;
      if (current === 'open') r.open++;
      if (current === 'won') r.won++;
      if (current !== 'open') r.closed++;
    }
    effective.forEach((w, j) => {
      const idx = b.openIndex.get(w.to);
      if (idx === undefined) return;
      const next = effective[j + 1];
      (rows[idx] as ModelRow).stays.push({
        days: (next ? seoulDay(next.at) : asOfDay) - seoulDay(w.at),
        endedIn: next ? next.to : null,
      });
    });
  }
  return rows;
}

/**
 * Aalen–Johansen and Kaplan–Meier written out from their definitions: at each whole-day length t
 * at which a stay ended, Y(t) = stays of length ≥ t, and CIF_x += S(t−) · d_x(t)/Y(t), S ·= 1 − d(t)/Y(t).
 */
function modelEstimates(stays: readonly ModelStay[]): {
  cif: Map<string, number>;
  survival: { t: number; s: number }[];
} {
  const cif = new Map<string, number>();
  const survival: { t: number; s: number }[] = [];
  const times = [...new Set(stays.filter((x) => x.endedIn !== null).map((x) => x.days))].sort(
    (a, b) => a - b,
  );
  let s = 1;
  for (const t of times) {
    const atRisk = stays.filter((x) => x.days >= t).length;
    const ending = stays.filter((x) => x.days === t && x.endedIn !== null);
    for (const x of ending) {
      const key = x.endedIn as string;
      cif.set(key, (cif.get(key) ?? 0) + s / atRisk);
    }
    s *= 1 - ending.length / atRisk;
    survival.push({ t, s });
  }
  return { cif, survival };
}

const firstDay = (survival: { t: number; s: number }[], q: number) =>
  survival.find((p) => p.s <= q + 1e-9)?.t ?? null;

describe('(b) STAGE_CONVERSION over random histories', () => {
  it('matches the SPEC definitions and keeps the funnel invariants', () => {
    fc.assert(
      fc.property(historySpec, (h) => {
        const b = buildHistory(h);
        const pipeline = readPipeline(b.stagesGrid);
        const history = readHistory(b.historyGrid, pipeline, { zone: seoul });
        expect(history.problems).toEqual([]);
        const asOfDay = asOfDayOf(b, h);
        const rows =
          h.asOfShift === null
            ? stageConversion(history.changes, pipeline)
            : stageConversion(history.changes, pipeline, asOfDay);
        const model = modelConversion(b, asOfDay);
        expect(rows.map((r) => r.stage)).toEqual(b.openNames);

        rows.forEach((r, s) => {
          const m = model[s] as ModelRow;
          expect([r.reached, r.advanced, r.dropped, r.open, r.won, r.closed], r.stage).toEqual([
            m.reached,
            m.advanced,
            m.dropped,
            m.open,
            m.won,
            m.closed,
          ]);
          const ended = m.stays.filter((x) => x.endedIn !== null).length;
          expect([r.stays, r.running]).toEqual([m.stays.length, m.stays.length - ended]);

          // Conversion: CIF into later open stages and won stages.
          const { cif, survival } = modelEstimates(m.stays);
          let forward = 0;
          for (const [to, p] of cif) {
            const o = b.outcome.get(to);
            if (o === 'won' || (o === 'open' && (b.openIndex.get(to) as number) > s)) forward += p;
          }
          if (ended === 0) expect(r.conversion).toBeNull();
          else expect(r.conversion as number).toBeCloseTo(forward, 9);
          expect(r.medianDays).toBe(firstDay(survival, 0.5));
          const p80 = firstDay(survival, 0.2);
          expect(r.suggestedStaleAfter).toBe(p80 === null ? null : Math.max(1, p80));
          if (m.closed === 0 || ended === 0) expect(r.winRate).toBeNull();

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
          expect(r.open + r.closed).toBe(r.reached);
          expect(r.won).toBeLessThanOrEqual(r.closed);
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

describe('(b) the SPEC’s check: nothing censored, forward one stage at a time', () => {
  it('gives Win rate = Won/Closed and Conversion = Advanced/(Advanced + Dropped) among deals that reached s', () => {
    const spec = fc.record({
      openCount: fc.integer({ min: 1, max: 5 }),
      deals: fc.array(
        fc.record({
          won: fc.boolean(),
          lostAt: fc.nat(4),
          startAt: fc.integer({ min: Date.UTC(2023, 0, 1) / 60_000, max: Date.UTC(2024, 0, 1) / 60_000 }),
          gaps: fc.array(fc.integer({ min: 1, max: 20 * 1440 }), { minLength: 6, maxLength: 6 }),
        }),
        { minLength: 1, maxLength: 40 },
      ),
    });
    fc.assert(
      fc.property(spec, ({ openCount, deals }) => {
        const open = Array.from({ length: openCount }, (_, i) => `S${i + 1}`);
        const grid: Cell[][] = [['When', 'Deal ID', 'From stage', 'To stage']];
        deals.forEach((d, k) => {
          // A won deal passes every open stage; a lost one stops at lostAt.
          const last = d.won ? openCount - 1 : d.lostAt % openCount;
          const path = ['', ...open.slice(0, last + 1), d.won ? 'Won' : 'Lost'];
          let minute = d.startAt;
          for (let j = 1; j < path.length; j++) {
            grid.push([new Date(minute * 60_000), `d${k}`, path[j - 1] as string, path[j] as string]);
            minute += d.gaps[j - 1] as number;
          }
        });
        const pipeline = readPipeline([
          ['Stage', 'Win probability', 'Outcome'],
          ...open.map((name) => [name, '50%', '']),
          ['Won', '100%', 'won'],
          ['Lost', '0%', 'lost'],
        ]);
        const history = readHistory(grid, pipeline, { zone: seoul });
        expect(history.problems).toEqual([]);
        for (const r of stageConversion(history.changes, pipeline)) {
          expect(r.running).toBe(0);
          if (r.reached === 0) continue;
          expect(r.winRate as number).toBeCloseTo(r.won / r.closed, 9);
          expect(r.conversion as number).toBeCloseTo(r.advanced / (r.advanced + r.dropped), 9);
        }
      }),
      { numRuns: 200 },
    );
  });
});
