import type { Cell } from '../../engine/cells';
import { TASKS } from '../../engine/schema';
import { readTable } from '../../engine/table';
import type { PlannedTask } from '../../engine/tasks';
import { DAY_MS, type Zone } from '../../engine/zone';
import { taskIds } from '../sheets/ids';
import { rowLayout } from '../sheets/row-layout';
import { appendRows } from '../sheets/sheets-io';
import type { DocumentStore } from '../storage/document-store';

/**
 * Appends planned tasks to the Tasks sheet in one write, laid out by that
 * sheet's own header positions, with new Task IDs (never reused: the
 * high-water mark is kept in `store`, which the caller saves). `grid` is the
 * Tasks sheet as read at the start of the action; `done` ticks them at once
 * (a criterion ticked in the panel before it had a task).
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
      done,
      required: t.required,
      stage: t.stage,
      source: t.source,
      key: t.key,
      created: context.now,
    }),
  );
  appendRows(sheet, layout.firstColumn, rows);
  ids.remember();
  return rows.length;
}
