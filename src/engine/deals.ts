import { type Cell, type Grid, isBlankCell } from './cells';
import { currencyCell, currencyIn } from './currencies';
import { type DateContext, isSheetsInstant, parseDate } from './dates';
import { type DecimalMark, decimalMarkOf } from './number-format';
import { isPercentColumn, readProbability } from './probabilities';
import type { Problem } from './problems';
import { problemAt } from './row-problems';
import { DEALS, type DealField, statusOutcome } from './schema';
import type { Outcome, Pipeline, Stage } from './stages';
import { cellOf, type ReadOptions, readTable, sheetRow, type Table } from './table';
import { MAX_AMOUNT, parseAmount, stageKey, textOf } from './values';
import { DAY_MS, type DayNumber, type LocalTime } from './zone';

export interface Deal {
  /** Row in the Deals sheet. */
  readonly row: number;
  readonly id: string;
  readonly name: string;
  readonly company: string;
  readonly owner: string;
  readonly amount: number;
  /** The Amount's currency: its Currency cell, a sign or code in the Amount, the Amount header's unit; `null` when none says. */
  readonly currency: string | null;
  readonly stage: Stage;
  /** Won or lost when its Status says so, whatever the stage (SPEC §1); else its stage's outcome. */
  readonly outcome: Outcome;
  /** Its own Probability cell (SPEC §2's column rule), `null` when blank. */
  readonly ownProbability: number | null;
  /**
   * What the forecast weighs it by (SPEC §3): a deal won by Status 1, lost 0;
   * in a won stage the stage's (normally 1), lost 0; an open deal its own
   * Probability when filled, else its stage's.
   */
  readonly probability: number;
  /** The pipeline it is in: Stages' spelling, or its Pipeline cell as written; blank is the first. `''` when none is named anywhere. */
  readonly pipeline: string;
  readonly stageEntered: LocalTime | null;
  readonly expectedClose: DayNumber | null;
  /** Where the stages' entry emails go (Contact email); `''` when none. */
  readonly contactEmail: string;
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
 * One Deals row read for showing it whatever its values (the deal panel, SPEC
 * §4: a bad cell names itself and hides nothing else): `null` only for a
 * blank Stage. Its problems are those readDeals lists for the row.
 */
export function readDealKeepingBadValues(
  grid: Grid,
  pipeline: Pipeline,
  ctx: DateContext,
  gridRow: number,
  options: DealReadOptions = {},
): Deal | null {
  const table = readTable(grid, DEALS, options);
  return new DealRowReader(table, pipeline, ctx, options.only).read(gridRow, true);
}

/** A stage Stages does not have, as a kept row names it: no criteria, no threshold, in no position. */
export function unknownStage(name: string): Stage {
  return {
    name,
    key: '',
    pipeline: '',
    index: -1,
    openIndex: -1,
    probability: 0,
    staleAfter: null,
    outcome: 'open',
    exitCriteria: [],
    entryTasks: [],
    requiredFields: [],
    entryEmail: null,
    row: 0,
  };
}

/** Whether a stage is one of Stages' (not unknownStage's stand-in). */
export function isKnownStage(stage: Stage): boolean {
  return stage.row > 0;
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
  const deals: Deal[] = [];
  const { table, problems } = visitDeals(grid, pipeline, ctx, options, (deal) => {
    deals.push(deal);
  });
  return { table, deals, problems };
}

/**
 * Reads the Deals table as readDeals does, handing each deal to `visit` as
 * it is read and keeping none. A forecast over 500,000 rows then never holds
 * 500,000 deals at once: keeping them cost more in garbage collection than
 * reading them did.
 */
export function visitDeals(
  grid: Grid,
  pipeline: Pipeline,
  ctx: DateContext,
  options: DealReadOptions,
  visit: (deal: Deal) => void,
): Omit<DealsRead, 'deals'> {
  const table = readTable(grid, DEALS, options);
  const reader = new DealRowReader(table, pipeline, ctx, options.only);
  for (const i of table.dataRows) {
    const deal = reader.read(i);
    if (deal) visit(deal);
  }
  return { table, problems: reader.problems };
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
  /** The currency the Amount header or a title row states (`Deal Value ($)`), for amounts that name none. */
  private readonly columnCurrency: string | null;
  /** The Probability column writes percents as plain numbers (`20`, `1` = 1%). */
  private readonly percents: boolean;
  /** The Amount column's decimal mark, settled by its own values and the locale (SPEC §2); `null` = still ambiguous, `undefined` = not needed yet. */
  private decimal: DecimalMark | null | undefined;
  private readonly decimalOfColumn: () => DecimalMark | null;
  /** Expected close is read so that a month alone (`2023-11`) is its last day: it buckets there and is overdue after. */
  private readonly closeCtx: DateContext;
  /** The pipeline a deal with a blank Pipeline is in (SPEC §1: the first). */
  private readonly firstPipeline: string;
  /** Currency cells read so far: a column holds a handful of distinct codes, and this runs per row. */
  private readonly currencyCells = new Map<Cell, string | null | undefined>();
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
    this.columnCurrency = table.units.amount?.currency ?? table.titleUnit?.currency ?? null;
    // A column's cells, read once here for the rules that depend on the whole column; nothing when it is absent.
    const column = (field: DealField): Cell[] => {
      const c = table.columns[field];
      return c === undefined ? [] : table.dataRows.map((i) => table.grid[i]?.[c] ?? '');
    };
    this.percents = this.want.probability && isPercentColumn(column('probability'));
    // Settled on the first Amount that is text: a column of numbers (most sheets) never needs it.
    this.decimalOfColumn = () => decimalMarkOf(column('amount'), ctx.locale);
    this.closeCtx = { ...ctx, monthOnly: 'end' };
    this.firstPipeline =
      pipeline.names[0] ??
      (this.want.pipeline
        ? (column('pipeline')
            .map((c) => textOf(c))
            .find((t) => t !== '') ?? '')
        : '');
  }

