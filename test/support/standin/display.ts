import { DAYS, MONTHS, pad } from './calendar-names';
import { type Cell, isDate } from './cells';
import { AUTOMATIC_FORMAT } from './grid';
import { isMidnight, serialNumber, wallClock } from './time-zone';
import type { Typed } from './typed-text';

/**
 * What getDisplayValues shows: the value rendered by its number format, in
 * the spreadsheet's locale and time zone. Covers the formats a pipeline uses
 * (dates, date-times, percents, grouped numbers, currency, plain text), not
 * every corner of Sheets' format language.
 */

const isKorean = (locale: string) => locale.toLowerCase().startsWith('ko');
const isUs = (locale: string) => /^en([_-]us)?$/i.test(locale);

/** The format Sheets gives a cell when a date is typed or written into an Automatic cell. */
export function defaultDateFormat(locale: string, withTime: boolean): string {
  if (isKorean(locale)) return withTime ? 'yyyy. M. d am/pm h:mm:ss' : 'yyyy. M. d';
  if (isUs(locale)) return withTime ? 'M/d/yyyy H:mm:ss' : 'M/d/yyyy';
  return withTime ? 'yyyy-MM-dd H:mm:ss' : 'yyyy-MM-dd';
}

/** The number format Sheets applies when typed text converts (percent, grouping, currency, dates). */
export function formatForTyped(typed: Typed, locale: string): string | null {
  const decimals = typed.decimals ? `.${'0'.repeat(typed.decimals)}` : '';
  switch (typed.kind) {
    case 'percent':
      return `0${decimals ? '.00' : ''}%`;
    case 'grouped':
      return `#,##0${decimals}`;
    case 'currency':
      return `"${typed.currency ?? ''}"#,##0${decimals}`;
    case 'date':
      return defaultDateFormat(locale, false);
    case 'datetime':
      return defaultDateFormat(locale, true);
    default:
      return null;
  }
}

type Token = { kind: 'literal'; text: string } | { kind: 'field'; text: string };

/** Splits a format into literal text and runs of format letters (`yyyy`, `mm`, `am/pm`...). */
function tokenize(format: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < format.length) {
    const ch = format[i] ?? '';
    if (ch === '"') {
      const end = format.indexOf('"', i + 1);
      const stop = end < 0 ? format.length : end;
      out.push({ kind: 'literal', text: format.slice(i + 1, stop) });
      i = stop + 1;
    } else if (ch === '\\') {
      out.push({ kind: 'literal', text: format[i + 1] ?? '' });
      i += 2;
    } else if (/^am\/pm/i.test(format.slice(i))) {
      out.push({ kind: 'field', text: 'am/pm' });
      i += 5;
    } else if (/[ydmhsDMHS]/.test(ch)) {
      let j = i;
      while (format[j]?.toLowerCase() === ch.toLowerCase()) j++;
      out.push({ kind: 'field', text: format.slice(i, j) });
      i = j;
    } else {
      out.push({ kind: 'literal', text: ch });
      i++;
    }
  }
  return out;
}

const isDateFormat = (format: string) =>
  format !== AUTOMATIC_FORMAT && tokenize(format).some((t) => t.kind === 'field');

