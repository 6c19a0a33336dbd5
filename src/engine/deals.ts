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
  const reader = new DealRowReader(table, pipeline, ctx, options.only);
  const deals: Deal[] = [];
  for (const i of table.dataRows) {
    const deal = reader.read(i);
    if (deal) deals.push(deal);
  }
  return { table, deals, problems: reader.problems };
}

/**
 * Reads one Deals row at a time, one small reader per field. Everything
 * that does not change from row to row (columns, which fields are wanted,
 * the problem list) is decided once: this runs for every row of a
 * 500,000-row sheet, so it allocates nothing per row but the deal itself.
 */
class DealRowReader {
  readonly problems: Problem[] = [];
  private readonly want: Readonly<Record<DealField, boolean>>;
  private readonly idRows = new Map<string, number>();
  /** The unit the Amount header or a title row states (`금액(천원)`, `(단위: 천원)`): every number is multiplied by it. */
  private readonly amountUnit: number;
  private gridRow = 0;

  constructor(
    private readonly table: Table<DealField>,
    private readonly pipeline: Pipeline,
    private readonly ctx: DateContext,
    only: readonly DealField[] | undefined,
  ) {
    const fields = Object.keys(table.schema.columns) as DealField[];
    this.want = Object.fromEntries(fields.map((f) => [f, !only || only.includes(f)])) as Record<
      DealField,
      boolean
    >;
    this.amountUnit = table.units.amount?.multiplier ?? table.titleUnit?.multiplier ?? 1;
  }

  /** The deal on grid row `i`, or `null` when its Stage is blank or a value cannot be read (listed). */
  read(i: number): Deal | null {
    const row = this.table.grid[i] as readonly Cell[];
    this.gridRow = i;
    const before = this.problems.length;
    const stage = this.stage(row);
    if (stage === null) return null;
    const id = this.want.dealId ? this.id(row) : '';
    const amount = this.want.amount ? this.amount(row) : 0;
    const stageEntered = this.want.stageEntered ? this.date('stageEntered') : null;
    const close = this.want.expectedClose ? this.close(row) : null;
    if (this.problems.length > before || stage === undefined) return null;
    return {
      row: sheetRow(this.table, i),
      id,
      name: this.text(row, 'deal'),
      company: this.text(row, 'company'),
      owner: this.text(row, 'owner'),
      amount,
      stage,
      stageEntered,
      expectedClose: close,
      health: this.text(row, 'health'),
      cells: row,
    };
  }

  /** The row's stage; `null` for a blank Stage (not in the pipeline yet), `undefined` when unknown (listed). */
  private stage(row: readonly Cell[]): Stage | null | undefined {
    const cell = row[this.table.columns.stage as number];
    // Most cells hold the stage exactly as Stages spells it: look that up before trimming.
    const exact = typeof cell === 'string' ? this.pipeline.find(cell) : undefined;
    if (exact) return exact;
    const name = textOf(cell ?? '');
    if (name === '') return null;
    const stage = this.pipeline.find(name);
    if (stage) return stage;
    const brokenRow = this.pipeline.brokenRow(name);
    this.bad(
      'stage',
      brokenRow ? `names a stage whose Stages row ${brokenRow} has a problem` : 'is not a stage in Stages',
    );
    return undefined;
  }

  private id(row: readonly Cell[]): string {
    const id = this.text(row, 'dealId');
    if (id === '') return id;
    const first = this.idRows.get(id);
    if (first !== undefined)
      this.bad('dealId', `is also the Deal ID of row ${first}; Deal IDs must be unique`);
    else this.idRows.set(id, sheetRow(this.table, this.gridRow));
    return id;
  }

  private amount(row: readonly Cell[]): number {
    const cell = row[this.table.columns.amount as number];
    const unit = this.amountUnit;
    if (typeof cell === 'number' && cell >= 0 && cell * unit <= MAX_AMOUNT) return inUnit(cell, unit);
    const parsed = parseAmount(cell ?? '');
    if (parsed.ok && parsed.value * unit <= MAX_AMOUNT) return inUnit(parsed.value, unit);
    this.bad('amount', parsed.ok ? 'is too large' : parsed.message);
    return 0;
  }

  private close(row: readonly Cell[]): DayNumber | null {
    const c = this.table.columns.expectedClose;
    if (c === undefined) return null;
    const cell = row[c];
    // A Date made in this realm is the common case; other realms and text take the full path.
    const local =
      cell instanceof Date && isSheetsInstant(cell.getTime())
        ? this.ctx.zone.local(cell.getTime())
        : this.date('expectedClose');
    return local === null ? null : Math.floor(local / DAY_MS);
  }

  private date(field: DealField): LocalTime | null {
    const parsed = parseDate(cellOf(this.table, this.gridRow, field), this.ctx);
    if (parsed.ok) return parsed.value;
    this.bad(field, parsed.message);
    return null;
  }

  private text(row: readonly Cell[], field: DealField): string {
    const c = this.table.columns[field];
    return c === undefined || !this.want[field] ? '' : textOf(row[c] ?? '');
  }

  private bad(field: DealField, message: string): void {
    this.problems.push(
      problemAt(this.table, this.gridRow, field, cellOf(this.table, this.gridRow, field), message),
    );
  }
}

/** `value` × a power-of-ten unit by moving the decimal point, so 1.1 thousand is 1,100, not 1,100.0000000000002. */
function inUnit(value: number, unit: number): number {
  if (unit === 1) return value;
  const exponent = Math.log10(unit);
  const text = String(value);
  return Number.isInteger(exponent) && !text.includes('e') ? Number(`${text}e${exponent}`) : value * unit;
}
