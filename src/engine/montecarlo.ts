import { quantileSorted } from 'simple-statistics';
import type { Deal } from './deals';
import { PipelineError } from './problems';
import { NumberHash } from './random';
import { monthIndexOf } from './zone';

export const DEFAULT_TRIALS = 10_000;
export const MAX_TRIALS = 100_000;

/** P10, P50 and P90 of the simulated revenue of one month. */
export type ForecastRange = readonly [p10: number, p50: number, p90: number];

/** Open deals of one stage probability: they win or lose with the same odds. */
interface Group {
  readonly p: number;
  readonly amounts: Float64Array;
  readonly total: number;
}

/**
 * Monte Carlo range of what a month brings in: every open deal closing in the
 * month wins with its stage probability, independently; won deals count in
 * full; lost deals not at all. Percentiles interpolate linearly, as Sheets'
 * PERCENTILE does. Seeded from the input, so a sheet recalculates to the same
 * numbers.
 *
 * Deals share a handful of stage probabilities, so each trial walks each
 * probability group by geometric skips over the rarer outcome (winners when
 * p ≤ ½, losers otherwise): O(trials × Σ n·min(p, 1−p)) instead of
 * O(trials × n), with the same distribution as one coin per deal.
 *
 * @example
 * // one open deal of 100 at 50% closing in November 2023: in some trials it is won, in others not
 * const pipeline = readPipeline([['Stage', 'Probability'], ['Demo', '50%']]);
 * const deals = [['Amount', 'Stage', 'Expected close'], [100, 'Demo', '2023-11-20']];
 * const range = forecastRange(readDeals(deals, pipeline, { zone: new Zone('Asia/Seoul') }).deals, 2023 * 12 + 10);
 * [range[0], range[2]] // → [0, 100]
 */
export function forecastRange(
  deals: readonly Deal[],
  monthIndex: number,
  trials = DEFAULT_TRIALS,
): ForecastRange {
  if (!Number.isInteger(trials) || trials < 1 || trials > MAX_TRIALS) {
    throw new PipelineError(`trials must be a whole number from 1 to ${MAX_TRIALS}, not ${trials}.`);
  }
  const won: number[] = [];
  const byProbability = new Map<number, number[]>();
  for (const deal of deals) {
    if (deal.expectedClose === null || deal.outcome === 'lost') continue;
    if (monthIndexOf(deal.expectedClose) !== monthIndex) continue;
    const p = deal.probability;
    if (deal.outcome === 'won' || p >= 1) won.push(deal.amount);
    else if (p > 0 && deal.amount > 0) {
      const list = byProbability.get(p);
      if (list) list.push(deal.amount);
      else byProbability.set(p, [deal.amount]);
    }
  }
  // Order-free (SPEC §3): sorting or reordering the Deals rows never changes the result.
  // Amounts are sorted before they are summed, hashed or simulated, so the seed, the
  // floating-point sums and which deal each random draw lands on depend only on the
  // multiset of amounts, never on row order.
  const certain = sumOf(Float64Array.from(won).sort());
  const groups: Group[] = [...byProbability.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([p, list]) => {
      const amounts = Float64Array.from(list).sort();
      return { p, amounts, total: sumOf(amounts) };
    });

  // Fed one number at a time: spreading 100,000 amounts into a call overflows the stack.
  const seed = new NumberHash().add(monthIndex).add(trials).add(certain);
  for (const g of groups) seed.add(g.p).add(g.amounts.length).addAll(g.amounts);
  let state = seed.value() || 0x9e3779b9;
  const totals = new Float64Array(trials);
  for (let t = 0; t < trials; t++) {
    let sum = certain;
    for (const g of groups) {
      const flip = g.p > 0.5;
      // Skip length to the next rarer outcome is geometric: floor(ln U / ln(1 − q)).
      const logMiss = Math.log(1 - (flip ? 1 - g.p : g.p));
      const n = g.amounts.length;
      let picked = 0;
      let i = -1;
      for (;;) {
        // xorshift32, inlined: this loop runs tens of millions of times.
        state ^= state << 13;
        state ^= state >>> 17;
        state ^= state << 5;
        const u = ((state >>> 0) + 0.5) / 4294967296;
        i += 1 + Math.floor(Math.log(u) / logMiss);
        if (i >= n) break;
        picked += g.amounts[i] as number;
      }
      sum += flip ? g.total - picked : picked;
    }
    totals[t] = sum;
  }
  totals.sort();
  const sorted = Array.from(totals);
  return [quantileSorted(sorted, 0.1), quantileSorted(sorted, 0.5), quantileSorted(sorted, 0.9)];
}

function sumOf(values: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i] as number;
  return sum;
}
