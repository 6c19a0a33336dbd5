import { currencyOfLocale } from '../../engine/currencies';
import { COLUMN_MAP_KEY, type ColumnMap, parseColumnMap } from '../storage/column-map';
import {
  forecastRangeOf,
  forecastWeighted,
  type SheetContext,
  stageConversionOf,
  winRateOf,
} from './custom-functions';

// The custom functions as Sheets calls them. Each cell is an execution of its own with
// read-only access, so all they ask of Apps Script is the spreadsheet's zone and locale and
// the saved column map; everything else is in custom-functions.ts, which runs the same in Node tests.

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

/** The spreadsheet as a forecast needs it: its zone, the saved map, and its locale's currency. */
function forecastSheet(): SheetContext {
  const ss = SpreadsheetApp.getActive();
  const locale = ss.getSpreadsheetLocale();
  return {
    timeZone: ss.getSpreadsheetTimeZone(),
    map: savedColumnMap(),
    currency: currencyOfLocale(locale),
    locale,
  };
}

/** The spreadsheet as the history functions need it: its zone, the saved map and its locale. */
function historySheet(): SheetContext {
  const ss = SpreadsheetApp.getActive();
  return { timeZone: ss.getSpreadsheetTimeZone(), map: savedColumnMap(), locale: ss.getSpreadsheetLocale() };
}

export function FORECAST_WEIGHTED(deals: unknown, stages: unknown, month?: unknown, pipeline?: unknown) {
  return forecastWeighted(deals, stages, month, forecastSheet(), pipeline);
}

export function FORECAST_RANGE(
  deals: unknown,
  stages: unknown,
  month: unknown,
  trials?: unknown,
  pipeline?: unknown,
) {
  return forecastRangeOf(deals, stages, month, trials, forecastSheet(), pipeline);
}

export function STAGE_CONVERSION(history: unknown, stages: unknown, asOf?: unknown, pipeline?: unknown) {
  return stageConversionOf(history, stages, historySheet(), asOf, pipeline);
}

export function WIN_RATE(
  history: unknown,
  stages: unknown,
  stage: unknown,
  minClosed?: unknown,
  asOf?: unknown,
) {
  return winRateOf(history, stages, stage, minClosed, historySheet(), asOf);
}
