import { type Cell, isBlankCell, isDateCell } from './cells';
import { DAY_MS, type LocalTime, localOf, type Zone } from './zone';

/** How to read a date cell: the spreadsheet's zone, and the order of `11/05/2023`. */
export interface DateContext {
  readonly zone: Zone;
  /** `05/11/2023` is 5 November rather than May 11 (the CLI's `--day-first`). */
  readonly dayFirst?: boolean;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

const SHEETS_EPOCH_LOCAL = Date.UTC(1899, 11, 30);
const FIRST_INSTANT = -62_135_596_800_000; // 0001-01-01T00:00Z
const LAST_INSTANT = 253_402_300_799_999; // 9999-12-31T23:59:59.999Z

// 2023-11-15, 2023/11/15, 2023.11.15, 2023. 11. 5, 2023. 11. 5. — then an optional time.
const YMD = /^(\d{4})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})\.?(?:(?:\s+|T)(.*))?$/;
const KOREAN = /^(\d{4})\s*년\s*(\d{1,2})\s*월\s*(\d{1,2})\s*일?(?:\s+(.*))?$/;
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
 */
export function parseDate(cell: Cell, ctx: DateContext): Parsed<LocalTime | null> {
  if (isDateCell(cell)) {
    const t = cell.getTime();
    // Years 1–9999, as Sheets allows; outside them zone arithmetic has no meaning.
    if (!isSheetsInstant(t)) return fail('is not a valid date');
    return ok(ctx.zone.local(t));
  }
  if (typeof cell === 'number') {
    // A date cell formatted as a number shows its serial: days since 1899-12-30.
    if (!Number.isFinite(cell) || cell < 1 || cell > 2_958_465) return fail('is not a date');
    return ok(SHEETS_EPOCH_LOCAL + Math.round(cell * DAY_MS));
  }
  if (isBlankCell(cell)) return ok(null);
  if (typeof cell !== 'string') return fail('is not a date');
  return parseDateText(cell.trim(), ctx);
}

/** Years 1–9999, as Sheets allows; NaN (an Invalid Date) is not. */
export function isSheetsInstant(t: number): boolean {
  return t >= FIRST_INSTANT && t <= LAST_INSTANT;
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
    return fail('is not a date (use 2023-11-15 or 2023. 11. 15)');
  }
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return fail('is not a real calendar date');
  }
  if (rest === undefined || rest.trim() === '') return ok(localOf(year, month, day));
  const time = parseTime(rest.trim());
  if (!time) return fail('has a time that cannot be read');
  const local = localOf(year, month, day, time.hour, time.minute, time.second);
  if (time.offsetMinutes === null) return ok(local);
  // An explicit offset makes the text an instant; show it in the sheet's zone.
  return ok(ctx.zone.local(local - time.offsetMinutes * 60_000));
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
      offsetMinutes = sign * (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5)));
    }
  }
  return { hour, minute, second, offsetMinutes };
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function ok<T>(value: T): Parsed<T> {
  return { ok: true, value };
}

function fail<T>(message: string): Parsed<T> {
  return { ok: false, message };
}
