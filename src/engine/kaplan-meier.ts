import { cumulativeIncidence, type EventTable, eventTable, type Incidence } from './aalen-johansen';

/**
 * Kaplan–Meier survival of stay lengths and its whole-day quantiles (SPEC §3:
 * Median days, Suggested stale after). Running stays are censored at their
 * length so far: dropping them would keep only the stays that ended quickly,
 * and on a young pipeline suggest a stale threshold half the real one.
 */

/**
 * A step function S(d) = P(a stay lasts more than d whole days): `survival[i]`
 * holds for times[i] ≤ d < times[i + 1], and S(d) = 1 before times[0].
 */
export interface SurvivalCurve {
  readonly times: readonly number[];
  readonly survival: readonly number[];
}

/**
 * S(d) = Π_{t ≤ d} (1 − e(t) / Y(t)): e(t) the stays that ended after exactly
 * t days (however they ended), Y(t) those of length ≥ t (a running stay is at
 * risk up to its length so far; at a tied length ended stays come first).
 * O(n · log n).
 *
 * @example
 * kaplanMeier([2, 2, 2, 5], [true, true, false, true]) // → { times: [2, 5], survival: [0.5, 0] }
 */
export function kaplanMeier(days: readonly number[], ended: readonly boolean[]): SurvivalCurve {
  const table = eventTable(
    days,
    ended.map((e) => (e ? 0 : -1)),
    1,
  );
  return survivalOf(table, cumulativeIncidence(table));
}

/**
 * The Kaplan–Meier curve inside an Aalen–Johansen estimate: its survival
 * after each event time is exactly that curve, so one table serves both.
 */
export function survivalOf(table: EventTable, incidence: Incidence): SurvivalCurve {
  return { times: table.times, survival: incidence.survivalAfter };
}

/**
 * The smallest whole d with S(d) ≤ q (within 1e-9, so 0.5 computed as
 * 0.5000000001 still counts), or `null` when S never falls that low. S only
 * changes at event times, so d is the first event time where it has dropped
 * to q or below. O(times).
 *
 * @example
 * survivalQuantileDay({ times: [1, 3], survival: [0.75, 0.5] }, 0.5) // → 3
 */
export function survivalQuantileDay(curve: SurvivalCurve, q: number): number | null {
  const i = curve.survival.findIndex((s) => s <= q + 1e-9);
  return i < 0 ? null : (curve.times[i] as number);
}

/**
 * Median days = the first d with S(d) ≤ 0.5; Suggested stale after = the first
 * d with S(d) ≤ 0.2, at least 1 (a threshold of 0 days would flag every deal
 * on the day it enters). Either is `null` when S never falls that low, for
 * example while most stays are still running.
 *
 * @example
 * stayQuantiles(kaplanMeier([2, 2, 2, 5], [true, true, false, true])) // → { medianDays: 2, suggestedStaleAfter: 5 }
 */
export function stayQuantiles(curve: SurvivalCurve): {
  medianDays: number | null;
  suggestedStaleAfter: number | null;
} {
  const p80 = survivalQuantileDay(curve, 0.2);
  return {
    medianDays: survivalQuantileDay(curve, 0.5),
    suggestedStaleAfter: p80 === null ? null : Math.max(1, p80),
  };
}
