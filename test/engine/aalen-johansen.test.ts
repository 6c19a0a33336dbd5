import { describe, expect, it } from 'vitest';
import { cumulativeIncidence, eventTable, rewardVariance } from '../../src/engine/aalen-johansen';

const close = (actual: readonly number[], expected: readonly number[], digits = 12) => {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((a, i) => {
    expect(a).toBeCloseTo(expected[i] as number, digits);
  });
};

// Outcome codes of a pipeline with 2 open stages: 0 = S1, 1 = S2, 2 = won, 3 = lost; −1 = running.
describe('the event table', () => {
  it('puts a stay censored at an event time in the risk set (events before censorings)', () => {
    // A 2 d → S2, B 2 d → lost, C running at 2 d, D 5 d → won.
    const table = eventTable([2, 2, 2, 5], [1, 3, -1, 2], 4);
    expect(table.times).toEqual([2, 5]);
    expect(table.atRisk).toEqual([4, 1]); // C is still at risk at t = 2
    expect(table.ended).toEqual([2, 1]);
    expect(table.events).toEqual([0, 1, 0, 1, 0, 0, 1, 0]);
    expect([table.stays, table.endedStays, table.longest]).toEqual([4, 3, 5]);
  });

  it('has no event time when every stay is still running, and is empty without stays', () => {
    const running = eventTable([3, 5], [-1, -1], 4);
    expect([running.times, running.stays, running.endedStays, running.longest]).toEqual([[], 2, 0, 5]);
    const none = eventTable([], [], 4);
    expect([none.times, none.stays, none.endedStays, none.longest]).toEqual([[], 0, 0, -1]);
  });

  it('does not depend on the order of the stays', () => {
    const a = eventTable([5, 2, 2, 2], [2, -1, 3, 1], 4);
    expect([a.times, a.atRisk, a.events]).toEqual([
      [2, 5],
      [4, 1],
      [0, 1, 0, 1, 0, 0, 1, 0],
    ]);
  });
});

describe('Aalen–Johansen cumulative incidence', () => {
  it('worked example: ties and a censoring at day 2', () => {
    // t = 2: Y = 4, S2 1/4, lost 1/4, S = 1/2.  t = 5: Y = 1 (D), won += (1/2)(1/1), S = 0.
    const aj = cumulativeIncidence(eventTable([2, 2, 2, 5], [1, 3, -1, 2], 4));
    close(aj.cif, [0, 0.25, 0.5, 0.25]);
    expect(aj.remainder).toBe(0); // exactly: the last event took every stay at risk
    expect(aj.survivalBefore).toEqual([1, 0.5]);
    expect(aj.survivalAfter).toEqual([0.5, 0]);
  });

  it('leaves an unresolved remainder when stays outlast every ended one', () => {
    // 1 d → won, 3 d → lost, running at 3 d and at 4 d.
    // t = 1: Y = 4, won 1/4, S = 3/4.  t = 3: Y = 3, lost (3/4)(1/3) = 1/4, S = 1/2.  r = 1/2.
    const table = eventTable([1, 3, 3, 4], [2, 3, -1, -1], 4);
    const aj = cumulativeIncidence(table);
    close(aj.cif, [0, 0, 0.25, 0.25]);
    expect(aj.remainder).toBeCloseTo(0.5, 12);
    expect(table.longest).toBe(4);
  });

  it('gives a running stay’s mass to the outcomes seen after it', () => {
    // 1 d → S1, running at 2 d, 3 d → S2. t = 1: Y = 3, S1 1/3, S = 2/3. t = 3: Y = 1, S2 2/3.
    // Dropping the running stay would give 1/2 and 1/2; counting it as neither, 1/3 and 1/3.
    const aj = cumulativeIncidence(eventTable([1, 2, 3], [0, -1, 1], 2));
    close(aj.cif, [1 / 3, 2 / 3]);
    expect(aj.remainder).toBe(0);
  });

  it('is the share of each outcome when nothing is censored', () => {
    // Six stays, three of each outcome: t = 1 (Y 6), t = 2 (Y 5), t = 3 (Y 3, all of them end).
    const aj = cumulativeIncidence(eventTable([1, 2, 2, 3, 3, 3], [0, 1, 0, 1, 1, 0], 2));
    close(aj.cif, [0.5, 0.5]);
    expect(aj.remainder).toBe(0);
  });

  it('is all remainder when no stay has ended', () => {
    const aj = cumulativeIncidence(eventTable([3, 5], [-1, -1], 4));
    expect([aj.cif, aj.remainder]).toEqual([[0, 0, 0, 0], 1]);
  });
});

