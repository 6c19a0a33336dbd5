import { describe, expect, it } from 'vitest';
import type { Cell } from '../../src/engine/cells';
import { type ConversionRow, stageConversion, winRate } from '../../src/engine/conversion';
import { readHistory } from '../../src/engine/history';
import { readPipeline, requireStage } from '../../src/engine/stages';
import { DAY_MS, Zone } from '../../src/engine/zone';
import { seoul } from '../support/seoul';

const zone = new Zone('Asia/Seoul');
/** Φ⁻¹(0.975): one stay, won, gives the Wilson low end 1/(1 + Z²) = 0.2065. */
const Z = 1.959963984540054;
const dayOf = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d) / DAY_MS;
const pick = (rows: ConversionRow[], ...keys: (keyof ConversionRow)[]) =>
  rows.map((r) => keys.map((k) => r[k]));
const closeAll = (actual: (number | null)[], expected: number[]) => {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((a, i) => {
    expect(a).toBeCloseTo(expected[i] as number, 12);
  });
};

const STAGES = [
  ['Stage', 'Probability', 'Outcome'],
  ['A', '10%', ''],
  ['B', '30%', ''],
  ['C', '70%', ''],
  ['D', '90%', ''],
  ['Won', '100%', 'won'],
  ['Lost', '0%', 'lost'],
];

// Six deals, rows deliberately out of time order (the engine sorts per deal):
// d1 A→B→C→Won; d2 A→C (skips B)→Lost; d3 A→B→C→B (moves back)→Lost;
// d4 A→B, still open; d5 A→Lost; d6 enters at B, B→D (skips C)→Won.
// Some changes happen just after midnight in Seoul, which is still the day
// before in Los Angeles, where the suite runs: days must be Seoul days.
const HISTORY = [
  ['When', 'Deal ID', 'From stage', 'To stage'],
  [seoul(2024, 1, 1, 9), 'd1', '', 'A'],
  [seoul(2024, 1, 11, 0, 30), 'd1', 'A', 'B'],
  [seoul(2024, 1, 21), 'd1', 'B', 'C'],
  [seoul(2024, 2, 1), 'd1', 'C', 'Won'],
  [seoul(2024, 1, 20), 'd2', 'C', 'Lost'],
  [seoul(2024, 1, 6), 'd2', 'A', 'C'],
  [seoul(2024, 1, 1), 'd2', '', 'A'],
  [seoul(2024, 1, 1), 'd3', '', 'A'],
  [seoul(2024, 1, 5), 'd3', 'A', 'B'],
  [seoul(2024, 1, 10), 'd3', 'B', 'C'],
  [seoul(2024, 1, 15), 'd3', 'C', 'B'],
  [seoul(2024, 1, 25), 'd3', 'B', 'Lost'],
  ['', '', '', ''],
  [seoul(2024, 1, 1), 'd4', '', 'A'],
  [seoul(2024, 1, 3), 'd4', 'A', 'B'],
  [seoul(2024, 1, 1), 'd5', '', 'A'],
  [seoul(2024, 1, 8, 23, 59), 'd5', 'A', 'Lost'],
  [seoul(2024, 1, 2), 'd6', '', 'B'],
  [seoul(2024, 1, 12), 'd6', 'B', 'D'],
  [seoul(2024, 1, 22), 'd6', 'D', 'Won'],
];

