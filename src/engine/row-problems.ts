import { type Cell, cellText } from './cells';
import { type Problem, shortText } from './problems';
import { headerOf, sheetRow, type Table } from './table';

/**
 * A problem at grid row `i`, column `field` of `table`, worded for the user.
 * The value is shortened (`shortText`): a 50,000-character cell is named by
 * its first 100 characters and its length, never repeated whole.
 */
export function problemAt<F extends string>(
  table: Table<F>,
  i: number,
  field: F,
  cell: Cell,
  message: string,
): Problem {
  const column = shortText(headerOf(table, field));
  return {
    table: table.schema.name,
    row: sheetRow(table, i),
    column,
    value: shortText(cellText(cell)),
    message: `${column} ${message}`,
  };
}
