import type { Cell } from '../engine/cells';
import type { TaskField } from '../engine/schema';
import type { Table } from '../engine/table';
import type { PlannedTask } from '../engine/tasks';
import { DAY_MS, type Zone } from '../engine/zone';
import type { IdSequence } from './ids';

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
    put('done', false);
    put('required', t.required);
    put('stage', t.stage);
    put('source', t.source);
    put('key', t.key);
    put('created', now);
    return row;
  });
  return { firstColumn: first + 1, rows };
}
