import type { Cell } from '../../engine/cells';
import type { Table } from '../../engine/table';

/** How rows of one sheet are laid out: by its own header positions, over the span of the known columns. */
export interface RowLayout<F extends string> {
  /** 1-based column of the span's first cell. */
  readonly firstColumn: number;
  /** A row of the span: each field's value at its column, blank in the team's own columns between. */
  row(values: Partial<Record<F, Cell>>): Cell[];
}

/**
 * The layout of appended rows: from the first to the last column the add-on
 * knows, so a team's own columns left or right of them are never written,
 * and the ones between stay blank on new rows.
 *
 * @example
 * // headers: Deal ID | Notes | Task → firstColumn 1, row({ dealId: 'D-1', task: 'Call' }) → ['D-1', '', 'Call']
 */
export function rowLayout<F extends string>(table: Table<F>): RowLayout<F> {
  const positions = Object.values(table.columns) as number[];
  let first = Number.POSITIVE_INFINITY;
  let last = -1;
  for (const p of positions) {
    first = Math.min(first, p);
    last = Math.max(last, p);
  }
  return {
    firstColumn: first + 1,
    row(values) {
      const row: Cell[] = new Array(last - first + 1).fill('');
      for (const [field, value] of Object.entries(values) as [F, Cell][]) {
        const c = table.columns[field];
        if (c !== undefined) row[c - first] = value;
      }
      return row;
    },
  };
}
