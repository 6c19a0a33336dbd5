import { describe, expect, it } from 'vitest';
import { readDeals } from '../../src/engine/deals';
import { forecastByMonth, forecastForMonth, NO_DATE, weightedAmount } from '../../src/engine/forecast';
import { readPipeline } from '../../src/engine/stages';
import { Zone } from '../../src/engine/zone';

const zone = new Zone('Asia/Seoul');
const pipeline = readPipeline([
  ['Stage', 'Probability', 'Outcome'],
  ['Half', '50%', ''],
  ['Won', '100%', 'won'],
  // A lost stage with a probability left in: still adds nothing.
  ['Lost', '20%', 'lost'],
]);

function deals(rows: [number, string, string][]) {
  const read = readDeals([['Amount', 'Stage', 'Expected close'], ...rows], pipeline, { zone });
  expect(read.problems).toEqual([]);
  return read.deals;
}

describe('the weighted forecast', () => {
  it('a deal adds amount × probability; a lost deal nothing', () => {
    const [open, won, lost] = deals([
      [10_000, 'Half', '2023-11-01'],
      [5_000, 'Won', '2023-11-01'],
      [3_000, 'Lost', '2023-11-01'],
    ]);
    expect([open, won, lost].map((d) => (d ? weightedAmount(d) : null))).toEqual([5_000, 5_000, 0]);
  });

  it('lists months ascending whatever the row order, undated deals last, and no month for lost deals only', () => {
    const list = deals([
      [100, 'Half', '2023-12-05'],
      [200, 'Won', '2023-10-31'],
      [300, 'Lost', '2023-11-15'],
      [400, 'Half', ''],
      [100, 'Half', '2023-10-01'],
    ]);
    expect(forecastByMonth(list)).toEqual([
      { month: '2023-10', weighted: 250, openPipeline: 100, won: 200, openDeals: 1 },
      { month: '2023-12', weighted: 50, openPipeline: 100, won: 0, openDeals: 1 },
      { month: NO_DATE, weighted: 200, openPipeline: 400, won: 0, openDeals: 1 },
    ]);
    expect(forecastForMonth(list, 2023 * 12 + 9)).toBe(250);
    expect(forecastForMonth(list, 2023 * 12 + 10)).toBe(0);
  });

  it('is empty with no deals', () => {
    expect(forecastByMonth([])).toEqual([]);
    expect(forecastForMonth([], 2023 * 12 + 10)).toBe(0);
  });
});
