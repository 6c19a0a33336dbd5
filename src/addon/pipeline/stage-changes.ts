import type { Cell } from '../../engine/cells';
import { planStageChange } from '../../engine/moves';
import type { Stage } from '../../engine/stages';
import { newTasks, type PlannedTask } from '../../engine/tasks';
import { textOf } from '../../engine/values';
import { DAY_MS, type DayNumber } from '../../engine/zone';
import { rowLayout } from '../sheets/row-layout';
import { appendRows, writeColumnCells } from '../sheets/sheets-io';
import { logSheets, type PipelineSession } from './session';
import { appendTasks } from './task-append';

/** One deal entering a stage: from the panel, a typed edit, or a change logged late. */
export interface StageChangeRequest {
  /** Index into the Deals grid (sheet row − 1). */
  readonly gridRow: number;
  readonly dealId: string;
  readonly owner: string;
  readonly from: string;
  readonly to: Stage;
  readonly by: string;
  readonly note: string;
  /** The history row's When; default the session's now. */
  readonly when?: Date;
  /** The first day of the new stay: task due dates and keys, and Stage entered. Default today. */
  readonly enteredDay?: DayNumber;
  /** Write Stage entered (default true). False when the row already says when it entered. */
  readonly writeEntered?: boolean;
  /** Write the Stage cell (a panel move); a typed edit already put it there. */
  readonly writeStage?: boolean;
  /** Create the new stage's entry and exit tasks (default true); a first-seen row creates none. */
  readonly withTasks?: boolean;
}

/**
 * Writes stage changes: Stage (for panel moves), Stage entered, a cleared
 * Health, one Stage history row each, and the new stages' entry and
 * exit-criteria tasks, never one whose key already exists. Everything is
 * planned before the first write, so a bad plan writes nothing; history and
 * tasks are one append call each.
 */
export function applyStageChanges(
  session: PipelineSession,
  changes: readonly StageChangeRequest[],
): { tasks: PlannedTask[] } {
  if (changes.length === 0) return { tasks: [] };
  const { zone, today, now } = session;
  const dealsTable = session.deals.table;

  const layout = rowLayout(session.historyTable);
  const rows: Cell[][] = [];
  const planned: PlannedTask[] = [];
  for (const c of changes) {
    const day = c.enteredDay ?? today;
    const plan = planStageChange({ id: c.dealId, owner: c.owner }, c.from, c.to, day, c.by, c.note);
    rows.push(layout.row({ when: c.when ?? now, ...plan.history }));
    if (c.withTasks !== false) for (const task of plan.tasks) planned.push(task);
  }
  const tasks = newTasks(planned, session.tasks.keys);

  const sheet = session.dealsSheet.sheet;
  const stageColumn = dealsTable.columns.stage as number;
  const moved = changes.filter((c) => c.writeStage);
  if (moved.length > 0)
    writeColumnCells(sheet, stageColumn + 1, new Map(moved.map((c) => [c.gridRow + 1, c.to.name])));

  // The old Health spoke of the old stay (stale, overdue in that stage); the next check writes the new one.
  const health = session.health.column;
  if (health !== null) {
    const flagged = changes.filter(
      (c) => c.withTasks !== false && textOf(session.dealsSheet.grid[c.gridRow]?.[health] ?? '') !== '',
    );
    const column = flagged.length > 0 ? session.healthColumnForWrite() : null;
    if (column !== null)
      writeColumnCells(sheet, column + 1, new Map(flagged.map((c) => [c.gridRow + 1, ''])));
  }

  const entered = dealsTable.columns.stageEntered;
  const dated = changes.filter((c) => c.writeEntered !== false);
  if (entered !== undefined && dated.length > 0) {
    const dateOf = (c: StageChangeRequest) => new Date(zone.instant((c.enteredDay ?? today) * DAY_MS));
    writeColumnCells(sheet, entered + 1, new Map(dated.map((c) => [c.gridRow + 1, dateOf(c)])));
  }

  const logs = logSheets(session);
  appendRows(logs.history.sheet, layout.firstColumn, rows);
  appendTasks(logs.tasks.sheet, logs.tasks.grid, tasks, session);
  session.store.save();
  return { tasks };
}
