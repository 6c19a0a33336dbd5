import { type Cell, isBlankCell } from '../engine/cells';
import { PipelineError } from '../engine/problems';
import { HISTORY, TASKS, type TableSchema } from '../engine/schema';
import { findColumns, findHeaderRow, type Language } from '../engine/table';
import { type OwnedSheetName, ownedSheets } from './ownership';
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

/** The sheets the add-on tagged, read once per action and handed to every lookup. */
export type OwnedSheets = ReadonlyMap<OwnedSheetName, Sheet>;

/** The logs the add-on appends to: a sheet of that name is adopted only when its headers fit. */
const LOG_SCHEMAS: Partial<Record<PipelineTable, TableSchema<string>>> = {
  'Stage history': HISTORY,
  Tasks: TASKS,
};

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

/** The sheet of a table: the one the add-on tagged, else by name (a log only if its headers fit). */
export function loadSheet(
  ss: Spreadsheet,
  table: PipelineTable,
  owned: OwnedSheets = ownedSheets(ss),
): LoadedSheet | null {
  const tagged = owned.get(table);
  if (tagged) return { sheet: tagged, grid: readGrid(tagged) };
  const sheet = sheetByName(ss, table);
  if (!sheet) return null;
  const grid = readGrid(sheet);
  const log = LOG_SCHEMAS[table];
  return log && !fitsLog(grid, log) ? null : { sheet, grid };
}

/** Like loadSheet, but a missing sheet is an error that says what to do, in the UI language. */
export function requireSheet(
  ss: Spreadsheet,
  table: PipelineTable,
  language: Language,
  owned: OwnedSheets = ownedSheets(ss),
): LoadedSheet {
  const loaded = loadSheet(ss, table, owned);
  if (!loaded)
    throw new PipelineError(
      language === 'ko'
        ? `${table} 시트가 없습니다. 확장 프로그램 › Sheets Pipeline › 파이프라인 시트 설정을 먼저 실행하세요.`
        : `There is no ${table} sheet. Run Extensions › Sheets Pipeline › Set up pipeline sheets.`,
    );
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
