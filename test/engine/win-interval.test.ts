import { describe, expect, it } from 'vitest';
import { cumulativeIncidence, eventTable } from '../../src/engine/aalen-johansen';
import { solveWinRates } from '../../src/engine/markov-win';
import {
  imbensManskiC,
  normalCdf,
  type StageEstimate,
  studentTScale,
  wilsonBound,
  winRateInterval,
  winRateVariances,
} from '../../src/engine/win-interval';

/** Φ⁻¹(0.975). */
const Z = 1.959963984540054;

const estimate = (days: number[], ends: number[], outcomes: number): StageEstimate => {
  const table = eventTable(days, ends, outcomes);
  return { table, incidence: cumulativeIncidence(table) };
};

describe('normal and Student-t helpers', () => {
  it('normalCdf is within the fit’s 1.2e-7 and symmetric', () => {
    expect(Math.abs(normalCdf(0) - 0.5)).toBeLessThan(1.2e-7);
    expect(Math.abs(normalCdf(Z) - 0.975)).toBeLessThan(1.2e-7);
    expect(Math.abs(normalCdf(-1) - 0.15865525393145707)).toBeLessThan(1.2e-7);
    expect(normalCdf(-Z) + normalCdf(Z)).toBeCloseTo(1, 15);
  });

  it('studentTScale gives t quantiles at the level of z', () => {
    // t₁(0.975) = tan(0.475π) = 12.7062; t₂ = 0.95/√(2 · 0.975 · 0.025) = 4.3027 (exact forms).
    expect(studentTScale(Z, 1)).toBeCloseTo(12.7062, 3);
    expect(studentTScale(Z, 1.2)).toBe(studentTScale(Z, 1));
    expect(studentTScale(Z, 2)).toBeCloseTo(4.3027, 4);
    // Cornish–Fisher to 1/df³: 3.159 (exact 3.182), 2.568 (2.571), 2.0154 (2.0154).
    expect(studentTScale(Z, 3)).toBeCloseTo(3.159, 3);
    expect(studentTScale(Z, 5)).toBeCloseTo(2.568, 3);
    expect(studentTScale(Z, 44)).toBeCloseTo(2.0154, 4);
    expect(studentTScale(Z, Number.POSITIVE_INFINITY)).toBe(Z);
  });
});

describe('Wilson score bounds', () => {
  it('worked example: p = 0.5 on 100', () => {
    // (0.5 + 0.019208 ∓ 1.96 · √(0.0025 + 0.0000960)) / 1.038415
    expect(wilsonBound(0.5, 100, Z, -1)).toBeCloseTo(0.40383153, 7);
    expect(wilsonBound(0.5, 100, Z, 1)).toBeCloseTo(0.59616847, 7);
  });

  it('one success of one: [1/(1 + z²), 1]', () => {
    expect(wilsonBound(1, 1, Z, -1)).toBeCloseTo(1 / (1 + Z * Z), 15);
    expect(wilsonBound(1, 1, Z, 1)).toBe(1);
  });

  it('knows nothing from no sample and everything from an infinite one', () => {
    expect([wilsonBound(0.3, 0, Z, -1), wilsonBound(0.3, 0, Z, 1)]).toEqual([0, 1]);
    expect(wilsonBound(0.3, Number.POSITIVE_INFINITY, Z, -1)).toBe(0.3);
  });
});

describe('Imbens–Manski critical value', () => {
  it('is the two-sided 1.96 with no gap, and tends to the one-sided 1.645 with a wide one', () => {
    expect(imbensManskiC(0, 0.1)).toBe(Z);
    expect(imbensManskiC(0.2, 0)).toBe(Z);
    expect(imbensManskiC(10, 0.01)).toBeCloseTo(1.6448536, 5);
  });

  it('solves Φ(c + Δ/σ) − Φ(−c) = 0.95 in between', () => {
    const c = imbensManskiC(0.1, 0.1);
    expect(c).toBeGreaterThan(1.645);
    expect(c).toBeLessThan(1.96);
    expect(normalCdf(c + 1) - normalCdf(-c)).toBeCloseTo(0.95, 9);
  });
});

