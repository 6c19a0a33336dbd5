import { type Cell, isBlankCell, isDateCell } from './cells';
import { civilOf, DAY_MS, type LocalTime, localOf, type Zone } from './zone';

/** How to read a date cell: the spreadsheet's zone, and the order of `11/05/2023`. */
export interface DateContext {
  readonly zone: Zone;
  /**
   * `05/11/2023` is 5 November rather than May 11 (the CLI's `--day-first`).
   * Absent: the locale's order (`en_GB`, `de_DE` are day first), else month
   * first as Sheets writes US dates.
   */
  readonly dayFirst?: boolean;
  /**
   * The spreadsheet's locale, as Sheets names it (`ko_KR`, `en_US`, `de_DE`;
   * the CLI: Korean headers mean `ko_KR`). A Korean locale reads `23.11.15`
   * year first (2023-11-15); the locale also orders year-last dates when
   * `dayFirst` is absent. Absent or unknown: neither.
   */
  readonly locale?: string | null;
  /**
   * The day that month-only text (`2023-11`, `2023년 11월`, `Nov 2023`) stands
   * for. `'start'` (the default) is the 1st, as Sheets reads a typed
   * `2023-11`: right for Stage entered and history, which count days from it.
   * `'end'` is the month's last day, for Expected close: it buckets in its
   * month and is overdue only once the month is over.
   */
  readonly monthOnly?: 'start' | 'end';
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
// 11/15/2023 (month first, as Sheets writes US dates) or 15/11/2023 day first; 15.11.2023 always day first.
const YEAR_LAST = /^(\d{1,2})\s*([-/.])\s*(\d{1,2})\s*([-/.])\s*(\d{4})(?:\s+(.*))?$/;
// 23.11.15, 23. 11. 15.: a two-digit year first, as Korean-locale Sheets shows `yy. m. d`.
const SHORT_YEAR_FIRST = /^(\d{2})\s*([-/.])\s*(\d{1,2})\s*\2\s*(\d{1,2})\.?(?:\s+(.*))?$/;
// Month-only: 2023-11, 2023/11, 2023. 11., 2023년 11월; 11/2023; Nov 2023, November 2023, 2023 Nov.
const YEAR_MONTH = /^(\d{4})\s*(?:[-/.]\s*(\d{1,2})\s*\.?|년\s*(\d{1,2})\s*월)$/;
const MONTH_YEAR = /^(\d{1,2})\s*[-/.]\s*(\d{4})$/;
const NAMED_MONTH = /^([a-z]{3,9})\.?\s*[-,]?\s*(\d{4})$|^(\d{4})\s*[-,]?\s*([a-z]{3,9})\.?$/i;
const MONTH_NAMES =
  'january february march april may june july august september october november december'.split(' ');
const LONG_YEAR = new RegExp(
  [
    /^\d{5,}\s*[-/.년]\s*\d{1,2}\s*[-/.월]\s*\d{1,2}(?:\D|$)/,
    /^\d{1,2}\s*[-/.]\s*\d{1,2}\s*[-/.]\s*\d{5,}(?:\s|$)/,
    /^\d{5,}\s*(?:[-/.]\s*\d{1,2}\s*\.?|년\s*\d{1,2}\s*월)$/,
    /^(?:\d{1,2}\s*[-/.]|[a-z]{3,9}\.?[\s,-]*)\s*\d{5,}$/,
  ]
    .map((r) => r.source)
    .join('|'),
  'i',
);
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

/** A calendar date as text spells it, before it is checked; `rest` is the time after it. */
interface DateParts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly rest?: string | undefined;
}

type Refusal = { readonly ok: false; readonly message: string };
/** A reader's answer: the parts, why the text cannot be a date in its form, or `null` (not its form). */
type Reading = DateParts | Refusal | null;

const NOT_A_DATE = 'is not a date (use 2023-11-15 or 2023. 11. 15)';

function parseDateText(text: string, ctx: DateContext): Parsed<LocalTime> {
  const read =
    readYearFirst(text) ??
    readYearLast(text, ctx) ??
    readShortYearFirst(text, ctx) ??
    readMonthOnly(text, ctx);
  // `10000-01-01`, `1/15/12345`: read as a date, but past the year 9999.
  if (read === null) return fail(LONG_YEAR.test(text) ? AFTER_LAST_YEAR : NOT_A_DATE);
  if ('ok' in read) return read;
  const outside = yearProblem(read.year);
  if (outside) return outside;
  if (!isCalendarDate(read.year, read.month, read.day)) return fail('is not a real calendar date');
  const rest = read.rest?.trim() ?? '';
  if (rest === '') return ok(localOf(read.year, read.month, read.day));
  const time = parseTime(rest);
  if (!time) return fail('has a time that cannot be read');
  const local = localOf(read.year, read.month, read.day, time.hour, time.minute, time.second);
  if (time.offsetMinutes === null) return ok(local);
  // An explicit offset makes the text an instant; show it in the sheet's zone
  // (9999-12-31 23:00-05:00 is already the year 10000 in Seoul).
  return inYears(ctx.zone.local(local - time.offsetMinutes * 60_000));
}

function readYearFirst(text: string): Reading {
  const m = YMD.exec(text) ?? KOREAN.exec(text);
  return m ? { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]), rest: m[4] } : null;
}

/**
 * `11/15/2023` in the column's order; `15.11.2023` (dots) always day first.
 * A value impossible in that order is refused with the order used and, when
 * the other order would read it, how to switch; impossible in both, it says so.
 */
