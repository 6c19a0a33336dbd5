/** z for a two-sided 95% interval, as the SPEC fixes it. */
export const Z95 = 1.959964;

/**
 * Wilson score interval for a proportion: unlike `p ± z·√(p(1−p)/n)` it stays
 * inside [0, 1] and is honest for the small counts a sales team has (3 of 4
 * won is not "75% ± nothing"). O(1).
 *
 * @example
 * wilsonInterval(3, 4) // → { low: 0.3006…, high: 0.9544… }
 */
export function wilsonInterval(successes: number, trials: number, z = Z95): { low: number; high: number } {
  if (trials <= 0) return { low: Number.NaN, high: Number.NaN };
  const p = successes / trials;
  const z2 = z * z;
  const denominator = 1 + z2 / trials;
  const centre = (p + z2 / (2 * trials)) / denominator;
  const half = (z * Math.sqrt((p * (1 - p)) / trials + z2 / (4 * trials * trials))) / denominator;
  // Rounding can put the bound a hair past p at 0 or n successes (4 of 4 → high 0.9999999999999999).
  return { low: Math.min(p, Math.max(0, centre - half)), high: Math.max(p, Math.min(1, centre + half)) };
}
