/**
 * Dates are in the years 1900–9999 (SPEC §2): in text, in Date cells and as
 * Sheets day numbers. Outside them a cell is a problem that says so. Years
 * 0–99 are never read 1900 years late. (A month argument outside them:
 * month.test.ts; Zone over any instant a Date holds: zone.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import { type DateContext, daysInMonth, parseDate } from '../../src/engine/dates';
import { readDeals } from '../../src/engine/deals';
import { forecastByMonth } from '../../src/engine/forecast';
import { parseMonthArgument } from '../../src/engine/month';
import { buildReport } from '../../src/engine/report';
import { readPipeline } from '../../src/engine/stages';
import { isoDateTime, localOf, Zone } from '../../src/engine/zone';
import { closeProblems, STAGES, utc } from '../support/engine/years';
import { seoul as seoulInstant } from '../support/seoul';

const seoul = new Zone('Asia/Seoul');
const la = new Zone('America/Los_Angeles');
const DAY_MS = 86_400_000;
const ok = (value: unknown) => ({ ok: true, value });

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
    expect(read(seoulInstant(2023, 11, 1, 0, 5))).toBe('2023-11-01 00:05');
  });

  it("reads a number as Sheets' date serial", () => {
    expect(read(45245)).toBe('2023-11-15 00:00');
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

describe('Date cells before 1900 or after 9999 are problems with a clear message', () => {
  it.each<[string, Date, string]>([
    ['1899-12-31 in Seoul', new Date(Date.UTC(1899, 11, 30, 16)), 'before the year 1900'],
    ['year 50', utc(50, 6, 1), 'before the year 1900'],
    ['year 1', utc(1, 1, 1), 'before the year 1900'],
    ['500 BC', utc(-500, 1, 15), 'before the year 1900'],
    ['the earliest Date', new Date(-8.64e15), 'before the year 1900'],
    ['year 10000', utc(10_000, 1, 1), 'after the year 9999'],
    ['the latest Date', new Date(8.64e15), 'after the year 9999'],
  ])('%s', (_, cell, words) => {
    const read = closeProblems([cell]);
    expect(read.deals).toEqual([]);
    expect(read.problems).toHaveLength(1);
    expect(read.problems[0]?.message).toBe(
      `Expected close is ${words === 'before the year 1900' ? 'before the year 1900' : 'after the year 9999'}; dates must be in the years 1900–9999`,
    );
  });

  it('keeps the first and last days of the range, whatever the zone', () => {
    // 1900-01-01 00:00 in Seoul (then +8:27:52) is still 1899 in UTC; 9999-12-31 23:59 in Los Angeles is 10000 in UTC.
    const first = new Date(seoul.instant(localOf(1900, 1, 1)));
    expect(first.getUTCFullYear()).toBe(1899);
    expect(parseDate(first, { zone: seoul })).toEqual({ ok: true, value: localOf(1900, 1, 1) });
    const last = new Date(la.instant(localOf(9999, 12, 31, 23, 59)));
    expect(last.getUTCFullYear()).toBe(10_000);
    expect(parseDate(last, { zone: la })).toEqual({ ok: true, value: localOf(9999, 12, 31, 23, 59) });
    expect(parseDate(last, { zone: seoul })).toMatchObject({ ok: false, message: /after the year 9999/ });
  });

  it('shows the problem in the Health text and the report instead of a NaN or 1900-years-late month', () => {
    const check = buildReport(
      {
        stages: STAGES,
        deals: [
          ['Deal ID', 'Amount', 'Stage', 'Expected close'],
          ['old', 100, 'A', utc(23, 11, 15)],
          ['ok', 100, 'A', utc(2023, 11, 15)],
        ],
        history: [['When', 'Deal ID', 'From stage', 'To stage']],
      },
      { zone: seoul, today: Date.UTC(2023, 10, 1) / DAY_MS },
    );
    expect(check.forecast.map((r) => r.month)).toEqual(['2023-11']);
    expect(check.health.get(2)).toBe(
      "Bad value: Expected close is before the year 1900; dates must be in the years 1900–9999 ('0023-11-15T00:00:00.000Z')",
    );
  });
});

describe('text dates', () => {
  it.each<[string, string]>([
    ['0099-01-01', 'before the year 1900'],
    ['0023-11-15', 'before the year 1900'],
    ['1899-12-31', 'before the year 1900'],
    ['0000년 1월 1일', 'before the year 1900'],
    ['01/15/0099', 'before the year 1900'],
    ['10000-01-01', 'after the year 9999'],
    ['12345년 1월 1일', 'after the year 9999'],
    ['1/15/10000', 'after the year 9999'],
  ])('%s is refused: %s', (text, words) => {
    expect(parseDate(text, { zone: seoul })).toEqual({
      ok: false,
      message: `is ${words}; dates must be in the years 1900–9999`,
    });
  });

  it('reads 1900-01-01 and 9999-12-31 (and leap days by the Gregorian rule)', () => {
    expect(parseDate('1900-01-01', { zone: seoul })).toEqual({ ok: true, value: localOf(1900, 1, 1) });
    expect(parseDate('9999-12-31 23:59', { zone: seoul })).toEqual({
      ok: true,
      value: localOf(9999, 12, 31, 23, 59),
    });
    expect(parseDate('2000-02-29', { zone: seoul }).ok).toBe(true);
    expect(parseDate('1900-02-29', { zone: seoul })).toEqual({
      ok: false,
      message: 'is not a real calendar date',
    });
  });

  it('counts the days of months in the years 0–99 by their own calendar, not 1900 years late', () => {
    // Date.UTC(0, 2, 0) is 29 Feb 1900 → 28; the year 0 is a leap year (divisible by 400).
    expect(daysInMonth(0, 2)).toBe(29);
    expect(daysInMonth(4, 2)).toBe(29);
    expect(daysInMonth(1900, 2)).toBe(28);
    expect(daysInMonth(2000, 2)).toBe(29);
    expect(daysInMonth(99, 2)).toBe(28);
  });

  it('refuses an explicit offset that makes the date leave the years 1900–9999, and offsets no zone has', () => {
    expect(parseDate('9999-12-31 23:00-05:00', { zone: seoul })).toMatchObject({ ok: false });
    expect(parseDate('2023-11-15 10:00+99:00', { zone: seoul })).toEqual({
      ok: false,
      message: 'has a time that cannot be read',
    });
    expect(parseDate('2023-11-15 10:00+09:00', { zone: seoul }).ok).toBe(true);
  });
});

describe('Sheets day numbers are limited to the years 1900–9999 too', () => {
  it.each<[number, boolean]>([
    [1, false], // 1899-12-31
    [2, true], // 1900-01-01
    [45_245, true], // 2023-11-14
    [2_958_465.5, true], // 9999-12-31 12:00
    [2_958_466, false], // 10000-01-01
    [1e9, false],
    [-5, false],
  ])('%s', (serial, ok) => {
    expect(parseDate(serial, { zone: seoul }).ok).toBe(ok);
  });
});

// Regressions for engine bugs the property tests (properties/) found: each states what the SPEC asks.

describe('edge cases the properties found', () => {
  const pipeline = readPipeline([
    ['Stage', 'Probability'],
    ['A', '50%'],
    ['Won', '100%'],
  ]);

  // zone.ts Zone.offsetAt(): the formatter asks for no era, so a BC instant is read
  // as the same year AD (500 BC → '0501-01'); at the top of the Date range
  // Date.UTC overflows and the month key is 'NaN-NaN' ('0NaN-NaN' after padding).
  it('Date cells outside years 1–9999 are refused, not bucketed in a wrong or NaN month', () => {
    const read = readDeals(
      [
        ['Deal ID', 'Amount', 'Stage', 'Expected close'],
        ['bc', 1, 'A', new Date(Date.UTC(-500, 0, 15))],
        ['max', 1, 'A', new Date(8.64e15)],
        ['min', 1, 'A', new Date(-8.64e15)],
      ],
      pipeline,
      { zone: seoul },
    );
    const months = forecastByMonth(read.deals).map((row) => row.month);
    expect(months.filter((m) => !/^\d{4}-(0[1-9]|1[0-2])$/.test(m) || m === '0501-01')).toEqual([]);
  });
});

/** The date as `YYYY-MM-DD HH:MM`, or the refusal. */
function readAs(cell: string, ctx: Partial<DateContext> = {}) {
  const r = parseDate(cell, { zone: seoul, ...ctx });
  return r.ok && r.value !== null ? isoDateTime(r.value) : r;
}