function formatDate(instantMs: number, format: string, locale: string, timeZone: string): string {
  const w = wallClock(instantMs, timeZone);
  const tokens = tokenize(format);
  const fields = tokens.filter((t) => t.kind === 'field');
  const hasMeridiem = fields.some((t) => t.text === 'am/pm');
  return tokens
    .map((t, i) => {
      if (t.kind === 'literal') return t.text;
      const f = t.text;
      const lower = f.toLowerCase();
      if (lower === 'am/pm') {
        if (isKorean(locale)) return w.hour < 12 ? '오전' : '오후';
        return w.hour < 12 ? 'AM' : 'PM';
      }
      if (lower.startsWith('y')) return lower.length <= 2 ? pad(w.year % 100, 2) : String(w.year);
      if (lower.startsWith('d')) {
        if (lower.length >= 4) return DAYS[w.weekday] ?? '';
        if (lower.length === 3) return (DAYS[w.weekday] ?? '').slice(0, 3);
        return lower.length === 2 ? pad(w.day, 2) : String(w.day);
      }
      if (lower.startsWith('h')) {
        const h = hasMeridiem ? w.hour % 12 || 12 : w.hour;
        return lower.length >= 2 ? pad(h, 2) : String(h);
      }
      if (lower.startsWith('s')) return lower.length >= 2 ? pad(w.second, 2) : String(w.second);
      // `m` is minutes right after an hour or right before seconds, months otherwise; `M` is always month.
      const prev = tokens
        .slice(0, i)
        .reverse()
        .find((x) => x.kind === 'field');
      const next = tokens.slice(i + 1).find((x) => x.kind === 'field');
      const minute =
        f[0] === 'm' &&
        (prev?.text.toLowerCase().startsWith('h') || next?.text.toLowerCase().startsWith('s'));
      if (minute) return lower.length >= 2 ? pad(w.minute, 2) : String(w.minute);
      if (lower.length >= 4) return MONTHS[w.month - 1] ?? '';
      if (lower.length === 3) return (MONTHS[w.month - 1] ?? '').slice(0, 3);
      return lower.length === 2 ? pad(w.month, 2) : String(w.month);
    })
    .join('');
}

/** Renders a number with an Excel-style format such as `#,##0.00`, `0%` or `"₩"#,##0`. */
function formatNumber(n: number, format: string): string {
  const section = format.split(';')[0] ?? format;
  // Currency brackets like `[$₩-412]` show their symbol.
  const cleaned = section.replace(/\[\$([^-\]]*)[^\]]*\]/g, '"$1"');
  const tokens = tokenize(cleaned.replace(/[ydmhsDMHS]/g, (c) => `\\${c}`));
  const body = tokens
    .filter((t) => t.kind === 'literal')
    .map((t) => t.text)
    .join('');
  const first = body.search(/[0#?]/);
  if (first < 0) return String(n);
  let last = first;
  for (let i = first; i < body.length; i++) if (/[0#?.,]/.test(body[i] ?? '')) last = i;
  const prefix = body.slice(0, first);
  const suffix = body.slice(last + 1);
  const pattern = body.slice(first, last + 1);
  const percent = suffix.includes('%') || prefix.includes('%');
  const [intPart = '', fracPart = ''] = pattern.split('.');
  const minDecimals = (fracPart.match(/0/g) ?? []).length;
  const maxDecimals = (fracPart.match(/[0#?]/g) ?? []).length;
  const value = Math.abs(percent ? n * 100 : n);
  let text = value.toFixed(maxDecimals);
  if (maxDecimals > minDecimals) {
    const [i = '', f = ''] = text.split('.');
    let frac = f;
    while (frac.length > minDecimals && frac.endsWith('0')) frac = frac.slice(0, -1);
    text = frac ? `${i}.${frac}` : i;
  }
  const [intDigits = '', fracDigits] = text.split('.');
  const minInt = (intPart.match(/0/g) ?? []).length;
  let int = intDigits === '0' && minInt === 0 ? '' : intDigits.padStart(minInt, '0');
  if (intPart.includes(',')) int = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const digits = fracDigits === undefined ? int : `${int}.${fracDigits}`;
  return `${n < 0 ? '-' : ''}${prefix}${digits}${suffix}`;
}

/** Sheets' Automatic display of a number: up to 10 decimals, no trailing zeros. */
function automaticNumber(n: number): string {
  if (Number.isInteger(n)) return String(n);
  return String(Number(n.toFixed(10)));
}

export function displayValue(value: Cell, format: string, locale: string, timeZone: string): string {
  if (value === '') return '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'string') return value;
  if (isDate(value)) {
    const f = isDateFormat(format)
      ? format
      : defaultDateFormat(locale, !isMidnight(value.getTime(), timeZone));
    return formatDate(value.getTime(), f, locale, timeZone);
  }
  if (format === '@' || format === AUTOMATIC_FORMAT) return automaticNumber(value);
  if (isDateFormat(format)) {
    // A number shown as a date is a serial number of days since 1899-12-30.
    const ms = Math.round((value - serialNumber(0, 'UTC')) * 86_400_000);
    return formatDate(ms, format, locale, 'UTC');
  }
  return formatNumber(value, format);
}
