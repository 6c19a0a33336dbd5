import type { Cell } from '../../engine/cells';
import { TASKS, type TaskField } from '../../engine/schema';
import { readTable, type Table } from '../../engine/table';
import type { PlannedTask } from '../../engine/tasks';
import { DAY_MS, type DayNumber, type Zone } from '../../engine/zone';
import { taskIds } from '../sheets/ids';
import { rowLayout } from '../sheets/row-layout';
import { appendRows, writeColumnCells } from '../sheets/sheets-io';
import type { DocumentStore } from '../storage/document-store';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/**
 * Appends planned tasks to the Tasks sheet in one write, laid out by that
 * sheet's own header positions, with new Task IDs (never reused: the
 * high-water mark is kept in `store`, which the caller saves). `grid` is the
 * Tasks sheet as read at the start of the action; `done` ticks them at once
 * (a criterion ticked in the panel before it had a task) unless a task says
 * otherwise (a criterion carried over from the deal's previous stay); a task
 * with `closed` is appended Closed that day.
 */
export function appendTasks(
  sheet: Sheet,
  grid: readonly (readonly Cell[])[],
  planned: readonly PlannedTask[],
  context: { zone: Zone; now: Date; store: DocumentStore },
  done = false,
): number {
  if (planned.length === 0 || grid.length === 0) return 0;
  const table = readTable(grid, TASKS);
  const idColumn = table.columns.taskId;
  const ids = taskIds(
    table.dataRows.map((i) => (idColumn === undefined ? '' : (grid[i]?.[idColumn] ?? ''))),
    context.store,
  );
  const layout = rowLayout(table);
  const dateOf = (day: number) => new Date(context.zone.instant(day * DAY_MS));
  const rows = planned.map((t) =>
    layout.row({
      taskId: ids.take(),
      dealId: t.dealId,
      task: t.task,
      due: dateOf(t.due),
      owner: t.owner,
      done: t.done ?? done,
      required: t.required,
      stage: t.stage,
      source: t.source,
      key: t.key,
      created: context.now,
      closed: t.closed === undefined ? '' : dateOf(t.closed),
    }),
  );
  appendRows(sheet, layout.firstColumn, rows);
  ids.remember();
  return rows.length;
}

/**
 * Writes Closed dates (SPEC §1): the Closed cells of `close`'s rows, as dates
 * of the spreadsheet's day, in one `setValues` from the first of them to the
 * last. Closed is the add-on's column, so the rows between are written back
 * as `grid` holds them (read under the same document lock): no other column
 * is touched and no other Closed cell changes. A Tasks sheet made before the
 * Closed column existed gets it now (`needed`, even with nothing to close:
 * an appended task is Closed), after the sheet's last column with its header
 * in the header's language, within that same write.
 *
 * @returns the grid to lay appended rows out by: `grid`, or with the new header
 */
export function writeClosed(
  sheet: Sheet,
  grid: readonly (readonly Cell[])[],
  table: Table<TaskField>,
  close: ReadonlyMap<number, DayNumber>,
  zone: Zone,
  needed = close.size > 0,
): readonly (readonly Cell[])[] {
  if (!needed || grid.length === 0) return grid;
  const cells = new Map<number, Cell>();
  for (const [row, day] of close) cells.set(row, new Date(zone.instant(day * DAY_MS)));
  const existing = table.columns.closed;
  if (existing !== undefined) {
    if (cells.size > 0)
      writeColumnCells(sheet, existing + 1, cells, (row) => grid[row - table.firstRow]?.[existing] ?? '');
    return grid;
  }
  // After the last column with content (the grid is as wide as that): nothing of a team's is under it.
  const column = grid[0]?.length ?? 0;
  const max = sheet.getMaxColumns();
  if (column + 1 > max) sheet.insertColumnsAfter(max, column + 1 - max);
  const header = TASKS.columns.closed[table.language];
  const headerIndex = table.headerIndex;
  cells.set(table.firstRow + headerIndex, header);
  writeColumnCells(sheet, column + 1, cells, () => '');
  const withHeader = (row: readonly Cell[]) =>
    Array.from({ length: column + 1 }, (_, c) => (c === column ? header : (row[c] ?? '')));
  return grid.map((row, i) => (i === headerIndex ? withHeader(row) : row));
}
