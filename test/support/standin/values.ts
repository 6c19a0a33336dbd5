import { type Cell, isDate, typeLabel } from './cells';
import type { StandInContext } from './context';
import { defaultDateFormat, formatForTyped } from './display';
import { AUTOMATIC_FORMAT, type CellRecord } from './grid';
import { isMidnight } from './time-zone';
import { localeIsDayFirst, parseTyped } from './typed-text';

/**
 * Storing what a script (setValue/setValues/appendRow) or a person (typing,
 * pasting) puts into a cell, with Sheets' conversions:
 * - a string starting with `=` becomes a formula (its value stays `''`: the
 *   stand-in does not evaluate formulas; a test may seed one);
 * - a string starting with `'` is kept as text without the apostrophe;
 * - in a cell formatted as plain text (`@`) a string stays text;
 * - any other string converts as typed text does (`007` → 7, `1,000` → 1000,
 *   `2023-11-05` → a Date, `TRUE` → true), and Sheets picks a number format;
 * - `null`/`undefined` clear the cell; Dates are copied into this realm.
 * Values Sheets cannot hold (objects, NaN, Infinity, invalid Dates) throw,
 * because writing one is a bug in the add-on.
 */
export function storeInput(ctx: StandInContext, cell: CellRecord, raw: unknown): void {
  const book = ctx.book;
  cell.formula = '';
  if (raw === null || raw === undefined || raw === '') {
    cell.value = '';
    return;
  }
  if (isDate(raw)) {
    const ms = raw.getTime();
    if (Number.isNaN(ms))
      throw ctx.exception('Sheets stand-in: an invalid Date cannot be written to a cell.');
    cell.value = new Date(ms);
    if (cell.numberFormat === AUTOMATIC_FORMAT) {
      cell.numberFormat = defaultDateFormat(book.locale, !isMidnight(ms, book.timeZone));
    }
    return;
  }
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw)) throw ctx.exception(`Sheets stand-in: ${raw} cannot be written to a cell.`);
    cell.value = raw;
    return;
  }
  if (typeof raw === 'boolean') {
    cell.value = raw;
    return;
  }
  if (typeof raw !== 'string') {
    throw ctx.exception(`Sheets stand-in: a cell cannot hold a value of type ${typeLabel(raw)}.`);
  }
  if (raw.startsWith('=') && raw.length > 1) {
    cell.formula = raw;
    cell.value = '';
    return;
  }
  if (raw.startsWith("'")) {
    cell.value = raw.slice(1);
    return;
  }
  if (cell.numberFormat === '@') {
    cell.value = raw;
    return;
  }
  const typed = parseTyped(raw, { timeZone: book.timeZone, dayFirst: localeIsDayFirst(book.locale) });
  cell.value = typed.value;
  const format = formatForTyped(typed, book.locale);
  if (format && cell.numberFormat === AUTOMATIC_FORMAT) cell.numberFormat = format;
}

/**
 * Seeds a value as already stored (no conversion), giving Dates the date
 * format Sheets would show. A formula stays: this is how a test says what a
 * formula evaluates to.
 */
export function seedValue(ctx: StandInContext, cell: CellRecord, value: Cell): void {
  cell.value = isDate(value) ? new Date(value.getTime()) : value;
  if (isDate(value) && cell.numberFormat === AUTOMATIC_FORMAT) {
    cell.numberFormat = defaultDateFormat(ctx.book.locale, !isMidnight(value.getTime(), ctx.book.timeZone));
  }
}

const NAMED_COLORS: Record<string, string> = {
  white: '#ffffff',
  black: '#000000',
  red: '#ff0000',
  green: '#008000',
  blue: '#0000ff',
  yellow: '#ffff00',
  orange: '#ffa500',
  gray: '#808080',
  grey: '#808080',
};

/** Colours as Sheets reports them: lower-case `#rrggbb`. `null` resets to the default. */
export function normalizeColor(color: unknown, fallback: string): string {
  if (color === null || color === undefined || color === '') return fallback;
  const text = String(color).trim().toLowerCase();
  const named = NAMED_COLORS[text];
  if (named) return named;
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/.exec(text);
  if (short) return `#${short[1]}${short[1]}${short[2]}${short[2]}${short[3]}${short[3]}`;
  return text;
}
