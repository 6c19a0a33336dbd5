import type { Cell } from '../../engine/cells';
import { parseDate } from '../../engine/dates';
import { cellTexts } from '../../engine/texts';
import { isTotalsRow } from '../../engine/totals';
import { sameStage, textOf } from '../../engine/values';
import { DAY_MS, type DayNumber } from '../../engine/zone';
import { dealIds, type IdSequence } from '../sheets/ids';
import { type PipelineSession, stagesOfRow } from './session';
import type { StageChangeRequest } from './stage-changes';

/** A Deals row whose Stage a person typed, picked or pasted. */
export interface StageEdit {
  /** Index into the Deals grid (sheet row − 1). */
  readonly gridRow: number;
  /** The cell's value before a single-cell edit (the event's oldValue); absent for pastes. */
  readonly oldValue?: Cell;
  readonly by: string;
  /** When the person typed it; default now. */
  readonly when?: Date;
  readonly note?: string;
}

/** What logging a batch of stage edits writes, before anything is written. */
export interface StageEditPlan {
  readonly changes: StageChangeRequest[];
  /** New Deal IDs by sheet row. */
  readonly newIds: Map<number, Cell>;
  /** Health texts of rows whose stage is not in Stages, by sheet row. */
  readonly problems: Map<number, Cell>;
  /** The id sequence the new ids came from (remember() it once written). */
  readonly ids: IdSequence;
}

/**
 * What a typed stage means, the same way for the edit trigger and for an edit
 * logged late: the new stage entered today (or when it was typed), a Deal ID
 * for a new deal, never a row for a stage the deal is already in, and
 * unknown stage names flagged rather than guessed. A totals row is not a deal.
 */
export function planStageEdits(session: PipelineSession, edits: readonly StageEdit[]): StageEditPlan {
  const table = session.deals.table;
  const grid = session.dealsSheet.grid;
  const texts = cellTexts(session.language);
  const col = table.columns;
  const cell = (i: number, c: number | undefined): Cell => (c === undefined ? '' : (grid[i]?.[c] ?? ''));
  const ids = dealIds(
    table.dataRows.map((i) => cell(i, col.dealId)),
    session.store,
  );
  const plan: StageEditPlan = { changes: [], newIds: new Map(), problems: new Map(), ids };

  for (const edit of edits) {
    const i = edit.gridRow;
    if (i <= table.headerIndex || i >= grid.length) continue;
    const name = textOf(cell(i, col.stage));
    if (name === '' || isTotalsRow(grid[i] ?? [])) continue;
    const stages = stagesOfRow(session, i);
    const to = stages.find(name);
    if (!to) {
      const problem = session.deals.problems.find(
        (p) => p.row === i + 1 && p.column === table.headers[col.stage as number],
      );
      if (problem) plan.problems.set(i + 1, texts.problem(problem));
      continue;
    }
    let dealId = textOf(cell(i, col.dealId));
    const stays = dealId === '' ? undefined : session.history().get(dealId);
    const last = stays ? stays[stays.length - 1] : undefined;
    // A history with an unreadable row may hide the latest one: the cell's old value says more then.
    const old = textOf(edit.oldValue ?? '');
    const trustHistory = last !== undefined && !(old !== '' && session.unreadableHistory().has(dealId));
    const previous = trustHistory ? last.to.name : old;
    if (previous !== '' && sameStage(previous, to.name)) continue;
    if (dealId === '' && col.dealId !== undefined) {
      dealId = ids.take();
      plan.newIds.set(i + 1, dealId);
    }
    const fromStage = stages.find(previous);
    const typedDay: DayNumber = edit.when ? session.zone.day(edit.when.getTime()) : session.today;
    // A new deal whose row already says when it entered (pasted in whole) keeps that date;
    // a stage that changed from another one entered it the day it was typed.
    const given = last || previous !== '' ? undefined : parseDate(cell(i, col.stageEntered), session.ctx);
    const keeps = given?.ok === true && given.value !== null;
    plan.changes.push({
      gridRow: i,
      dealId,
      owner: textOf(cell(i, col.owner)),
      from: fromStage ? fromStage.name : previous,
      to,
      by: edit.by,
      note: edit.note ?? '',
      ...(edit.when ? { when: edit.when } : {}),
      enteredDay: keeps ? Math.floor((given.value as number) / DAY_MS) : typedDay,
      writeEntered: !keeps,
    });
  }
  return plan;
}
