import { type Cell, fitCell, isDateCell } from '../../engine/cells';
import { mirrorGrid, mirrorWrite } from './grid-mirror';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** A sheet's values in one round trip, header row first. An empty sheet gives `[]`. */
export function readGrid(sheet: Sheet): Cell[][] {
  try {
    // -1 rows and columns: to the last with content, in one call instead of getDataRange + getValues.
    const grid = sheet.getSheetValues(1, 1, -1, -1) as Cell[][];
    mirrorGrid(sheet, grid);
    return grid;
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
 * What `setValues` must be given so that the cell holds exactly `value`.
 * Sheets reads a written string as if a person typed it (`=…` becomes a
 * formula, `00123` the number 123, `2023-11` a date); a leading apostrophe
 * stores the text itself, and `getValues` returns it without the apostrophe.
 * Every string goes this way (not only the ones that look convertible:
 * what converts depends on the spreadsheet's locale). Numbers, booleans and
 * Dates are typed values already.
 */
export function storedAs(value: Cell): Cell {
  if (typeof value !== 'string') return value ?? '';
  return value === '' ? '' : `'${fitCell(value)}`;
}

/**
 * The one way the add-on writes values: a block, every cell stored as
 * exactly what is given (see storedAs). Formulas have their own call.
 */
export function setBlock(
  range: GoogleAppsScript.Spreadsheet.Range,
  rows: readonly (readonly Cell[])[],
): void {
  range.setValues(rows.map((row) => row.map(storedAs)));
}

/**
 * The one column writer: a column's cells by sheet row. By default one
 * `setValues` per run of consecutive rows, so no cell between two written
 * rows is touched (a team's formula there stays a formula). With `between`
 * (for a column the add-on owns) it is one `setValues` from the first to the
 * last row, the rows between written back with what `between` says they hold.
 *
 * @returns how many cells were given
 */
export function writeColumnCells(
  sheet: Sheet,
  column: number,
  cells: ReadonlyMap<number, Cell>,
  between?: (row: number) => Cell,
): number {
  const rows = [...cells.keys()].sort((a, b) => a - b);
  let start = 0;
  while (start < rows.length) {
    let end = start;
    if (between) end = rows.length - 1;
    else while (end + 1 < rows.length && (rows[end + 1] as number) === (rows[end] as number) + 1) end++;
    const values: Cell[][] = [];
    for (let r = rows[start] as number; r <= (rows[end] as number); r++)
      values.push([cells.has(r) ? (cells.get(r) as Cell) : (between as (row: number) => Cell)(r)]);
    setBlock(sheet.getRange(rows[start] as number, column, values.length, 1), values);
    mirrorWrite(sheet, rows[start] as number, column, values);
    start = end + 1;
  }
  return rows.length;
}

/**
 * The cells of a column that differ between `current` and `next` (both
 * indexed from sheet row `firstRow`), by sheet row.
 */
export function changedCells(
  firstRow: number,
  current: readonly Cell[],
  next: readonly Cell[],
): Map<number, Cell> {
  const changed = new Map<number, Cell>();
  for (let i = 0; i < next.length; i++) {
    const wanted = next[i] ?? '';
    if (!sameCell(current[i] ?? '', wanted)) changed.set(firstRow + i, wanted);
  }
  return changed;
}

function sameCell(a: Cell, b: Cell): boolean {
  if (isDateCell(a) && isDateCell(b)) return a.getTime() === b.getTime();
  return a === b;
}

/**
 * Appends rows in one `setValues`, below the last row with content at the
 * moment of writing (not when the sheet was read): a row a person typed
 * meanwhile is never overwritten. Callers hold the document lock, so no other
 * run of the add-on appends in between.
 *
 * @returns the sheet row of the first appended row, or 0 when there was nothing to append
 */
export function appendRows(sheet: Sheet, firstColumn: number, rows: readonly Cell[][]): number {
  if (rows.length === 0) return 0;
  const start = sheet.getLastRow() + 1;
  const width = rows[0]?.length ?? 0;
  ensureRows(sheet, start + rows.length - 1);
  setBlock(sheet.getRange(start, firstColumn, rows.length, width), rows);
  mirrorWrite(sheet, start, firstColumn, rows);
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
