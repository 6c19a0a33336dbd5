import { type Cell, isBlankCell, isDateCell } from './cells';
import { civilOf, DAY_MS, type LocalTime, localOf, type Zone } from './zone';

/** How to read a date cell: the spreadsheet's zone, and the order of `11/05/2023`. */
export interface DateContext {
  readonly zone: Zone;
  /** `05/11/2023` is 5 November rather than May 11 (the CLI's `--day-first`). */
  readonly dayFirst?: boolean;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

const SHEETS_EPOCH_LOCAL = Date.UTC(1899, 11, 30);

/** The years a date may fall in (SPEC §2), in text, Date cells and day numbers alike. */
export const FIRST_YEAR = 1900;
export const LAST_YEAR = 9999;
/** Sheets' day numbers of 1900-01-01 and of the day after 9999-12-31 (days since 1899-12-30). */
const FIRST_SERIAL = 2;
const END_SERIAL = 2_958_466;

// Instants that are in the years 1900–9999 in every time zone (offsets stay within a day):
// from 1900-01-02T00:00Z to 9999-12-30T23:59:59.999Z.
const SAFE_FIRST_INSTANT = -2_208_902_400_000;
const SAFE_LAST_INSTANT = 253_402_214_399_999;
// Instants a day beyond those, where the zone decides the year; outside them no zone can help.
const NEAR_FIRST_INSTANT = SAFE_FIRST_INSTANT - 2 * DAY_MS;
const NEAR_LAST_INSTANT = SAFE_LAST_INSTANT + 2 * DAY_MS;

/** Why a date outside the years 1900–9999 is refused. Texts translate these (texts.ts). */
export const BEFORE_FIRST_YEAR = 'is before the year 1900; dates must be in the years 1900–9999';
export const AFTER_LAST_YEAR = 'is after the year 9999; dates must be in the years 1900–9999';

// 2023-11-15, 2023/11/15, 2023.11.15, 2023. 11. 5, 2023. 11. 5. — then an optional time.
const YMD = /^(\d{4})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})\.?(?:(?:\s+|T)(.*))?$/;
const KOREAN = /^(\d{4})\s*년\s*(\d{1,2})\s*월\s*(\d{1,2})\s*일?(?:\s+(.*))?$/;
const LONG_YEAR =
  /^\d{5,}\s*[-/.년]\s*\d{1,2}\s*[-/.월]\s*\d{1,2}(?:\D|$)|^\d{1,2}\s*[-/.]\s*\d{1,2}\s*[-/.]\s*\d{5,}(?:\s|$)/;
