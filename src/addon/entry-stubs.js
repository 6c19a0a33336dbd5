// Apps Script only calls top-level function declarations, and only shows a
// custom function's help from the JSDoc directly above it, so each entry point
// is declared here and forwards to the bundled module `SheetsPipeline`.

/** Builds the Extensions › Sheets Pipeline menu. */
function onOpen(e) {
  return SheetsPipeline.onOpen(e);
}

/** Runs when the add-on is installed: builds the menu. */
function onInstall(e) {
  return SheetsPipeline.onInstall(e);
}

/**
 * Weighted revenue forecast by month of expected close: Amount × each deal's win probability (its own
 * Probability when filled, else its stage's; won by Status 100%, lost 0%), in the spreadsheet's currency.
 * Without a month, returns a table (Month, Weighted, Open pipeline, Won, Open deals), one row per month.
 * With a month, returns that month's weighted total.
 *
 * @param {A1:L} deals The Deals table with its header row, e.g. Deals!A:L.
 * @param {A1:G} stages The Stages table with its header row, e.g. Stages!A:G.
 * @param {"2023-11"} month Optional. A month as text "2023-11" or a date in that month.
 * @param {"Enterprise"} pipeline Optional. Only this pipeline's deals (blank: every pipeline).
 * @return The forecast table, or one number for the given month.
 * @example =FORECAST_WEIGHTED(Deals!A:L, Stages!A:G, "2023-11")
 * @customfunction
 */
function FORECAST_WEIGHTED(deals, stages, month, pipeline) {
  return SheetsPipeline.FORECAST_WEIGHTED(deals, stages, month, pipeline);
}

/**
 * Monte Carlo range of a month's revenue: each open deal closing that month wins with its probability.
 * Returns one row: P10, P50, P90. The same sheet always gives the same numbers.
 *
 * @param {A1:L} deals The Deals table with its header row, e.g. Deals!A:L.
 * @param {A1:G} stages The Stages table with its header row, e.g. Stages!A:G.
 * @param {"2023-11"} month A month as text "2023-11" or a date in that month.
 * @param {10000} trials Optional. Number of simulated outcomes, up to 100,000 (default 10,000).
 * @param {"Enterprise"} pipeline Optional. Only this pipeline's deals (blank: every pipeline).
 * @return One row: P10, P50, P90.
 * @example =FORECAST_RANGE(Deals!A:L, Stages!A:G, "2023-11")
 * @customfunction
 */
function FORECAST_RANGE(deals, stages, month, trials, pipeline) {
  return SheetsPipeline.FORECAST_RANGE(deals, stages, month, trials, pipeline);
}

/**
 * Stage conversion from the stage history: per open stage, deals reached, advanced and dropped, conversion,
 * win rate with its 95% interval, median days in stage and a suggested stale threshold.
 *
 * @param {A1:F} history The Stage history table with its header row, e.g. 'Stage history'!A:F.
 * @param {A1:G} stages The Stages table with its header row, e.g. Stages!A:G.
 * @param {"2023-11-15"} as_of Optional. Count history rows up to this day (default: today).
 * @param {"Enterprise"} pipeline Optional. Only this pipeline's stages (blank: every pipeline).
 * @return A table with a header row and one row per open stage.
 * @example =STAGE_CONVERSION('Stage history'!A:F, Stages!A:G)
 * @customfunction
 */
function STAGE_CONVERSION(history, stages, as_of, pipeline) {
  return SheetsPipeline.STAGE_CONVERSION(history, stages, as_of, pipeline);
}

/**
 * Win rate of deals that reached a stage: won / (won + lost). Blank when fewer than min_closed deals have closed.
 *
 * @param {A1:F} history The Stage history table with its header row, e.g. 'Stage history'!A:F.
 * @param {A1:G} stages The Stages table with its header row, e.g. Stages!A:G.
 * @param {"제품 살펴보는 중"} stage The name of an open stage.
 * @param {5} min_closed Optional. Fewest closed deals to trust the rate (default 5).
 * @param {"2023-11-15"} as_of Optional. Count history rows up to this day (default: today).
 * @return The win rate as a fraction (format the cell as a percent), or blank.
 * @example =WIN_RATE('Stage history'!A:F, Stages!A:G, "온보딩 교육 중")
 * @customfunction
 */
