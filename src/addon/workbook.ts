import type { Cell } from '../engine/cells';
import { PipelineError } from '../engine/problems';
import { findSheet, readGrid } from './sheets-io';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** A pipeline sheet and its values as read once at the start of an action. */
export interface LoadedSheet {
  readonly sheet: Sheet;
  readonly grid: Cell[][];
}

/** The pipeline's sheets; Stages and Deals are required, the others may not exist yet. */
export interface LoadedWorkbook {
  readonly stages: LoadedSheet;
  readonly deals: LoadedSheet;
  readonly history: LoadedSheet | null;
  readonly tasks: LoadedSheet | null;
}

export function loadSheet(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  table: 'Stages' | 'Deals' | 'Stage history' | 'Tasks',
): LoadedSheet | null {
  const sheet = findSheet(ss, table);
  return sheet ? { sheet, grid: readGrid(sheet) } : null;
}

export function requireSheet(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  table: 'Stages' | 'Deals' | 'Stage history' | 'Tasks',
): LoadedSheet {
  const loaded = loadSheet(ss, table);
  if (!loaded)
    throw new PipelineError(
      `There is no ${table} sheet. Run Extensions › Sheets Pipeline › Set up pipeline sheets.`,
    );
  return loaded;
}
