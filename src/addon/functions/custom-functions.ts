import { type Cell, type Grid, isBlankCell, isDateCell, toGrid } from '../../engine/cells';
import { stageConversion, winRate } from '../../engine/conversion';
import { AFTER_LAST_YEAR, BEFORE_FIRST_YEAR, parseDate } from '../../engine/dates';
import { type Deal, visitDeals } from '../../engine/deals';
import { MonthlyForecast } from '../../engine/forecast';
import { readHistory, type StageChange } from '../../engine/history';
import { DEFAULT_TRIALS, forecastRange, MAX_TRIALS } from '../../engine/montecarlo';
import { parseMonthArgument } from '../../engine/month';
import { PipelineError, type Problem, problemsMessage, quoted } from '../../engine/problems';
import type { DealField } from '../../engine/schema';
import { currencyProblem, pipelinesOf, scopeOf } from '../../engine/scope';
import { type Pipeline, readPipeline, requireStage } from '../../engine/stages';
import { sameStage, textOf } from '../../engine/values';
import { DAY_MS, type DayNumber, Zone } from '../../engine/zone';
import type { ColumnMap } from '../storage/column-map';

/**
 * The custom functions, as Sheets calls them: whole ranges as 2-D arrays (a
 * single cell bare), `Date` cells, `''` blanks. The spreadsheet's time zone is
 * passed in by the entry point, so these run the same in Node tests.
 *
 * A custom function never returns a silently wrong number: any bad value it
 * needs throws an Error that says where (rows as the sheet numbers them when
 * the range starts at row 1).
 */
export type SheetValue = string | number | boolean;
export type SheetTable = SheetValue[][];

export const FORECAST_HEADER = ['Month', 'Weighted', 'Open pipeline', 'Won', 'Open deals'];
export const CONVERSION_HEADER = [
  'Stage',
  'Reached',
  'Advanced',
  'Dropped',
  'Open',
  'Conversion',
  'Won',
  'Closed',
  'Win rate',
  'Win rate low',
  'Win rate high',
  'Median days',
  'Suggested stale after',
];

const FORECAST_FIELDS: readonly DealField[] = [
  'amount',
  'stage',
  'expectedClose',
  'probability',
  'status',
  'currency',
  'pipeline',
];

/**
 * Where a custom function runs: the spreadsheet's time zone, the column map
 * Connect your sheet saved, and the currency of the spreadsheet's locale
 * (SPEC §2: the forecast is in one currency). A time zone alone is the
 * spreadsheet with no map and no currency check, as most tests call them.
 */
export interface SheetContext {
  readonly timeZone: string;
  readonly map?: ColumnMap;
  readonly currency?: string | null;
  /** The spreadsheet's locale (`de_DE`): how text numbers and dates are read. */
  readonly locale?: string | null;
}
export type Where = string | SheetContext;

function contextOf(where: Where): Required<SheetContext> {
  return typeof where === 'string'
    ? { timeZone: where, map: {}, currency: null, locale: null }
    : {
        timeZone: where.timeZone,
        map: where.map ?? {},
        currency: where.currency ?? null,
        locale: where.locale ?? null,
      };
}

export function forecastWeighted(
  deals: unknown,
  stages: unknown,
  month: unknown,
  where: Where,
  pipeline?: unknown,
): SheetTable | number {
  const sheet = contextOf(where);
  const zone = new Zone(sheet.timeZone);
  // Each deal is added as it is read and none is kept (see visitDeals).
  const forecast = new MonthlyForecast();
  countForecastDeals(deals, stages, zone, sheet, pipeline, (deal) => forecast.add(deal));
  if (!isOmitted(month)) return forecast.weightedIn(parseMonthArgument(month, zone));
  const rows = forecast.rows().map((r) => [r.month, r.weighted, r.openPipeline, r.won, r.openDeals]);
  return [FORECAST_HEADER, ...rows];
}

export function forecastRangeOf(
  deals: unknown,
  stages: unknown,
  month: unknown,
  trials: unknown,
  where: Where,
  pipeline?: unknown,
): SheetTable {
  const sheet = contextOf(where);
  const zone = new Zone(sheet.timeZone);
  if (isOmitted(month)) throw new PipelineError('FORECAST_RANGE needs a month, such as "2023-11" or a date.');
  const counted = forecastDeals(deals, stages, zone, sheet, pipeline);
  const monthIndex = parseMonthArgument(month, zone);
  const n = isOmitted(trials) ? DEFAULT_TRIALS : wholeNumberArgument(trials, 'trials', 1, MAX_TRIALS);
  const [p10, p50, p90] = forecastRange(counted, monthIndex, n);
  return [[p10, p50, p90]];
}

