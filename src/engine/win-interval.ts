import { type EventTable, type Incidence, rewardVariance } from './aalen-johansen';
import { applyInverse, type WinRateSystem } from './markov-win';

/**
 * The 95% interval of the win rate (SPEC §3, Win rate low/high): *bounds plus
 * sampling error*. The method, and why, as the research chose and validated it
 * on the simulated pipelines (≥ 93.5% coverage in every cell):
 *
 * - Bounds. The estimates only reach the longest stay seen in each stage; the
 *   unresolved remainder r(s) = 1 − Σ_x CIF_x(s) has an outcome the data cannot
 *   tell. The point estimate W_L counts it as never won; W_U = (I − P)⁻¹ (b + r)
 *   counts it as always won. The truth lies between them whatever the long
 *   stays do, which an interval around W_L alone misses on young pipelines.
 * - Sampling error. Each end is a reward at exit V(s) = Σ_x w_x CIF_x(s) + R·r(s)
 *   (R = 0 low, 1 high) with a delta-method variance (`rewardVariance`). Stages'
 *   estimates are asymptotically independent and ∂W/∂V = M = (I − P)⁻¹, so
 *   Var W(j) = Σ_s M(j, s)² Var V(s).
 * - Wilson score ends on the effective sample n = p(1 − p)/σ²: honest near 0
 *   and 1 and for the 20–50 stays of a late stage, where p ± cσ is not.
 * - Imbens–Manski critical value c: Φ(c + Δ/σ) − Φ(−c) = 0.95 with Δ = W_U − W_L.
 *   The truth cannot be near both ends of a wide gap, so c falls from 1.96
 *   towards 1.645; put on the Student-t scale with n − 1 degrees of freedom,
 *   because σ is itself estimated.
 */

/** Φ⁻¹(0.975), to full precision. */
const Z_TWO_SIDED = 1.959963984540054;
/** Φ⁻¹(0.95): the one-sided critical value Imbens–Manski tends to. */
const Z_ONE_SIDED = 1.6448536269514722;

/** Numerical Recipes' erfcc coefficients of t¹ … t⁹, highest first (t⁰'s, −1.26551223, is added apart). */
const ERFCC_COEFFICIENTS = [
  0.17087277, -0.82215223, 1.48851587, -1.13520398, 0.27886807, -0.18628806, 0.09678418, 0.37409196,
  1.00002368,
];

/**
 * Standard normal CDF from the Numerical Recipes `erfcc` Chebyshev fit
 * (fractional error < 1.2·10⁻⁷), ample for a critical value and deterministic
 * everywhere Apps Script runs. O(1).
 *
 * @example
 * normalCdf(1.959963984540054) // → 0.97500…
 */
export function normalCdf(x: number): number {
  const z = Math.abs(x) / Math.SQRT2;
  const t = 1 / (1 + 0.5 * z);
  // The fit's polynomial in t, by Horner from its highest coefficient (the reference's own order).
  let series = 0;
  for (const c of ERFCC_COEFFICIENTS) series = c + t * series;
  const tail = t * Math.exp(-z * z - 1.26551223 + t * series);
  return x >= 0 ? 1 - tail / 2 : tail / 2;
}

/**
 * Imbens–Manski (2004) critical value for an interval [W_L, W_U] of width
 * Δ ≥ 0 with standard error σ: the c in [1.645, 1.96] solving
 * Φ(c + Δ/σ) − Φ(−c) = 0.95, by 60 bisection steps. 1.96 when Δ or σ is 0.
 *
 * @example
 * imbensManskiC(10, 0.01) // → 1.64485…
 */
export function imbensManskiC(delta: number, sigma: number): number {
  if (!(sigma > 0) || !(delta > 0)) return Z_TWO_SIDED;
  const ratio = delta / sigma;
  let lo = Z_ONE_SIDED;
  let hi = Z_TWO_SIDED;
  for (let step = 0; step < 60; step++) {
    const c = (lo + hi) / 2;
    if (normalCdf(c + ratio) - normalCdf(-c) < 0.95) lo = c;
    else hi = c;
  }
  return hi;
}

/**
 * The Student-t quantile on `df` degrees of freedom at the level of the normal
 * quantile z: T⁻¹_df(Φ(z)). Exact for df < 2.5 (t₁ = tan(π(q − ½)),
 * t₂ = (2q − 1)/√(2q(1 − q)), q = Φ(z), a fractional df rounding to 1 or 2);
 * larger df by the Cornish–Fisher expansion to 1/df³ (t₅ = 2.568 against
 * 2.571 exact at z = 1.96). O(1).
 *
 * @example
 * studentTScale(1.959963984540054, 44) // → 2.0153…
 */
export function studentTScale(z: number, df: number): number {
  if (!Number.isFinite(df)) return z;
  if (df < 2.5) {
    const q = normalCdf(z);
    return df < 1.5 ? Math.tan(Math.PI * (q - 0.5)) : (2 * q - 1) / Math.sqrt(2 * q * (1 - q));
  }
  const z2 = z * z;
  const z3 = z2 * z;
  const z5 = z3 * z2;
  const z7 = z5 * z2;
  return (
    z +
    (z3 + z) / (4 * df) +
    (5 * z5 + 16 * z3 + 3 * z) / (96 * df * df) +
    (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * df * df * df)
  );
}

