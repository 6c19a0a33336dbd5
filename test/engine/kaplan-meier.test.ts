import { describe, expect, it } from 'vitest';
import { cumulativeIncidence, eventTable } from '../../src/engine/aalen-johansen';
import { kaplanMeier, stayQuantiles, survivalOf, survivalQuantileDay } from '../../src/engine/kaplan-meier';

describe('Kaplan–Meier curve of stay lengths', () => {
  it('worked example: a censoring tied with two endings', () => {
    // 2 d, 2 d ended, one running at 2 d, 5 d ended. t = 2: Y = 4, 2 end: S = 1/2. t = 5: Y = 1: S = 0.
    const curve = kaplanMeier([2, 2, 2, 5], [true, true, false, true]);
    expect(curve).toEqual({ times: [2, 5], survival: [0.5, 0] });
    expect(stayQuantiles(curve)).toEqual({ medianDays: 2, suggestedStaleAfter: 5 });
  });

  it('worked example: most stays unresolved, so no stale threshold', () => {
    // 1 d, 3 d ended; running at 3 d and 4 d. S(1) = 3/4, S(3) = (3/4)(2/3) = 1/2, then flat.
    const curve = kaplanMeier([1, 3, 3, 4], [true, true, false, false]);
    expect(curve.times).toEqual([1, 3]);
    expect(curve.survival[0]).toBe(0.75);
    expect(curve.survival[1]).toBeCloseTo(0.5, 12);
    expect(stayQuantiles(curve)).toEqual({ medianDays: 3, suggestedStaleAfter: null });
  });

  it('keeps running stays in: the median of the ended stays alone would be too short', () => {
    // Ended after 2, 4, 6 days; two running at 10 days. S(2) = 4/5, S(4) = 3/5, S(6) = 2/5.
    // The ended stays alone have median 4; with the running ones it is 6, and S never reaches 0.2.
    const curve = kaplanMeier([2, 4, 6, 10, 10], [true, true, true, false, false]);
    expect(curve.times).toEqual([2, 4, 6]);
    expect(stayQuantiles(curve)).toEqual({ medianDays: 6, suggestedStaleAfter: null });
  });

  it('compares within 1e-9: S(8) = 0.2 computed as 0.20000000000000004 still counts', () => {
    // Ten stays ending on days 1 … 10: S(d) = (10 − d)/10, so the median is 5 and the 80th percentile 8.
    const days = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    const curve = kaplanMeier(
      days,
      days.map(() => true),
    );
    expect(curve.survival[7]).toBeGreaterThan(0.2);
    expect(stayQuantiles(curve)).toEqual({ medianDays: 5, suggestedStaleAfter: 8 });
  });

  it('suggests at least 1 day, even when every stay ends the day it starts', () => {
    expect(stayQuantiles(kaplanMeier([0, 0, 0], [true, true, true]))).toEqual({
      medianDays: 0,
      suggestedStaleAfter: 1,
    });
  });

  it('is blank where nothing has ended', () => {
    const curve = kaplanMeier([4, 9], [false, false]);
    expect(curve).toEqual({ times: [], survival: [] });
    expect(survivalQuantileDay(curve, 0.5)).toBeNull();
    expect(stayQuantiles(kaplanMeier([], []))).toEqual({ medianDays: null, suggestedStaleAfter: null });
  });

  it('is the survival inside an Aalen–Johansen estimate, whatever the outcomes', () => {
    const days = [0, 1, 1, 2, 3, 3, 3, 5, 6, 8, 8, 9];
    const ends = [1, 2, -1, 0, 2, 3, 3, -1, 1, 2, -1, 3];
    const table = eventTable(days, ends, 4);
    const inside = survivalOf(table, cumulativeIncidence(table));
    const alone = kaplanMeier(
      days,
      ends.map((e) => e >= 0),
    );
    expect(inside.times).toEqual(alone.times);
    inside.survival.forEach((s, i) => {
      expect(s).toBeCloseTo(alone.survival[i] as number, 14);
    });
  });
});
