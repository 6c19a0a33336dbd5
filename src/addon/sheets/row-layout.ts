import type { Cell } from '../../engine/cells';
import type { HistoryField } from '../../engine/schema';
import type { Table } from '../../engine/table';

/** A Stage history row laid out by that sheet's header positions. */
export function historyRow(
  table: Table<HistoryField>,
  change: { when: Date; dealId: string; from: string; to: string; by: string; note: string },
): { firstColumn: number; row: Cell[] } {
  const positions = Object.values(table.columns) as number[];
  const first = Math.min(...positions);
  const last = Math.max(...positions);
  const row: Cell[] = new Array(last - first + 1).fill('');
  const put = (field: HistoryField, value: Cell) => {
    const c = table.columns[field];
    if (c !== undefined) row[c - first] = value;
  };
  put('when', change.when);
  put('dealId', change.dealId);
  put('from', change.from);
  put('to', change.to);
  put('by', change.by);
  put('note', change.note);
  return { firstColumn: first + 1, row };
}
