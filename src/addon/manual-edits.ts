import type { Cell } from '../engine/cells';
import { parseDate } from '../engine/dates';
import { DEALS } from '../engine/schema';
import { findColumns } from '../engine/table';
import { cellTexts } from '../engine/texts';
import { stageKey, textOf } from '../engine/values';
import { DAY_MS } from '../engine/zone';
import { IdSequence } from './ids';
import { openSession } from './pipeline-session';
import { DEAL_ID_KEY } from './setup';
import { SHEET_NAMES } from './sheet-names';
import { applyStageChanges, type StageChangeRequest, writeCells } from './stage-changes';

interface EditEvent {
  range?: GoogleAppsScript.Spreadsheet.Range;
  oldValue?: unknown;
  user?: { getEmail(): string };
}

/**
 * Installable edit trigger: a stage typed, picked from the drop-down or pasted
 * over many rows of Deals is logged like a move from the panel (Stage entered,
 * a history row, the new stage's tasks). Unknown stage names are flagged in
 * Health, never guessed. Edits elsewhere cost four calls and return.
 */
export function onDealsEdit(e?: EditEvent): void {
  const range = e?.range;
  if (!range) return;
  const sheet = range.getSheet();
  if (!SHEET_NAMES.Deals.aliases.includes(sheet.getName())) return;
  const lastColumn = sheet.getLastColumn();
  if (lastColumn === 0) return;
  const headers = (sheet.getRange(1, 1, 1, lastColumn).getValues()[0] ?? []).map((h) => textOf(h as Cell));
  const stageColumn = findColumns(headers, DEALS).stage;
  if (stageColumn === undefined) return;
  const firstColumn = range.getColumn();
  if (stageColumn + 1 < firstColumn || stageColumn + 1 > firstColumn + range.getNumColumns() - 1) return;
  const firstRow = Math.max(2, range.getRow());
  const lastRow = range.getRow() + range.getNumRows() - 1;
  if (lastRow < firstRow) return;

  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(20_000)) return;
  try {
    // The trigger runs as whoever installed it; the event names who edited.
    const editor = e?.user?.getEmail() || Session.getActiveUser().getEmail();
    const single = range.getNumRows() === 1 && range.getNumColumns() === 1;
    logStageEdits(firstRow, lastRow, single ? e?.oldValue : undefined, editor);
  } finally {
    lock.releaseLock();
  }
}

function logStageEdits(firstRow: number, lastRow: number, oldValue: unknown, by: string): void {
  const session = openSession();
  const table = session.deals.table;
  const grid = session.dealsSheet.grid;
  const texts = cellTexts(session.language);
  const col = table.columns;
  const cell = (i: number, c: number | undefined): Cell => (c === undefined ? '' : (grid[i]?.[c] ?? ''));
  const ids = new IdSequence(
    'D-',
    DEAL_ID_KEY,
    grid.slice(1).map((r) => (col.id === undefined ? '' : (r[col.id] ?? ''))),
    session.store,
  );
  const newIds = new Map<number, Cell>();
  const health = new Map<number, Cell>();
  const changes: StageChangeRequest[] = [];

  for (let i = firstRow - 1; i <= Math.min(lastRow - 1, grid.length - 1); i++) {
    const name = textOf(cell(i, col.stage));
    if (name === '') continue;
    const to = session.pipeline.find(name);
    if (!to) {
      const problem = session.deals.problems.find(
        (p) => p.row === i + 1 && p.column === table.headers[col.stage as number],
      );
      if (problem) health.set(i, texts.problem(problem));
      continue;
    }
    let dealId = textOf(cell(i, col.id));
    const stays = dealId === '' ? undefined : session.history().get(dealId);
    const last = stays ? stays[stays.length - 1] : undefined;
    const previous = last ? last.to.name : textOf((oldValue ?? '') as Cell);
    if (previous !== '' && stageKey(previous) === stageKey(to.name)) continue;
    if (dealId === '' && col.id !== undefined) {
      dealId = ids.take();
      newIds.set(i, dealId);
    }
    const fromStage = session.pipeline.find(previous);
    // A new deal whose row already says when it entered (pasted in whole) keeps that date;
    // a stage that changed from another one entered it today.
    const given = last || previous !== '' ? undefined : parseDate(cell(i, col.stageEntered), session.ctx);
    const enteredDay = given?.ok && given.value !== null ? Math.floor(given.value / DAY_MS) : undefined;
    changes.push({
      gridRow: i,
      dealId,
      owner: textOf(cell(i, col.owner)),
      from: fromStage ? fromStage.name : previous,
      to,
      by,
      note: '',
      ...(enteredDay === undefined ? {} : { enteredDay }),
    });
  }

  if (col.id !== undefined && newIds.size > 0) {
    writeCells(session.dealsSheet.sheet, col.id + 1, newIds);
    ids.remember();
  }
  if (col.health !== undefined && health.size > 0)
    writeCells(session.dealsSheet.sheet, col.health + 1, health);
  applyStageChanges(session, changes);
  session.store.save();
}
