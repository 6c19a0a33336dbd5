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
import { type DayNumber, isoDate, type Zone } from './zone';

/**
 * The four tables as grids, header row first. Tasks may be absent. History
 * may be given as a function, read only when needed: a daily check needs it
 * only for deals whose Stage entered is blank.
 */
export interface WorkbookGrids {
  readonly stages: Grid;
  readonly deals: Grid;
  readonly history: Grid | (() => Grid);
  readonly tasks?: Grid | null;
}

export interface CheckOptions {
  readonly zone: Zone;
  /** The day the check runs, in the spreadsheet's zone. */
  readonly today: DayNumber;
  readonly dayFirst?: boolean;
  /** Language of what gets written; by default the Deals headers'. */
  readonly language?: Language;
  /**
   * The report's forecast and conversion tables (default true). A daily check
   * needs neither: without them Expected close is not required and Stage
   * history is read only when a deal's Stage entered is blank.
   */
  readonly forReport?: boolean;
}

/** Everything a daily check decides, before anything is written. */
export interface PipelineCheck {
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
 * Reads the whole workbook once and decides everything a daily check and the
 * CLI report need. Pure: the caller writes (or prints) the result.
 */
export function checkPipeline(grids: WorkbookGrids, options: CheckOptions): PipelineCheck {
  const ctx: DateContext = { zone: options.zone, dayFirst: options.dayFirst ?? false };
  const pipeline = readPipeline(grids.stages);
  const forReport = options.forReport ?? true;
  const dealsRead = readDeals(grids.deals, pipeline, ctx, forReport ? { require: ['expectedClose'] } : {});
  const needsHistory =
    forReport || dealsRead.deals.some((d) => d.stageEntered === null && d.stage.staleAfter !== null);
  const historyGrid = needsHistory
    ? typeof grids.history === 'function'
      ? grids.history()
      : grids.history
    : [];
  const historyRead = needsHistory ? readHistory(historyGrid, pipeline, ctx) : { changes: [], problems: [] };
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
    forecast: forReport ? forecastByMonth(dealsRead.deals) : [],
    conversion: forReport ? stageConversion(historyRead.changes, pipeline) : [],
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

/** The CLI's `--json` object, in the SPEC's field names; dates as `YYYY-MM-DD`. */
export interface ReportJson {
  asOf: string;
  timeZone: string;
  language: Language;
  forecast: ForecastRow[];
  conversion: ConversionRow[];
  stale: { dealId: string; deal: string; owner: string; stage: string; days: number; limit: number }[];
  overdue: { dealId: string; deal: string; owner: string; expectedClose: string; daysOverdue: number }[];
  tasks: {
    dealId: string;
    task: string;
    due: string;
    owner: string;
    source: string;
    required: boolean;
    key: string;
    stage: string;
  }[];
  problems: Problem[];
}

export function reportJson(check: PipelineCheck, options: CheckOptions): ReportJson {
  return {
    asOf: isoDate(options.today),
    timeZone: options.zone.id,
    language: check.language,
    forecast: [...check.forecast],
    conversion: [...check.conversion],
    stale: check.findings.stale.map((s) => ({
      dealId: s.deal.id,
      deal: s.deal.name,
      owner: s.deal.owner,
      stage: s.deal.stage.name,
      days: s.days,
      limit: s.limit,
    })),
    overdue: check.findings.overdue.map((o) => ({
      dealId: o.deal.id,
      deal: o.deal.name,
      owner: o.deal.owner,
      expectedClose: isoDate(o.deal.expectedClose as number),
      daysOverdue: o.daysOverdue,
    })),
    tasks: check.tasks.map((t) => ({
      dealId: t.dealId,
      task: t.task,
      due: isoDate(t.due),
      owner: t.owner,
      source: t.source,
      required: t.required,
      key: t.key,
      stage: t.stage,
    })),
    problems: [...check.problems],
  };
}
