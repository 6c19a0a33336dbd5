/**
 * Aalen–Johansen cumulative incidence of the competing ways a stay can end
 * (SPEC §3, CIF_x), on whole-day stay lengths, with stays still running
 * censored at their length so far.
 *
 * Why not just count endings: a pipeline always holds deals whose stay has
 * not ended yet. Leaving them out overweights the outcomes that come quickly
 * (on a young pipeline, losses), which biases every rate; counting them as
 * "not won" biases it the other way. The estimator uses each running stay
 * for exactly as long as it has been observed.
 */

/**
 * The event table of one stage's stays: at each distinct whole-day length
 * t_i at which at least one stay ended, the number still at risk Y_i (stays
 * of length ≥ t_i, those censored at t_i included: at a tied time events come
 * before censorings) and the number ending in each outcome d_ix.
 */
export interface EventTable {
  /** K: outcomes are 0 … K−1. */
  readonly outcomeCount: number;
  /** t_i, ascending. */
  readonly times: readonly number[];
  /** Y_i. */
  readonly atRisk: readonly number[];
  /** d_i = Σ_x d_ix. */
  readonly ended: readonly number[];
  /** d_ix, flat: `events[i * K + x]`. */
  readonly events: readonly number[];
  /** All stays, running ones included. */
  readonly stays: number;
  /** Stays that ended (in any outcome). */
  readonly endedStays: number;
  /** The longest stay length seen, ended or running; −1 without stays. */
  readonly longest: number;
}

/**
 * Builds the event table. `days` are whole-day lengths (integers ≥ 0);
 * `ends` the outcome of each stay, 0 … K−1, or negative for a stay still
 * running (censored). O(n · log n) for the sort, O(n + times · K) after it.
 *
 * @example
 * // 2 d → outcome 1, 2 d → outcome 3, running at 2 d, 5 d → outcome 2:
 * eventTable([2, 2, 2, 5], [1, 3, -1, 2], 4).atRisk // → [4, 1]
 */
export function eventTable(
  days: readonly number[],
  ends: readonly number[],
  outcomeCount: number,
): EventTable {
  const n = days.length;
  // Sort by length with the stay's index riding in the key: one typed-array sort, exact below 2^53.
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) keys[i] = (days[i] as number) * n + i;
  keys.sort();
  const times: number[] = [];
  const atRisk: number[] = [];
  const ended: number[] = [];
  const events: number[] = [];
  let risk = n;
  let endedStays = 0;
  let longest = -1;
  for (let a = 0; a < n; ) {
    const length = days[(keys[a] as number) % n] as number;
    const counts = new Array<number>(outcomeCount).fill(0);
    let ending = 0;
    let b = a;
    for (; b < n; b++) {
      const i = (keys[b] as number) % n;
      if (days[i] !== length) break;
      const end = ends[i] as number;
      if (end < 0) continue;
      counts[end] = (counts[end] as number) + 1;
      ending++;
    }
    if (ending > 0) {
      times.push(length);
      atRisk.push(risk);
      ended.push(ending);
      for (const c of counts) events.push(c);
    }
    endedStays += ending;
    risk -= b - a; // the ended and the censored at this length both leave the risk set after it
    longest = length;
    a = b;
  }
  return { outcomeCount, times, atRisk, ended, events, stays: n, endedStays, longest };
}

/** The Aalen–Johansen estimate at the longest stay length seen. */
export interface Incidence {
  /** CIF_x for each outcome x. */
  readonly cif: readonly number[];
  /**
   * r = S(t_max) = 1 − Σ_x CIF_x: the share of stays that outlast every stay
   * seen, whose outcome the data cannot tell (the interval has to allow for it).
   */
  readonly remainder: number;
  /** S(t_i−), just before each event time. */
  readonly survivalBefore: readonly number[];
  /** S(t_i), just after: the Kaplan–Meier curve of "the stay has ended". */
  readonly survivalAfter: readonly number[];
}

