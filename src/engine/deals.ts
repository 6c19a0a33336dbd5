import type { Cell, Grid } from './cells';
import { type DateContext, isSheetsInstant, parseDate } from './dates';
import type { Problem } from './problems';
import { problemAt } from './row-problems';
import { DEALS, type DealField } from './schema';
import type { Pipeline, Stage } from './stages';
import { cellOf, type ReadOptions, readTable, sheetRow, type Table } from './table';
import { MAX_AMOUNT, parseAmount, textOf } from './values';
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
  // Decided once, not per row: this loop runs for every row of a 500,000-row sheet.
  const wants = (f: DealField) => !options.only || options.only.includes(f);
  const want = {
    id: wants('id'),
    name: wants('name'),
    company: wants('company'),
    owner: wants('owner'),
    amount: wants('amount'),
    stageEntered: wants('stageEntered'),
    expectedClose: wants('expectedClose'),
    health: wants('health'),
  };
  const col = table.columns;
  const stageColumn = col.stage as number;
  const amountColumn = col.amount as number;
  const closeColumn = col.expectedClose;
  const deals: Deal[] = [];
  const problems: Problem[] = [];
  const idRows = new Map<string, number>();
  const text = (row: readonly Cell[], c: number | undefined) => (c === undefined ? '' : textOf(row[c] ?? ''));
  // One problem reporter for the whole loop (a closure per row would allocate half a million of them).
  let gridRow = 0;
  const bad = (field: DealField, message: string) => {
    problems.push(problemAt(table, gridRow, field, cellOf(table, gridRow, field), message));
  };

  for (const i of table.dataRows) {
    const row = grid[i] as readonly Cell[];
    const before = problems.length;
    gridRow = i;

    const stageCell = row[stageColumn];
    // Most cells hold the stage exactly as Stages spells it: look that up before trimming.
    let stage = typeof stageCell === 'string' ? pipeline.find(stageCell) : undefined;
    if (!stage) {
      const stageName = textOf(stageCell ?? '');
      if (stageName === '') continue;
      stage = pipeline.find(stageName);
      if (!stage) {
        const brokenRow = pipeline.brokenRow(stageName);
        bad(
          'stage',
          brokenRow
            ? `names a stage whose Stages row ${brokenRow} has a problem`
            : 'is not a stage in Stages',
        );
      }
    }

    const id = want.id ? text(row, col.id) : '';
    if (id !== '') {
      const first = idRows.get(id);
      if (first !== undefined) bad('id', `is also the Deal ID of row ${first}; Deal IDs must be unique`);
      else idRows.set(id, sheetRow(table, i));
    }

    let amount = 0;
    if (want.amount) {
      const cell = row[amountColumn];
      if (typeof cell === 'number' && cell >= 0 && cell <= MAX_AMOUNT) amount = cell;
      else {
        const parsed = parseAmount(cell ?? '');
        if (parsed.ok) amount = parsed.value;
        else bad('amount', parsed.message);
      }
    }
    const stageEntered = want.stageEntered ? readDate(table, i, 'stageEntered', ctx, bad) : null;
    let expectedClose: DayNumber | null = null;
    if (want.expectedClose && closeColumn !== undefined) {
      const cell = row[closeColumn];
      // A Date made in this realm is the common case; other realms and text take the full path.
      const local =
        cell instanceof Date && isSheetsInstant(cell.getTime())
          ? ctx.zone.local(cell.getTime())
          : readDate(table, i, 'expectedClose', ctx, bad);
      expectedClose = local === null ? null : Math.floor(local / DAY_MS);
    }

    if (problems.length > before || !stage) continue;
    deals.push({
      row: sheetRow(table, i),
      id,
      name: want.name ? text(row, col.name) : '',
      company: want.company ? text(row, col.company) : '',
      owner: want.owner ? text(row, col.owner) : '',
      amount,
      stage,
      stageEntered,
      expectedClose,
      health: want.health ? text(row, col.health) : '',
      cells: row,
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
