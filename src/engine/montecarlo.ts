import { quantileSorted } from 'simple-statistics';
import type { Deal } from './deals';
import { PipelineError } from './problems';
import { hashNumbers, mulberry32 } from './random';
import { monthIndexOf } from './zone';

export const DEFAULT_TRIALS = 10_000;
export const MAX_TRIALS = 100_000;

/** P10, P50 and P90 of the simulated revenue of one month. */
export type ForecastRange = readonly [p10: number, p50: number, p90: number];

/**
 * Monte Carlo range of what a month brings in: every open deal closing in the
 * month wins with its stage probability, independently; won deals count in
 * full; lost deals not at all. Percentiles interpolate linearly, as Sheets'
 * PERCENTILE does. Seeded from the input, so a sheet recalculates to the same
 * numbers. O(trials × open deals in the month).
 *
 * @example
 * // one open deal of 100 at 50%: P10 0, P50 interpolated between 0 and 100, P90 100
 */
export function forecastRange(
  deals: readonly Deal[],
  monthIndex: number,
  trials = DEFAULT_TRIALS,
): ForecastRange {
  if (!Number.isInteger(trials) || trials < 1 || trials > MAX_TRIALS) {
    throw new PipelineError(`trials must be a whole number from 1 to ${MAX_TRIALS}, not ${trials}.`);
  }
  let certain = 0;
  const amounts: number[] = [];
  const probabilities: number[] = [];
  for (const deal of deals) {
    if (deal.expectedClose === null || deal.stage.outcome === 'lost') continue;
    if (monthIndexOf(deal.expectedClose) !== monthIndex) continue;
    if (deal.stage.outcome === 'won' || deal.stage.probability >= 1) certain += deal.amount;
    else if (deal.stage.probability > 0 && deal.amount > 0) {
      amounts.push(deal.amount);
      probabilities.push(deal.stage.probability);
    }
  }
  const n = amounts.length;
  const amount = Float64Array.from(amounts);
  const probability = Float64Array.from(probabilities);
  const random = mulberry32(hashNumbers([monthIndex, trials, certain, ...amounts, ...probabilities]));
  const totals = new Float64Array(trials);
  for (let t = 0; t < trials; t++) {
    let sum = certain;
    for (let i = 0; i < n; i++) {
      if (random() < (probability[i] as number)) sum += amount[i] as number;
    }
    totals[t] = sum;
  }
  totals.sort();
  const sorted = Array.from(totals);
  return [quantileSorted(sorted, 0.1), quantileSorted(sorted, 0.5), quantileSorted(sorted, 0.9)];
}