function WIN_RATE(history, stages, stage, min_closed, as_of) {
  return SheetsPipeline.WIN_RATE(history, stages, stage, min_closed, as_of);
}

/** Extensions › Sheets Pipeline › Set up pipeline sheets. */
function setupPipeline() {
  return SheetsPipeline.setupPipeline();
}

/** Extensions › Sheets Pipeline › Connect your sheet. */
function showConnect() {
  return SheetsPipeline.showConnect();
}

/** Connect dialog (google.script.run): the proposed sheet and how its columns read. */
function connectGetState() {
  return SheetsPipeline.connectGetState();
}

/** Connect dialog (google.script.run): how another sheet or mapping reads, without saving. */
function connectPreview(request) {
  return SheetsPipeline.connectPreview(request);
}

/** Connect dialog (google.script.run): saves the column map and makes the add-on's own sheets. */
function connectSave(request) {
  return SheetsPipeline.connectSave(request);
}

/** Extensions › Sheets Pipeline › Open deal panel. */
function showDealPanel() {
  return SheetsPipeline.showDealPanel();
}

/** Extensions › Sheets Pipeline › Run checks now. */
function runChecksNow() {
  return SheetsPipeline.runChecksNow();
}

/** The daily time-driven trigger: flags stale and overdue deals, adds review tasks, sends digests. */
function runDailyChecks(e) {
  return SheetsPipeline.runDailyChecks(e);
}

/** Extensions › Sheets Pipeline › Turn daily checks on/off. */
function toggleDailyChecks() {
  return SheetsPipeline.toggleDailyChecks();
}

/** Extensions › Sheets Pipeline › Review win probabilities. */
function showReview() {
  return SheetsPipeline.showReview();
}

/** Review dialog (google.script.run): every open stage's Stages values beside the history's estimates. */
function reviewGetState() {
  return SheetsPipeline.reviewGetState();
}

/** Review dialog (google.script.run): writes the ticked Stages values and logs each in Stage changes log. */
function reviewApply(request) {
  return SheetsPipeline.reviewApply(request);
}

/** Extensions › Sheets Pipeline › Build dashboard. */
function buildDashboard() {
  return SheetsPipeline.buildDashboard();
}

/** Extensions › Sheets Pipeline › Settings. */
function showSettings() {
  return SheetsPipeline.showSettings();
}

/** Installable edit trigger: stages typed or pasted into Deals are logged with their tasks. */
function onDealsEdit(e) {
  return SheetsPipeline.onDealsEdit(e);
}

/** Deal panel (google.script.run): the selected sheet and row. */
function panelGetSelection() {
  return SheetsPipeline.panelGetSelection();
}

/** Deal panel (google.script.run): the deal's stage, checklist and tasks. */
function panelGetState(dealId) {
  return SheetsPipeline.panelGetState(dealId);
}

/** Deal panel (google.script.run): the Needs attention list, everyone's or the user's own. */
function panelGetAttention(mine) {
  return SheetsPipeline.panelGetAttention(mine);
}

/** Deal panel (google.script.run): selects a deal's row (Needs attention next/previous). */
function panelSelectDeal(dealId) {
  return SheetsPipeline.panelSelectDeal(dealId);
}

/** Deal panel (google.script.run): moves a deal, checking its exit criteria. */
function panelMoveDeal(request) {
  return SheetsPipeline.panelMoveDeal(request);
}

/** Deal panel (google.script.run): ticks an exit criterion. */
function panelSetChecklistItem(request) {
  return SheetsPipeline.panelSetChecklistItem(request);
}

/** Deal panel (google.script.run): ticks one of the deal's other tasks. */
function panelSetTaskDone(request) {
  return SheetsPipeline.panelSetTaskDone(request);
}

/** Deal panel (google.script.run): sends one drafted entry email to the deal's contact. */
function panelSendEntryEmail(request) {
  return SheetsPipeline.panelSendEntryEmail(request);
}

/** Settings dialog (google.script.run): current settings and the last run. */
function settingsGetState() {
  return SheetsPipeline.settingsGetState();
}

/** Settings dialog (google.script.run): saves the settings. */
function settingsSave(settings) {
  return SheetsPipeline.settingsSave(settings);
}
