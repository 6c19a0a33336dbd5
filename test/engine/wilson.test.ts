import { describe, expect, it } from 'vitest';
import { wilsonInterval, Z95 } from '../../src/engine/wilson';

describe('the Wilson interval (the win-rate bounds of STAGE_CONVERSION)', () => {
  // Regression: rounding once put wilsonInterval(n, n).high one ulp below 1 (n = 4, 10,
  // 14, …) and wilsonInterval(0, 1000).low 2e-19 above 0, outside the win rate itself.
  it('Wilson bounds contain the win rate exactly at 0 of n and n of n', () => {
    for (const n of [1, 2, 3, 4, 5, 10, 14, 19, 24, 100, 1000]) {
      expect(wilsonInterval(n, n).high, `${n} of ${n}`).toBe(1);
      expect(wilsonInterval(0, n).low, `0 of ${n}`).toBe(0);
    }
  });

  // By hand: p = 3/4, z² = 3.841459; centre = (p + z²/8) / (1 + z²/4) = 0.627527,
  // half width = z·√(p(1−p)/4 + z²/64) / (1 + z²/4) = 0.326885.
  it('3 of 4 won is 30% to 95%, not "75% ± nothing"', () => {
    expect(Z95).toBe(1.959964);
    const { low, high } = wilsonInterval(3, 4);
    expect(low).toBeCloseTo(0.30064, 4);
    expect(high).toBeCloseTo(0.95441, 4);
  });

  it('narrows as the same rate rests on more deals', () => {
    const few = wilsonInterval(3, 4);
    const many = wilsonInterval(30, 40);
    expect(many.low).toBeCloseTo(0.59806, 4);
    expect(many.high).toBeCloseTo(0.85813, 4);
    expect(many.high - many.low).toBeLessThan(few.high - few.low);
  });

  it('is undefined (NaN) with no closed deals', () => {
    expect(wilsonInterval(0, 0)).toEqual({ low: Number.NaN, high: Number.NaN });
  });
});