function readYearLast(text: string, ctx: DateContext): Reading {
  const m = YEAR_LAST.exec(text);
  if (!m) return null;
  const [a, b, year] = [Number(m[1]), Number(m[3]), Number(m[5])];
  const outside = yearProblem(year);
  if (outside) return outside;
  const dotted = m[2] === '.' && m[4] === '.';
  const dayFirst = dotted || dayFirstOf(ctx);
  const [month, day] = dayFirst ? [b, a] : [a, b];
  if (isCalendarDate(year, month, day)) return { year, month, day, rest: m[6] };
  const used = dayFirst ? `day first (${dotted ? 'DD.MM.YYYY' : 'DD/MM/YYYY'})` : 'month first (MM/DD/YYYY)';
  if (!isCalendarDate(year, day, month)) {
    return refuse(`is not a real calendar date, read ${used} or ${dayFirst ? 'month' : 'day'} first`);
  }
  if (dotted) {
    return refuse(
      `is not a date read ${used}, the order of every date with dots and the year last; write it as ${isoOf(year, a, b)}`,
    );
  }
  return refuse(
    dayFirst
      ? `is not a date read ${used}; if your dates are month first, leave out --day-first (CLI) or change the spreadsheet's locale`
      : `is not a date read ${used}; if your dates are day first, use --day-first (CLI) or the spreadsheet's locale`,
  );
}

/**
 * `23.11.15` is year first in a Korean locale, with Sheets' century rule
 * (00–29 are 2000–2029, 30–99 are 1930–1999). Elsewhere it could as well be
 * 23 November 2015, so it is refused with the reason.
 */
function readShortYearFirst(text: string, ctx: DateContext): Reading {
  const m = SHORT_YEAR_FIRST.exec(text);
  if (!m) return null;
  const yy = Number(m[1]);
  const [year, month, day] = [yy < 30 ? 2000 + yy : 1900 + yy, Number(m[3]), Number(m[4])];
  const valid = isCalendarDate(year, month, day);
  if (!isKoreanLocale(ctx.locale)) {
    const example = valid ? isoOf(year, month, day) : '2023-11-15';
    return refuse(
      `has a two-digit year; write the year in full, such as ${example} (YY.MM.DD is read only in a Korean locale)`,
    );
  }
  if (!valid) return refuse('is not a real calendar date, read year first (YY.MM.DD)');
  return { year, month, day, rest: m[5] };
}

/** `2023-11`, `2023년 11월`, `11/2023`, `Nov 2023`: the first or last day of that month (`ctx.monthOnly`). */
function readMonthOnly(text: string, ctx: DateContext): Reading {
  const ym = YEAR_MONTH.exec(text);
  const my = ym ? null : MONTH_YEAR.exec(text);
  const named = ym || my ? null : NAMED_MONTH.exec(text);
  let year: number;
  let month: number;
  if (ym) [year, month] = [Number(ym[1]), Number(ym[2] ?? ym[3])];
  else if (my) [year, month] = [Number(my[2]), Number(my[1])];
  else if (named) {
    month = monthNamed(named[1] ?? named[4] ?? '');
    if (month === 0) return null;
    year = Number(named[2] ?? named[3]);
  } else return null;
  const outside = yearProblem(year);
  if (outside) return outside;
  if (month < 1 || month > 12) return refuse('is not a real calendar date');
  return { year, month, day: ctx.monthOnly === 'end' ? daysInMonth(year, month) : 1 };
}

/** 1–12 for an English month name or its abbreviation (`Nov`, `Sept`), 0 for any other word. */
function monthNamed(word: string): number {
  const w = word.toLowerCase();
  const at = MONTH_NAMES.findIndex(
    (name) => name === w || (w.length >= 3 && name.startsWith(w) && w.length <= 4),
  );
  return at + 1;
}

// Languages whose locales write year-last dates day first, and English-speaking countries that do.
const DAY_FIRST_LANGUAGES = new Set(
  'af ar az be bg bs ca cs cy da de el es et eu fi fr ga gl he hi hr hy id is it ka kk lv mk ms nb nl nn no pl pt ro ru sk sl sq sr sv th tr uk uz vi'.split(
    ' ',
  ),
);
const DAY_FIRST_ENGLISH = new Set('AU GB IE IN NZ SG ZA'.split(' '));

function languageOf(locale: string | null | undefined): [language: string, region: string] {
  const [language = '', region = ''] = (typeof locale === 'string' ? locale.trim() : '').split(/[-_]/);
  return [language.toLowerCase(), region.toUpperCase()];
}

function isKoreanLocale(locale: string | null | undefined): boolean {
  return languageOf(locale)[0] === 'ko';
}

/** `--day-first` when given; else the locale's order; else month first, as Sheets writes US dates. */
function dayFirstOf(ctx: DateContext): boolean {
  if (ctx.dayFirst !== undefined) return ctx.dayFirst;
  const [language, region] = languageOf(ctx.locale);
  return language === 'en' ? DAY_FIRST_ENGLISH.has(region) : DAY_FIRST_LANGUAGES.has(language);
}

function isCalendarDate(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

function yearProblem(year: number): Refusal | null {
  if (year < FIRST_YEAR) return refuse(BEFORE_FIRST_YEAR);
  return year > LAST_YEAR ? refuse(AFTER_LAST_YEAR) : null;
}

/** `2023-11-25` for the reading a message suggests. */
function isoOf(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function refuse(message: string): Refusal {
  return { ok: false, message };
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
