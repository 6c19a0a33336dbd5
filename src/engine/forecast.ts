import type { Deal } from './deals';
import { monthIndexOf, monthKey } from './zone';

export const NO_DATE = '(no date)';

/** One row of the FORECAST_WEIGHTED table. */
export interface ForecastRow {
  /** `YYYY-MM`, or `(no date)` for deals without an Expected close. */
  readonly month: string;
  /** Σ amount × stage probability over open and won deals. */
  readonly weighted: number;
  /** Σ amount over deals in open stages. */
  readonly openPipeline: number;
  /** Σ amount over deals in won stages. */
  readonly won: number;
  /** How many deals in open stages close that month. */
  readonly openDeals: number;
}

/** What a deal adds to its month. Lost deals add nothing and make no month appear. */
export function weightedAmount(deal: Deal): number {
  return deal.outcome === 'lost' ? 0 : deal.amount * deal.probability;
}

/**
 * The weighted forecast by month of Expected close, months ascending, deals
 * without a date in a last `(no date)` row. A month appears when an open or
 * won deal closes in it. O(deals + months·log months).
 *
 * @example
 * // 10,000,000원 in 온보딩 교육 중 (70%), expected to close in November 2023:
 * const pipeline = readPipeline([['Stage', 'Probability'], ['온보딩 교육 중', '70%']]);
 * const deals = [['Amount', 'Stage', 'Expected close'], ['10,000,000원', '온보딩 교육 중', '2023-11-20']];
 * forecastByMonth(readDeals(deals, pipeline, { zone: new Zone('Asia/Seoul') }).deals)
 * // → [{ month: '2023-11', weighted: 7000000, openPipeline: 10000000, won: 0, openDeals: 1 }]
 */
export function forecastByMonth(deals: readonly Deal[]): ForecastRow[] {
  const NONE = Number.NEGATIVE_INFINITY;
  const buckets = new Map<
    number,
    { weighted: number; openPipeline: number; won: number; openDeals: number }
  >();
  // Consecutive deals often share a close day; remember the last day's month.
  let lastDay = Number.NaN;
  let lastMonth = 0;
  for (const deal of deals) {
    const outcome = deal.outcome;
    if (outcome === 'lost') continue;
    let month = NONE;
    if (deal.expectedClose !== null) {
      if (deal.expectedClose !== lastDay) {
        lastDay = deal.expectedClose;
        lastMonth = monthIndexOf(lastDay);
      }
      month = lastMonth;
    }
    let b = buckets.get(month);
    if (!b) {
      b = { weighted: 0, openPipeline: 0, won: 0, openDeals: 0 };
      buckets.set(month, b);
    }
    b.weighted += deal.amount * deal.probability;
    if (outcome === 'open') {
      b.openPipeline += deal.amount;
      b.openDeals++;
    } else {
      b.won += deal.amount;
    }
  }
  const months = [...buckets.keys()].filter((m) => m !== NONE).sort((a, b) => a - b);
  if (buckets.has(NONE)) months.push(NONE);
  return months.map((m) => {
    const b = buckets.get(m) as { weighted: number; openPipeline: number; won: number; openDeals: number };
    return { month: m === NONE ? NO_DATE : monthKey(m), ...b };
  });
}

/** Σ weighted amount of the deals whose Expected close falls in `monthIndex`. */
export function forecastForMonth(deals: readonly Deal[], monthIndex: number): number {
  let sum = 0;
  for (const deal of deals) {
    if (deal.expectedClose === null || deal.outcome === 'lost') continue;
    if (monthIndexOf(deal.expectedClose) === monthIndex) sum += deal.amount * deal.probability;
  }
  return sum;
}
