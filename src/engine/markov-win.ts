/**
 * Win rates of the open stages as one linear system (SPEC §3, Win rate): the
 * stages are a Markov chain over stage entries, so a deal entering stage s is
 * eventually won with probability
 *
 *   W(s) = b(s) + Σ_{k ≠ s} P(s, k) · W(k),   b(s) = CIF_won(s),  P(s, k) = CIF_k(s)
 *
 * that is W = (I − P)⁻¹ b: the probability of being absorbed in "won" when the
 * chain's other exits (lost, and the unresolved remainder of stays longer than
 * any seen) are worth 0. Moves back are edges like any other, which is why one
 * system is needed rather than a product along the funnel.
 */

export interface WinRateSystem {
  /** W(s), clamped to [0, 1]; `null` where it is blank. */
  readonly rates: readonly (number | null)[];
  readonly blank: readonly boolean[];
  /** Stages whose stays only lead into each other: no unique solution, W = 0. */
  readonly zero: readonly boolean[];
  /** The stages T solved for, ascending: every one reaches a leak. */
  readonly solved: readonly number[];
  /** M = (I − P_TT)⁻¹, rows and columns in `solved` order: ∂W/∂b, for the interval. */
  readonly inverse: readonly (readonly number[])[];
}

/**
 * Solves the system in three steps.
 *
 * 1. Blank: a stage is blank when `blankAlone` says so (SPEC: Closed = 0, or
 *    no stay in it ended), or when it needs a blank stage, P(s, k) > 0 for a
 *    blank k, directly or through others (a fixed point).
 * 2. No unique solution: of the rest, a stage from which no chain of P > 0
 *    edges reaches a stage with a `leak` (some mass ending won, lost or
 *    unresolved) sits in a closed set whose stays only lead into each other;
 *    I − P is singular there. W = 0: the least non-negative solution (such
 *    deals are never seen to be won).
 * 3. The rest, T, is transient, so I − P_TT is invertible: W_T = M b_T.
 *
 * O(n³) for n open stages, a handful.
 *
 * @example
 * // S1: → S2 half the time, else lost. S2: won 0.6, back to S1 0.2, lost 0.2.
 * // W2 = 0.6 + 0.2 W1 and W1 = 0.5 W2, so W1 = 1/3 and W2 = 2/3.
 * solveWinRates([[0, 0.5], [0.2, 0]], [0, 0.6], [true, true], [false, false]).rates // → [0.3333…, 0.6666…]
 */
export function solveWinRates(
  moves: readonly (readonly number[])[],
  wins: readonly number[],
  leaks: readonly boolean[],
  blankAlone: readonly boolean[],
): WinRateSystem {
  const edge = (s: number, k: number) => k !== s && ((moves[s] as readonly number[])[k] as number) > 0;
  // 1. Blank spreads backwards along the edges.
  const blank = spread([...blankAlone], (s, marked) => marked.some((b, k) => b && edge(s, k)));
  // 2. Reaching a leak spreads backwards too; blank stages take no part.
  const leaking = leaks.map((leak, s) => !blank[s] && leak);
  const reach = spread(leaking, (s, marked) => !blank[s] && marked.some((r, k) => r && edge(s, k)));
  const solved = reach.flatMap((r, s) => (r ? [s] : []));
  const zero = reach.map((r, s) => !r && !blank[s]);
  // 3. The transient stages.
  const identityMinusP = solved.map((s) =>
    solved.map((k) => (k === s ? 1 : -((moves[s] as readonly number[])[k] as number))),
  );
  const inverse = invertMatrix(identityMinusP);
  const system = { blank, zero, solved, inverse, rates: [] as (number | null)[] };
  return { ...system, rates: applyInverse(system, wins) };
}

/**
 * x = M · v over the solved stages, for another right-hand side v (the
 * interval's upper end counts every remainder as won: v = b + r); 0 on the
 * zero stages, `null` on the blank ones, clamped to [0, 1].
 *
 * @example
 * applyInverse({ blank: [false, true], solved: [0], inverse: [[2]] }, [0.3, 1]) // → [0.6, null]
 */
export function applyInverse(
  system: Pick<WinRateSystem, 'blank' | 'solved' | 'inverse'>,
  v: readonly number[],
): (number | null)[] {
  const out: (number | null)[] = system.blank.map((b) => (b ? null : 0));
  system.solved.forEach((s, i) => {
    const row = system.inverse[i] as readonly number[];
    let x = 0;
    system.solved.forEach((k, j) => {
      x += (row[j] as number) * (v[k] as number);
    });
    out[s] = Math.min(1, Math.max(0, x));
  });
  return out;
}

/** Marks more entries until nothing changes: `more(s, marked)` says whether s joins. */
function spread(marked: boolean[], more: (s: number, marked: readonly boolean[]) => boolean): boolean[] {
  for (let changed = true; changed; ) {
    changed = false;
    for (let s = 0; s < marked.length; s++) {
      if (marked[s] || !more(s, marked)) continue;
      marked[s] = true;
      changed = true;
    }
  }
  return marked;
}

/**
 * Gauss–Jordan inverse with partial pivoting. Callers only pass matrices
 * known to be invertible (I − P over transient stages). O(n³).
 *
 * @example
 * invertMatrix([[2, 0], [1, 1]]) // → [[0.5, 0], [-0.5, 1]]
 */
export function invertMatrix(a: readonly (readonly number[])[]): number[][] {
  const n = a.length;
  const m = a.map((row, i) => [...row, ...Array.from({ length: n }, (_, j) => (i === j ? 1 : 0))]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(at(m, r, c)) > Math.abs(at(m, p, c))) p = r;
    [m[c], m[p]] = [m[p] as number[], m[c] as number[]];
    const pivotRow = m[c] as number[];
    const pivot = pivotRow[c] as number;
    for (let k = 0; k < 2 * n; k++) pivotRow[k] = (pivotRow[k] as number) / pivot;
    for (let r = 0; r < n; r++) {
      const row = m[r] as number[];
      const f = row[c] as number;
      if (r === c || f === 0) continue;
      for (let k = 0; k < 2 * n; k++) row[k] = (row[k] as number) - f * (pivotRow[k] as number);
    }
  }
  return m.map((row) => row.slice(n));
}

const at = (m: readonly (readonly number[])[], r: number, c: number): number =>
  (m[r] as readonly number[])[c] as number;