  /**
   * The deal on grid row `i`, or `null` when its Stage is blank or a value
   * cannot be read (listed). With `keep`, a row with unreadable values is
   * still returned (each bad value at its empty reading, an unknown stage as
   * unknownStage), for showing it with the bad values named.
   */
  read(i: number, keep = false): Deal | null {
    const row = this.table.grid[i] as readonly Cell[];
    this.gridRow = i;
    const before = this.problems.length;
    const pipeline = this.pipelineOf(row);
    const found = pipeline === undefined ? undefined : this.stage(row, pipeline);
    if (found === null) return null;
    const stage =
      found === undefined && keep
        ? unknownStage(textOf(row[this.table.columns.stage as number] ?? ''))
        : found;
    const id = this.want.dealId ? this.id(row) : '';
    const amount = this.want.amount ? this.amount(row) : 0;
    const currency = this.want.currency || this.want.amount ? this.currency(row) : null;
    const stageEntered = this.want.stageEntered ? this.date('stageEntered') : null;
    const close = this.want.expectedClose ? this.close(row) : null;
    const ownProbability = this.want.probability ? this.ownProbability(row) : null;
    const status = this.want.status ? this.status(row) : null;
    if (!keep && (this.problems.length > before || stage === undefined || pipeline === undefined))
      return null;
    if (stage === undefined) return null;
    const outcome = status === 'won' || status === 'lost' ? status : stage.outcome;
    const amountCell = row[this.table.columns.amount as number];
    if (
      !keep &&
      outcome === 'open' &&
      this.want.amount &&
      typeof amountCell !== 'number' &&
      isBlankCell(amountCell ?? '')
    ) {
      this.bad('amount', 'is blank; an open deal needs an Amount to count');
      return null;
    }
    return {
      row: sheetRow(this.table, i),
      id,
      name: this.text(row, 'deal'),
      company: this.text(row, 'company'),
      owner: this.text(row, 'owner'),
      amount,
      currency,
      stage,
      outcome,
      ownProbability,
      probability: effectiveProbability(outcome, stage, ownProbability),
      pipeline: stage.pipeline || (pipeline ?? ''),
      stageEntered,
      expectedClose: close,
      health: this.text(row, 'health'),
      contactEmail: this.text(row, 'contactEmail'),
      cells: row,
    };
  }

