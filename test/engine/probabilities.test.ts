/**
 * Probabilities read by their column (SPEC §2): in a column whose other
 * numbers exceed 1 every number is a percent (`1` is 1%); otherwise a number
 * in [0,1] is a fraction (`1` is 100%), one in (1,100] a percent; `70%` text
 * is 0.7; anything else is refused.
 */
import { describe, expect, it } from 'vitest';
import { isPercentColumn, readProbability } from '../../src/engine/probabilities';

describe('isPercentColumn', () => {
  it('is true when some plain number, or plain-number text, exceeds 1', () => {
    // A CRM export: 10, 1, 50 are all percents.
    expect(isPercentColumn([10, 1, 50])).toBe(true);
    expect(isPercentColumn(['', '20', 0.5])).toBe(true);
    expect(isPercentColumn([' 35 ', ''])).toBe(true);
  });

  it('is false for fractions, percent text and blanks', () => {
    expect(isPercentColumn([0.1, 1, ''])).toBe(false);
    expect(isPercentColumn(['70%', 1])).toBe(false);
    expect(isPercentColumn(['', '   '])).toBe(false);
    expect(isPercentColumn([])).toBe(false);
    // Text that is not a plain number says nothing about the column.
    expect(isPercentColumn(['높음', '2 of 3', 0.4])).toBe(false);
  });
});

describe('readProbability', () => {
  it('in a percent column, every plain number is a percent: 1 is 1%, 0.5 is 0.5%', () => {
    expect(readProbability(1, true)).toEqual({ ok: true, value: 0.01 });
    expect(readProbability('1', true)).toEqual({ ok: true, value: 0.01 });
    expect(readProbability(0.5, true)).toEqual({ ok: true, value: 0.005 });
    expect(readProbability(35, true)).toEqual({ ok: true, value: 0.35 });
    expect(readProbability(100, true)).toEqual({ ok: true, value: 1 });
    expect(readProbability(0, true)).toEqual({ ok: true, value: 0 });
    // Percent text keeps its own meaning.
    expect(readProbability('20%', true)).toEqual({ ok: true, value: 0.2 });
  });

  it('elsewhere, [0,1] is a fraction and (1,100] a percent', () => {
    expect(readProbability(1, false)).toEqual({ ok: true, value: 1 });
    expect(readProbability(0.25, false)).toEqual({ ok: true, value: 0.25 });
    expect(readProbability(70, false)).toEqual({ ok: true, value: 0.7 });
    expect(readProbability('70%', false)).toEqual({ ok: true, value: 0.7 });
    expect(readProbability('0.3', false)).toEqual({ ok: true, value: 0.3 });
  });

  it('a blank cell has no probability of its own', () => {
    expect(readProbability('', true)).toEqual({ ok: true, value: null });
    expect(readProbability('  ', false)).toEqual({ ok: true, value: null });
  });

  it('refuses anything that is not a probability between 0% and 100%', () => {
    expect(readProbability(150, true)).toMatchObject({ ok: false });
    expect(readProbability(150, false)).toMatchObject({ ok: false });
    expect(readProbability('120%', false)).toMatchObject({ ok: false });
    expect(readProbability(-5, false)).toMatchObject({ ok: false });
    expect(readProbability('높음', false)).toMatchObject({ ok: false });
    expect(readProbability('high', true)).toMatchObject({ ok: false });
    expect(readProbability(true, false)).toMatchObject({ ok: false });
  });
});