export function stageConversionOf(
  history: unknown,
  stages: unknown,
  where: Where,
  asOf?: unknown,
  pipeline?: unknown,
): SheetTable {
  const sheet = contextOf(where);
  const table = pipelineOf(stages, sheet.map);
  const { changes, lastDay } = historyUpTo(history, table, sheet, asOf);
  const names = isOmitted(pipeline)
    ? table.names.length > 0
      ? table.names
      : ['']
    : [pipelineArgument(pipeline, table)];
  const blank = (v: number | null): SheetValue => (v === null ? '' : v);
  const rows = names.flatMap((name) => {
    const view = table.of(name) ?? table;
    return stageConversion(ofPipeline(changes, table, name), view, lastDay).map((r) => [
      r.stage,
      r.reached,
      r.advanced,
      r.dropped,
      r.open,
      blank(r.conversion),
      r.won,
      r.closed,
      blank(r.winRate),
      blank(r.winRateLow),
      blank(r.winRateHigh),
      blank(r.medianDays),
      blank(r.suggestedStaleAfter),
    ]);
  });
  return [CONVERSION_HEADER, ...rows];
}

export function winRateOf(
  history: unknown,
  stages: unknown,
  stage: unknown,
  minClosed: unknown,
  where: Where,
  asOf?: unknown,
): SheetValue {
  const sheet = contextOf(where);
  const table = pipelineOf(stages, sheet.map);
  const name = stageArgument(stage);
  if (name === '') throw new PipelineError('WIN_RATE needs a stage name.');
  const target = requireStage(table, name);
  if (target.outcome !== 'open') {
    throw new PipelineError(
      `${quoted(target.name)} is a ${target.outcome} stage; a win rate is asked of an open stage.`,
    );
  }
  const min = isOmitted(minClosed)
    ? 5
    : wholeNumberArgument(minClosed, 'min_closed', 0, Number.MAX_SAFE_INTEGER);
  const { changes, lastDay } = historyUpTo(history, table, sheet, asOf);
  const view = table.of(target.pipeline) ?? table;
  const rate = winRate(ofPipeline(changes, table, target.pipeline), view, target, min, lastDay);
  return rate === null ? '' : rate;
}

/**
 * The history rows and the `as_of` day (default today, in the spreadsheet's
 * zone) that running stays are censored at; any bad row is an error.
 */
function historyUpTo(
  history: unknown,
  table: Pipeline,
  sheet: Required<SheetContext>,
  asOf: unknown,
): { changes: readonly StageChange[]; lastDay: DayNumber } {
  const zone = new Zone(sheet.timeZone);
  const read = readHistory(
    gridOf(history, 'history'),
    table,
    { zone },
    { map: sheet.map['Stage history'] ?? {} },
  );
  failOn(read.problems);
  const lastDay = isOmitted(asOf) ? zone.day(Date.now()) : dayArgument(asOf, zone, 'as_of');
  // The estimators ignore later rows themselves; filtering here keeps ofPipeline's work small.
  return { changes: read.changes.filter((c) => Math.floor(c.when / DAY_MS) <= lastDay), lastDay };
}

/** One pipeline's rows (by the pipeline of their To stage); all of them when Stages names no pipeline. */
function ofPipeline(changes: readonly StageChange[], table: Pipeline, name: string): readonly StageChange[] {
  if (table.names.length === 0) return changes;
  const own = table.of(name)?.stages[0]?.pipeline ?? name;
  return changes.filter((c) => sameStage(c.to.pipeline, own));
}

/** A day typed as an argument: a date cell or date text, in the spreadsheet's zone. */
function dayArgument(value: unknown, zone: Zone, name: string): number {
  const cell = oneCell(value);
  const parsed = Array.isArray(cell) ? null : parseDate(cell as Cell, { zone });
  if (parsed?.ok && parsed.value !== null) return Math.floor(parsed.value / DAY_MS);
  // A real date outside the years dates may have says so, as a Deals cell would.
  if (parsed && !parsed.ok && (parsed.message === BEFORE_FIRST_YEAR || parsed.message === AFTER_LAST_YEAR))
    throw new PipelineError(`${name} ${quoted(cell)} ${parsed.message}.`);
  throw new PipelineError(`${name} must be a date such as 2023-11-15, not ${quoted(cell)}.`);
}

/** The deals a forecast counts, as a list (see countForecastDeals). */
function forecastDeals(
  deals: unknown,
  stages: unknown,
  zone: Zone,
  sheet: Required<SheetContext>,
  pipeline: unknown,
): readonly Deal[] {
  const counted: Deal[] = [];
  countForecastDeals(deals, stages, zone, sheet, pipeline, (deal) => {
    counted.push(deal);
  });
  return counted;
}

/**
 * The deals a forecast counts, handed to `count` as they are read: only the
 * columns it needs are read, any bad one among them is an error, and so is a
 * deal in another currency than the spreadsheet's (no exchange rate is
 * guessed). `pipeline` (blank = every pipeline) keeps one pipeline's deals;
 * a name neither Stages nor any deal has is an error. Errors are thrown
 * after the reading, so what `count` saw is then to be dropped.
 */
