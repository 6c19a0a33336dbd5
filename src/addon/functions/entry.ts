import { COLUMN_MAP_KEY, type ColumnMap, parseColumnMap } from '../storage/column-map';
import { forecastRangeOf, forecastWeighted, stageConversionOf, winRateOf } from './custom-functions';

/**
 * The custom functions as Sheets calls them. Each cell is an execution of its
 * own with read-only access, so all they ask of Apps Script is the
 * spreadsheet's time zone; everything else is in custom-functions.ts, which
 * runs the same in Node tests.
 */
function spreadsheetZone(): string {
  return SpreadsheetApp.getActive().getSpreadsheetTimeZone();
}

/**
 * The column map Connect your sheet saved, read from document properties
 * (custom functions may read them). When it cannot be read (no map, an
 * unreadable value, a context that refuses properties), the headers are
 * matched by their aliases alone: a team whose headers need the map then
 * sees an error naming the missing column, never a wrong number.
 */
function savedColumnMap(): ColumnMap {
  try {
    return parseColumnMap(PropertiesService.getDocumentProperties().getProperty(COLUMN_MAP_KEY));
  } catch {
    return {};
  }
}

export function FORECAST_WEIGHTED(deals: unknown, stages: unknown, month?: unknown) {
  return forecastWeighted(deals, stages, month, spreadsheetZone(), savedColumnMap());
}

export function FORECAST_RANGE(deals: unknown, stages: unknown, month: unknown, trials?: unknown) {
  return forecastRangeOf(deals, stages, month, trials, spreadsheetZone(), savedColumnMap());
}

export function STAGE_CONVERSION(history: unknown, stages: unknown) {
  return stageConversionOf(history, stages, spreadsheetZone(), savedColumnMap());
}

export function WIN_RATE(history: unknown, stages: unknown, stage: unknown, minClosed?: unknown) {
  return winRateOf(history, stages, stage, minClosed, spreadsheetZone(), savedColumnMap());
}