describe('month-only text is a date in that month (SPEC §2)', () => {
  it.each([
    ['2023-11'],
    ['2023/11'],
    ['2023.11'],
    ['2023. 11'],
    ['2023. 11.'],
    ['2023년 11월'],
    ['2023년11월'],
    ['Nov 2023'],
    ['November 2023'],
    ['nov. 2023'],
    ['Nov-2023'],
    ['2023 Nov'],
    ['11/2023'],
  ])('%s is 1 November by default, 30 November as an end of month', (text) => {
    expect(readAs(text)).toBe('2023-11-01 00:00');
    expect(readAs(text, { monthOnly: 'start' })).toBe('2023-11-01 00:00');
    expect(readAs(text, { monthOnly: 'end' })).toBe('2023-11-30 00:00');
  });

  it('the end of a month counts its own days, leap Februaries included', () => {
    expect(readAs('2024-02', { monthOnly: 'end' })).toBe('2024-02-29 00:00');
    expect(readAs('Feb 2023', { monthOnly: 'end' })).toBe('2023-02-28 00:00');
    expect(readAs('Sept 2023', { monthOnly: 'end' })).toBe('2023-09-30 00:00');
    expect(readAs('2023년 12월', { monthOnly: 'end' })).toBe('2023-12-31 00:00');
  });

  it('full dates are unaffected by the month-only option', () => {
    for (const text of ['2023-11-15', '2023. 11. 15.', '2023년 11월 15일', '11/15/2023']) {
      expect(readAs(text, { monthOnly: 'end' })).toBe('2023-11-15 00:00');
    }
  });

  it('a month outside 1–12, a year outside 1900–9999 or an unknown word is refused', () => {
    expect(readAs('2023-13')).toEqual({ ok: false, message: 'is not a real calendar date' });
    expect(readAs('13/2023')).toEqual({ ok: false, message: 'is not a real calendar date' });
    expect(readAs('1899-12')).toEqual({
      ok: false,
      message: 'is before the year 1900; dates must be in the years 1900–9999',
    });
    expect(readAs('10000-01')).toEqual({
      ok: false,
      message: 'is after the year 9999; dates must be in the years 1900–9999',
    });
    expect(readAs('Soon 2023')).toEqual({
      ok: false,
      message: 'is not a date (use 2023-11-15 or 2023. 11. 15)',
    });
  });

  it('the month a custom function is asked about reads the same (month.ts leans on parseDate)', () => {
    const november = 2023 * 12 + 10;
    for (const month of ['2023-11', 'Nov 2023', 'November 2023', '11/2023', '2023. 11.']) {
      expect(parseMonthArgument(month, seoul), month).toBe(november);
    }
    expect(() => parseMonthArgument('2023-13', seoul)).toThrow("month '2023-13' is not a month");
    expect(() => parseMonthArgument('1899-12', seoul)).toThrow('is outside the years 1900–9999');
  });
});

