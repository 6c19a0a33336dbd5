import { isTotalsRow } from '../../engine/totals';
import { unloggedStages } from '../../engine/unlogged';
import { textOf } from '../../engine/values';
import { DAY_MS, isoDateTime } from '../../engine/zone';
import { historyNotes } from '../i18n/history-notes';
import { writeColumnCells } from '../sheets/sheets-io';
import type { DocumentStore } from '../storage/document-store';
import { type PipelineSession, rowOfDeal } from './session';
import { applyStageChanges, type StageChangeRequest } from './stage-changes';
import { planStageEdits, type StageEdit, type StageEditPlan } from './stage-edits';

/**
 * Nothing typed is lost. A stage edit that arrives while another run holds
 * the document lock is written down (who, when, which rows) in a document
 * property of its own, which needs no lock; the next panel action, edit or
 * daily check replays it. Anything else the history does not say (an edit
 * made while no trigger was installed, a run cut off by a quota) is found by
 * comparing each deal's Stage with its latest history row, and recorded with
 * a note saying it was recorded late.
 */
const PENDING_PREFIX = 'sheetsPipeline.pendingEdit.';
// A property value may hold 9 KB; the rows beyond that are still found by the comparison.
const PENDING_MAX_CHARS = 8_000;

export interface PendingRow {
  /** Sheet row at the time of the edit. */
  row: number;
  /** Deal ID and Stage as the row held them then. */
  id: string;
  stage: string;
  old?: string;
}

interface PendingEdit {
  at: string;
  by: string;
  rows: PendingRow[];
}

/**
 * Records an edit the trigger could not log now (the lock was busy): two
 * property calls, no lock needed, a key of its own so two such edits never
 * overwrite each other.
 */
export function recordPendingEdit(
  properties: GoogleAppsScript.Properties.Properties,
  at: Date,
  by: string,
  rows: readonly PendingRow[],
): void {
  const edit: PendingEdit = { at: at.toISOString(), by, rows: [] };
  for (const row of rows) {
    edit.rows.push(row);
    if (JSON.stringify(edit).length > PENDING_MAX_CHARS) {
      edit.rows.pop();
      break;
    }
  }
  const key = `${PENDING_PREFIX}${at.getTime()}.${Math.random().toString(36).slice(2, 10)}`;
  properties.setProperty(key, JSON.stringify(edit));
}

function readPendingEdits(store: DocumentStore): { key: string; edit: PendingEdit | null }[] {
  return store.keys(PENDING_PREFIX).map((key) => {
    try {
      const edit = JSON.parse(store.get(key) ?? '') as PendingEdit;
      return { key, edit: Array.isArray(edit.rows) && typeof edit.at === 'string' ? edit : null };
    } catch {
      return { key, edit: null };
    }
  });
}

/**
 * Logs `edits` (the stages a person just typed, if any) together with what
 * the history is missing: the pending edits, then every other deal whose
 * Stage the history does not say. Runs under the document lock, before an
 * action's own change.
 *
 * @returns how many history rows were added (the caller re-reads the sheets when > 0)
 */
export function logStageEdits(session: PipelineSession, edits: readonly StageEdit[] = []): number {
  const notes = historyNotes(session.language);
  const pending = readPendingEdits(session.store);
  const all: StageEdit[] = [];
  const typedNow = new Set(edits.map((e) => e.gridRow));
  for (const { edit } of pending) {
    if (!edit) continue;
    const when = new Date(edit.at);
    if (Number.isNaN(when.getTime())) continue;
    const note = notes.latePending(isoDateTime(session.zone.local(when.getTime())));
    for (const row of edit.rows) {
      const gridRow = locate(session, row);
      // A row typed again just now is logged as typed now.
      if (gridRow < 0 || typedNow.has(gridRow)) continue;
      all.push({ gridRow, by: edit.by, when, note, ...(row.old ? { oldValue: row.old } : {}) });
    }
  }
  all.push(...edits);
  const plan = planStageEdits(session, all);
  const planned = new Set([...plan.changes.map((c) => c.gridRow), ...typedNow]);
  const table = session.deals.table;
  const unlogged = unloggedStages(session.deals.deals, session.history(), session.unreadableHistory());
  for (const { deal, logged } of unlogged) {
    const gridRow = deal.row - table.firstRow;
    if (planned.has(gridRow)) continue;
    plan.changes.push(lateChange(session, gridRow, deal, logged?.name ?? null, notes));
  }
  // A deal typed with no trigger to give it an id gets one now, and its first history row.
  if (table.columns.dealId !== undefined) {
    for (const deal of session.deals.deals) {
      const gridRow = deal.row - table.firstRow;
      if (deal.id !== '' || planned.has(gridRow) || isTotalsRow(session.dealsSheet.grid[gridRow] ?? []))
        continue;
      const id = plan.ids.take();
      plan.newIds.set(deal.row, id);
      plan.changes.push(lateChange(session, gridRow, { ...deal, id }, null, notes));
    }
  }
  applyEditPlan(session, plan);
  for (const { key } of pending) session.store.delete(key);
  session.store.save();
  return plan.changes.length;
}

/** A change found by comparison: from the logged stage, or a first row for a deal with no history. */
function lateChange(
  session: PipelineSession,
  gridRow: number,
  deal: { id: string; owner: string; stage: StageChangeRequest['to']; stageEntered: number | null },
  logged: string | null,
  notes: ReturnType<typeof historyNotes>,
): StageChangeRequest {
  const base = { gridRow, dealId: deal.id, owner: deal.owner, to: deal.stage, by: '' };
  if (logged !== null) return { ...base, from: logged, note: notes.lateUnknown };
  // No history at all: the stage it is in now is where its history starts; nothing is due.
  const entered = deal.stageEntered;
  return {
    ...base,
    from: '',
    note: notes.firstSeen,
    when: entered === null ? session.now : new Date(session.zone.instant(entered)),
    enteredDay: entered === null ? session.today : Math.floor(entered / DAY_MS),
    writeEntered: false,
    withTasks: false,
  };
}

/** The grid row an edit recorded earlier is at now: by Deal ID, else where it was if it still holds the same stage. */
function locate(session: PipelineSession, row: PendingRow): number {
  if (row.id !== '') return rowOfDeal(session, row.id);
  const gridRow = row.row - 1;
  const cells = session.dealsSheet.grid[gridRow] ?? [];
  const col = session.deals.table.columns;
  const text = (c: number | undefined): string => (c === undefined ? '' : textOf(cells[c] ?? ''));
  return text(col.dealId) === '' && text(col.stage) === row.stage ? gridRow : -1;
}

/** Writes a stage-edit plan: new Deal IDs, Health of rows with unknown stages, then the changes. */
export function applyEditPlan(session: PipelineSession, plan: StageEditPlan): void {
  const sheet = session.dealsSheet.sheet;
  const col = session.deals.table.columns;
  if (col.dealId !== undefined && plan.newIds.size > 0) {
    writeColumnCells(sheet, col.dealId + 1, plan.newIds);
    plan.ids.remember();
  }
  const health = plan.problems.size > 0 ? session.healthColumnForWrite() : null;
  if (health !== null) writeColumnCells(sheet, health + 1, plan.problems);
  applyStageChanges(session, plan.changes);
}
