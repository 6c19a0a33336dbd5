/**
 * FORECAST_RANGE's Monte Carlo (SPEC §3): hand-built deals, and, as a user
 * calls it, a month with 150,000 deals and rows in any order. The `trials`
 * argument as typed is custom-function-inputs.test.ts's.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { forecastRangeOf } from '../../src/addon/functions/custom-functions';
import type { Cell } from '../../src/engine/cells';
import { readDeals } from '../../src/engine/deals';
import { forecastRange } from '../../src/engine/montecarlo';
import { readPipeline } from '../../src/engine/stages';
import { Zone } from '../../src/engine/zone';
import { seoul } from '../support/seoul';

const zone = new Zone('Asia/Seoul');
const STAGES = [
  ['Stage', 'Probability', 'Outcome'],
  ['Early', '10%', ''],
  ['Middle', '50%', ''],
  ['Late', '90%', ''],
  ['Won', '100%', 'won'],
  ['Lost', '0%', 'lost'],
];
const pipeline = readPipeline(STAGES);
const HEADER = ['Deal ID', 'Amount', 'Stage', 'Expected close'];
const TZ = 'Asia/Seoul';

function bigMonth(n: number): Cell[][] {
  const rows: Cell[][] = [HEADER];
  for (let i = 0; i < n; i++) rows.push([`D-${i}`, 1000 + (i % 997), 'Early', seoul(2023, 11, 1 + (i % 28))]);
  return rows;
}

const NOV = 2023 * 12 + 10;

function deals(rows: [number, string][]) {
  const grid = [['Amount', 'Stage', 'Expected close'], ...rows.map(([a, s]) => [a, s, seoul(2023, 11, 10)])];
  return readDeals(grid, pipeline, { zone }).deals;
}

describe('FORECAST_RANGE by Monte Carlo', () => {
  it('gives P10 0 and P90 the whole amount for one deal at 50%', () => {
    const [p10, , p90] = forecastRange(deals([[100, 'Middle']]), NOV);
    expect([p10, p90]).toEqual([0, 100]);
  });

  it('counts won deals in full and lost deals not at all', () => {
    expect(
      forecastRange(
        deals([
          [300, 'Won'],
          [999, 'Lost'],
        ]),
        NOV,
      ),
    ).toEqual([300, 300, 300]);
  });

  it('matches the distribution of one coin per deal (mean and spread), for rare and likely wins alike', () => {
    // 200 deals in each of three stages: the skip sampler walks winners at 10% and 50%, losers at 90%.
    const rows: [number, string][] = [];
    for (let i = 0; i < 200; i++) rows.push([1000 + i, 'Early'], [2000 + i, 'Middle'], [3000 + i, 'Late']);
    const list = deals(rows);
    const mean = list.reduce((s, d) => s + d.amount * d.stage.probability, 0);
    const sd = Math.sqrt(
      list.reduce((s, d) => s + d.amount ** 2 * d.stage.probability * (1 - d.stage.probability), 0),
    );
    const [p10, p50, p90] = forecastRange(list, NOV, 100_000);
    // For a sum of many independent coins the total is close to normal: P50 ≈ mean, P90 − P10 ≈ 2 × 1.2816 sd.
    expect(Math.abs((p50 as number) - mean)).toBeLessThan(0.02 * sd);
    expect(((p90 as number) - (p10 as number)) / (2 * 1.2816 * sd)).toBeCloseTo(1, 1);
  });

  it('is the same on every recalculation and changes with the input', () => {
    const list = deals([
      [100, 'Middle'],
      [250, 'Early'],
      [400, 'Late'],
    ]);
    expect(forecastRange(list, NOV)).toEqual(forecastRange(list, NOV));
    expect(forecastRange(list, NOV)).not.toEqual(
      forecastRange(
        deals([
          [101, 'Middle'],
          [250, 'Early'],
          [400, 'Late'],
        ]),
        NOV,
      ),
    );
  });
});

describe('FORECAST_RANGE over 150,000 deals closing in one month', () => {
  const deals = bigMonth(150_000);

  it('returns P10 ≤ P50 ≤ P90 around the expected total instead of "Maximum call stack size exceeded"', () => {
    const [[p10, p50, p90] = []] = forecastRangeOf(deals, STAGES, '2023-11', 200, TZ) as number[][];
    let total = 0;
    for (let i = 0; i < 150_000; i++) total += 1000 + (i % 997);
    const mean = total * 0.1;
    expect(p10).toBeLessThanOrEqual(p50 as number);
    expect(p50).toBeLessThanOrEqual(p90 as number);
    // 15,000 expected winners: the range is within a few percent of the mean.
    expect(Math.abs((p50 as number) / mean - 1)).toBeLessThan(0.03);
  });
});

describe('FORECAST_RANGE is order-free: sorting or reordering the Deals rows never changes its result', () => {
  // Amounts whose floating-point sum depends on the order they are added in.
  const AMOUNTS = [0.1, 0.2, 0.3, 1e14, 3.3, 7.7, 123_456.789, 5, 5, 0.7];
  const STAGE_OF = ['Early', 'Middle', 'Late', 'Won', 'Lost'];
  const rows: Cell[][] = [];
  for (let i = 0; i < 60; i++) {
    rows.push([
      `D-${i}`,
      AMOUNTS[i % AMOUNTS.length] as number,
      STAGE_OF[i % 5] as string,
      seoul(2023, 11, 1 + (i % 28)),
    ]);
  }
  // Deals of other months, which must not matter either.
  rows.push(['X-1', 999, 'Middle', seoul(2023, 12, 1)], ['X-2', 5, 'Late', seoul(2023, 10, 31)]);
  const range = (list: readonly Cell[][]) => forecastRangeOf([HEADER, ...list], STAGES, '2023-11', 2000, TZ);

  it('gives identical P10/P50/P90 for shuffled, sorted and reversed rows', () => {
    const expected = range(rows);
    expect(range([...rows].reverse())).toEqual(expected);
    expect(range([...rows].sort((a, b) => (a[1] as number) - (b[1] as number)))).toEqual(expected);
    fc.assert(
      fc.property(
        fc.shuffledSubarray(rows, { minLength: rows.length, maxLength: rows.length }),
        (shuffled) => {
          expect(range(shuffled)).toEqual(expected);
        },
      ),
      { numRuns: 50 },
    );
  });

  it('still changes when an amount changes', () => {
    const changed = rows.map((r, i) => (i === 1 ? [r[0], 0.25, r[2], r[3]] : r));
    expect(range(changed)).not.toEqual(range(rows));
  });
});
