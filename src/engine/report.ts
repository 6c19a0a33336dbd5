import { assessDeals } from './assess';
import type { Grid } from './cells';
import { type ConversionRow, stageConversion } from './conversion';
import type { DateContext } from './dates';
import { type Deal, readDeals } from './deals';
import { type ForecastRow, forecastByMonth } from './forecast';
import type { HealthFindings } from './health';
import { changesByDeal, readHistory } from './history';
import type { Problem } from './problems';
import type { DealField } from './schema';
import { type Pipeline, readPipeline } from './stages';
import type { Language, Table } from './table';
import { type PlannedTask, readTasks } from './tasks';
import type { DayNumber, Zone } from './zone';

/** The four tables as grids, header row first. Tasks may be absent. */
export interface WorkbookGrids {
  readonly stages: Grid;
  readonly deals: Grid;
  readonly history: Grid;
  readonly tasks?: Grid | null;
}

export interface CheckOptions {
  readonly zone: Zone;
  /** The day the check runs, in the spreadsheet's zone. */
  readonly today: DayNumber;
  readonly dayFirst?: boolean;
  /** Language of what gets written; by default the Deals headers'. */
  readonly language?: Language;
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
  const pipeline = readPipeline(grids.stages);
  const dealsRead = readDeals(grids.deals, pipeline, ctx, { require: ['expectedClose'] });
  const historyRead = readHistory(grids.history, pipeline, ctx);
  const tasksRead = grids.tasks ? readTasks(grids.tasks, ctx) : null;
  const language = options.language ?? dealsRead.table.language;
  const { findings, tasks, health } = assessDeals({
    deals: dealsRead,
    historyByDeal: changesByDeal(historyRead.changes),
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
    conversion: stageConversion(historyRead.changes, pipeline),
    findings,
    tasks,
    problems: [
      ...pipeline.problems,
      ...dealsRead.problems,
      ...historyRead.problems,
      ...(tasksRead?.problems ?? []),
    ],
    health,
  };
}
