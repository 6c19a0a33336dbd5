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
export function forecastByMonth(deals: Iterable<Deal>): ForecastRow[] {
  const forecast = new MonthlyForecast();
  for (const deal of deals) forecast.add(deal);
  return forecast.rows();
}

interface Bucket {
  weighted: number;
  openPipeline: number;
  won: number;
  openDeals: number;
}

/**
 * The forecast by month, added to one deal at a time, so a reader can hand
 * each deal over as it reads it and keep none (see visitDeals). @hot: runs
 * once per deal of a 500,000-row sheet.
 */
export class MonthlyForecast {
  private static readonly NONE = Number.NEGATIVE_INFINITY;
  private readonly buckets = new Map<number, Bucket>();
  // Consecutive deals often share a close day; remember the last day's month.
  private lastDay = Number.NaN;
  private lastMonth = 0;

  add(deal: Deal): void {
    const outcome = deal.outcome;
    if (outcome === 'lost') return;
    let month = MonthlyForecast.NONE;
    if (deal.expectedClose !== null) {
      if (deal.expectedClose !== this.lastDay) {
        this.lastDay = deal.expectedClose;
        this.lastMonth = monthIndexOf(this.lastDay);
      }
      month = this.lastMonth;
    }
    let b = this.buckets.get(month);
    if (!b) {
      b = { weighted: 0, openPipeline: 0, won: 0, openDeals: 0 };
      this.buckets.set(month, b);
    }
    b.weighted += deal.amount * deal.probability;
    if (outcome === 'open') {
      b.openPipeline += deal.amount;
      b.openDeals++;
    } else {
      b.won += deal.amount;
    }
  }

  /** Σ weighted amount of the deals added whose Expected close falls in `monthIndex` (as forecastForMonth). */
  weightedIn(monthIndex: number): number {
    return this.buckets.get(monthIndex)?.weighted ?? 0;
  }

  /** Months ascending, deals without a date in a last `(no date)` row. */
  rows(): ForecastRow[] {
    const NONE = MonthlyForecast.NONE;
    const months = [...this.buckets.keys()].filter((m) => m !== NONE).sort((a, b) => a - b);
    if (this.buckets.has(NONE)) months.push(NONE);
    return months.map((m) => ({
      month: m === NONE ? NO_DATE : monthKey(m),
      ...(this.buckets.get(m) as Bucket),
    }));
  }
}

/** Σ weighted amount of the deals whose Expected close falls in `monthIndex`. */
export function forecastForMonth(deals: Iterable<Deal>, monthIndex: number): number {
  let sum = 0;
  for (const deal of deals) {
    if (deal.expectedClose === null || deal.outcome === 'lost') continue;
    if (monthIndexOf(deal.expectedClose) === monthIndex) sum += deal.amount * deal.probability;
  }
  return sum;
}
