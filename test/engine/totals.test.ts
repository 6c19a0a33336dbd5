import { describe, expect, it } from 'vitest';
import { isTotalsRow } from '../../src/engine/totals';

describe('a totals row', () => {
  it('is marked by a cell that is only a totals word, in Korean or English', () => {
    expect(isTotalsRow(['합계', '', 125_000_000])).toBe(true);
    expect(isTotalsRow(['', 'Total:', 5000])).toBe(true);
    expect(isTotalsRow(['', ' 소 계 ', ''])).toBe(true);
    expect(isTotalsRow(['GRAND TOTAL', ''])).toBe(true);
  });

  it('is not a deal whose name merely contains the word', () => {
    expect(isTotalsRow(['Total Wine', 'Won', 5000])).toBe(false);
    expect(isTotalsRow(['합계 검토', '미팅 약속 완료', 1])).toBe(false);
    expect(isTotalsRow([new Date(0), 3, true])).toBe(false);
  });
});
