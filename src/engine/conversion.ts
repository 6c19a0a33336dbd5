import { cumulativeIncidence, eventTable } from './aalen-johansen';
import type { StageChange } from './history';
import { stayQuantiles, survivalOf } from './kaplan-meier';
import { solveWinRates, type WinRateSystem } from './markov-win';
import { PipelineError } from './problems';
import type { Pipeline, Stage } from './stages';
import { dayOf, lostOutcome, readStays, type Stays, wonOutcome } from './stays';
import { type StageEstimate, type WinRateInterval, winRateInterval } from './win-interval';
import type { DayNumber } from './zone';

/**
 * STAGE_CONVERSION and WIN_RATE (SPEC §3): the deal counts, and the rates
 * estimated from stays with running stays censored at the as-of day.
 *
 *   history ─ stays.ts ─▶ stays per open stage ─ aalen-johansen.ts ─▶ CIF_x(s)
 *     ├─ Conversion(s) = CIF_won(s) + Σ_{k > s} CIF_k(s)
 *     ├─ markov-win.ts ─▶ Win rate W(s) ─ win-interval.ts ─▶ low, high
 *     └─ kaplan-meier.ts ─▶ Median days, Suggested stale after
 */

/** One row of the STAGE_CONVERSION table; `null` where the sheet shows a blank. */
export interface ConversionRow {
  readonly stage: string;
  /** Deals whose furthest open stage is this one or later, or that entered a won stage. */
  readonly reached: number;
  /** Deals that reached a later stage (or won). */
  readonly advanced: number;
  /** Deals now lost whose furthest open stage is this one. */
  readonly dropped: number;
  /** Deals that reached this stage and are still open. */
  readonly open: number;
  readonly conversion: number | null;
  /** Deals that reached this stage and are now won. */
  readonly won: number;
  /** Deals that reached this stage and are now won or lost. */
  readonly closed: number;
  readonly winRate: number | null;
  readonly winRateLow: number | null;
  readonly winRateHigh: number | null;
  readonly medianDays: number | null;
  readonly suggestedStaleAfter: number | null;
  /** Stays in this stage the rates rest on ("estimated from 41 stays, …"). */
  readonly stays: number;
  /** Of them, still running on the as-of day ("… 12 still open"). */
  readonly running: number;
}

/** The deal counts of one open stage. */
interface DealCounts {
  reached: number;
  advanced: number;
  dropped: number;
  open: number;
  won: number;
  closed: number;
}

/**
 * The conversion table, one row per open stage of `pipeline` in pipeline
 * order, as of `asOfDay` (rows after it are ignored; stays still running then
 * are censored there). Without `asOfDay`, the day of the latest change.
 * O(rows · log rows + stays · log stays + n³) for n open stages.
 *
 * @example
 * const p = readPipeline([['Stage', 'Probability'], ['S1', '20%'], ['Won', '100%'], ['Lost', '0%']])
 * const [s1, won, lost] = p.stages
 * const at = (d) => Date.UTC(2024, 0, d, 9)
 * const log = [
 *   { row: 2, when: at(1), dealId: 'A', from: null, to: s1 },
 *   { row: 3, when: at(3), dealId: 'A', from: s1, to: won },
 *   { row: 4, when: at(1), dealId: 'B', from: null, to: s1 },
 *   { row: 5, when: at(5), dealId: 'B', from: s1, to: lost },
 * ]
 * // One stay won after 2 days, one lost after 4: half and half, nothing running.
 * stageConversion(log, p).map((r) => [r.reached, r.won, r.closed, r.winRate, r.medianDays, r.running])
 * // → [[2, 1, 2, 0.5, 2, 0]]
 */
export function stageConversion(
  changes: readonly StageChange[],
  pipeline: Pipeline,
  asOfDay?: DayNumber,
): ConversionRow[] {
  const stays = readStays(changes, pipeline, asOfDay ?? latestDay(changes));
  const counts = countDeals(stays);
  const n = stays.openCount;
  const estimates: StageEstimate[] = stays.stages.map(({ days, ends }) => {
    const table = eventTable(days, ends, n + 2);
    return { table, incidence: cumulativeIncidence(table) };
  });
  const system = winRateSystem(estimates, counts);
  const interval = winRateInterval(estimates, system);
  return pipeline.open.map((stage, s) => rowOf(stage, s, counts, estimates, system, interval));
}

/** The day of the latest change; any day will do when there is none (nothing to count). */
function latestDay(changes: readonly StageChange[]): DayNumber {
  let latest = Number.NEGATIVE_INFINITY;
  for (const c of changes) latest = Math.max(latest, dayOf(c));
  return Number.isFinite(latest) ? latest : 0;
}

/**
 * The Markov system of win rates: P(s, k) = CIF_k(s), b(s) = CIF_won(s). A
 * stage is blank by itself when no closed deal reached it or none of its stays
 * has ended; it leaks when some of its mass ends won, lost or unresolved.
 */