  /** The deal's pipeline as Stages spells it, or as written; `undefined` when Stages has no such pipeline (listed). */
  private pipelineOf(row: readonly Cell[]): string | undefined {
    const c = this.table.columns.pipeline;
    // No Pipeline column and one pipeline in Stages: every row is in it (most sheets).
    if ((c === undefined || !this.want.pipeline) && this.pipeline.names.length === 0)
      return this.firstPipeline;
    const written = c === undefined || !this.want.pipeline ? '' : textOf(row[c] ?? '').replace(/\s+/g, ' ');
    const name = written || this.firstPipeline;
    const names = this.pipeline.names;
    if (names.length === 0) return name;
    const known = names.find((n) => stageKey(n) === stageKey(name));
    if (known === undefined) {
      const shown = names.map((n) => `'${n}'`).join(', ');
      this.bad('pipeline', `is not a pipeline in Stages (pipelines: ${shown})`);
    }
    return known;
  }

  /** The row's stage in its pipeline; `null` for a blank Stage (not in the pipeline yet), `undefined` when unknown (listed). */
  private stage(row: readonly Cell[], pipelineName: string): Stage | null | undefined {
    const pipeline = this.pipeline.of(pipelineName) ?? this.pipeline;
    const cell = row[this.table.columns.stage as number];
    // Most cells hold the stage exactly as Stages spells it: look that up before trimming.
    const exact = typeof cell === 'string' ? pipeline.find(cell) : undefined;
    if (exact) return exact;
    const name = textOf(cell ?? '');
    if (name === '') return null;
    const stage = pipeline.find(name);
    if (stage) return stage;
    const brokenRow = pipeline.brokenRow(name);
    const elsewhere = pipeline !== this.pipeline ? this.pipeline.find(name) : undefined;
    this.bad(
      'stage',
      brokenRow
        ? `names a stage whose Stages row ${brokenRow} has a problem`
        : elsewhere
          ? `is a stage of pipeline '${elsewhere.pipeline}', not of the deal's pipeline '${pipelineName}'`
          : 'is not a stage in Stages',
    );
    return undefined;
  }

  /** Its own Probability, `null` when blank; unreadable is listed. */
  private ownProbability(row: readonly Cell[]): number | null {
    const c = this.table.columns.probability;
    if (c === undefined) return null;
    const read = readProbability(row[c] ?? '', this.percents);
    if (read.ok) return read.value;
    this.bad('probability', read.message);
    return null;
  }

  /** What its Status says, `null` when blank or no Status column (an accepted Status column holds only status words). */
  private status(row: readonly Cell[]): Outcome | null {
    const c = this.table.columns.status;
    return c === undefined ? null : statusOutcome(textOf(row[c] ?? ''));
  }

  /** Its Currency cell's code, else the sign or code in its Amount text, else the Amount header's. */
  private currency(row: readonly Cell[]): string | null {
    const c = this.table.columns.currency;
    if (c !== undefined && this.want.currency) {
      const cell = row[c] ?? '';
      let code = this.currencyCells.get(cell);
      if (code === undefined && !this.currencyCells.has(cell)) {
        code = currencyCell(cell);
        this.currencyCells.set(cell, code);
      }
      if (code === undefined) {
        this.bad('currency', 'is not a currency code such as KRW, USD or EUR');
        return null;
      }
      if (code !== null) return code;
    }
    const amount = this.table.columns.amount;
    const cell = amount === undefined ? '' : row[amount];
    const marked = typeof cell === 'string' ? currencyIn(cell) : null;
    return marked ?? this.columnCurrency;
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
    if (this.decimal === undefined) this.decimal = this.decimalOfColumn();
    const parsed = parseAmount(cell ?? '', { decimal: this.decimal });
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
        : this.date('expectedClose', this.closeCtx);
    return local === null ? null : Math.floor(local / DAY_MS);
  }

  private date(field: DealField, ctx: DateContext = this.ctx): LocalTime | null {
    const parsed = parseDate(cellOf(this.table, this.gridRow, field), ctx);
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

/** The probability a deal is weighed by (SPEC §3). */
function effectiveProbability(outcome: Outcome, stage: Stage, own: number | null): number {
  if (outcome === 'lost') return 0;
  if (outcome === 'won') return stage.outcome === 'won' ? stage.probability : 1;
  return own ?? stage.probability;
}

/** `value` × a power-of-ten unit by moving the decimal point, so 1.1 thousand is 1,100, not 1,100.0000000000002. */
function inUnit(value: number, unit: number): number {
  if (unit === 1) return value;
  const exponent = Math.log10(unit);
  const text = String(value);
  return Number.isInteger(exponent) && !text.includes('e') ? Number(`${text}e${exponent}`) : value * unit;
}
