/**
 * A1 notation, as Sheets reads it: `B3`, `A1:C4`, whole columns `A:L`,
 * columns from a row down `A2:C`, whole rows `2:5`, `$` anchors, and an
 * optional sheet prefix `'Stage history'!A:F`. Rows and columns are 1-based.
 */

/** A rectangle of cells, 1-based. */
export interface Rect {
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
}

/** A parsed reference; an undefined end means "to the sheet's edge". */
export interface A1Ref {
  sheetName: string | null;
  startRow: number | null;
  startColumn: number | null;
  endRow: number | null;
  endColumn: number | null;
}

export function columnLetters(column: number): string {
  let n = column;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** Splits `'My sheet'!A1:B2` into the sheet name (quotes undone) and the cell part. */
export function splitSheetPrefix(text: string): { sheetName: string | null; cells: string } {
  const bang = text.lastIndexOf('!');
  if (bang < 0) return { sheetName: null, cells: text };
  let name = text.slice(0, bang).trim();
  if (name.startsWith("'") && name.endsWith("'") && name.length >= 2)
    name = name.slice(1, -1).replace(/''/g, "'");
  return { sheetName: name, cells: text.slice(bang + 1) };
}

const PART = /^\$?([A-Za-z]{1,3})?\$?(\d+)?$/;

function parsePart(part: string): { row: number | null; column: number | null } | null {
  const m = PART.exec(part.trim());
  if (!m || (m[1] === undefined && m[2] === undefined)) return null;
  const row = m[2] === undefined ? null : Number(m[2]);
  if (row === 0) return null;
  return { column: m[1] === undefined ? null : columnNumber(m[1]), row };
}

/** Parses A1 notation, or returns null when Sheets would answer "Range not found". */
export function parseA1(text: string): A1Ref | null {
  const { sheetName, cells } = splitSheetPrefix(text);
  const pieces = cells.split(':');
  if (pieces.length > 2) return null;
  const a = parsePart(pieces[0] ?? '');
  if (!a) return null;
  if (pieces.length === 1) {
    // A lone cell needs both a column and a row: `B` or `3` alone is not a range.
    if (a.row === null || a.column === null) return null;
    return { sheetName, startRow: a.row, startColumn: a.column, endRow: a.row, endColumn: a.column };
  }
  const b = parsePart(pieces[1] ?? '');
  if (!b) return null;
  // `A:L` (columns), `2:5` (rows), `A2:C` (from row 2 down), `A2:5`: at least one column or row each side.
  if (a.column === null && b.column !== null) return null;
  if (a.row === null && b.row !== null && a.column !== null) return null;
  return {
    sheetName,
    startRow: a.row,
    startColumn: a.column,
    endRow: b.row,
    endColumn: b.column,
  };
}

/** A1 text of a rectangle, e.g. `A1` or `B2:D9`. */
export function rectToA1(rect: Rect): string {
  const start = `${columnLetters(rect.column)}${rect.row}`;
  if (rect.numRows === 1 && rect.numColumns === 1) return start;
  const end = `${columnLetters(rect.column + rect.numColumns - 1)}${rect.row + rect.numRows - 1}`;
  return `${start}:${end}`;
}

/**
 * The A1 text Sheets reports for a range fetched by open-ended notation:
 * `A:L` stays `A:L`, `A2:C` stays `A2:C`, `2:5` stays `2:5`.
 */
export function openA1(ref: A1Ref, rect: Rect): string {
  const col = (c: number) => columnLetters(c);
  const startCol = ref.startColumn === null ? '' : col(rect.column);
  const bothColumnsOpen = ref.startColumn === null && ref.endColumn === null;
  const endCol = bothColumnsOpen ? '' : col(rect.column + rect.numColumns - 1);
  const startRow = ref.startRow === null ? '' : String(rect.row);
  const endRow = ref.endRow === null ? '' : String(rect.row + rect.numRows - 1);
  return `${startCol}${startRow}:${endCol}${endRow}`;
}

/** True when the reference has an open end (`A:L`, `A2:C`, `2:5`). */
export function isOpen(ref: A1Ref): boolean {
  return ref.startRow === null || ref.endRow === null || ref.startColumn === null || ref.endColumn === null;
}
