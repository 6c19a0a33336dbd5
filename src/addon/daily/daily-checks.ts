import { type Assessment, assessDeals } from '../../engine/assess';
import type { Cell } from '../../engine/cells';
import { DEALS } from '../../engine/schema';
import { findHeaderRow, headersLanguage } from '../../engine/table';
import { isoDate } from '../../engine/zone';
import type { RunLog } from '../../shared/settings-protocol';
import { messages } from '../i18n/messages';
import { uiText } from '../i18n/ui-text';
import { openSession, type PipelineSession } from '../pipeline/session';
import { logStageEdits } from '../pipeline/stage-log';
import { appendTasks } from '../pipeline/task-append';
import { claimDailyRun } from '../schedule/triggers';
import { claimHealthColumn } from '../sheets/health-column';
import { changedCells, writeColumnCells } from '../sheets/sheets-io';
import { beginExecution, type Execution } from '../storage/execution';
import { readRunLog, writeRunLog } from '../storage/run-log';
import { managerAddresses } from '../storage/settings';
import { sendDigests } from './digest-send';

interface ClockEvent {
  triggerUid?: string;
}

/**
 * The daily check: reads each table once, logs stage changes the history is
 * missing, lets the engine decide, then writes the Health column (only the
 * cells that change) and appends new tasks, each in one call, and sends the
 * digests not yet sent today. A second run the same day writes nothing and
 * sends nothing. Errors are recorded for Settings, since triggers send no
 * failure mail; one bad row never stops the run for the others.
 *
 * @returns what the run did, or `null` when the trigger that fired is no longer the spreadsheet's daily check
 */
export function dailyCheck(exec: Execution, trigger: RunLog['trigger'], triggerUid?: string): RunLog | null {
  const { ss, store, language, now } = exec;
  const previous = readRunLog(store);
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(30_000)) {
    // Kept, so Settings shows the skip (and "Run checks now" shows it as an alert).
    const skipped: RunLog = {
      at: now.toISOString(),
      trigger,
      ok: false,
      error: messages(language).checkSkipped,
    };
    writeRunLog(store, skipped);
    store.save();
    return skipped;
  }
  try {
    if (trigger === 'schedule' && !claimDailyRun(ss, store, triggerUid, exec.settings.dailyHour)) {
      // A trigger of an account the daily check was taken over from: it retired itself.
      store.save();
      return null;
    }
    let log: RunLog;
    try {
      log = checkAndWrite(exec, trigger);
    } catch (e) {
      log = { at: now.toISOString(), trigger, ok: false, error: e instanceof Error ? e.message : String(e) };
    }
    const warnings = [exec.settingsProblem, previous.unreadable ? messages(language).runLogUnreadable : null];
    for (const warning of warnings) if (warning !== null) log.warnings = [...(log.warnings ?? []), warning];
    writeRunLog(store, log);
    store.save();
    return log;
  } finally {
    lock.releaseLock();
  }
}

function checkAndWrite(exec: Execution, trigger: RunLog['trigger']): RunLog {
  let session = openSession(exec, { logsOptional: true });
  // Logging what the history misses needs both logs; a spreadsheet never set up has none to write to.
  const loggedLate = session.historySheet && session.tasksSheet ? logStageEdits(session) : 0;
  if (loggedLate > 0) session = openSession(exec, { logsOptional: true });
  const assessment = assessDeals({
    deals: session.deals,
    historyByDeal: session.history(),
    taskKeys: session.tasks.keys,
    today: session.today,
    language: exec.language,
  });
  const log: RunLog = {
    at: exec.now.toISOString(),
    trigger,
    ok: true,
    deals: session.deals.deals.length,
    stale: assessment.findings.stale.length,
    overdue: assessment.findings.overdue.length,
    healthChanged: writeHealth(session, assessment),
    tasksCreated: session.tasksSheet
      ? appendTasks(session.tasksSheet.sheet, session.tasksSheet.grid, assessment.tasks, session)
      : 0,
    problems: problemCount(session),
    emailsSent: 0,
    ...(loggedLate > 0 ? { loggedLate } : {}),
  };
  if (exec.settings.notifications) {
    const sent = sendDigests(exec.store, assessment.findings, {
      day: isoDate(session.today),
      managers: managerAddresses(exec.settings),
      language: exec.language,
      spreadsheetName: exec.ss.getName(),
      url: exec.ss.getUrl(),
    });
    Object.assign(log, sent);
  }
  return log;
}

function problemCount(session: PipelineSession): number {
  return (
    session.pipeline.problems.length +
    session.deals.problems.length +
    session.historyProblems().length +
    session.tasks.problems.length
  );
}

/**
 * Health is the one Deals column the add-on owns (known by its tag, never by
 * its header); added after the last column the first time a row needs it.
 */
function writeHealth(session: PipelineSession, assessment: Assessment): number {
  const { sheet, grid } = session.dealsSheet;
  const table = session.deals.table;
  const firstDataRow = table.firstRow + table.headerIndex + 1;
  if (grid.length <= table.headerIndex + 1) return 0;
  const known = session.health.column;
  const current: Cell[] = [];
  for (let i = table.headerIndex + 1; i < grid.length; i++)
    current.push(known === null ? '' : (grid[i]?.[known] ?? ''));
  const next = current.map((value, k) => assessment.health.get(firstDataRow + k) ?? value);
  if (known === null && next.every((v) => v === '')) return 0;
  const column = known === null ? addHealthColumn(session) : (session.healthColumnForWrite() ?? known);
  // Health is the add-on's: one write over the span of changes, rows between written back unchanged.
  const changed = changedCells(firstDataRow, current, next);
  return writeColumnCells(sheet, column + 1, changed, (row) => current[row - firstDataRow] ?? '');
}

/** A Health column after the last one, with its header in the header row, in the language of the Deals headers. */
function addHealthColumn(session: PipelineSession): number {
  const { sheet, grid } = session.dealsSheet;
  const headerIndex = findHeaderRow(grid, DEALS, session.exec.columnMap.Deals ?? {});
  const headers = (grid[headerIndex] ?? []).map((h) => String(h ?? ''));
  const place = {
    headerRow: headerIndex + 1,
    lastColumn: Math.max(grid[0]?.length ?? 0, sheet.getLastColumn()),
    language: headersLanguage(headers) ?? session.language,
    headerAt: (c: number) => headers[c] ?? '',
  };
  return claimHealthColumn(sheet, session.health, place, session.own).column;
}

/** Trigger handler: errors are recorded, not thrown (nobody would see them). */
export function runDailyChecks(e?: ClockEvent): void {
  dailyCheck(beginExecution(), 'schedule', e?.triggerUid);
}

/** Menu: runs the check and says what it did. */
export function runChecksNow(): void {
  const exec = beginExecution();
  const log = dailyCheck(exec, 'menu');
  const t = uiText(exec.language);
  if (!log) return;
  if (!log.ok) {
    SpreadsheetApp.getUi().alert(t.title, log.error ?? '', SpreadsheetApp.getUi().ButtonSet.OK);
    return;
  }
  exec.ss.toast(t.checksDone(log), t.title, 8);
}
