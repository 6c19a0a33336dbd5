import type { Cell } from '../engine/cells';
import { planStageChange } from '../engine/moves';
import type { Stage } from '../engine/stages';
import { newTasks, type PlannedTask } from '../engine/tasks';
import { textOf } from '../engine/values';
import { DAY_MS, type DayNumber } from '../engine/zone';
import { historyRow } from './history-rows';
import type { PipelineSession } from './pipeline-session';
import { appendRows } from './sheets-io';
import { appendTasks } from './task-rows';

/** One deal entering a stage, from the panel or from a typed edit. */
export interface StageChangeRequest {
  /** Index into the Deals grid (0 = header row). */
  readonly gridRow: number;
  readonly dealId: string;
  readonly owner: string;
  readonly from: string;
  readonly to: Stage;
  readonly by: string;
  readonly note: string;
  /**
   * The day the deal entered, when the row already says so and it is new to
   * the history (a pasted row with its own Stage entered): kept, not replaced by today.
   */
  readonly enteredDay?: DayNumber;
}

/**
 * Writes stage changes: Stage entered (today) for each row, one Stage history
 * row each, and the new stages' entry and exit-criteria tasks, never one
 * whose key already exists. History and tasks are one append call each.
 */
export function applyStageChanges(
  session: PipelineSession,
  changes: readonly StageChangeRequest[],
): { tasks: PlannedTask[] } {
  if (changes.length === 0) return { tasks: [] };
  const { zone, today, now } = session;
  const enteredDate = new Date(zone.instant(today * DAY_MS));
  const dealsTable = session.deals.table;

  // The old Health spoke of the old stay (stale, overdue in that stage); the next check writes the new one.
  const health = dealsTable.columns.health;
  if (health !== undefined) {
    const flagged = changes.filter((c) => textOf(session.dealsSheet.grid[c.gridRow]?.[health] ?? '') !== '');
    if (flagged.length > 0)
      writeCells(session.dealsSheet.sheet, health + 1, new Map(flagged.map((c) => [c.gridRow, ''])));
  }

  const entered = dealsTable.columns.stageEntered;
  const dated = changes.filter((c) => c.enteredDay === undefined);
  if (entered !== undefined && dated.length > 0) {
    writeCells(session.dealsSheet.sheet, entered + 1, new Map(dated.map((c) => [c.gridRow, enteredDate])));
  }

  const rows: Cell[][] = [];
  let firstColumn = 1;
  const planned: PlannedTask[] = [];
  for (const c of changes) {
    const plan = planStageChange(
      { id: c.dealId, owner: c.owner },
      c.from,
      c.to,
      c.enteredDay ?? today,
      c.by,
      c.note,
    );
    const laid = historyRow(session.historyTable, { when: now, ...plan.history });
    firstColumn = laid.firstColumn;
    rows.push(laid.row);
    planned.push(...plan.tasks);
  }
  appendRows(session.historySheet.sheet, firstColumn, rows, session.historySheet.grid.length);

  const tasks = newTasks(planned, session.tasks.keys);
  appendTasks(session.tasksSheet.sheet, session.tasksSheet.grid, tasks, session);
  session.store.save();
  return { tasks };
}

/**
 * Writes cells of one column by grid row, one `setValues` per run of
 * consecutive rows, so cells between two changed rows are never touched.
 */
export function writeCells(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  column: number,
  cells: ReadonlyMap<number, Cell>,
): void {
  const rows = [...cells.keys()].sort((a, b) => a - b);
  let start = 0;
  while (start < rows.length) {
    let end = start;
    while (end + 1 < rows.length && (rows[end + 1] as number) === (rows[end] as number) + 1) end++;
    const values = rows.slice(start, end + 1).map((r) => [cells.get(r) as Cell]);
    sheet.getRange((rows[start] as number) + 1, column, values.length, 1).setValues(values);
    start = end + 1;
  }
}
