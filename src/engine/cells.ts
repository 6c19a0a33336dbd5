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
