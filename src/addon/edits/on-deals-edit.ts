import type { Cell } from '../../engine/cells';
import { DEALS } from '../../engine/schema';
import { findColumns, findHeaderRow } from '../../engine/table';
import { textOf } from '../../engine/values';
import { openSession } from '../pipeline/session';
import type { StageEdit } from '../pipeline/stage-edits';
import { logStageEdits, type PendingRow, recordPendingEdit } from '../pipeline/stage-log';
import { Ownership } from '../sheets/ownership';
import { SHEET_NAMES } from '../sheets/sheet-names';
import { beginExecution } from '../storage/execution';

interface EditEvent {
  range?: GoogleAppsScript.Spreadsheet.Range;
  oldValue?: unknown;
  user?: { getEmail(): string };
}

/** The Deals rows an edit put a stage into, and where the Stage and Deal ID columns are. */
interface StageRows {
  readonly sheet: GoogleAppsScript.Spreadsheet.Sheet;
  readonly firstRow: number;
  readonly lastRow: number;
  readonly stageColumn: number;
  readonly idColumn: number | undefined;
  readonly lastColumn: number;
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
  if (!e?.range) return;
  const exec = beginExecution();
  const dealsName = new Ownership(exec.ss, exec.store).rememberedName('Deals');
  const rows = stageRowsOf(e.range, dealsName, exec.columnMap.Deals ?? {});
  if (!rows) return;
  // The trigger runs as whoever installed it; the event names who edited.
  const editor = e?.user?.getEmail() || Session.getActiveUser().getEmail();
  const single = e?.range?.getNumRows() === 1 && e.range.getNumColumns() === 1;
  const oldValue = single ? (e?.oldValue as Cell | undefined) : undefined;
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(20_000)) {
    recordPendingEdit(
      PropertiesService.getDocumentProperties(),
      new Date(),
      editor,
      pendingRows(rows, oldValue),
    );
    return;
  }
  try {
    const edits: StageEdit[] = [];
    for (let row = rows.firstRow; row <= rows.lastRow; row++)
      edits.push({ gridRow: row - 1, by: editor, ...(oldValue !== undefined ? { oldValue } : {}) });
    logStageEdits(openSession(exec), edits);
  } finally {
    lock.releaseLock();
  }
}

/** The rows below the Deals header that the edited range crosses in the Stage column; `null` for any other edit. */
function stageRowsOf(
  range: GoogleAppsScript.Spreadsheet.Range,
  dealsName: string | null,
  map: Readonly<Partial<Record<string, string>>>,
): StageRows | null {
  const sheet = range.getSheet();
  const name = sheet.getName();
  // The Deals sheet by its usual names, or the team's own sheet connected as Deals.
  if (!SHEET_NAMES.Deals.aliases.includes(name) && name !== dealsName) return null;
  const lastColumn = sheet.getLastColumn();
  if (lastColumn === 0) return null;
  const height = Math.min(HEADER_ROWS, Math.max(1, sheet.getLastRow()));
  const top = sheet.getRange(1, 1, height, lastColumn).getValues() as Cell[][];
  const headerIndex = findHeaderRow(top, DEALS, map);
  const columns = findColumns(
    (top[headerIndex] ?? []).map((h) => textOf(h)),
    DEALS,
    map,
  );
  const stageColumn = columns.stage;
  if (stageColumn === undefined) return null;
  const firstColumn = range.getColumn();
  if (stageColumn + 1 < firstColumn || stageColumn + 1 > firstColumn + range.getNumColumns() - 1) return null;
  const firstRow = Math.max(headerIndex + 2, range.getRow());
  const lastRow = range.getRow() + range.getNumRows() - 1;
  if (lastRow < firstRow) return null;
  return { sheet, firstRow, lastRow, stageColumn, idColumn: columns.dealId, lastColumn };
}

/** What an edit that could not be logged now leaves for the next action: each row's id and stage as typed. */
function pendingRows(rows: StageRows, oldValue: Cell | undefined): PendingRow[] {
  const values = rows.sheet
    .getRange(rows.firstRow, 1, rows.lastRow - rows.firstRow + 1, rows.lastColumn)
    .getValues() as Cell[][];
  return values.map((row, k) => ({
    row: rows.firstRow + k,
    id: rows.idColumn === undefined ? '' : textOf(row[rows.idColumn] ?? ''),
    stage: textOf(row[rows.stageColumn] ?? ''),
    ...(oldValue !== undefined && oldValue !== '' ? { old: textOf(oldValue) } : {}),
  }));
}
