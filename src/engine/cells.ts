/**
 * The shapes Sheets hands us. A range arrives as a 2-D array whose cells are
 * numbers, strings, booleans or `Date`s, with blanks as `''`. A single-cell
 * argument to a custom function arrives as the bare value.
 */
export type Cell = string | number | boolean | Date | null | undefined;
export type Grid = readonly (readonly Cell[])[];

/**
 * `instanceof Date` is false for a Date made in another realm (a `node:vm`
 * context, or a value handed across Apps Script's boundary), so test the tag.
 */
export function isDateCell(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

/** A cell counts as blank when it is empty, null or only white space. */
export function isBlankCell(value: Cell): boolean {
  if (value === '' || value === null || value === undefined) return true;
  return typeof value === 'string' && value.trim() === '';
}

/** Text as a person would read the cell back in an error message. */
export function cellText(value: Cell): string {
  if (value === null || value === undefined) return '';
  if (isDateCell(value)) return Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString();
  return String(value);
}

/**
 * Turns what a custom function receives into a grid: a range is already a
 * 2-D array; a single cell comes bare, and a one-row range may come flat.
 */
export function toGrid(value: unknown): Grid {
  if (!Array.isArray(value)) return [[value as Cell]];
  if (value.length === 0) return [];
  if (!Array.isArray(value[0])) return [value as Cell[]];
  return value as Cell[][];
}

/** Sheets refuses a cell of more than 50,000 characters (and the whole call with it). */
export const CELL_CHAR_LIMIT = 50_000;

/**
 * Text that fits in a cell: a longer text is cut, and says so, rather than
 * failing the whole write (one long bad cell must not stop a daily check).
 * A fitted text fits already, so fitting twice changes nothing.
 *
 * @example
 * fitCell('Send deck') // → 'Send deck'
 * fitCell('x'.repeat(60_000)).length // → 50000
 * fitCell('x'.repeat(60_000)).endsWith('x …[cut: 60,000 characters]') // → true
 */
export function fitCell(text: string): string {
  if (text.length <= CELL_CHAR_LIMIT) return text;
  const mark = ` …[cut: ${text.length.toLocaleString('en-US')} characters]`;
  return text.slice(0, CELL_CHAR_LIMIT - mark.length) + mark;
}
