import { describe, expect, it } from 'vitest';
import { parseUnit, unitInTitle } from '../../src/engine/units';

describe('units stated in headers', () => {
  it('Korean magnitudes before 원 and English shorthands multiply', () => {
    expect(parseUnit('천원')?.multiplier).toBe(1_000);
    expect(parseUnit('만원')?.multiplier).toBe(10_000);
    expect(parseUnit('백만원')?.multiplier).toBe(1_000_000);
    expect(parseUnit('억원')?.multiplier).toBe(100_000_000);
    expect(parseUnit('K')?.multiplier).toBe(1_000);
    expect(parseUnit('in thousands')?.multiplier).toBe(1_000);
    expect(parseUnit('USD M')).toMatchObject({ multiplier: 1_000_000, currency: 'USD' });
  });

  it('a currency alone names the currency and multiplies by 1; % marks percents', () => {
    expect(parseUnit('원')).toMatchObject({ multiplier: 1, currency: 'KRW' });
    expect(parseUnit('€')).toMatchObject({ multiplier: 1, currency: 'EUR' });
    expect(parseUnit('%')).toMatchObject({ percent: true });
  });

  it('anything else is not a unit', () => {
    for (const text of ['days', 'new', 'optional', '2023', '']) expect(parseUnit(text), text).toBeNull();
  });
});

describe('a unit in a title row', () => {
  it('is found wherever it stands in the row', () => {
    expect(unitInTitle(['', '2024 영업 현황 (단위: 천원)'])?.multiplier).toBe(1_000);
    expect(unitInTitle(['Pipeline (in thousands)'])?.multiplier).toBe(1_000);
    expect(unitInTitle(['Q4 forecast ($K)'])).toMatchObject({ multiplier: 1_000, currency: 'USD' });
  });

  it('a title without one states none', () => {
    expect(unitInTitle(['2024 영업 현황', 'Sales 2024 (draft)'])).toBeNull();
  });
});