describe('a year-last date impossible in the column’s order says which order and how to change it', () => {
  it('25/12/2023 read month first names the order and the switch', () => {
    expect(readAs('25/12/2023')).toEqual({
      ok: false,
      message:
        "is not a date read month first (MM/DD/YYYY); if your dates are day first, use --day-first (CLI) or the spreadsheet's locale",
    });
    expect(readAs('25/12/2023', { dayFirst: true })).toBe('2023-12-25 00:00');
  });

  it('11/25/2023 read day first names the order and the switch back', () => {
    expect(readAs('11/25/2023', { dayFirst: true })).toEqual({
      ok: false,
      message:
        "is not a date read day first (DD/MM/YYYY); if your dates are month first, leave out --day-first (CLI) or change the spreadsheet's locale",
    });
  });

  it('13/25/2023 is impossible either way, and says so rather than suggest a switch that cannot help', () => {
    expect(readAs('13/25/2023')).toEqual({
      ok: false,
      message: 'is not a real calendar date, read month first (MM/DD/YYYY) or day first',
    });
    expect(readAs('13/25/2023', { dayFirst: true })).toEqual({
      ok: false,
      message: 'is not a real calendar date, read day first (DD/MM/YYYY) or month first',
    });
    expect(readAs('2/30/2023')).toEqual({
      ok: false,
      message: 'is not a real calendar date, read month first (MM/DD/YYYY) or day first',
    });
  });

  it('15.11.2023 (dots, year last) is always day first; 11.25.2023 says so and how to write it', () => {
    expect(readAs('15.11.2023')).toBe('2023-11-15 00:00');
    expect(readAs('05.11.2023')).toBe('2023-11-05 00:00');
    expect(readAs('05.11.2023', { dayFirst: false })).toBe('2023-11-05 00:00');
    expect(readAs('11.25.2023')).toEqual({
      ok: false,
      message:
        'is not a date read day first (DD.MM.YYYY), the order of every date with dots and the year last; write it as 2023-11-25',
    });
  });

  it('without --day-first the locale orders year-last dates: en_GB and de_DE day first, en_US and ko_KR month first', () => {
    expect(readAs('05/11/2023', { locale: 'en_GB' })).toBe('2023-11-05 00:00');
    expect(readAs('05/11/2023', { locale: 'de_DE' })).toBe('2023-11-05 00:00');
    expect(readAs('05/11/2023', { locale: 'en_US' })).toBe('2023-05-11 00:00');
    expect(readAs('05/11/2023', { locale: 'ko_KR' })).toBe('2023-05-11 00:00');
    // An explicit choice wins over the locale.
    expect(readAs('05/11/2023', { locale: 'en_GB', dayFirst: false })).toBe('2023-05-11 00:00');
  });

  it('a year outside 1900–9999 is still said first', () => {
    expect(readAs('13/25/0099')).toEqual({
      ok: false,
      message: 'is before the year 1900; dates must be in the years 1900–9999',
    });
  });
});

