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

export function FORECAST_WEIGHTED(deals: unknown, stages: unknown, month?: unknown) {
  return forecastWeighted(deals, stages, month, spreadsheetZone());
}

export function FORECAST_RANGE(deals: unknown, stages: unknown, month: unknown, trials?: unknown) {
  return forecastRangeOf(deals, stages, month, trials, spreadsheetZone());
}

export function STAGE_CONVERSION(history: unknown, stages: unknown) {
  return stageConversionOf(history, stages, spreadsheetZone());
}

export function WIN_RATE(history: unknown, stages: unknown, stage: unknown, minClosed?: unknown) {
  return winRateOf(history, stages, stage, minClosed, spreadsheetZone());
}
