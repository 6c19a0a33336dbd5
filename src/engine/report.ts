import { assessDeals } from './assess';
import { type Grid, isBlankCell } from './cells';
import { type ConversionRow, stageConversion } from './conversion';
import type { DateContext } from './dates';
import { type Deal, type DealsRead, readDeals } from './deals';
import { type ForecastRow, forecastByMonth } from './forecast';
import type { HealthFindings } from './health';
import { changesByDeal, readHistory } from './history';
import type { Problem, TableName } from './problems';
import { problemAt } from './row-problems';
import type { DealField } from './schema';
import { type Pipeline, readPipeline } from './stages';
import type { Language, Table } from './table';
import { type PlannedTask, readTasks } from './tasks';
import type { DayNumber, Zone } from './zone';

/** The four tables as grids, header row first. Stage history and Tasks may be absent. */
export interface WorkbookGrids {
  readonly stages: Grid;
  readonly deals: Grid;
  /** Absent: no conversion (an empty table) and nothing inferred from history. */
  readonly history?: Grid | null;
  readonly tasks?: Grid | null;
}

export interface CheckOptions {
  readonly zone: Zone;
  /** The day the check runs, in the spreadsheet's zone. */
  readonly today: DayNumber;
  readonly dayFirst?: boolean;
  /** Language of what gets written; by default the Deals headers'. */
  readonly language?: Language;
  /** The column map (SPEC §1): per table, field → the header the user chose; it wins over aliases. */
  readonly map?: Readonly<Partial<Record<TableName, Readonly<Partial<Record<string, string>>>>>>;
  /**
   * A reason to leave a deal out that the tables do not show, or `null` (the
   * CLI: a deal in a stage it built from the deals without a win probability).
   * The deal is listed as a problem at its Stage and left out of every figure.
   */
  readonly refuse?: (deal: Deal) => string | null;
}

/** Everything the report shows, decided before anything is printed. */
export interface PipelineReport {
  readonly pipeline: Pipeline;
  readonly dealsTable: Table<DealField>;
  readonly deals: readonly Deal[];
  readonly language: Language;
  readonly forecast: readonly ForecastRow[];
  readonly conversion: readonly ConversionRow[];
  readonly findings: HealthFindings;
  /** Tasks not yet in the Tasks sheet (by key). */
  readonly tasks: readonly PlannedTask[];
  readonly problems: readonly Problem[];
  /** The Health text of every Deals data row, by sheet row; blank when healthy. */
  readonly health: ReadonlyMap<number, string>;
}

/**
 * Reads the whole workbook once and decides everything the CLI report shows:
 * the forecast, the conversion, and what a daily check would flag and add
 * (the same assessment the add-on's daily check writes). Pure: the caller prints it.
 */
export function buildReport(grids: WorkbookGrids, options: CheckOptions): PipelineReport {
  const ctx: DateContext = { zone: options.zone, dayFirst: options.dayFirst ?? false };
  const map = (table: TableName) => ({ map: options.map?.[table] ?? {} });
  const pipeline = readPipeline(grids.stages, map('Stages'));
  const dealsRead = accepted(
    readDeals(grids.deals, pipeline, ctx, { require: ['expectedClose'], ...map('Deals') }),
    options.refuse,
  );
  const historyRead = grids.history ? readHistory(grids.history, pipeline, ctx, map('Stage history')) : null;
  const tasksRead = grids.tasks ? readTasks(grids.tasks, ctx, map('Tasks')) : null;
  const language = options.language ?? dealsRead.table.language;
  const { findings, tasks, health } = assessDeals({
    deals: dealsRead,
    historyByDeal: changesByDeal(historyRead?.changes ?? []),
    taskKeys: tasksRead?.keys ?? new Set(),
    today: options.today,
    language,
  });

  return {
    pipeline,
    dealsTable: dealsRead.table,
    deals: dealsRead.deals,
    language,
    forecast: forecastByMonth(dealsRead.deals),
    conversion: historyRead ? stageConversion(historyRead.changes, pipeline) : [],
    findings,
    tasks,
    problems: [
      ...pipeline.problems,
      ...dealsRead.problems,
      ...(historyRead?.problems ?? []),
      ...(tasksRead?.problems ?? []),
    ],
    health,
  };
}

/**
 * The deals that count, and a problem for each that does not (SPEC §2): an
 * open deal with a blank Amount would add nothing, visibly; a deal the
 * caller refuses. Problems stay in row order.
 */
function accepted(read: DealsRead, refuse: CheckOptions['refuse']): DealsRead {
  const { table } = read;
  const amount = table.columns.amount as number;
  const problems: Problem[] = [];
  const deals = read.deals.filter((deal) => {
    const i = deal.row - table.firstRow;
    const cell = deal.cells[amount];
    if (deal.stage.outcome === 'open' && isBlankCell(cell)) {
      problems.push(problemAt(table, i, 'amount', cell, 'is blank; an open deal needs an Amount to count'));
      return false;
    }
    const why = refuse?.(deal) ?? null;
    if (why !== null)
      problems.push(problemAt(table, i, 'stage', deal.cells[table.columns.stage as number], why));
    return why === null;
  });
  if (problems.length === 0) return read;
  const all = [...read.problems, ...problems].sort((a, b) => a.row - b.row);
  return { table, deals, problems: all };
}
