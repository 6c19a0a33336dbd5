/**
 * Dates are in the years 1900–9999 (SPEC §2): in text, in Date cells and as
 * Sheets day numbers. Outside them a cell is a problem that says so; a month
 * argument is a PipelineError that says what to type. Years 0–99 are never
 * read 1900 years late, and no instant a parser accepts makes Zone throw.
 */
import { describe, expect, it } from 'vitest';
import { forecastRangeOf, forecastWeighted } from '../../src/addon/custom-functions';
import type { Cell } from '../../src/engine/cells';
import { daysInMonth, parseDate } from '../../src/engine/dates';
import { readDeals } from '../../src/engine/deals';
import { forecastByMonth } from '../../src/engine/forecast';
import { parseMonthArgument } from '../../src/engine/month';
import { PipelineError } from '../../src/engine/problems';
import { checkPipeline } from '../../src/engine/report';
import { readPipeline } from '../../src/engine/stages';
import { isoDate, localOf, monthKey, Zone } from '../../src/engine/zone';

const seoul = new Zone('Asia/Seoul');
const la = new Zone('America/Los_Angeles');
const DAY_MS = 86_400_000;
const utc = (y: number, m: number, d: number, h = 0) => {
  const date = new Date(Date.UTC(2000, m - 1, d, h));
  date.setUTCFullYear(y);
  return date;
};
const STAGES = [
  ['Stage', 'Probability'],
  ['A', '50%'],
  ['Won', '100%'],
];
const pipeline = readPipeline(STAGES);

function closeProblems(cells: Cell[]) {
  const grid = [
    ['Deal ID', 'Amount', 'Stage', 'Expected close'],
    ...cells.map((c, i) => [`D-${i}`, 100, 'A', c]),
  ];
  return readDeals(grid, pipeline, { zone: seoul });
}

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
    const check = checkPipeline(
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

describe('the month argument of FORECAST_WEIGHTED and FORECAST_RANGE', () => {
  const deals = [
    ['Amount', 'Stage', 'Expected close'],
    [100, 'A', utc(2023, 11, 15)],
  ];

  it.each<[string, unknown, string]>([
    [
      'the latest Date',
      new Date(8.64e15),
      "month '+275760-09-13T00:00:00.000Z' is outside the years 1900–9999",
    ],
    [
      'the earliest Date',
      new Date(-8.64e15),
      "month '-271821-04-20T00:00:00.000Z' is outside the years 1900–9999",
    ],
    [
      'a Date in the year 50',
      utc(50, 11, 1),
      "month '0050-11-01T00:00:00.000Z' is outside the years 1900–9999",
    ],
    ['text 0099-11', '0099-11', "month '0099-11' is outside the years 1900–9999"],
    ['text 1899-12', '1899-12', "month '1899-12' is outside the years 1900–9999"],
    ['text 10000-01', '10000-01', "month '10000-01' is outside the years 1900–9999"],
    ['a full date in 12345', '12345-06-01', "month '12345-06-01' is outside the years 1900–9999"],
    ['a full date in 0023', '0023-11-15', "month '0023-11-15' is outside the years 1900–9999"],
    ['a day number past 9999', 3_000_000, "month '3000000' is outside the years 1900–9999"],
    ['2023-13', '2023-13', "month '2023-13' is not a month"],
    ['TRUE', true, 'month TRUE is not a month'],
    ['an Invalid Date', new Date(Number.NaN), 'month is not a valid date'],
    ['a range', [['2023-11', '2023-12']], 'month must be one cell'],
  ])('%s is a PipelineError that says what is wrong and what to type', (_, month, message) => {
    for (const call of [
      () => forecastWeighted(deals, STAGES, month, 'Asia/Seoul'),
      () => forecastRangeOf(deals, STAGES, month, 100, 'Asia/Seoul'),
    ]) {
      expect(call).toThrow(PipelineError);
      expect(call).toThrow(`${message}`);
      expect(call).toThrow('; use a date or text such as 2023-11.');
    }
  });

  it('reads 1900-01 and 9999-12, and a one-cell range', () => {
    expect(parseMonthArgument('1900-01', seoul)).toBe(1900 * 12);
    expect(parseMonthArgument('9999-12', seoul)).toBe(9999 * 12 + 11);
    expect(parseMonthArgument([['2023-11']], seoul)).toBe(2023 * 12 + 10);
    expect(forecastWeighted(deals, STAGES, utc(2023, 11, 1, 3), 'Asia/Seoul')).toBe(50);
  });
});

describe('Zone never throws RangeError', () => {
  it('for any instant a Date can hold, in any zone', () => {
    for (const zone of [seoul, la, new Zone('UTC'), new Zone('Pacific/Kiritimati')]) {
      for (const t of [
        -8.64e15,
        -8.64e15 + 1,
        -62_135_596_800_000,
        0,
        253_402_300_799_999,
        8.64e15 - 1,
        8.64e15,
      ]) {
        expect(Number.isFinite(zone.local(t)), `${zone.id} ${t}`).toBe(true);
        expect(Number.isFinite(zone.instant(zone.local(t))), `${zone.id} ${t}`).toBe(true);
      }
    }
  });

  it('reads instants of the years 1–99 in their own year, not 1900 years later', () => {
    const t = utc(50, 6, 15, 12).getTime();
    const local = seoul.local(t);
    // Seoul's offset in 50 AD is its local mean time, +8:27:52: the same day, never a 1900-year jump.
    expect(Math.abs(local - t)).toBeLessThan(DAY_MS);
    expect(isoDate(Math.floor(local / DAY_MS))).toBe('0050-06-15');
  });

  it('month keys of the range ends', () => {
    expect(monthKey(1900 * 12)).toBe('1900-01');
    expect(forecastByMonth(closeProblems([utc(9999, 12, 15)]).deals).map((r) => r.month)).toEqual([
      '9999-12',
    ]);
  });
});
