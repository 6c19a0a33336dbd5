import { type Cell, isDateCell } from '../engine/cells';
import { SHEET_NAMES } from './sheet-names';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** A table's sheet by any of its names (`Deals`, `딜`…), or `null`. One call per name tried. */
export function findSheet(ss: Spreadsheet, table: keyof typeof SHEET_NAMES): Sheet | null {
  for (const name of SHEET_NAMES[table].aliases) {
    const sheet = ss.getSheetByName(name);
    if (sheet) return sheet;
  }
  return null;
}

/** A sheet's values in one round trip, header row first. An empty sheet gives `[]`. */
export function readGrid(sheet: Sheet): Cell[][] {
  try {
    // -1 rows and columns: to the last with content, in one call instead of getDataRange + getValues.
    return sheet.getSheetValues(1, 1, -1, -1) as Cell[][];
  } catch (e) {
    // A sheet with nothing in it has no block to read.
    if (sheet.getLastRow() === 0) return [];
    throw e;
  }
}

/** Column letters of a 1-based column number, for A1 formulas (`28` → `AB`). */
export function columnLetter(column: number): string {
  let n = column;
  let letters = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    letters = String.fromCharCode(65 + r) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** `'Stage history'!A:F` style reference to a sheet's used columns. */
export function wholeColumns(sheet: Sheet, lastColumn: number): string {
  const name = sheet.getName();
  const quoted = /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
  return `${quoted}!A:${columnLetter(Math.max(1, lastColumn))}`;
}

/**
 * Writes one column's cells that changed, as a single `setValues` over the
 * span from the first to the last changed row. Nothing is written when
 * nothing changed, so a rerun costs no write at all.
 *
 * @param current the column as read, index 0 = sheet row `firstRow`
 * @param next the values wanted, same indexing
 * @returns how many cells changed
 */
export function writeColumnChanges(
  sheet: Sheet,
  column: number,
  firstRow: number,
  current: readonly Cell[],
  next: readonly Cell[],
): number {
  let first = -1;
  let last = -1;
  let changed = 0;
  for (let i = 0; i < next.length; i++) {
    if (!sameCell(current[i] ?? '', next[i] ?? '')) {
      if (first < 0) first = i;
      last = i;
      changed++;
    }
  }
  if (changed === 0) return 0;
  // Rows between two changes are written back with what they already held.
  const span = [];
  for (let i = first; i <= last; i++) span.push([next[i] ?? current[i] ?? '']);
  sheet.getRange(firstRow + first, column, span.length, 1).setValues(span);
  return changed;
}

/**
 * Like writeColumnChanges, but one `setValues` per run of consecutive changed
 * cells, so no cell that keeps its value is written at all. For a user's
 * column (Deal ID): writing a cell back "with what it held" would turn a
 * formula into its value. Fix added for setup's Deal ID filling; the daily
 * Health write keeps its single call (Health belongs to the add-on).
 */
export function writeColumnRuns(
  sheet: Sheet,
  column: number,
  firstRow: number,
  current: readonly Cell[],
  next: readonly Cell[],
): number {
  let changed = 0;
  let i = 0;
  while (i < next.length) {
    if (sameCell(current[i] ?? '', next[i] ?? '')) {
      i++;
      continue;
    }
    const start = i;
    const run: Cell[][] = [];
    while (i < next.length && !sameCell(current[i] ?? '', next[i] ?? '')) run.push([next[i++] ?? '']);
    sheet.getRange(firstRow + start, column, run.length, 1).setValues(run);
    changed += run.length;
  }
  return changed;
}

function sameCell(a: Cell, b: Cell): boolean {
  if (isDateCell(a) && isDateCell(b)) return a.getTime() === b.getTime();
  return a === b;
}

/**
 * Appends rows below the last row with content, in one `setValues`.
 * `lastRow` is the sheet's last row with content when the caller read it.
 */
export function appendRows(
  sheet: Sheet,
  firstColumn: number,
  rows: readonly Cell[][],
  lastRow: number,
): number {
  if (rows.length === 0) return 0;
  const start = lastRow + 1;
  const width = rows[0]?.length ?? 0;
  ensureRows(sheet, start + rows.length - 1);
  sheet.getRange(start, firstColumn, rows.length, width).setValues(rows as unknown[][]);
  return start;
}

/**
 * Sheets refuses a range past the grid; grow it first (one call, only when the
 * blank rows below run out). Appending into the sheet's own blank rows keeps
 * the checkboxes and formats setup put on them.
 */
function ensureRows(sheet: Sheet, lastRow: number): void {
  const max = sheet.getMaxRows();
  if (lastRow > max) sheet.insertRowsAfter(max, lastRow - max);
}
