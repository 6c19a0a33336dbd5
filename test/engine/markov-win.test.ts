import { describe, expect, it } from 'vitest';
import { applyInverse, invertMatrix, solveWinRates } from '../../src/engine/markov-win';

const none = (n: number) => Array.from({ length: n }, () => false);
const all = (n: number) => Array.from({ length: n }, () => true);

describe('win rates as one linear system', () => {
  it('is the product of the advance rates along a forward-only funnel', () => {
    // S1: → S2 0.5, else lost. S2: won 0.6, else lost. W2 = 0.6, W1 = 0.5 · 0.6 = 0.3.
    const system = solveWinRates(
      [
        [0, 0.5],
        [0, 0],
      ],
      [0, 0.6],
      all(2),
      none(2),
    );
    expect(system.rates[0]).toBeCloseTo(0.3, 12);
    expect(system.rates[1]).toBeCloseTo(0.6, 12);
    expect([system.solved, system.blank, system.zero]).toEqual([[0, 1], none(2), none(2)]);
  });

  it('solves a move back with the stage it returns to', () => {
    // S1: → S2 0.5, lost 0.5. S2: won 0.6, → S1 0.2 (back), lost 0.2.
    // W2 = 0.6 + 0.2 W1 and W1 = 0.5 W2 ⇒ W2 = 0.6/0.9 = 2/3, W1 = 1/3.
    const system = solveWinRates(
      [
        [0, 0.5],
        [0.2, 0],
      ],
      [0, 0.6],
      all(2),
      none(2),
    );
    expect(system.rates[0]).toBeCloseTo(1 / 3, 12);
    expect(system.rates[1]).toBeCloseTo(2 / 3, 12);
    // M = (I − P)⁻¹ = [[1, −0.5], [−0.2, 1]]⁻¹ = [[1, 0.5], [0.2, 1]] / 0.9.
    const m = system.inverse.flat();
    [1 / 0.9, 0.5 / 0.9, 0.2 / 0.9, 1 / 0.9].forEach((x, i) => {
      expect(m[i]).toBeCloseTo(x, 12);
    });
  });

  it('gives 0 where the system has no unique solution: stays that only lead into each other', () => {
    // S1 ↔ S2 only (no leak to won, lost or an unresolved remainder); S3: won 0.5, lost 0.5.
    const system = solveWinRates(
      [
        [0, 1, 0],
        [1, 0, 0],
        [0, 0, 0],
      ],
      [0, 0, 0.5],
      [false, false, true],
      none(3),
    );
    expect(system.rates).toEqual([0, 0, 0.5]);
    expect(system.zero).toEqual([true, true, false]);
    expect(system.solved).toEqual([2]);
  });

  it('uses W = 0 for such stages in the stages that lead into them', () => {
    // S1: won 0.2, → S2 0.5, lost 0.3. S2 ↔ S3 only. W1 = 0.2 + 0.5 · 0 = 0.2.
    const system = solveWinRates(
      [
        [0, 0.5, 0],
        [0, 0, 1],
        [0, 1, 0],
      ],
      [0.2, 0, 0],
      [true, false, false],
      none(3),
    );
    expect(system.rates).toEqual([0.2, 0, 0]);
    expect(system.zero).toEqual([false, true, true]);
  });

  it('blanks a stage that needs a blank stage, directly or through others', () => {
    // S2 blank by itself (say Closed = 0); S1 → S2 (0.5) needs it; S3 does not.
    const direct = solveWinRates(
      [
        [0, 0.5, 0],
        [0, 0, 0],
        [0, 0, 0],
      ],
      [0, 0, 0.5],
      all(3),
      [false, true, false],
    );
    expect(direct.rates).toEqual([null, null, 0.5]);
    // S1 → S3 → S2 (blank): all three blank.
    const through = solveWinRates(
      [
        [0, 0, 0.4],
        [0, 0, 0],
        [0, 0.3, 0],
      ],
      [0.1, 0, 0.2],
      all(3),
      [false, true, false],
    );
    expect(through.rates).toEqual([null, null, null]);
    expect(through.blank).toEqual([true, true, true]);
    expect(through.solved).toEqual([]);
  });

  it('does not blank a stage that a blank stage leads into', () => {
    // S1 blank; S1 → S2, but S2 needs nothing of S1: W2 = 0.7.
    const system = solveWinRates(
      [
        [0, 1],
        [0, 0],
      ],
      [0, 0.7],
      all(2),
      [true, false],
    );
    expect(system.rates).toEqual([null, 0.7]);
  });

  it('keeps the rates inside [0, 1] when rounding would step past 1', () => {
    // W = 0.9 + 0.1 W' both ways: exactly 1.
    const system = solveWinRates(
      [
        [0, 0.1],
        [0.1, 0],
      ],
      [0.9, 0.9],
      all(2),
      none(2),
    );
    for (const w of system.rates) {
      expect(w).toBeLessThanOrEqual(1);
      expect(w).toBeCloseTo(1, 12);
    }
  });
});

describe('applyInverse', () => {
  it('solves the same system for another right-hand side (the remainder counted as won)', () => {
    // The back-move system with b + r = (0.1, 0.6): W1 = 0.1 + 0.5 W2, W2 = 0.6 + 0.2 W1
    // ⇒ W1 = (0.1 + 0.5 · 0.6)/0.9 = 4/9, W2 = 0.6 + 0.2 · 4/9 = (5.4 + 0.8)/9 = 6.2/9.
    const system = solveWinRates(
      [
        [0, 0.5],
        [0.2, 0],
      ],
      [0, 0.6],
      all(2),
      none(2),
    );
    const upper = applyInverse(system, [0.1, 0.6]);
    expect(upper[0]).toBeCloseTo(4 / 9, 12);
    expect(upper[1]).toBeCloseTo(6.2 / 9, 12);
  });

  it('keeps blanks blank and zero stages at 0', () => {
    expect(
      applyInverse({ blank: [true, false, false], solved: [2], inverse: [[1]] }, [0.5, 0.5, 0.5]),
    ).toEqual([null, 0, 0.5]);
  });
});

describe('invertMatrix', () => {
  it('inverts with pivoting (a zero on the diagonal)', () => {
    expect(
      invertMatrix([
        [0, 1],
        [1, 0],
      ]),
    ).toEqual([
      [0, 1],
      [1, 0],
    ]);
  });

  it('gives A · A⁻¹ = I', () => {
    const a = [
      [1, -0.4, -0.2],
      [-0.3, 1, -0.1],
      [0, -0.5, 1],
    ];
    const inv = invertMatrix(a);
    a.forEach((row, i) => {
      for (let j = 0; j < 3; j++) {
        const x = row.reduce((sum, aik, k) => sum + aik * ((inv[k] as number[])[j] as number), 0);
        expect(x).toBeCloseTo(i === j ? 1 : 0, 12);
      }
    });
  });
});
