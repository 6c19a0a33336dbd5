import type { Cell } from '../engine/cells';
import { PipelineError } from '../engine/problems';
import type { Language } from '../engine/table';
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

/**
 * Fix: the message is in the UI language when the caller knows it. It was
 * English only, so a Korean user was told to click "Set up pipeline sheets",
 * an item their menu shows as "파이프라인 시트 설정". English by default.
 */
export function requireSheet(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  table: 'Stages' | 'Deals' | 'Stage history' | 'Tasks',
  language: Language = 'en',
): LoadedSheet {
  const loaded = loadSheet(ss, table);
  if (!loaded)
    throw new PipelineError(
      language === 'ko'
        ? `${table} 시트가 없습니다. 확장 프로그램 › Sheets Pipeline › 파이프라인 시트 설정을 먼저 실행하세요.`
        : `There is no ${table} sheet. Run Extensions › Sheets Pipeline › Set up pipeline sheets.`,
    );
  return loaded;
}