// As of 1 February (the latest row's day, the default). The stays, in Seoul days:
//   A: d1 10 → B, d2 5 → C, d3 4 → B, d4 2 → B, d5 7 → lost          (all ended)
//   B: d1 10 → C, d3 5 → C, d3 10 → lost (its second stay), d6 10 → D, d4 29 running
//   C: d1 11 → won, d2 14 → lost, d3 5 → B (a move back)
//   D: d6 10 → won
// Aalen–Johansen:
//   A: nothing censored, so the shares: B 3/5, C 1/5, lost 1/5.
//   B: t5 Y5 → C 1/5 (S 4/5); t10 Y4 → C, lost, D each (4/5)(1/4) = 1/5 (S 1/5); remainder 1/5.
//   C: t5 Y3 → B 1/3; t11 Y2 → won 1/3; t14 Y1 → lost 1/3.       D: won 1.
// Win rates: W_D = 1; W_C = 1/3 + W_B/3; W_B = 2/5 W_C + 1/5 W_D; W_A = 3/5 W_B + 1/5 W_C
//   ⇒ W_B = 5/13, W_C = 6/13, W_A = 3/13 + 6/65 = 21/65.
// Upper end (B's remainder counted as won): W_B = 2/5 W_C + 2/5, W_C = 1/3 + W_B/3
//   ⇒ W_B = 8/13, W_C = 7/13, W_A = 24/65 + 7/65 = 31/65.
describe('stage conversion on a hand-built history', () => {
  const pipeline = readPipeline(STAGES);
  const history = readHistory(HISTORY, pipeline, { zone });
  const rows = stageConversion(history.changes, pipeline);

  it('reads every row', () => {
    expect(history.problems).toEqual([]);
    expect(history.changes).toHaveLength(19);
  });

  it('counts deals: reached, advanced, dropped, open, won, closed', () => {
    // Furthest: d1 won, d2 C, d3 C (moving back does not undo it), d4 B, d5 A, d6 won.
    // B: d2 skipped B but reached C, so it counts. D: only d1 (via Won) and d6 reached it.
    expect(pick(rows, 'stage', 'reached', 'advanced', 'dropped', 'open', 'won', 'closed')).toEqual([
      ['A', 6, 5, 1, 1, 2, 5],
      ['B', 5, 4, 0, 1, 2, 4],
      ['C', 4, 2, 2, 0, 2, 4],
      ['D', 2, 2, 0, 0, 2, 2],
    ]);
  });

  it('estimates conversion from stays: forward outcomes only, a move back is not one', () => {
    // A: B 3/5 + C 1/5. B: C 2/5 + D 1/5 (its remainder 1/5 is not a conversion). C: won 1/3.
    closeAll(
      rows.map((r) => r.conversion),
      [4 / 5, 3 / 5, 1 / 3, 1],
    );
  });

  it('solves the win rates as one system, with an interval around both ends', () => {
    closeAll(
      rows.map((r) => r.winRate),
      [21 / 65, 5 / 13, 6 / 13, 1],
    );
    const upper = [31 / 65, 8 / 13, 7 / 13, 1];
    rows.forEach((r, s) => {
      expect(r.winRateLow).toBeLessThanOrEqual(r.winRate as number);
      expect(r.winRateHigh).toBeGreaterThanOrEqual((upper[s] as number) - 1e-12);
    });
    // D: one stay, won: σ = 0, the Wilson bound on one ended stay.
    expect(rows[3]?.winRateLow).toBeCloseTo(1 / (1 + Z * Z), 12);
    expect(rows[3]?.winRateHigh).toBe(1);
  });

  it('takes Median days and Suggested stale after from the Kaplan–Meier curve', () => {
    // A: S = .8 .6 .4 .2 0 at 2 4 5 7 10 → 5 and 7. B: S(5) = .8, S(10) = .2 → 10 and 10.
    // C: S(5) = 2/3, S(11) = 1/3, S(14) = 0 → 11 and 14. D: 10 and 10.
    expect(pick(rows, 'medianDays', 'suggestedStaleAfter')).toEqual([
      [5, 7],
      [10, 10],
      [11, 14],
      [10, 10],
    ]);
  });

  it('says what the rates rest on: stays, and how many are still running', () => {
    expect(pick(rows, 'stays', 'running')).toEqual([
      [5, 0],
      [5, 1],
      [3, 0],
      [1, 0],
    ]);
  });

  it('uses the latest row’s day when no as-of day is given', () => {
    expect(stageConversion(history.changes, pipeline, dayOf(2024, 2, 1))).toEqual(rows);
  });

  it('gives WIN_RATE per stage, blank below the minimum of closed deals', () => {
    expect(winRate(history.changes, pipeline, requireStage(pipeline, 'a'), 5)).toBeCloseTo(21 / 65, 12);
    expect(winRate(history.changes, pipeline, requireStage(pipeline, 'B'))).toBeNull();
    expect(winRate(history.changes, pipeline, requireStage(pipeline, 'B'), 4)).toBeCloseTo(5 / 13, 12);
    expect(() => winRate(history.changes, pipeline, requireStage(pipeline, 'Won'))).toThrow(/won stage/);
    expect(() => winRate(history.changes, pipeline, requireStage(pipeline, 'A'), 1.5)).toThrow(
      /whole number/,
    );
    expect(() => requireStage(pipeline, 'Nowhere')).toThrow(/no stage 'Nowhere'.*A, B, C, D, Won, Lost/);
  });

  it('gives WIN_RATE as of a day: on 12 January only d5 had closed', () => {
    // As of 12 Jan every A stay has ended (→ B 3/5, → C 1/5, lost 1/5), but the only closed deal
    // is d5, lost from A: B has Closed = 0, so its win rate is blank, and A, which needs B, too.
    const asOf = dayOf(2024, 1, 12);
    expect(winRate(history.changes, pipeline, requireStage(pipeline, 'A'), 1, asOf)).toBeNull();
    expect(stageConversion(history.changes, pipeline, asOf)[0]?.closed).toBe(1);
  });

  it('orders rows logged at the same moment along the From → To chain, whatever the sheet order', () => {
    const same = seoul(2024, 3, 1, 10);
    const read = readHistory(
      [
        ['When', 'Deal ID', 'From stage', 'To stage'],
        [same, 'x', 'A', 'B'],
        [same, 'x', '', 'A'],
      ],
      pipeline,
      { zone },
    );
    const tied = stageConversion(read.changes, pipeline);
    // x is now in B (not back in A): it reached B and is still open there.
    expect(pick(tied, 'reached', 'open', 'stays', 'running')).toEqual([
      [1, 1, 1, 0],
      [1, 1, 1, 1],
      [0, 0, 0, 0],
      [0, 0, 0, 0],
    ]);
    // A 0-day stay: the median is 0 days, the suggested threshold at least 1.
    expect(pick(tied, 'medianDays', 'suggestedStaleAfter')[0]).toEqual([0, 1]);
  });

  it('leaves blanks where nothing is known', () => {
    const empty = stageConversion([], pipeline);
    expect(empty[0]).toEqual({
      stage: 'A',
      reached: 0,
      advanced: 0,
      dropped: 0,
      open: 0,
      conversion: null,
      won: 0,
      closed: 0,
      winRate: null,
      winRateLow: null,
      winRateHigh: null,
      medianDays: null,
      suggestedStaleAfter: null,
      stays: 0,
      running: 0,
    });
  });
});