// 11/15/2023 (month first, as Sheets writes US dates) or 15/11/2023 with dayFirst.
const YEAR_LAST = /^(\d{1,2})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{4})(?:\s+(.*))?$/;
// 14:30, 14:30:05, 오후 2:30, 2:30 PM, 2:30:00 p.m.; optional Z / +09:00 for an instant.
const TIME =
  /^(오전|오후|AM|PM)?\s*(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(AM|PM|a\.m\.|p\.m\.)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

/**
 * Reads a date cell as local wall-clock time in the spreadsheet's zone.
 * `Date` cells are instants; text is read as the zone's wall-clock time (a
 * Korean-locale sheet shows `2023. 11. 5`); numbers are Sheets' day serials.
 * Returns `null` for a blank cell.
 *
 * @example
 * const read = parseDate('2023. 11. 5 오후 2:30', { zone: new Zone('Asia/Seoul') });
 * read.ok && isoDateTime(read.value) // → '2023-11-05 14:30'
 */
export function parseDate(cell: Cell, ctx: DateContext): Parsed<LocalTime | null> {
  if (isDateCell(cell)) return parseInstant(cell.getTime(), ctx.zone);
  if (typeof cell === 'number') {
    // A date cell formatted as a number shows its serial: days since 1899-12-30.
    if (!Number.isFinite(cell)) return fail('is not a date');
    if (cell < FIRST_SERIAL) return fail(BEFORE_FIRST_YEAR);
    if (cell >= END_SERIAL) return fail(AFTER_LAST_YEAR);
    return ok(SHEETS_EPOCH_LOCAL + Math.round(cell * DAY_MS));
  }
  if (isBlankCell(cell)) return ok(null);
  if (typeof cell !== 'string') return fail('is not a date');
  return parseDateText(cell.trim(), ctx);
}

/**
 * An instant that is in the years 1900–9999 whatever the spreadsheet's zone,
 * so it may be read without further checks; NaN (an Invalid Date) is not.
 * `false` does not mean refused: within a day of either end the zone decides,
 * which `parseDate` does.
 */
export function isSheetsInstant(t: number): boolean {
  return t >= SAFE_FIRST_INSTANT && t <= SAFE_LAST_INSTANT;
}

/** A Date cell's instant, read in the zone; refused outside the years 1900–9999 there. */
function parseInstant(t: number, zone: Zone): Parsed<LocalTime> {
  if (Number.isNaN(t)) return fail('is not a valid date');
  if (t < NEAR_FIRST_INSTANT) return fail(BEFORE_FIRST_YEAR);
  if (t > NEAR_LAST_INSTANT) return fail(AFTER_LAST_YEAR);
  return inYears(zone.local(t));
}

/** The local time, or why it is outside the years 1900–9999. */
function inYears(local: LocalTime): Parsed<LocalTime> {
  const year = civilOf(Math.floor(local / DAY_MS)).year;
  if (year < FIRST_YEAR) return fail(BEFORE_FIRST_YEAR);
  if (year > LAST_YEAR) return fail(AFTER_LAST_YEAR);
  return ok(local);
}

function parseDateText(text: string, ctx: DateContext): Parsed<LocalTime> {
  const m = YMD.exec(text) ?? KOREAN.exec(text);
  const yearLast = m ? null : YEAR_LAST.exec(text);
  let year: number;
  let month: number;
  let day: number;
  let rest: string | undefined;
  if (m) {
    year = Number(m[1]);
    month = Number(m[2]);
    day = Number(m[3]);
    rest = m[4];
  } else if (yearLast) {
    const a = Number(yearLast[1]);
    const b = Number(yearLast[2]);
    [month, day] = ctx.dayFirst ? [b, a] : [a, b];
    year = Number(yearLast[3]);
    rest = yearLast[4];
  } else {
    // `10000-01-01`, `1/15/12345`: read as a date, but past the year 9999.
    if (LONG_YEAR.test(text)) return fail(AFTER_LAST_YEAR);
    return fail('is not a date (use 2023-11-15 or 2023. 11. 15)');
  }
  if (year < FIRST_YEAR) return fail(BEFORE_FIRST_YEAR);
  if (year > LAST_YEAR) return fail(AFTER_LAST_YEAR);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return fail('is not a real calendar date');
  }
  if (rest === undefined || rest.trim() === '') return ok(localOf(year, month, day));
  const time = parseTime(rest.trim());
  if (!time) return fail('has a time that cannot be read');
  const local = localOf(year, month, day, time.hour, time.minute, time.second);
  if (time.offsetMinutes === null) return ok(local);
  // An explicit offset makes the text an instant; show it in the sheet's zone
  // (9999-12-31 23:00-05:00 is already the year 10000 in Seoul).
  return inYears(ctx.zone.local(local - time.offsetMinutes * 60_000));
}

function parseTime(
  text: string,
): { hour: number; minute: number; second: number; offsetMinutes: number | null } | null {
  const m = TIME.exec(text);
  if (!m) return null;
  let hour = Number(m[2]);
  const minute = Number(m[3]);
  const second = m[4] === undefined ? 0 : Number(m[4]);
  const marker = (m[1] ?? m[5] ?? '').toLowerCase().replace(/\./g, '');
  if (marker) {
    if (hour < 1 || hour > 12) return null;
    const pm = marker === '오후' || marker === 'pm';
    hour = (hour % 12) + (pm ? 12 : 0);
  }
  if (hour > 23 || minute > 59 || second > 59) return null;
  let offsetMinutes: number | null = null;
  const zone = m[6];
  if (zone) {
    if (zone.toUpperCase() === 'Z') offsetMinutes = 0;
    else {
      const digits = zone.replace(':', '');
      const sign = digits[0] === '-' ? -1 : 1;
      const hours = Number(digits.slice(1, 3));
      const minutes = Number(digits.slice(3, 5));
      // No zone is more than 14 hours from UTC.
      if (hours > 14 || minutes > 59) return null;
      offsetMinutes = sign * (hours * 60 + minutes);
    }
  }
  return { hour, minute, second, offsetMinutes };
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Days in a month of the proleptic Gregorian calendar, by arithmetic: never
 * `Date.UTC(year, …)`, which reads the years 0–99 as 1900–1999.
 */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return MONTH_DAYS[month - 1] ?? 0;
}

function ok<T>(value: T): Parsed<T> {
  return { ok: true, value };
}

function fail<T>(message: string): Parsed<T> {
  return { ok: false, message };
}
