import { describe, expect, it } from 'vitest';
import { readDeals } from '../../src/engine/deals';
import {
  forecastByMonth,
  forecastForMonth,
  MonthlyForecast,
  NO_DATE,
  weightedAmount,
} from '../../src/engine/forecast';
import { readPipeline } from '../../src/engine/stages';
import { monthIndexOf, Zone } from '../../src/engine/zone';

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

describe('MonthlyForecast: the forecast added to one deal at a time', () => {
  it('gives the rows forecastByMonth gives, and any one month its weighted total', () => {
    const pipeline = readPipeline([
      ['Stage', 'Probability'],
      ['온보딩 교육 중', '70%'],
      ['수주', '100%'],
    ]);
    const read = readDeals(
      [
        ['Amount', 'Stage', 'Expected close'],
        ['10,000,000원', '온보딩 교육 중', '2023-11-20'],
        ['2,000,000원', '수주', '2023-11-02'],
        ['5,000,000원', '온보딩 교육 중', '2023-12-01'],
      ],
      pipeline,
      { zone: new Zone('Asia/Seoul') },
    );
    const forecast = new MonthlyForecast();
    for (const deal of read.deals) forecast.add(deal);
    expect(forecast.rows()).toEqual(forecastByMonth(read.deals));
    const november = monthIndexOf(read.deals[0]?.expectedClose as number);
    expect(forecast.weightedIn(november)).toBe(9_000_000);
    expect(forecast.weightedIn(november)).toBe(forecastForMonth(read.deals, november));
    expect(forecast.weightedIn(november + 5)).toBe(0);
  });
});
