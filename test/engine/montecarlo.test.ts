import { describe, expect, it } from 'vitest';
import { readDeals } from '../../src/engine/deals';
import { forecastRange } from '../../src/engine/montecarlo';
import { readPipeline } from '../../src/engine/stages';
import { Zone } from '../../src/engine/zone';
import { seoul } from '../support/seoul';

const zone = new Zone('Asia/Seoul');
const pipeline = readPipeline([
  ['Stage', 'Probability', 'Outcome'],
  ['Early', '10%', ''],
  ['Middle', '50%', ''],
  ['Late', '90%', ''],
  ['Won', '100%', 'won'],
  ['Lost', '0%', 'lost'],
]);
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
