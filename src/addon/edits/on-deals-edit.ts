import type { Cell } from '../../engine/cells';
import { DEALS } from '../../engine/schema';
import { findColumns, findHeaderRow } from '../../engine/table';
import { textOf } from '../../engine/values';
import { logStageEdits, type PendingRow, recordPendingEdit } from '../pipeline/stage-log';
import { openSession } from '../pipeline/session';
import { SHEET_NAMES } from '../sheets/sheet-names';
import type { StageEdit } from '../pipeline/stage-edits';

interface EditEvent {
  range?: GoogleAppsScript.Spreadsheet.Range;
  oldValue?: unknown;
  user?: { getEmail(): string };
}

// How far down the header row may be, read with the edit to find the Stage column.
const HEADER_ROWS = 20;

/**
 * Installable edit trigger: a stage typed, picked from the drop-down or pasted
 * over many rows of Deals is logged like a move from the panel (Stage entered,
 * a history row, the new stage's tasks). Unknown stage names are flagged in
 * Health, never guessed. When another run holds the document lock the edit is
 * recorded and logged by the next action, never dropped. Edits elsewhere cost
 * a few calls and return.
 */
export function onDealsEdit(e?: EditEvent): void {
  const range = e?.range;
  if (!range) return;
  const sheet = range.getSheet();
  if (!SHEET_NAMES.Deals.aliases.includes(sheet.getName())) return;
  const lastColumn = sheet.getLastColumn();
  if (lastColumn === 0) return;
  const top = sheet
    .getRange(1, 1, Math.min(HEADER_ROWS, Math.max(1, sheet.getLastRow())), lastColumn)
    .getValues() as Cell[][];
  const headerIndex = findHeaderRow(top, DEALS);
  const headers = (top[headerIndex] ?? []).map((h) => textOf(h));
  const columns = findColumns(headers, DEALS);
  const stageColumn = columns.stage;
  if (stageColumn === undefined) return;
  const firstColumn = range.getColumn();
  if (stageColumn + 1 < firstColumn || stageColumn + 1 > firstColumn + range.getNumColumns() - 1) return;
  const firstRow = Math.max(headerIndex + 2, range.getRow());
  const lastRow = range.getRow() + range.getNumRows() - 1;
  if (lastRow < firstRow) return;

  // The trigger runs as whoever installed it; the event names who edited.
  const editor = e?.user?.getEmail() || Session.getActiveUser().getEmail();
  const single = range.getNumRows() === 1 && range.getNumColumns() === 1;
  const oldValue = single ? (e?.oldValue as Cell | undefined) : undefined;
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(20_000)) {
    const rows = sheet.getRange(firstRow, 1, lastRow - firstRow + 1, lastColumn).getValues() as Cell[][];
    const pending: PendingRow[] = rows.map((row, k) => ({
      row: firstRow + k,
      id: columns.id === undefined ? '' : textOf(row[columns.id] ?? ''),
      stage: textOf(row[stageColumn] ?? ''),
      ...(oldValue !== undefined && oldValue !== '' ? { old: textOf(oldValue) } : {}),
    }));
    recordPendingEdit(PropertiesService.getDocumentProperties(), new Date(), editor, pending);
    return;
  }
  try {
    const edits: StageEdit[] = [];
    for (let row = firstRow; row <= lastRow; row++)
      edits.push({ gridRow: row - 1, by: editor, ...(oldValue !== undefined ? { oldValue } : {}) });
    logStageEdits(openSession(), edits);
  } finally {
    lock.releaseLock();
  }
}
