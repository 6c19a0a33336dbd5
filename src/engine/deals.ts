import type { Cell, Grid } from './cells';
import { type DateContext, parseDate } from './dates';
import type { Problem } from './problems';
import { problemAt } from './row-problems';
import { DEALS, type DealField } from './schema';
import type { Pipeline, Stage } from './stages';
import { cellOf, type ReadOptions, readTable, sheetRow, type Table } from './table';
import { parseAmount, textOf } from './values';
import { DAY_MS, type DayNumber, type LocalTime } from './zone';

export interface Deal {
  /** Row in the Deals sheet. */
  readonly row: number;
  readonly id: string;
  readonly name: string;
  readonly company: string;
  readonly owner: string;
  readonly amount: number;
  readonly stage: Stage;
  readonly stageEntered: LocalTime | null;
  readonly expectedClose: DayNumber | null;
  readonly health: string;
  /** The row as read, for Required fields that name any column. */
  readonly cells: readonly Cell[];
}

export interface DealsRead {
  readonly table: Table<DealField>;
  readonly deals: readonly Deal[];
  readonly problems: readonly Problem[];
}

export interface DealReadOptions extends ReadOptions {
  /**
   * Parse only these fields (and always Stage). A custom function that needs
   * three columns of half a million rows should not parse the other seventeen,
   * nor fail on a bad value in a column it does not use.
   */
  only?: readonly DealField[];
}

/**
 * Reads the Deals table. A row with a blank Stage is not in the pipeline yet
 * and is skipped; a row with any unreadable value is left out and listed.
 */
export function readDeals(
  grid: Grid,
  pipeline: Pipeline,
  ctx: DateContext,
  options: DealReadOptions = {},
): DealsRead {
  const table = readTable(grid, DEALS, options);
  const wants = (f: DealField) => !options.only || options.only.includes(f);
  const deals: Deal[] = [];
  const problems: Problem[] = [];
  const idRows = new Map<string, number>();

  for (const i of table.dataRows) {
    const rowProblems: Problem[] = [];
    const bad = (field: DealField, message: string) =>
      rowProblems.push(problemAt(table, i, field, cellOf(table, i, field), message));

    const stageName = textOf(cellOf(table, i, 'stage'));
    if (stageName === '') continue;
    const stage = pipeline.find(stageName);
    if (!stage) {
      const brokenRow = pipeline.brokenRow(stageName);
      bad(
        'stage',
        brokenRow ? `names a stage whose Stages row ${brokenRow} has a problem` : 'is not a stage in Stages',
      );
    }

    const id = wants('id') ? textOf(cellOf(table, i, 'id')) : '';
    if (id !== '') {
      const first = idRows.get(id);
      if (first !== undefined) bad('id', `is also the Deal ID of row ${first}; Deal IDs must be unique`);
      else idRows.set(id, sheetRow(table, i));
    }

    let amount = 0;
    if (wants('amount')) {
      const parsed = parseAmount(cellOf(table, i, 'amount'));
      if (parsed.ok) amount = parsed.value;
      else bad('amount', parsed.message);
    }
    const stageEntered = wants('stageEntered') ? readDate(table, i, 'stageEntered', ctx, bad) : null;
    const closeTime = wants('expectedClose') ? readDate(table, i, 'expectedClose', ctx, bad) : null;

    if (rowProblems.length > 0 || !stage) {
      problems.push(...rowProblems);
      continue;
    }
    deals.push({
      row: sheetRow(table, i),
      id,
      name: wants('name') ? textOf(cellOf(table, i, 'name')) : '',
      company: wants('company') ? textOf(cellOf(table, i, 'company')) : '',
      owner: wants('owner') ? textOf(cellOf(table, i, 'owner')) : '',
      amount,
      stage,
      stageEntered,
      expectedClose: closeTime === null ? null : Math.floor(closeTime / DAY_MS),
      health: wants('health') ? textOf(cellOf(table, i, 'health')) : '',
      cells: table.grid[i] ?? [],
    });
  }
  return { table, deals, problems };
}

function readDate(
  table: Table<DealField>,
  i: number,
  field: DealField,
  ctx: DateContext,
  bad: (field: DealField, message: string) => void,
): LocalTime | null {
  const parsed = parseDate(cellOf(table, i, field), ctx);
  if (parsed.ok) return parsed.value;
  bad(field, parsed.message);
  return null;
}
