// Apps Script only calls top-level function declarations, and only shows a
// custom function's help from the JSDoc directly above it, so each custom
// function is declared here, with its help, and forwards to the bundled module
// `SheetsPipeline`. Every other entry point (menu items, triggers, what the
// dialogs call) gets its forwarding declaration from the build.

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
