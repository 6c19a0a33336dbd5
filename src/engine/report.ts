import { assessDeals } from './assess';
import type { Grid } from './cells';
import { type ConversionRow, stageConversion } from './conversion';
import type { DateContext } from './dates';
import { type Deal, type DealsRead, readDeals } from './deals';
import { type ForecastRow, forecastByMonth } from './forecast';
import type { HealthFindings } from './health';
import { changesByDeal, readHistory, type StageChange } from './history';
import { PipelineError, type Problem, type TableName } from './problems';
import { problemAt } from './row-problems';
import type { DealField } from './schema';
import { commonCurrency, currencyProblem, inScope, pipelinesOf } from './scope';
import { type Pipeline, readPipeline } from './stages';
import { dayOf } from './stays';
import type { Language, Table } from './table';
import { type PlannedTask, readTasks } from './tasks';
import { stageKey } from './values';
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
  /**
   * The locale numbers and dates are read in (SPEC §2): in Sheets the
   * spreadsheet's; in the CLI, `ko_KR` for Korean headers. Absent: the
   * tables' own values decide, and what they leave ambiguous is a problem.
   */
  readonly locale?: string | null;
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
  /** The forecast's currency (the CLI's `--currency`); absent: the one most deals name; `null`: no check. */
  readonly currency?: string | null;
  /** Only this pipeline (the CLI's `--pipeline`); absent or blank: every pipeline. */
  readonly pipeline?: string | null;
}

/** One pipeline's figures, when the deals are in more than one. */
export interface PipelineFigures {
  readonly pipeline: string;
  readonly forecast: readonly ForecastRow[];
  readonly conversion: readonly ConversionRow[];
}

/** Everything the report shows, decided before anything is printed. */
export interface PipelineReport {
  readonly pipeline: Pipeline;
  readonly dealsTable: Table<DealField>;
  readonly deals: readonly Deal[];
  readonly language: Language;
  /** The forecast's currency, `null` when no deal names one. */
  readonly currency: string | null;
  /** Every pipeline in scope together. */
  readonly forecast: readonly ForecastRow[];
  readonly conversion: readonly ConversionRow[];
  /** Per pipeline, in order, when the deals or Stages name pipelines; else empty. */
  readonly pipelines: readonly PipelineFigures[];
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
  const ctx: DateContext = {
    zone: options.zone,
    dayFirst: options.dayFirst ?? false,
    locale: options.locale ?? null,
  };
  const map = (table: TableName) => ({ map: options.map?.[table] ?? {} });
  const pipeline = readPipeline(grids.stages, map('Stages'));
  const dealsRead = accepted(
    readDeals(grids.deals, pipeline, ctx, { require: ['expectedClose'], ...map('Deals') }),
    options.refuse,
  );
  const pipelineById = new Map(dealsRead.deals.map((d) => [d.id, d.pipeline]));
  const historyRead = grids.history
    ? readHistory(grids.history, pipeline, ctx, {
        ...map('Stage history'),
        pipelineOf: (id) => pipelineById.get(id),
      })
    : null;
  const tasksRead = grids.tasks ? readTasks(grids.tasks, ctx, map('Tasks')) : null;
  const language = options.language ?? dealsRead.table.language;
  // --pipeline narrows the lists as well as the figures: a lead asking for one pipeline reviews its deals.
  const listed = options.pipeline
    ? { ...dealsRead, deals: inScope(dealsRead.deals, { pipeline: options.pipeline, currency: null }).deals }
    : dealsRead;
  const { findings, tasks, health } = assessDeals({
    deals: listed,
    // As of the report's day (SPEC §3): a row dated after it is not yet history, here or in the conversion.
    historyByDeal: changesByDeal((historyRead?.changes ?? []).filter((c) => dayOf(c) <= options.today)),
    taskKeys: tasksRead?.keys ?? new Set(),
    today: options.today,
    language,
  });
  const currency = options.currency === undefined ? commonCurrency(dealsRead.deals) : options.currency;
  const scoped = inScope(dealsRead.deals, { pipeline: options.pipeline ?? null, currency });
  const only = options.pipeline ? knownPipeline(dealsRead.deals, pipeline, options.pipeline) : null;
  const history = historyRead?.changes ?? null;
  const figures = perPipeline(scoped.deals, pipeline, history, only, pipelineById, options.today);
  return {
    pipeline,
    dealsTable: dealsRead.table,
    deals: dealsRead.deals,
    language,
    currency,
    forecast: forecastByMonth(scoped.deals),
    conversion: historyRead
      ? conversionOf(historyRead.changes, pipeline, only, pipelineById, options.today)
      : [],
    pipelines: figures,
    findings,
    tasks,
    problems: [
      ...pipeline.problems,
      ...mergeByRow(
        dealsRead.problems,
        scoped.otherCurrency.map((d) => currencyProblem(dealsRead.table, d, currency as string)),
      ),
      ...(historyRead?.problems ?? []),
      ...(tasksRead?.problems ?? []),
    ],
    health,
  };
}

