import { describe, expect, it } from 'vitest';
import { stageConversion, winRate } from '../../src/engine/conversion';
import { readHistory } from '../../src/engine/history';
import { readPipeline, requireStage } from '../../src/engine/stages';
import { Zone } from '../../src/engine/zone';
import { seoul } from '../support/seoul';

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

describe('stage conversion on a hand-built history', () => {
  const pipeline = readPipeline(STAGES);
  const history = readHistory(HISTORY, pipeline, { zone: new Zone('Asia/Seoul') });
  const rows = stageConversion(history.changes, pipeline);

  it('reads every row', () => {
    expect(history.problems).toEqual([]);
    expect(history.changes).toHaveLength(19);
  });

  it('counts reached, advanced, dropped and conversion per open stage', () => {
    // A: all six reached; d5 dropped there; the other five got further.
    // B: d2 skipped B but reached C, so it counts; d4 is still open in B and is left out of conversion.
    // C: d3 moved back to B, but its furthest stage stays C, so it drops at C with d2.
    // D: only d1 (via Won) and d6 reached it; both advanced.
    expect(rows.map((r) => [r.stage, r.reached, r.advanced, r.dropped, r.conversion])).toEqual([
      ['A', 6, 5, 1, 5 / 6],
      ['B', 5, 4, 0, 1],
      ['C', 4, 2, 2, 0.5],
      ['D', 2, 2, 0, 1],
    ]);
  });

  it('derives win rates from closed deals with a 95% Wilson interval', () => {
    expect(rows.map((r) => [r.won, r.closed, r.winRate])).toEqual([
      [2, 5, 0.4],
      [2, 4, 0.5],
      [2, 4, 0.5],
      [2, 2, 1],
    ]);
    const a = rows[0];
    // Wilson 95% for 2 of 5: 0.1176 – 0.7693.
    expect(a?.winRateLow).toBeCloseTo(0.11762, 4);
    expect(a?.winRateHigh).toBeCloseTo(0.76928, 4);
    const d = rows[3];
    expect(d?.winRateHigh).toBe(1);
    expect(d?.winRateLow).toBeCloseTo(0.34238, 4);
  });

  it('measures every finished stay, second stays included, in Seoul calendar days', () => {
    // A stays: d1 10, d2 5, d3 4, d4 2, d5 7 → median 5; 80th percentile 7.6 → 8.
    // B stays: d1 10, d3 5 and 10 (after moving back), d6 10 → median 10; 80th 10.
    // C stays: d1 11, d2 14, d3 5 → median 11; 80th 12.8 → 13.  D: d6 10.
    expect(rows.map((r) => [r.medianDays, r.suggestedStaleAfter])).toEqual([
      [5, 8],
      [10, 10],
      [11, 13],
      [10, 10],
    ]);
  });

  it('gives WIN_RATE per stage, blank below the minimum of closed deals', () => {
    expect(winRate(history.changes, pipeline, requireStage(pipeline, 'a'), 5)).toBe(0.4);
    expect(winRate(history.changes, pipeline, requireStage(pipeline, 'B'))).toBeNull();
    expect(winRate(history.changes, pipeline, requireStage(pipeline, 'B'), 4)).toBe(0.5);
    expect(() => winRate(history.changes, pipeline, requireStage(pipeline, 'Won'))).toThrow(/won stage/);
    expect(() => requireStage(pipeline, 'Nowhere')).toThrow(/no stage 'Nowhere'.*A, B, C, D, Won, Lost/);
  });

  it('orders rows logged at the same moment with the new-deal row first, whatever the sheet order', () => {
    const same = seoul(2024, 3, 1, 10);
    const read = readHistory(
      [
        ['When', 'Deal ID', 'From stage', 'To stage'],
        [same, 'x', 'A', 'B'],
        [same, 'x', '', 'A'],
      ],
      pipeline,
      { zone: new Zone('Asia/Seoul') },
    );
    const rows = stageConversion(read.changes, pipeline);
    // x is now in B (not back in A): it reached B and is still open there.
    expect(rows.map((r) => r.reached)).toEqual([1, 1, 0, 0]);
    expect(rows[0]?.medianDays).toBe(0);
  });

  it('leaves blanks where nothing is known', () => {
    const empty = stageConversion([], pipeline);
    expect(empty[0]).toEqual({
      stage: 'A',
      reached: 0,
      advanced: 0,
      dropped: 0,
      conversion: null,
      won: 0,
      closed: 0,
      winRate: null,
      winRateLow: null,
      winRateHigh: null,
      medianDays: null,
      suggestedStaleAfter: null,
    });
  });
});