/**
 * One end of the Wilson score interval of a proportion p seen on an effective
 * sample of n (fractional n allowed), clamped to [0, 1]:
 *
 *   (p + z²/2n ± z·√(p(1 − p)/n + z²/4n²)) / (1 + z²/n)
 *
 * `side` −1 gives the low end, +1 the high end. n ≤ 0 gives [0, 1]; n = ∞ gives p. O(1).
 *
 * @example
 * wilsonBound(0.5, 100, 1.959963984540054, -1) // → 0.40383…
 */
export function wilsonBound(p: number, n: number, z: number, side: -1 | 1): number {
  if (!(n > 0)) return side < 0 ? 0 : 1;
  if (!Number.isFinite(n)) return p;
  const z2n = (z * z) / n;
  const centre = p + z2n / 2;
  const half = z * Math.sqrt((p * (1 - p)) / n + z2n / (4 * n));
  return Math.min(1, Math.max(0, (centre + side * half) / (1 + z2n)));
}

/** One open stage's estimate: its event table and Aalen–Johansen incidences (outcomes as in stays.ts). */
export interface StageEstimate {
  readonly table: EventTable;
  readonly incidence: Incidence;
}

/**
 * Delta-method variances of win rates W over the solved stages:
 * Var W(j) = Σ_s M(j, s)² · Var V(s), with V(s) the stage's reward at exit for
 * w_k = W(k) (open stage k), w_won = 1, w_lost = 0 and remainder reward R.
 * Zero outside the solved stages. O(n² + stays).
 */
export function winRateVariances(
  stages: readonly StageEstimate[],
  system: Pick<WinRateSystem, 'solved' | 'inverse'>,
  rates: readonly (number | null)[],
  remainderReward: number,
): number[] {
  const n = stages.length;
  const rewards = [...rates.map((w) => w ?? 0), 1, 0];
  const stageVariance = new Array<number>(n).fill(0);
  for (const s of system.solved) {
    const { table, incidence } = stages[s] as StageEstimate;
    stageVariance[s] = rewardVariance(table, incidence, rewards, remainderReward).variance;
  }
  const out = new Array<number>(n).fill(0);
  system.solved.forEach((j, i) => {
    const row = system.inverse[i] as readonly number[];
    let v = 0;
    system.solved.forEach((s, col) => {
      const m = row[col] as number;
      v += m * m * (stageVariance[s] as number);
    });
    out[j] = v;
  });
  return out;
}

/** The interval of every open stage, pipeline order; `null` where the win rate is blank. */
export interface WinRateInterval {
  readonly low: readonly (number | null)[];
  readonly high: readonly (number | null)[];
  /** W_U: the win rate with every unresolved remainder counted as won. */
  readonly upper: readonly (number | null)[];
}

/**
 * Low = min(W_L, Wilson low end of W_L); high = max(W_U, Wilson high end of
 * W_U), both with the Imbens–Manski c on the t scale (see the top of this
 * file). Where σ = 0 or p is 0 or 1 there is no effective sample, so the
 * Wilson end uses the stage's ended stays and the normal c: one stay, won,
 * gives [1/(1 + 1.96²), 1]. Zero stages (no unique solution) get [0, 0].
 * O(n³ + stays).
 */
export function winRateInterval(stages: readonly StageEstimate[], system: WinRateSystem): WinRateInterval {
  const n = stages.length;
  const lower = system.rates;
  const upper = applyInverse(
    system,
    stages.map(({ incidence }) => (incidence.cif[n] as number) + incidence.remainder),
  );
  const varLow = winRateVariances(stages, system, lower, 0);
  const varHigh = winRateVariances(stages, system, upper, 1);
  const low: (number | null)[] = lower.map(() => null);
  const high: (number | null)[] = lower.map(() => null);
  lower.forEach((wl, s) => {
    const wu = upper[s];
    if (wl === null || wu === null || wu === undefined) return;
    if (system.zero[s]) {
      low[s] = 0;
      high[s] = 0;
      return;
    }
    const vl = varLow[s] as number;
    const vh = varHigh[s] as number;
    const c = imbensManskiC(wu - wl, Math.max(Math.sqrt(vl), Math.sqrt(vh)));
    const ended = (stages[s] as StageEstimate).table.endedStays;
    low[s] = Math.min(wl, scoreEnd(wl, vl, c, ended, -1));
    high[s] = Math.max(wu, scoreEnd(wu, vh, c, ended, 1));
  });
  return { low, high, upper };
}

/**
 * One end: the Wilson bound on the effective sample p(1 − p)/σ² with c on the
 * t scale (n − 1 degrees of freedom); without an effective sample (σ = 0, or
 * p at 0 or 1), the Wilson bound on the ended stays with the normal c.
 */
function scoreEnd(p: number, variance: number, c: number, endedStays: number, side: -1 | 1): number {
  if (variance > 0 && p > 0 && p < 1) {
    const effective = (p * (1 - p)) / variance;
    return wilsonBound(p, effective, studentTScale(c, effective - 1), side);
  }
  return wilsonBound(p, endedStays, c, side);
}