describe('23.11.15 (two-digit year first) is year first in a Korean locale', () => {
  it.each([
    ['23.11.15', '2023-11-15 00:00'],
    ['23. 11. 15.', '2023-11-15 00:00'],
    ['23-11-15', '2023-11-15 00:00'],
    ['23.11.15 오후 2:30', '2023-11-15 14:30'],
    ['99.01.02', '1999-01-02 00:00'],
    ['29.12.31', '2029-12-31 00:00'],
    ['30.01.01', '1930-01-01 00:00'],
  ])('%s is %s in ko_KR', (text, expected) => {
    expect(readAs(text, { locale: 'ko_KR' })).toBe(expected);
    expect(readAs(text, { locale: 'ko' })).toBe(expected);
  });

  it('elsewhere it could as well be 23 November 2015, so it says why it is not read', () => {
    const refused = {
      ok: false,
      message:
        'has a two-digit year; write the year in full, such as 2023-11-15 (YY.MM.DD is read only in a Korean locale)',
    };
    expect(readAs('23.11.15')).toEqual(refused);
    expect(readAs('23.11.15', { locale: 'en_US' })).toEqual(refused);
  });

  it('an impossible one in a Korean locale names the order', () => {
    expect(readAs('23.13.15', { locale: 'ko_KR' })).toEqual({
      ok: false,
      message: 'is not a real calendar date, read year first (YY.MM.DD)',
    });
  });
});
