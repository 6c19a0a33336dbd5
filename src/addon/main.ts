/**
 * Everything Apps Script calls. esbuild bundles this module into the global
 * `SheetsPipeline`; `entry-stubs.js` declares each entry point as a top-level
 * function (Apps Script only sees those) that forwards here. The build fails
 * when the two lists differ.
 */
import { forecastRangeOf, forecastWeighted, stageConversionOf, winRateOf } from './functions/custom-functions';

export { runChecksNow, runDailyChecks } from './daily/daily-checks';
export { buildDashboard } from './dashboard/dashboard';
export { settingsGetState, settingsSave, showDealPanel, showSettings } from './dialogs/dialogs';
export { onDealsEdit } from './edits/on-deals-edit';
export { onInstall, onOpen } from './menu';
export {
  panelGetSelection,
  panelGetState,
  panelMoveDeal,
  panelSetChecklistItem,
  panelSetTaskDone,
} from './panel/panel-server';
export { setupPipeline } from './setup/setup';
export { toggleDailyChecks } from './schedule/triggers';

/** Custom functions see the spreadsheet read-only; its zone is all they ask. */
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
