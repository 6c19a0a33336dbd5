import { type Cell, isBlankCell } from '../../engine/cells';
import { PipelineError } from '../../engine/problems';
import { SCHEMAS, type TableSchema } from '../../engine/schema';
import { findColumns, findHeaderRow, type Language } from '../../engine/table';
import { messages } from '../i18n/messages';
import type { Ownership } from './ownership';
import { SHEET_NAMES } from './sheet-names';
import { readGrid } from './sheets-io';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export type PipelineTable = 'Stages' | 'Deals' | 'Stage history' | 'Tasks';

/** A pipeline sheet and its values as read once at the start of an action. */
export interface LoadedSheet {
  readonly sheet: Sheet;
  readonly grid: Cell[][];
}

/** The logs the add-on appends to: a sheet of that name is adopted only when its headers fit. */
export function isLog(table: PipelineTable): table is 'Stage history' | 'Tasks' {
  return table === 'Stage history' || table === 'Tasks';
}

/** A table's sheet by any of its names (`Deals`, `딜`…), or `null`. One call per name tried. */
export function sheetByName(ss: Spreadsheet, table: keyof typeof SHEET_NAMES): Sheet | null {
  for (const name of SHEET_NAMES[table].aliases) {
    const sheet = ss.getSheetByName(name);
    if (sheet) return sheet;
  }
  return null;
}

/**
 * Whether a sheet found by name may serve as an add-on log: it is empty, or
 * its header row already has the log's required columns. A team's own
 * `Tasks` sheet with other columns is theirs; setup then makes its own.
 */
export function fitsLog(grid: readonly (readonly Cell[])[], schema: TableSchema<string>): boolean {
  if (grid.every((row) => row.every((cell) => isBlankCell(cell)))) return true;
  const headers = (grid[findHeaderRow(grid, schema)] ?? []).map((h) => String(h ?? '').trim());
  const columns = findColumns(headers, schema);
  return Object.entries(schema.columns).every(([field, spec]) => !spec.required || field in columns);
}

/**
 * The sheet of a table, read: where the add-on's sheet was last time; else by
 * the names teams give it (a log only when its headers fit, and then
 * adopted); else the sheet the add-on tagged, wherever it was renamed to.
 */
export function loadSheet(ss: Spreadsheet, table: PipelineTable, own: Ownership): LoadedSheet | null {
  const fits = (grid: Cell[][]) => !isLog(table) || fitsLog(grid, SCHEMAS[table]);
  const remembered = own.remembered(table);
  if (remembered) {
    const grid = readGrid(remembered);
    if (fits(grid)) return { sheet: remembered, grid };
  }
  const named = sheetByName(ss, table);
  if (named) {
    const grid = readGrid(named);
    if (fits(grid)) {
      if (isLog(table)) own.remember(table, named);
      return { sheet: named, grid };
    }
  }
  const tagged = own.taggedSheet(table);
  return tagged ? { sheet: tagged, grid: readGrid(tagged) } : null;
}

/** Like loadSheet, but a missing sheet is an error that says what to do, in the UI language. */
export function requireSheet(
  ss: Spreadsheet,
  table: PipelineTable,
  language: Language,
  own: Ownership,
): LoadedSheet {
  const loaded = loadSheet(ss, table, own);
  if (!loaded) throw new PipelineError(messages(language).noSheet(table));
  return loaded;
}

/** `Tasks`, or `Tasks (Sheets Pipeline)` when a team's own sheet is called Tasks. */
export function freeSheetName(ss: Spreadsheet, name: string): string {
  if (!ss.getSheetByName(name)) return name;
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? `${name} (Sheets Pipeline)` : `${name} (Sheets Pipeline ${n})`;
    if (!ss.getSheetByName(candidate)) return candidate;
  }
}
