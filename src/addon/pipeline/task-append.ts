import type { Cell } from '../../engine/cells';
import { TASKS, type TaskField } from '../../engine/schema';
import type { Table } from '../../engine/table';
import { readTable } from '../../engine/table';
import type { PlannedTask } from '../../engine/tasks';
import { DAY_MS, type Zone } from '../../engine/zone';
import type { DocumentStore } from '../storage/document-store';
import { IdSequence } from '../sheets/ids';
import { appendRows } from '../sheets/sheets-io';

/**
 * Lays planned tasks out as Tasks rows, by that sheet's own header positions.
 * Only the span from the first to the last known column is written; a user's
 * own columns inside it stay blank on these new rows.
 */
export function taskRows(
  table: Table<TaskField>,
  planned: readonly PlannedTask[],
  zone: Zone,
  now: Date,
  ids: IdSequence,
  done = false,
): { firstColumn: number; rows: Cell[][] } {
  const positions = Object.values(table.columns) as number[];
  const first = Math.min(...positions);
  const last = Math.max(...positions);
  const dateOf = (day: number) => new Date(zone.instant(day * DAY_MS));
  const rows = planned.map((t) => {
    const row: Cell[] = new Array(last - first + 1).fill('');
    const put = (field: TaskField, value: Cell) => {
      const c = table.columns[field];
      if (c !== undefined) row[c - first] = value;
    };
    put('taskId', ids.take());
    put('dealId', t.dealId);
    put('task', t.task);
    put('due', dateOf(t.due));
    put('owner', t.owner);
    put('done', done);
    put('required', t.required);
    put('stage', t.stage);
    put('source', t.source);
    put('key', t.key);
    put('created', now);
    return row;
  });
  return { firstColumn: first + 1, rows };
}

const TASK_ID_KEY = 'sheetsPipeline.lastTaskNumber';

/**
 * Appends planned tasks to the Tasks sheet in one write, with new Task IDs
 * (never reused: the high-water mark is kept in `store`, which the caller saves).
 * `grid` is the Tasks sheet as read at the start of the action.
 */
export function appendTasks(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  grid: readonly (readonly Cell[])[],
  planned: readonly PlannedTask[],
  context: { zone: Zone; now: Date; store: DocumentStore },
  done = false,
): number {
  if (planned.length === 0 || grid.length === 0) return 0;
  const table = readTable(grid, TASKS);
  const idColumn = table.columns.taskId;
  const ids = new IdSequence(
    'T-',
    TASK_ID_KEY,
    table.dataRows.map((i) => (idColumn === undefined ? '' : (grid[i]?.[idColumn] ?? ''))),
    context.store,
  );
  const { firstColumn, rows } = taskRows(table, planned, context.zone, context.now, ids, done);
  appendRows(sheet, firstColumn, rows);
  ids.remember();
  return rows.length;
}
