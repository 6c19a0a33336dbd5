import type { Cell } from '../../engine/cells';
import { parseDate } from '../../engine/dates';
import { planStageChange } from '../../engine/moves';
import type { Stage } from '../../engine/stages';
import { planTaskLifecycle, type StayChange } from '../../engine/task-lifecycle';
import type { PlannedTask } from '../../engine/tasks';
import { sameStage, textOf } from '../../engine/values';
import { DAY_MS, type DayNumber } from '../../engine/zone';
import { rowLayout } from '../sheets/row-layout';
import { appendRows, writeColumnCells } from '../sheets/sheets-io';
import { sendOnEntry } from './entry-emails';
import { logSheets, type PipelineSession } from './session';
import { appendTasks, writeClosed } from './task-append';

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
  /** The first day of the new stay: task due dates and keys, Stage entered, and the old stay's Closed. Default today. */
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
 * Health, one Stage history row each, the Closed date of every open task of
 * the stays left, and the new stays' entry and exit-criteria tasks (keys
 * never reused, criteria Done in the deal's previous stay there carried
 * over: planTaskLifecycle decides, from the Tasks grid the session holds).
 * Everything is planned before the first write, so a bad plan writes
 * nothing; history, Closed dates and tasks are one write call each.
 */
export function applyStageChanges(
  session: PipelineSession,
  changes: readonly StageChangeRequest[],
): { tasks: PlannedTask[] } {
  if (changes.length === 0) return { tasks: [] };
  const { zone, today, now } = session;
  const dealsTable = session.deals.table;

  const layout = rowLayout(session.historyTable);
  const rows: Cell[][] = changes.map((c) => {
    const plan = planStageChange({ id: c.dealId, owner: c.owner }, c.from, c.to, c.by, c.note);
    return layout.row({ when: c.when ?? now, ...plan.history });
  });
  const taskPlan = planTaskLifecycle(
    session.tasks.tasks,
    session.tasks.keys,
    changes.map((c) => stayChange(session, c)),
  );

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
  // Sent now when Settings say so (they are appended Done), else left for the panel's click.
  const tasks = sendOnEntry(session, taskPlan.add);
  const anyClosed = taskPlan.close.size > 0 || tasks.some((t) => t.closed !== undefined);
  const tasksGrid = session.tasksSheet
    ? writeClosed(logs.tasks.sheet, logs.tasks.grid, session.tasks.table, taskPlan.close, zone, anyClosed)
    : logs.tasks.grid;
  appendTasks(logs.tasks.sheet, tasksGrid, tasks, session);
  session.store.save();
  return { tasks };
}

/**
 * A change as the task plan needs it: the stay left began on the day the
 * row's Stage entered said before the move, and on the day of the deal's
 * latest history row into that stage (the two differ only when a person
 * edited one of them). Both come from the grids the session holds.
 */
function stayChange(session: PipelineSession, c: StageChangeRequest): StayChange {
  const day = c.enteredDay ?? session.today;
  const base = {
    dealId: c.dealId,
    owner: c.owner,
    from: c.from,
    to: c.to,
    day,
    withTasks: c.withTasks !== false,
  };
  if (c.from === '') return { ...base, fromEntered: [] };
  const days = new Set<DayNumber>();
  const column = session.deals.table.columns.stageEntered;
  if (column !== undefined) {
    const cell = parseDate(session.dealsSheet.grid[c.gridRow]?.[column] ?? '', session.ctx);
    if (cell.ok && cell.value !== null) days.add(Math.floor(cell.value / DAY_MS));
  }
  const history = c.dealId === '' ? undefined : session.history().get(c.dealId);
  for (let i = (history?.length ?? 0) - 1; i >= 0; i--) {
    const row = history?.[i];
    if (row && sameStage(row.to.name, c.from)) {
      days.add(Math.floor(row.when / DAY_MS));
      break;
    }
  }
  return { ...base, fromEntered: [...days] };
}
