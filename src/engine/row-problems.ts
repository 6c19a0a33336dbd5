import { type Cell, cellText } from './cells';
import type { Problem } from './problems';
import { headerOf, sheetRow, type Table } from './table';

/** A problem at grid row `i`, column `field` of `table`, worded for the user. */
export function problemAt<F extends string>(
  table: Table<F>,
  i: number,
  field: F,
  cell: Cell,
  message: string,
): Problem {
  const column = headerOf(table, field);
  return {
    table: table.schema.name,
    row: sheetRow(table, i),
    column,
    value: cellText(cell),
    message: `${column} ${message}`,
  };
}