// Outcome codes: with one open stage 0 = S1, 1 = won, 2 = lost; with two, 0 = S1, 1 = S2, 2 = won, 3 = lost.
describe('the win-rate interval', () => {
  it('one stay, won: σ = 0, so the Wilson bound on one ended stay with c = 1.96', () => {
    const stages = [estimate([3], [1], 3)];
    const system = solveWinRates([[0]], [1], [true], [false]);
    const interval = winRateInterval(stages, system);
    expect(interval.low[0]).toBeCloseTo(1 / (1 + Z * Z), 12); // 0.2065
    expect([interval.high[0], interval.upper[0]]).toEqual([1, 1]);
  });

  it('worked example: bounds from the unresolved remainder, widened by sampling error', () => {
    // 1 d → won, 3 d → lost, running at 3 d and 4 d: W_L = CIF_won = 1/4, W_U = 1/4 + r = 3/4.
    // Var of both ends = 3/64 (aalen-johansen.test.ts), so n_eff = (1/4)(3/4)/(3/64) = 4 and
    // df = 3 at each end; c solves Φ(c + 0.5/√(3/64)) − Φ(−c) = 0.95, close to one-sided.
    const stages = [estimate([1, 3, 3, 4], [1, 2, -1, -1], 3)];
    const system = solveWinRates([[0]], [0.25], [true], [false]);
    expect(winRateVariances(stages, system, [0.25], 0)[0]).toBeCloseTo(3 / 64, 12);
    const interval = winRateInterval(stages, system);
    expect(interval.upper[0]).toBeCloseTo(0.75, 12);
    const c = imbensManskiC(0.5, Math.sqrt(3 / 64));
    expect(c).toBeCloseTo(1.64523, 5);
    expect(interval.low[0]).toBeCloseTo(wilsonBound(0.25, 4, studentTScale(c, 3), -1), 12);
    expect(interval.high[0]).toBeCloseTo(wilsonBound(0.75, 4, studentTScale(c, 3), 1), 12);
    expect(interval.low[0]).toBeCloseTo(0.034814, 6);
    expect(interval.high[0]).toBeCloseTo(0.965186, 6);
  });

  it('carries each stage’s variance through M²: Var W(j) = Σ_s M(j, s)² Var V(s)', () => {
    // S1: 4 stays, two → S2 and two → lost; S2: 4 stays, two won and two lost; nothing censored.
    // W2 = 1/2, W1 = (1/2)(1/2) = 1/4. Without censoring the variances are binomial:
    // Var V(S2) = (1/2)(1/2)/4 = 1/16; V(S1) = W2 · (share → S2), Var = (1/4)(1/16) = 1/64.
    // M = [[1, 1/2], [0, 1]], so Var W1 = 1/64 + (1/2)² · 1/16 = 1/32 and Var W2 = 1/16.
    const stages = [estimate([1, 2, 3, 4], [1, 3, 1, 3], 4), estimate([1, 2, 3, 4], [2, 3, 2, 3], 4)];
    const system = solveWinRates(
      [
        [0, 0.5],
        [0, 0],
      ],
      [0, 0.5],
      [true, true],
      [false, false],
    );
    const variances = winRateVariances(stages, system, system.rates, 0);
    expect(variances[0]).toBeCloseTo(1 / 32, 12);
    expect(variances[1]).toBeCloseTo(1 / 16, 12);
    // Nothing unresolved: Δ = 0, c = 1.96; n_eff = 6 (S1) and 4 (S2) on the t scale.
    const interval = winRateInterval(stages, system);
    expect(interval.upper).toEqual(system.rates);
    expect(interval.low[0]).toBeCloseTo(wilsonBound(0.25, 6, studentTScale(Z, 5), -1), 12);
    expect(interval.low[1]).toBeCloseTo(wilsonBound(0.5, 4, studentTScale(Z, 3), -1), 12);
    expect(interval.high[1]).toBeCloseTo(wilsonBound(0.5, 4, studentTScale(Z, 3), 1), 12);
  });

  it('is [0, 0] where there is no unique solution, and blank where the win rate is', () => {
    // S1 ↔ S2 only; S3 blank by itself.
    const stages = [estimate([2], [1], 5), estimate([3], [0], 5), estimate([1], [-1], 5)];
    const system = solveWinRates(
      [
        [0, 1, 0],
        [1, 0, 0],
        [0, 0, 0],
      ],
      [0, 0, 0],
      [false, false, true],
      [false, false, true],
    );
    const interval = winRateInterval(stages, system);
    expect([interval.low, interval.high, interval.upper]).toEqual([
      [0, 0, null],
      [0, 0, null],
      [0, 0, null],
    ]);
  });
});