// The research's worked example (text When cells are Seoul wall-clock time).
const S_STAGES = [
  ['Stage', 'Win probability', 'Stale after (days)', 'Outcome'],
  ['S1', '10%', '14', ''],
  ['S2', '40%', '14', ''],
  ['S3', '70%', '14', ''],
  ['Won', '100%', '', 'won'],
  ['Lost', '0%', '', 'lost'],
];
const sPipeline = readPipeline(S_STAGES);
const conversionOf = (rows: Cell[][], asOf: number) => {
  const read = readHistory([['When', 'Deal ID', 'From stage', 'To stage'], ...rows], sPipeline, { zone });
  expect(read.problems).toEqual([]);
  return stageConversion(read.changes, sPipeline, asOf);
};

describe('the research’s whole report by hand', () => {
  // A: S1 → S2 → Won. B: S1 → Lost. C: `S1→S2` and `''→S1` at one instant (in that sheet order),
  // then back to S1. D: S1 → S3 (skip), an S3→S3 row that changes nothing, → Won, → Lost.
  // E: enters at S2; its → Won row on 5 Feb is after the as-of day, 31 Jan.
  const LOG: Cell[][] = [
    ['2024-01-01 09:00:00', 'A', '', 'S1'],
    ['2024-01-03 10:00:00', 'A', 'S1', 'S2'],
    ['2024-01-10 10:00:00', 'A', 'S2', 'Won'],
    ['2024-01-01 11:00:00', 'B', '', 'S1'],
    ['2024-01-05 11:00:00', 'B', 'S1', 'Lost'],
    ['2024-01-02 08:00:00', 'C', 'S1', 'S2'],
    ['2024-01-02 08:00:00', 'C', '', 'S1'],
    ['2024-01-20 08:00:00', 'C', 'S2', 'S1'],
    ['2024-01-04 09:00:00', 'D', '', 'S1'],
    ['2024-01-06 09:00:00', 'D', 'S1', 'S3'],
    ['2024-01-08 09:00:00', 'D', 'S3', 'S3'],
    ['2024-01-15 09:00:00', 'D', 'S3', 'Won'],
    ['2024-01-20 09:00:00', 'D', 'Won', 'Lost'],
    ['2024-01-10 12:00:00', 'E', '', 'S2'],
    ['2024-02-05 12:00:00', 'E', 'S2', 'Won'],
  ];
  // Stays:  S1: A 2 → S2, B 4 → lost, C 0 → S2, C 11 running, D 2 → S3
  //         S2: A 7 → won, C 18 → S1 (back), E 21 running.   S3: D 9 → won.
  // AJ S1: t0 Y5 → S2 .2 (S .8); t2 Y4 → S2 +.2, S3 .2 (S .4); t4 Y2 → lost .2 (S .2); r = .2.
  // AJ S2: t7 Y3 → won 1/3 (S 2/3); t18 Y2 → S1 1/3 (S 1/3); r = 1/3.   AJ S3: won 1.
  // W3 = 1; W2 = 1/3 + W1/3; W1 = .4 W2 + .2 W3 ⇒ W2 = 6/13, W1 = 5/13.
  // Upper: W1 = .4 W2 + .4, W2 = 2/3 + W1/3 ⇒ W1 = 10/13, W2 = 12/13.
  const rows = conversionOf(LOG, dayOf(2024, 1, 31));

  it('counts deals by their current outcome (D is lost after its win)', () => {
    expect(pick(rows, 'reached', 'advanced', 'dropped', 'open', 'won', 'closed')).toEqual([
      [5, 4, 1, 2, 1, 3],
      [4, 2, 0, 2, 1, 2],
      [2, 2, 0, 0, 1, 2],
    ]);
  });

  it('estimates the rates from the stays (D’s stay in S3 was won)', () => {
    closeAll(
      rows.map((r) => r.conversion),
      [0.6, 1 / 3, 1],
    );
    closeAll(
      rows.map((r) => r.winRate),
      [5 / 13, 6 / 13, 1],
    );
    expect(pick(rows, 'medianDays', 'suggestedStaleAfter')).toEqual([
      [2, 4],
      [18, null],
      [9, 9],
    ]);
    expect(pick(rows, 'stays', 'running')).toEqual([
      [5, 1],
      [3, 1],
      [1, 0],
    ]);
  });

  it('gives intervals that hold both ends, [W, W_U], as the research code computes them', () => {
    expect(rows[0]?.winRateLow).toBeLessThanOrEqual(5 / 13);
    expect(rows[0]?.winRateHigh).toBeGreaterThanOrEqual(10 / 13);
    expect(rows[1]?.winRateLow).toBeLessThanOrEqual(6 / 13);
    expect(rows[1]?.winRateHigh).toBeGreaterThanOrEqual(12 / 13);
    expect(
      pick(rows, 'winRateLow', 'winRateHigh').map((r) => r.map((x) => Number((x as number).toFixed(4)))),
    ).toEqual([
      // Wide, as they should be with five deals. (The research report's §9 quotes 0.1319–0.9465 and
      // 0.1390–0.9884: figures from before the t scale was added; its code gives these.)
      [0.0963, 0.9656],
      [0.0618, 0.9909],
      [0.2065, 1],
    ]);
  });

  it('counts E’s win once the as-of day reaches it', () => {
    // As of 10 Feb: E's S2 stay ended won after 26 days. S2: won at 7 and at 26, S1 at 18.
    const later = conversionOf(LOG, dayOf(2024, 2, 10));
    expect(pick(later, 'won', 'closed', 'open')[1]).toEqual([2, 3, 1]);
    expect(later[1]?.running).toBe(0);
  });
});

