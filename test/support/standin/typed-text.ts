import type { Cell } from './cells';
import { instantAt } from './time-zone';

/**
 * Text turned into a value the way Sheets does when a person types it, a
 * script writes a string with setValue/setValues/appendRow, or a CSV is
 * imported with "convert text to numbers, dates and formulas":
 * `1,000` → 1000, `₩10,000,000` → 10000000, `70%` → 0.7, `TRUE` → true,
 * `2023. 11. 5 오후 2:30:00` / `11/5/2023 14:30:00` / `2023-11-05` → a Date at that
 * wall-clock time in the spreadsheet's zone. `1,500만원`, `1.2억`, `D-001` stay text.
 *
 * The stand-in only converts shapes it is sure Sheets converts; anything else
 * stays text (e.g. `2023-11`, `2023년 11월 5일`, a bare `14:30`).
 */

export type TypedKind =
  | 'text'
  | 'number'
  | 'grouped'
  | 'currency'
  | 'percent'
  | 'boolean'
  | 'date'
  | 'datetime';

export interface Typed {
  value: Cell;
  kind: TypedKind;
  /** The currency symbol typed, for the number format Sheets applies. */
  currency?: string;
  /** Digits typed after the decimal point. */
  decimals?: number;
}

export interface TypingOptions {
  timeZone: string;
  /** `5/11/2023` is 5 November (true) or 11 May (false, US). */
  dayFirst: boolean;
}

const CURRENCIES = '₩$€£¥';

function parseNumber(text: string): Typed | null {
  let s = text;
  let sign = 1;
  let currency: string | undefined;
  const takeSign = () => {
    if (s.startsWith('-') || s.startsWith('+')) {
      if (s.startsWith('-')) sign = -sign;
      s = s.slice(1);
      return true;
    }
    return false;
  };
  const signed = takeSign();
  if (s.length > 0 && CURRENCIES.includes(s[0] ?? '')) {
    currency = s[0];
    s = s.slice(1);
    if (!signed) takeSign();
  }
  let percent = false;
  if (!currency && s.endsWith('%')) {
    percent = true;
    s = s.slice(0, -1);
  }
  const plain = /^(\d{1,3}(?:,\d{3})+|\d+)?(?:\.(\d+))?$/.exec(s);
  const scientific = /^\d+(?:\.\d+)?[eE][+-]?\d+$/.test(s);
  if (!scientific && (!plain || (plain[1] === undefined && plain[2] === undefined))) return null;
  const n = Number(s.replace(/,/g, '')) * sign;
  if (!Number.isFinite(n)) return null;
  const decimals = plain?.[2]?.length ?? 0;
  if (percent) return { value: n / 100, kind: 'percent', decimals };
  if (currency) return { value: n, kind: 'currency', currency, decimals };
  if (s.includes(',')) return { value: n, kind: 'grouped', decimals };
  return { value: n, kind: 'number', decimals };
}

const TIME = String.raw`(?:(오전|오후|AM|PM|am|pm)\s*)?(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*(AM|PM|am|pm))?`;
const ISO = new RegExp(String.raw`^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]${TIME})?$`);
const YMD_SLASH = new RegExp(String.raw`^(\d{4})/(\d{1,2})/(\d{1,2})(?:\s+${TIME})?$`);
const YMD_DOTS = new RegExp(String.raw`^(\d{4})\.\s*(\d{1,2})\.\s*(\d{1,2})\.?(?:\s+${TIME})?$`);
const DMY_OR_MDY = new RegExp(String.raw`^(\d{1,2})/(\d{1,2})/(\d{4})(?:\s+${TIME})?$`);

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Hours from `h`, a meridiem before (`오후 2:30`) or after (`2:30 PM`) it. */
function hour24(hour: number, before: string | undefined, after: string | undefined): number | null {
  const meridiem = (before ?? after ?? '').toLowerCase();
  if (!meridiem) return hour <= 23 ? hour : null;
  if (hour < 1 || hour > 12) return null;
  const pm = meridiem === 'pm' || meridiem === '오후';
  return (hour % 12) + (pm ? 12 : 0);
}

function parseDate(text: string, options: TypingOptions): Typed | null {
  let y: number;
  let mo: number;
  let d: number;
  let time: (string | undefined)[];
  const ymd = [ISO, YMD_SLASH, YMD_DOTS].map((re) => re.exec(text)).find((m) => m !== null);
  const slashYearLast = DMY_OR_MDY.exec(text);
  if (ymd) {
    [y, mo, d] = [Number(ymd[1]), Number(ymd[2]), Number(ymd[3])];
    time = ymd.slice(4);
  } else if (slashYearLast) {
    const a = Number(slashYearLast[1]);
    const b = Number(slashYearLast[2]);
    [mo, d] = options.dayFirst ? [b, a] : [a, b];
    y = Number(slashYearLast[3]);
    time = slashYearLast.slice(4);
  } else {
    return null;
  }
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return null;
  const [before, hh, mm, ss, after] = time;
  if (hh === undefined) {
    return { value: new Date(instantAt(options.timeZone, y, mo, d)), kind: 'date' };
  }
  const h = hour24(Number(hh), before, after);
  const min = Number(mm);
  const sec = ss === undefined ? 0 : Number(ss);
  if (h === null || min > 59 || sec > 59) return null;
  return { value: new Date(instantAt(options.timeZone, y, mo, d, h, min, sec)), kind: 'datetime' };
}

/** The value Sheets stores for typed text. */
export function parseTyped(text: string, options: TypingOptions): Typed {
  const trimmed = text.trim();
  if (trimmed === '') return { value: text === '' ? '' : text, kind: 'text' };
  if (/^(true|false)$/i.test(trimmed)) return { value: trimmed.toLowerCase() === 'true', kind: 'boolean' };
  return parseNumber(trimmed) ?? parseDate(trimmed, options) ?? { value: text, kind: 'text' };
}

/** True when the locale writes the day before the month (en-GB, fr, de...), from Intl itself. */
const dayFirstByLocale = new Map<string, boolean>();

/** Memoised: a paste of 100,000 cells asks it once per cell, and Intl formatters cost microseconds. */
export function localeIsDayFirst(locale: string): boolean {
  let known = dayFirstByLocale.get(locale);
  if (known === undefined) {
    known = computeDayFirst(locale);
    dayFirstByLocale.set(locale, known);
  }
  return known;
}

function computeDayFirst(locale: string): boolean {
  try {
    const parts = new Intl.DateTimeFormat(locale.replace('_', '-'), {
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
    }).formatToParts(new Date(Date.UTC(2023, 10, 5)));
    const order = parts.filter((p) => p.type === 'day' || p.type === 'month').map((p) => p.type);
    return order[0] === 'day';
  } catch {
    return false;
  }
}