describe('rewardVariance (delta method)', () => {
  it('is Greenwood’s formula with a single outcome', () => {
    // 1 d and 2 d ended, two running at 3 d. S(1) = 3/4, S(2) = 1/2.
    // Greenwood: Var S(2) = S(2)² (1/(4·3) + 1/(3·2)) = (1/4)(1/4) = 1/16.
    // Step by step: t = 2: c = 0, p = 1/3, g = 1: (3/4)²/3 · (1/3 − 1/9) = 1/24;
    //               t = 1: c = (1/4)/(3/4) = 1/3, g = 2/3, p = 1/4: (1/4)(1/9 − 1/36) = 1/48.
    const table = eventTable([1, 2, 3, 3], [0, 0, -1, -1], 1);
    const v = rewardVariance(table, cumulativeIncidence(table), [1], 0);
    expect(v.value).toBeCloseTo(0.5, 12);
    expect(v.variance).toBeCloseTo(1 / 16, 12);
  });

  it('worked example: both ends of a win rate with an unresolved remainder', () => {
    // 1 d → won, 3 d → lost, running at 3 d and at 4 d.
    const table = eventTable([1, 3, 3, 4], [2, 3, -1, -1], 4);
    const aj = cumulativeIncidence(table);
    // V = CIF_won (R = 0): only the day-1 binomial matters, (1/4)(3/4)/4 = 3/64.
    const low = rewardVariance(table, aj, [0, 0, 1, 0], 0);
    expect(low.value).toBeCloseTo(0.25, 12);
    expect(low.variance).toBeCloseTo(3 / 64, 12);
    // V = CIF_won + r = 1 − CIF_lost (R = 1):
    //  t = 3: c = (1/2)/(1/2) = 1, g_lost = −1, p = 1/3: (0.75²/3)(1/3 − 1/9) = 1/24
    //  t = 1: c = (1/2)/(3/4) = 2/3, g_won = 1/3, p = 1/4: (1/4)(1/36 − 1/144) = 1/192
    // Check: CIF_lost = (1 − h₁)h₃, Var = h₃² Var h₁ + S(1)² Var h₃ = (1/9)(3/64) + (9/16)(2/27).
    const high = rewardVariance(table, aj, [0, 0, 1, 0], 1);
    expect(high.value).toBeCloseTo(0.75, 12);
    expect(high.variance).toBeCloseTo(1 / 24 + 1 / 192, 12);
  });

  it('is 0 when every stay ended the same way', () => {
    const table = eventTable([2, 4, 4], [2, 2, 2], 4);
    const v = rewardVariance(table, cumulativeIncidence(table), [0, 0, 1, 0], 0);
    expect(v.value).toBeCloseTo(1, 12);
    expect(v.variance).toBe(0);
  });

  it('equals a brute-force delta method: numerical Jacobian × multinomial covariance', () => {
    const days = [0, 1, 1, 2, 3, 3, 3, 5, 6, 8, 8, 9];
    const ends = [1, 2, -1, 0, 2, 3, 3, -1, 1, 2, -1, 3];
    const k = 4;
    const rewards = [0.3, 0.55, 1, 0];
    const remainderReward = 0.8;
    const table = eventTable(days, ends, k);
    // V as a function of the discrete hazards h[i][x] = d_ix / Y_i.
    const value = (h: number[][]) => {
      let survival = 1;
      let v = 0;
      for (const hi of h) {
        hi.forEach((hx, x) => {
          v += survival * (rewards[x] as number) * hx;
        });
        survival *= 1 - hi.reduce((a, b) => a + b, 0);
      }
      return v + remainderReward * survival;
    };
    const h0 = table.times.map((_, i) =>
      Array.from({ length: k }, (_, x) => (table.events[i * k + x] as number) / (table.atRisk[i] as number)),
    );
    let variance = 0;
    h0.forEach((hi, i) => {
      const gradient = hi.map((_, x) => {
        const up = h0.map((r) => [...r]);
        const down = h0.map((r) => [...r]);
        (up[i] as number[])[x] = (hi[x] as number) + 1e-6;
        (down[i] as number[])[x] = (hi[x] as number) - 1e-6;
        return (value(up) - value(down)) / 2e-6;
      });
      gradient.forEach((gx, x) => {
        gradient.forEach((gy, y) => {
          const cov =
            ((x === y ? (hi[x] as number) : 0) - (hi[x] as number) * (hi[y] as number)) /
            (table.atRisk[i] as number);
          variance += gx * gy * cov;
        });
      });
    });
    const v = rewardVariance(table, cumulativeIncidence(table), rewards, remainderReward);
    expect(v.value).toBeCloseTo(value(h0), 12);
    expect(Math.abs(v.variance - variance)).toBeLessThan(1e-8);
  });
});
