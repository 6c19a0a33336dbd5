import { type Cell, cellText } from '../../engine/cells';
import { DEALS } from '../../engine/schema';
import { type SetupSummary, uiText } from '../i18n/ui-text';
import { recordAdoptedDeals } from '../pipeline/history-baseline';
import { ensureEditTrigger } from '../schedule/triggers';
import { claimHealthColumn, findHealthColumn } from '../sheets/health-column';
import { Ownership } from '../sheets/ownership';
import type { PipelineTable } from '../sheets/workbook';
import { beginExecution, type Execution } from '../storage/execution';
import { addCheckboxes, addStageDropDown, fillDealIds } from './deals-columns';
import { numberFormats, type PreparedTable, prepareTable } from './tables';

/** How setup runs for a team that connected its own sheet (Connect your sheet). */
export interface ConnectedSetup {
  /** The team's sheet, connected as Deals: read, never written. */
  readonly connectedDeals: GoogleAppsScript.Spreadsheet.Sheet;
  /** The rows of a new Stages sheet (proposed from the deals), or `null` to start with the default pipeline. */
  readonly stageRows: readonly (readonly Cell[])[] | null;
}

/**
 * Creates the four sheets, or adopts existing ones by their headers and adds
 * only the missing columns after the last one. Never reorders, rewrites or
 * deletes a user's cells, and never writes above a sheet's header row; a
 * second run finds nothing to do. For a connected sheet (`connected`),
 * nothing is written to it at all: only the add-on's own sheets are made.
 */
export function setupWorkbook(exec: Execution, connected?: ConnectedSetup): SetupSummary {
  const { ss, language, store, columnMap } = exec;
  const summary: SetupSummary = { created: [], columnsAdded: [], dealIdsFilled: 0, historyStarted: 0 };
  const own = new Ownership(ss, store);
  const formats = numberFormats(exec.locale);
  const prepare = (table: PipelineTable) =>
    prepareTable(
      ss,
      table,
      own,
      language,
      formats[table] ?? {},
      summary,
      columnMap[table] ?? {},
      connected?.stageRows ?? undefined,
    );
  // In this order, so new sheets appear as a person reads the pipeline: Stages, Deals, Stage history, Tasks.
  const stages = prepare('Stages');
  const deals = connected ? null : prepare('Deals');
  const history = prepare('Stage history');
  const tasks = prepare('Tasks');
  for (const field of ['done', 'required']) addCheckboxes(tasks, tasks.columns[field] as number);
  const dealsSheet = deals
    ? prepareDeals(exec, own, deals, stages, summary)
    : (connected as ConnectedSetup).connectedDeals;
  summary.historyStarted = recordAdoptedDeals(
    ss,
    { stages: stages.sheet, deals: dealsSheet, history: history.sheet },
    language,
    new Date(),
    columnMap,
  );
  return summary;
}

/** The add-on's Deals sheet: the Stage drop-down, its Health column, and Deal IDs where blank. */
function prepareDeals(
  exec: Execution,
  own: Ownership,
  deals: PreparedTable,
  stages: PreparedTable,
  summary: SetupSummary,
): GoogleAppsScript.Spreadsheet.Sheet {
  addStageDropDown(deals, stages);
  const dealHeaders = (deals.grid[deals.headerRow - 1] ?? []).map((h) => cellText(h).trim());
  const health = claimHealthColumn(
    deals.sheet,
    findHealthColumn(deals.sheet, deals.grid, own, exec.columnMap.Deals ?? {}),
    {
      headerRow: deals.headerRow,
      lastColumn: deals.sheet.getLastColumn(),
      language: deals.language,
      headerAt: (c) => dealHeaders[c] ?? '',
    },
    own,
  );
  if (health.added && deals.grid.length > 0)
    summary.columnsAdded.push(`${deals.sheet.getName()}: ${DEALS.columns.health[deals.language]}`);
  else if (health.added) deals.sheet.getRange(deals.headerRow, health.column + 1).setFontWeight('bold');
  summary.dealIdsFilled = fillDealIds(deals, health.column, exec.store);
  return deals.sheet;
}

/** Menu: Set up pipeline sheets. */
export function setupPipeline(): void {
  const exec = beginExecution();
  const { ss, store, language } = exec;
  const t = uiText(language);
  // Setup appends to Stage history and fills Deal IDs: never while another run writes.
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(30_000)) {
    SpreadsheetApp.getUi().alert(t.title, t.busy, SpreadsheetApp.getUi().ButtonSet.OK);
    return;
  }
  try {
    const summary = setupWorkbook(exec);
    ensureEditTrigger(ss);
    store.save();
    ss.toast(t.setupDone(t.setupSummary(summary)), t.title, 8);
  } finally {
    lock.releaseLock();
  }
}
