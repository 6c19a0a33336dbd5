import { describe, expect, it } from 'vitest';
import { parseDate } from '../../src/engine/dates';
import { parseAmount, parseBoolean, parseProbability } from '../../src/engine/values';
import { isoDateTime, Zone } from '../../src/engine/zone';
import { seoul } from '../support/seoul';

const ok = (value: unknown) => ({ ok: true, value });

describe('amounts', () => {
  it.each([
    [10_000_000, 10_000_000],
    ['10,000,000원', 10_000_000],
    ['₩10,000,000', 10_000_000],
    ['$12,500', 12_500],
    ['USD 12,500.50', 12_500.5],
    ['1,000만원', 10_000_000],
    ['1.5억', 150_000_000],
    ['1억 5,000만원', 150_000_000],
    ['1억5천만', 150_000_000],
    ['12.5k', 12_500],
    ['1.234.567,89 €', 1_234_567.89],
    ['', 0],
    ['   ', 0],
  ])('%j reads as %d', (cell, value) => {
    expect(parseAmount(cell)).toEqual(ok(value));
  });

  it.each([['TBD'], ['-5,000'], ['(5,000)'], [-1], ['1만 2억'], ['1..2'], [true]])(
    '%j is refused',
    (cell) => {
      expect(parseAmount(cell).ok).toBe(false);
    },
  );

  it('says why a negative amount is refused', () => {
    expect(parseAmount('-5,000원')).toEqual({ ok: false, message: 'is negative' });
  });
});

describe('probabilities', () => {
  it.each([
    [0.7, 0.7],
    [1, 1],
    [0, 0],
    [70, 0.7],
    [100, 1],
    ['70%', 0.7],
    ['70', 0.7],
    ['0.7', 0.7],
    [' 12.5 % ', 0.125],
  ])('%j is %d', (cell, value) => {
    expect(parseProbability(cell)).toEqual(ok(value));
  });

  it.each([[101], [-0.1], ['150%'], ['high'], [''], ['70%%']])('%j is refused', (cell) => {
    expect(parseProbability(cell).ok).toBe(false);
  });
});

describe('dates', () => {
  const zone = new Zone('Asia/Seoul');
  const read = (cell: string | Date | number, dayFirst = false) => {
    const r = parseDate(cell, { zone, dayFirst });
    return r.ok && r.value !== null ? isoDateTime(r.value) : r;
  };

  it.each([
    ['2023-11-15', '2023-11-15 00:00'],
    ['2023/11/15', '2023-11-15 00:00'],
    ['2023.11.15', '2023-11-15 00:00'],
    ['2023. 11. 5', '2023-11-05 00:00'],
    ['2023. 11. 5.', '2023-11-05 00:00'],
    ['2023년 11월 15일', '2023-11-15 00:00'],
    ['2023-11-15 14:30', '2023-11-15 14:30'],
    ['2023. 11. 5 오후 2:30:00', '2023-11-05 14:30'],
    ['2023. 11. 5 오전 12:10', '2023-11-05 00:10'],
    ['11/15/2023', '2023-11-15 00:00'],
    ['11/5/2023 2:30 PM', '2023-11-05 14:30'],
    ['2023-11-14T15:00:00Z', '2023-11-15 00:00'],
  ])('%s is %s in Seoul', (text, expected) => {
    expect(read(text)).toBe(expected);
  });

  it('reads year-last dates day first when asked', () => {
    expect(read('05/11/2023', true)).toBe('2023-11-05 00:00');
    expect(read('05/11/2023')).toBe('2023-05-11 00:00');
  });

  it('reads a Date cell in the spreadsheet zone, not the machine zone', () => {
    expect(read(seoul(2023, 11, 1, 0, 5))).toBe('2023-11-01 00:05');
  });

  it("reads a number as Sheets' date serial", () => {
    expect(read(45245)).toBe('2023-11-15 00:00');
  });

  it('keeps local days right across a DST change', () => {
    const ny = new Zone('America/New_York');
    // 2023-11-05 01:30 happens twice in New York; the day is the 5th either way.
    expect(ny.day(Date.UTC(2023, 10, 5, 5, 30))).toBe(ny.day(Date.UTC(2023, 10, 5, 6, 30)));
    expect(isoDateTime(ny.local(Date.UTC(2023, 2, 12, 7, 0)))).toBe('2023-03-12 03:00');
    expect(new Date(ny.instant(Date.UTC(2023, 5, 1))).toISOString()).toBe('2023-06-01T04:00:00.000Z');
  });

  it.each([['2023-02-30'], ['2023-13-01'], ['soon'], ['2023-11-15 25:00'], ['15.11.']])(
    '%s is refused',
    (text) => {
      expect(parseDate(text, { zone }).ok).toBe(false);
    },
  );

  it('treats a blank cell as no date', () => {
    expect(parseDate('', { zone })).toEqual(ok(null));
  });
});

describe('checkboxes', () => {
  it('reads what people type into a Done column', () => {
    expect([true, 'TRUE', 'x', '완료', 1].map(parseBoolean)).toEqual([true, true, true, true, true]);
    expect([false, 'FALSE', '', 0].map(parseBoolean)).toEqual([false, false, false, false]);
    expect(parseBoolean('maybe')).toBeNull();
  });
});
