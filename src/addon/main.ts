/**
 * Everything Apps Script calls. esbuild bundles this module into the global
 * `SheetsPipeline`; the build declares each export as a top-level function
 * (Apps Script only sees those) that forwards here, the custom functions
 * from `entry-stubs.js` with their help text.
 */
export { runChecksNow, runDailyChecks } from './daily/daily-checks';
export { toggleDailyChecks } from './daily/toggle';
export { buildDashboard } from './dashboard/dashboard';
export { settingsGetState, settingsSave } from './dialogs/settings-dialog';
export { showConnect, showDealPanel, showSettings } from './dialogs/show';
export { onDealsEdit } from './edits/on-deals-edit';
export { FORECAST_RANGE, FORECAST_WEIGHTED, STAGE_CONVERSION, WIN_RATE } from './functions/entry';
export { onInstall, onOpen } from './menu';
export {
  panelGetAttention,
  panelGetSelection,
  panelGetState,
  panelMoveDeal,
  panelSelectDeal,
  panelSendEntryEmail,
  panelSetChecklistItem,
  panelSetTaskDone,
} from './panel/actions';
export { reviewApply, reviewGetState, showReview } from './review/review';
export { connectGetState, connectPreview, connectSave } from './setup/connect';
export { setupPipeline } from './setup/setup';