function countForecastDeals(
  deals: unknown,
  stages: unknown,
  zone: Zone,
  sheet: Required<SheetContext>,
  pipeline: unknown,
  count: (deal: Deal) => void,
): void {
  const table = pipelineOf(stages, sheet.map);
  const name = isOmitted(pipeline) ? '' : pipelineText(pipeline);
  const where = scopeOf({ pipeline: name, currency: sheet.currency });
  const seen = new Set<string>();
  const otherCurrency: Deal[] = [];
  const read = visitDeals(
    gridOf(deals, 'deals'),
    table,
    { zone, locale: sheet.locale },
    { only: FORECAST_FIELDS, require: ['expectedClose'], map: sheet.map.Deals ?? {} },
    (deal) => {
      if (name !== '') seen.add(deal.pipeline);
      const place = where(deal);
      if (place === 'in') count(deal);
      else if (place === 'otherCurrency') otherCurrency.push(deal);
    },
  );
  failOn(read.problems);
  if (name !== '') knownPipeline(name, [...table.names, ...seen]);
  failOn(otherCurrency.map((d) => currencyProblem(read.table, d, sheet.currency as string)));
}

/** A pipeline typed as an argument: one cell naming a pipeline the deals or Stages have. */
function pipelineArgument(value: unknown, table: Pipeline): string {
  return knownPipeline(pipelineText(value), table.names);
}

function pipelineText(value: unknown): string {
  const cell = oneCell(value);
  if (Array.isArray(cell)) throw new PipelineError('pipeline must be one cell: the name of a pipeline.');
  return textOf(cell as Cell);
}

/** `name` when it names one of the pipelines (case and spaces ignored), else an error listing them. */
function knownPipeline(name: string, pipelines: readonly string[]): string {
  const all = pipelinesOf([], pipelines).filter((n) => n !== '');
  if (all.some((n) => sameStage(n, name))) return name;
  const shown = all.map((n) => quoted(n)).join(', ');
  throw new PipelineError(
    `There is no pipeline ${quoted(name)}${shown ? ` (pipelines: ${shown})` : '; the deals name no pipeline'}.`,
  );
}

function pipelineOf(stages: unknown, map: ColumnMap): Pipeline {
  const pipeline = readPipeline(gridOf(stages, 'stages'), { map: map.Stages ?? {} });
  failOn(pipeline.problems);
  if (pipeline.stages.length === 0) throw new PipelineError('Stages has no stages below its header row.');
  return pipeline;
}

function gridOf(value: unknown, name: string): Grid {
  const mustBe = `${name} must be a range with its header row, such as ${EXAMPLE_RANGE[name] ?? 'A:L'}.`;
  if (!Array.isArray(value)) throw new PipelineError(mustBe);
  const grid = toGrid(value);
  // Sheets hands a range as rows of cells; anything else is not a range (checked by a loop, not a spread).
  for (const row of grid) if (!Array.isArray(row)) throw new PipelineError(mustBe);
  return grid;
}

/**
 * A count typed as an argument (`trials`, `min_closed`): a number, or text of
 * one (`10000`, `10,000`), whole and within [min, max]. TRUE is not 1, and a
 * date is not its day number: anything else is an error that names the value.
 */
function wholeNumberArgument(value: unknown, name: string, min: number, max: number): number {
  const cell = oneCell(value);
  let n = Number.NaN;
  if (typeof cell === 'number') n = cell;
  else if (typeof cell === 'string') {
    const text = cell.trim();
    if (/^\+?(?:\d+|\d{1,3}(?:,\d{3})+)(?:\.0*)?$/.test(text)) n = Number(text.replace(/[+,]/g, ''));
  }
  if (Number.isInteger(n) && n >= min && n <= max) return n;
  const shown =
    typeof cell === 'number' ? String(cell) : isDateCell(cell) ? `the date ${quoted(cell)}` : quoted(cell);
  const range = max === Number.MAX_SAFE_INTEGER ? `${min} or more` : `from ${min} to ${max}`;
  throw new PipelineError(`${name} must be a whole number ${range}, not ${shown}.`);
}

/** An argument that is one cell; a one-cell range may arrive as `[[v]]` or `[v]`. */
function oneCell(value: unknown): unknown {
  let v = value;
  while (Array.isArray(v) && v.length === 1) v = v[0];
  return v;
}

/** A stage name typed as an argument: one cell, read as text (TRUE as Sheets shows it). */
function stageArgument(value: unknown): string {
  const cell = oneCell(value);
  if (Array.isArray(cell)) throw new PipelineError('stage must be one cell: the name of an open stage.');
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  return textOf(cell as Cell);
}

const EXAMPLE_RANGE: Record<string, string> = {
  deals: 'Deals!A:L',
  stages: 'Stages!A:G',
  history: "'Stage history'!A:F",
};

function failOn(problems: readonly Problem[]): void {
  if (problems.length > 0) throw new PipelineError(problemsMessage(problems));
}

/** An optional argument left out arrives as `undefined`; pointing at an empty cell gives `''`. */
function isOmitted(value: unknown): boolean {
  const v = oneCell(value);
  return v === undefined || v === null || (!Array.isArray(v) && isBlankCell(v as Cell));
}