/** Each pipeline's forecast and conversion, when pipelines are named (SPEC §6); empty when there is only one. */
function perPipeline(
  deals: readonly Deal[],
  pipeline: Pipeline,
  changes: readonly StageChange[] | null,
  only: string | null,
  pipelineById: ReadonlyMap<string, string>,
  today: DayNumber,
): PipelineFigures[] {
  const names = pipelinesOf(deals, pipeline.names).filter((n) => !only || stageKey(n) === stageKey(only));
  if (names.length <= 1 && (names[0] ?? '') === '') return [];
  return names.map((name) => ({
    pipeline: name,
    forecast: forecastByMonth(inScope(deals, { pipeline: name, currency: null }).deals),
    conversion: changes ? conversionOf(changes, pipeline, name, pipelineById, today) : [],
  }));
}

/**
 * Stage conversion of one pipeline: its own stages and the history rows of
 * its deals (by Stages' Pipeline column, else by the deals' own), or of the
 * whole table when no pipeline is asked. Pipelines with stages of their own
 * are never mixed into one table.
 */
function conversionOf(
  changes: readonly StageChange[],
  pipeline: Pipeline,
  name: string | null,
  pipelineById: ReadonlyMap<string, string>,
  today: DayNumber,
): ConversionRow[] {
  // As of the report's day (`--as-of`): later rows are ignored, running stays censored there.
  if (!name) return pipeline.names.length > 1 ? [] : stageConversion(changes, pipeline, today);
  const own = pipeline.of(name);
  if (!own) return [];
  const key = stageKey(name);
  const mine =
    pipeline.names.length === 0
      ? changes.filter((c) => stageKey(pipelineById.get(c.dealId) ?? '') === key)
      : changes.filter((c) => stageKey(c.to.pipeline) === key);
  return stageConversion(mine, own, today);
}

/** The pipeline `--pipeline` names, as spelt in the data, or an error that lists the pipelines there are. */
function knownPipeline(deals: readonly Deal[], pipeline: Pipeline, name: string): string {
  const all = pipelinesOf(deals, pipeline.names);
  const found = all.find((n) => stageKey(n) === stageKey(name));
  if (found !== undefined) return found;
  const shown = all.filter((n) => n !== '').map((n) => `'${n}'`);
  throw new PipelineError(
    `There is no pipeline '${name}' (${shown.length > 0 ? `pipelines: ${shown.join(', ')}` : 'the deals name no pipeline'}).`,
  );
}

function mergeByRow(a: readonly Problem[], b: readonly Problem[]): Problem[] {
  return b.length === 0 ? [...a] : [...a, ...b].sort((x, y) => x.row - y.row);
}

/**
 * The deals that count, and a problem for each the caller refuses (SPEC §2:
 * a deal listed as a problem is left out of every figure). Problems stay in
 * row order.
 */
function accepted(read: DealsRead, refuse: CheckOptions['refuse']): DealsRead {
  const { table } = read;
  const problems: Problem[] = [];
  const deals = read.deals.filter((deal) => {
    const i = deal.row - table.firstRow;
    const why = refuse?.(deal) ?? null;
    if (why !== null)
      problems.push(problemAt(table, i, 'stage', deal.cells[table.columns.stage as number], why));
    return why === null;
  });
  if (problems.length === 0) return read;
  const all = [...read.problems, ...problems].sort((a, b) => a.row - b.row);
  return { table, deals, problems: all };
}