function winRateSystem(estimates: readonly StageEstimate[], counts: readonly DealCounts[]): WinRateSystem {
  const n = estimates.length;
  const moves = estimates.map(({ incidence }, s) =>
    estimates.map((_, k) => (k === s ? 0 : (incidence.cif[k] as number))),
  );
  const wins = estimates.map(({ incidence }) => incidence.cif[wonOutcome(n)] as number);
  const leaks = estimates.map(
    ({ incidence: { cif, remainder } }) =>
      (cif[wonOutcome(n)] as number) > 0 || (cif[lostOutcome(n)] as number) > 0 || remainder > 0,
  );
  const blankAlone = estimates.map(
    ({ table }, s) => (counts[s] as DealCounts).closed === 0 || table.endedStays === 0,
  );
  return solveWinRates(moves, wins, leaks, blankAlone);
}

function rowOf(
  stage: Stage,
  s: number,
  counts: readonly DealCounts[],
  estimates: readonly StageEstimate[],
  system: WinRateSystem,
  interval: WinRateInterval,
): ConversionRow {
  const n = estimates.length;
  const { table, incidence } = estimates[s] as StageEstimate;
  const c = counts[s] as DealCounts;
  // Forward only: a move back is an outcome of the stay, but not a conversion.
  let forward = incidence.cif[wonOutcome(n)] as number;
  for (let k = s + 1; k < n; k++) forward += incidence.cif[k] as number;
  return {
    stage: stage.name,
    reached: c.reached,
    advanced: c.advanced,
    dropped: c.dropped,
    open: c.open,
    // A sum of incidences can round a hair past 1.
    conversion: table.endedStays > 0 ? Math.min(1, forward) : null,
    won: c.won,
    closed: c.closed,
    winRate: system.rates[s] ?? null,
    winRateLow: interval.low[s] ?? null,
    winRateHigh: interval.high[s] ?? null,
    ...stayQuantiles(survivalOf(table, incidence)),
    stays: table.stays,
    running: table.stays - table.endedStays,
  };
}

/**
 * Counts of deals per open stage (SPEC §3). With furthest the deal's furthest
 * open stage (n once won) and its current outcome: Reached(s) = furthest ≥ s;
 * Advanced(s) = furthest > s; Dropped(s) = now lost with furthest = s; Open,
 * Won, Closed(s) = reached s and now open / won / won or lost. The counts
 * follow the current outcome; the rates follow the stays. O(deals · n).
 */
function countDeals(stays: Stays): DealCounts[] {
  const n = stays.openCount;
  const counts = Array.from({ length: n }, () => ({
    reached: 0,
    advanced: 0,
    dropped: 0,
    open: 0,
    won: 0,
    closed: 0,
  }));
  for (const { furthest, current } of stays.deals) {
    const outcome = current.outcome;
    if (outcome === 'lost' && furthest >= 0 && furthest < n) (counts[furthest] as DealCounts).dropped++;
    for (let s = 0; s <= Math.min(furthest, n - 1); s++) {
      const c = counts[s] as DealCounts;
      c.reached++;
      if (furthest > s) c.advanced++;
      if (outcome === 'open') c.open++;
      else c.closed++;
      if (outcome === 'won') c.won++;
    }
  }
  return counts;
}

/**
 * WIN_RATE: the win rate of one open stage, or `null` when it is blank or
 * fewer than `minClosed` closed deals reached the stage (too few to trust).
 * A won, lost or unknown stage is an error.
 *
 * @example
 * const p = readPipeline([['Stage', 'Probability'], ['S1', '20%'], ['Won', '100%'], ['Lost', '0%']])
 * const [s1, won] = p.stages
 * const log = [{ row: 2, when: 0, dealId: 'A', from: null, to: s1 }, { row: 3, when: 1, dealId: 'A', from: s1, to: won }]
 * [winRate(log, p, s1, 1), winRate(log, p, s1)] // → [1, null]
 */
export function winRate(
  changes: readonly StageChange[],
  pipeline: Pipeline,
  stage: Stage,
  minClosed = 5,
  asOfDay?: DayNumber,
): number | null {
  if (stage.outcome !== 'open') {
    throw new PipelineError(
      `'${stage.name}' is a ${stage.outcome} stage; a win rate is asked of an open stage.`,
    );
  }
  if (!Number.isInteger(minClosed) || minClosed < 0) {
    throw new PipelineError(`min_closed must be a whole number of deals, not ${minClosed}.`);
  }
  const s = pipeline.open.findIndex(
    (o) => o === stage || (o.key === stage.key && o.pipeline === stage.pipeline),
  );
  if (s < 0) throw new PipelineError(`'${stage.name}' is not an open stage of this pipeline.`);
  const row = stageConversion(changes, pipeline, asOfDay)[s] as ConversionRow;
  return row.closed < Math.max(minClosed, 1) ? null : row.winRate;
}