/**
 * Aalen–Johansen:
 *
 *   S(t)    = Π_{t_i ≤ t} (1 − d_i / Y_i)      (Kaplan–Meier of "the stay has ended")
 *   CIF_x   = Σ_i S(t_i−) · d_ix / Y_i
 *
 * When the last event time takes every stay still at risk, S is set to exactly
 * 0 (no rounding residue left as "unresolved"). O(times · K).
 *
 * @example
 * cumulativeIncidence(eventTable([2, 2, 2, 5], [1, 3, -1, 2], 4)).cif // → [0, 0.25, 0.5, 0.25]
 */
export function cumulativeIncidence(table: EventTable): Incidence {
  const { outcomeCount: k, atRisk, ended, events } = table;
  const cif = new Array<number>(k).fill(0);
  const survivalBefore: number[] = [];
  const survivalAfter: number[] = [];
  let survival = 1;
  atRisk.forEach((risk, i) => {
    survivalBefore.push(survival);
    const share = survival / risk;
    for (let x = 0; x < k; x++) cif[x] = (cif[x] as number) + share * (events[i * k + x] as number);
    const d = ended[i] as number;
    survival = d >= risk ? 0 : survival * (1 - d / risk);
    survivalAfter.push(survival);
  });
  return { cif, remainder: survival, survivalBefore, survivalAfter };
}

/**
 * A "reward at exit" of the estimate and its delta-method variance:
 *
 *   V = Σ_x w_x · CIF_x + R · r
 *
 * (w_x the reward of ending in x, R that of the unresolved remainder r). With
 * w_won = 1, w_lost = 0 and w_k = W(k) it is one stage's win equation, the
 * quantity whose sampling error the win-rate interval needs.
 *
 * Variance by the delta method on the discrete hazards, the outcome counts at
 * each event time being multinomial given Y_i (a Greenwood-type formula; with
 * one outcome, w = 1 and R = 0 it is Greenwood's for 1 − S(t_max)):
 *
 *   c_i   = (Σ_{j>i} S(t_j−) Σ_x w_x d_jx / Y_j + R · r) / S(t_i)    (0 when S(t_i) = 0)
 *   g_ix  = w_x − c_i,   p_ix = d_ix / Y_i
 *   Var V ≈ Σ_i S(t_i−)² / Y_i · [Σ_x p_ix g_ix² − (Σ_x p_ix g_ix)²]
 *
 * c_i is what a stay still running after t_i is expected to be worth. O(times · K).
 *
 * @example
 * // 1 d → won, 3 d → lost, running at 3 d and at 4 d (outcomes: 0 won, 1 lost); Var CIF_won = (1/4)(3/4)/4:
 * const table = eventTable([1, 3, 3, 4], [0, 1, -1, -1], 2)
 * rewardVariance(table, cumulativeIncidence(table), [1, 0], 0) // → { value: 0.25, variance: 0.046875 }
 */
export function rewardVariance(
  table: EventTable,
  incidence: Incidence,
  rewards: readonly number[],
  remainderReward: number,
): { value: number; variance: number } {
  const { outcomeCount: k, atRisk, events } = table;
  const { survivalBefore, survivalAfter, remainder } = incidence;
  // The reward each event time adds: S(t_i−) Σ_x w_x d_ix / Y_i.
  const gains = atRisk.map((risk, i) => {
    let weighted = 0;
    for (let x = 0; x < k; x++) weighted += (rewards[x] as number) * (events[i * k + x] as number);
    return ((survivalBefore[i] as number) * weighted) / risk;
  });
  const value = gains.reduce((sum, g) => sum + g, remainderReward * remainder);
  let later = remainderReward * remainder;
  let variance = 0;
  for (let i = atRisk.length - 1; i >= 0; i--) {
    const risk = atRisk[i] as number;
    const after = survivalAfter[i] as number;
    const carried = after > 0 ? later / after : 0;
    let mean = 0;
    let square = 0;
    for (let x = 0; x < k; x++) {
      const d = events[i * k + x] as number;
      if (d === 0) continue;
      const p = d / risk;
      const g = (rewards[x] as number) - carried;
      mean += p * g;
      square += p * g * g;
    }
    const before = survivalBefore[i] as number;
    variance += ((before * before) / risk) * (square - mean * mean);
    later += gains[i] as number;
  }
  return { value, variance: Math.max(0, variance) };
}
