import { type Cell, type Grid, isBlankCell, isDateCell, toGrid } from '../../engine/cells';
import { stageConversion, winRate } from '../../engine/conversion';
import { type DealsRead, readDeals } from '../../engine/deals';
import { forecastByMonth, forecastForMonth } from '../../engine/forecast';
import { readHistory } from '../../engine/history';
import { DEFAULT_TRIALS, forecastRange, MAX_TRIALS } from '../../engine/montecarlo';
import { parseMonthArgument } from '../../engine/month';
import { PipelineError, type Problem, problemsMessage, quoted } from '../../engine/problems';
import type { DealField } from '../../engine/schema';
import { type Pipeline, readPipeline, requireStage } from '../../engine/stages';
import { textOf } from '../../engine/values';
import { Zone } from '../../engine/zone';
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
  'Conversion',
  'Won',
  'Closed',
  'Win rate',
  'Win rate low',
  'Win rate high',
  'Median days',
  'Suggested stale after',
];

const FORECAST_FIELDS: readonly DealField[] = ['amount', 'stage', 'expectedClose'];

export function forecastWeighted(
  deals: unknown,
  stages: unknown,
  month: unknown,
  timeZone: string,
  map: ColumnMap = {},
): SheetTable | number {
  const zone = new Zone(timeZone);
  const read = forecastDeals(deals, stages, zone, map);
  if (!isOmitted(month)) return forecastForMonth(read.deals, parseMonthArgument(month, zone));
  const rows = forecastByMonth(read.deals).map((r) => [
    r.month,
    r.weighted,
    r.openPipeline,
    r.won,
    r.openDeals,
  ]);
  return [FORECAST_HEADER, ...rows];
}

export function forecastRangeOf(
  deals: unknown,
  stages: unknown,
  month: unknown,
  trials: unknown,
  timeZone: string,
  map: ColumnMap = {},
): SheetTable {
  const zone = new Zone(timeZone);
  if (isOmitted(month)) throw new PipelineError('FORECAST_RANGE needs a month, such as "2023-11" or a date.');
  const read = forecastDeals(deals, stages, zone, map);
  const monthIndex = parseMonthArgument(month, zone);
  const n = isOmitted(trials) ? DEFAULT_TRIALS : wholeNumberArgument(trials, 'trials', 1, MAX_TRIALS);
  const [p10, p50, p90] = forecastRange(read.deals, monthIndex, n);
  return [[p10, p50, p90]];
}

export function stageConversionOf(
  history: unknown,
  stages: unknown,
  timeZone: string,
  map: ColumnMap = {},
): SheetTable {
  const pipeline = pipelineOf(stages, map);
  const read = readHistory(
    gridOf(history, 'history'),
    pipeline,
    { zone: new Zone(timeZone) },
    { map: map['Stage history'] ?? {} },
  );
  failOn(read.problems);
  const blank = (v: number | null): SheetValue => (v === null ? '' : v);
  const rows = stageConversion(read.changes, pipeline).map((r) => [
    r.stage,
    r.reached,
    r.advanced,
    r.dropped,
    blank(r.conversion),
    r.won,
    r.closed,
    blank(r.winRate),
    blank(r.winRateLow),
    blank(r.winRateHigh),
    blank(r.medianDays),
    blank(r.suggestedStaleAfter),
  ]);
  return [CONVERSION_HEADER, ...rows];
}

export function winRateOf(
  history: unknown,
  stages: unknown,
  stage: unknown,
  minClosed: unknown,
  timeZone: string,
  map: ColumnMap = {},
): SheetValue {
  const pipeline = pipelineOf(stages, map);
  const name = stageArgument(stage);
  if (name === '') throw new PipelineError('WIN_RATE needs a stage name.');
  const target = requireStage(pipeline, name);
  if (target.outcome !== 'open') {
    throw new PipelineError(
      `${quoted(target.name)} is a ${target.outcome} stage; a win rate is asked of an open stage.`,
    );
  }
  const min = isOmitted(minClosed)
    ? 5
    : wholeNumberArgument(minClosed, 'min_closed', 0, Number.MAX_SAFE_INTEGER);
  const read = readHistory(
    gridOf(history, 'history'),
    pipeline,
    { zone: new Zone(timeZone) },
    { map: map['Stage history'] ?? {} },
  );
  failOn(read.problems);
  const rate = winRate(read.changes, pipeline, target, min);
  return rate === null ? '' : rate;
}

/** The deals a forecast counts: only the columns it needs are read, and any bad one among them is an error. */
function forecastDeals(deals: unknown, stages: unknown, zone: Zone, map: ColumnMap): DealsRead {
  const read = readDeals(
    gridOf(deals, 'deals'),
    pipelineOf(stages, map),
    { zone },
    { only: FORECAST_FIELDS, require: ['expectedClose'], map: map.Deals ?? {} },
  );
  failOn(read.problems);
  return read;
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