describe('blanks and edge cases', () => {
  it('blanks a win rate with Closed = 0, and the stages that need it; conversion needs an ended stay', () => {
    // A: S1 → S2, still open. B: S1 → Lost. S2 has no closed deal, so its win rate is blank;
    // S1 needs S2 (CIF_S2 = 1/2), so it is blank too. No S2 stay has ended: no conversion.
    const rows = conversionOf(
      [
        ['2024-01-01 09:00:00', 'A', '', 'S1'],
        ['2024-01-03 09:00:00', 'A', 'S1', 'S2'],
        ['2024-01-01 09:00:00', 'B', '', 'S1'],
        ['2024-01-02 09:00:00', 'B', 'S1', 'Lost'],
      ],
      dayOf(2024, 1, 31),
    );
    expect(pick(rows, 'closed', 'conversion', 'winRate', 'winRateLow', 'winRateHigh')).toEqual([
      [1, 0.5, null, null, null],
      [0, null, null, null, null],
      [0, null, null, null, null],
    ]);
    expect(rows[1]?.medianDays).toBeNull(); // its one stay is still running
    expect(rows[2]?.reached).toBe(0);
  });

  it('gives 0 where the system has no unique solution: stays that only lead into each other', () => {
    // X: S1 5 d → S2, S2 2 d → S1, then S1 running 1 day: every S1 and S2 stay that could be seen
    // through went to the other stage (the running one is shorter than the longest ended one).
    // Y: enters at S3 and is lost, so S1 and S2 have a closed deal (Y reached them).
    const rows = conversionOf(
      [
        ['2024-01-01 09:00:00', 'X', '', 'S1'],
        ['2024-01-06 09:00:00', 'X', 'S1', 'S2'],
        ['2024-01-08 09:00:00', 'X', 'S2', 'S1'],
        ['2024-01-01 09:00:00', 'Y', '', 'S3'],
        ['2024-01-04 09:00:00', 'Y', 'S3', 'Lost'],
      ],
      dayOf(2024, 1, 9),
    );
    // Conversion: S1's stays all went forward (1); S2's only back (0). S3: one stay, lost: W = 0,
    // and σ = 0, so the Wilson bound on one ended stay: [0, z²/(1 + z²)] = [0, 0.7935].
    expect(pick(rows, 'closed', 'conversion', 'winRate', 'winRateLow', 'winRateHigh').slice(0, 2)).toEqual([
      [1, 1, 0, 0, 0],
      [1, 0, 0, 0, 0],
    ]);
    expect(pick(rows, 'closed', 'conversion', 'winRate', 'winRateLow')[2]).toEqual([1, 0, 0, 0]);
    expect(rows[2]?.winRateHigh).toBeCloseTo((Z * Z) / (1 + Z * Z), 12);
  });

  it('with nothing censored and one stage at a time forward, the win rate is Won/Closed', () => {
    // A S1→S2→Won, B S1→Lost, C S1→S2→Lost, D S1→S2→Won. W(S2) = 2/3, W(S1) = (3/4)(2/3) = 1/2.
    const rows = conversionOf(
      [
        ['2024-01-01 09:00:00', 'A', '', 'S1'],
        ['2024-01-02 09:00:00', 'A', 'S1', 'S2'],
        ['2024-01-05 09:00:00', 'A', 'S2', 'Won'],
        ['2024-01-01 09:00:00', 'B', '', 'S1'],
        ['2024-01-03 09:00:00', 'B', 'S1', 'Lost'],
        ['2024-01-01 09:00:00', 'C', '', 'S1'],
        ['2024-01-04 09:00:00', 'C', 'S1', 'S2'],
        ['2024-01-09 09:00:00', 'C', 'S2', 'Lost'],
        ['2024-01-02 09:00:00', 'D', '', 'S1'],
        ['2024-01-03 09:00:00', 'D', 'S1', 'S2'],
        ['2024-01-07 09:00:00', 'D', 'S2', 'Won'],
      ],
      dayOf(2024, 1, 31),
    );
    expect(pick(rows, 'won', 'closed').slice(0, 2)).toEqual([
      [2, 4],
      [2, 3],
    ]);
    expect(rows[0]?.winRate).toBeCloseTo(2 / 4, 12);
    expect(rows[1]?.winRate).toBeCloseTo(2 / 3, 12);
    // Nothing unresolved: the interval is sampling error on both sides of W.
    expect(rows[0]?.winRateLow).toBeLessThan(0.5);
    expect(rows[0]?.winRateHigh).toBeGreaterThan(0.5);
  });

  it('ignores a row after the as-of day, even one that opened a deal', () => {
    const rows = conversionOf(
      [
        ['2024-01-01 09:00:00', 'A', '', 'S1'],
        ['2024-01-20 09:00:00', 'A', 'S1', 'Lost'],
        ['2024-01-25 09:00:00', 'B', '', 'S1'],
      ],
      dayOf(2024, 1, 10),
    );
    expect(pick(rows, 'reached', 'open', 'closed', 'stays', 'running')[0]).toEqual([1, 1, 0, 1, 1]);
  });
});
