import { join } from 'node:path';
import { findTableFiles, readCsvGrid } from '../../src/cli/files';
import type { Cell } from './standin';
import { parseTyped } from './standin/typed-text';

/**
 * A spreadsheet rebuilt from CSV downloads, as Sheets imports a CSV with
 * "convert text to numbers, dates and formulas": `₩10,000,000` and `$12,500`
 * become numbers, `70%` becomes 0.7, `TRUE` a boolean, `2023. 11. 5 오후 2:30:00`,
 * `11/5/2023 14:30:00` and `2023-11-05` Dates at that wall-clock time in
 * `timeZone`; `1,500만원`, `1.2억` and ids stay text, blanks are `''`.
 *
 * Files are found by the CLI's own rule (`Deals.csv`, `<spreadsheet> - Deals.csv`,
 * `stage-history.csv`...), so the CLI and the stand-in read the same folders.
 * A file named `<spreadsheet> - X.csv` is the sheet `X` (that is how Sheets
 * names a download); other names give the table's canonical sheet name.
 * Formulas in a CSV stay text: the stand-in has no formula engine.
 */
export interface CsvWorkbookOptions {
  /** `5/11/2023` is 5 November (true) or 11 May (false, the default, as US-locale Sheets writes it). */
  dayFirst?: boolean;
}

/** Converts one CSV text cell as Sheets' import does. */
export function convertCsvCell(text: string, timeZone: string, options: CsvWorkbookOptions = {}): Cell {
  return parseTyped(text, { timeZone, dayFirst: options.dayFirst ?? false }).value;
}

/** Converts a grid of CSV text, padding ragged rows with `''` to the widest row. */
export function convertCsvGrid(
  rows: readonly (readonly unknown[])[],
  timeZone: string,
  options: CsvWorkbookOptions = {},
): Cell[][] {
  const width = Math.max(0, ...rows.map((r) => r.length));
  return rows.map((row) =>
    Array.from({ length: width }, (_, i) => {
      const v = row[i];
      return typeof v === 'string' ? convertCsvCell(v, timeZone, options) : '';
    }),
  );
}

function sheetName(file: string, table: string): string {
  const base = file.replace(/\.csv$/i, '').normalize('NFC');
  const dash = base.lastIndexOf(' - ');
  return dash >= 0 ? base.slice(dash + 3) : table;
}

export function workbookFromCsvFolder(
  folder: string,
  timeZone: string,
  options: CsvWorkbookOptions = {},
): Record<string, Cell[][]> {
  const files = findTableFiles(folder);
  const out: Record<string, Cell[][]> = {};
  for (const [table, file] of Object.entries(files)) {
    if (!file) continue;
    out[sheetName(file, table)] = convertCsvGrid(readCsvGrid(join(folder, file)), timeZone, options);
  }
  return out;
}
