import { type Assessment, assessDeals } from '../../engine/assess';
import type { Cell } from '../../engine/cells';
import { DEALS } from '../../engine/schema';
import { findHeaderRow, headersLanguage } from '../../engine/table';
import { isoDate } from '../../engine/zone';
import { sendDigests } from './digest-send';
import { DocumentStore } from '../storage/document-store';
import { claimHealthColumn } from '../sheets/health-column';
import { logStageEdits } from '../pipeline/stage-log';
import { openSession, type PipelineSession } from '../pipeline/session';
import { type RunLog, readRunLogChecked, writeRunLog } from '../storage/run-log';
import { managerAddresses, readSettingsChecked, resolveLanguage } from '../storage/settings';
import { writeOwnedColumn } from '../sheets/sheets-io';
import { appendTasks } from '../pipeline/task-append';
import { claimDailyRun } from '../schedule/triggers';
import { uiText } from '../i18n/ui-text';

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
 */
export function dailyCheck(
  trigger: RunLog['trigger'],
  now: Date = new Date(),
  triggerUid?: string,
): RunLog | null {
  const ss = SpreadsheetApp.getActive();
  const store = new DocumentStore();
  const read = readSettingsChecked(store);
  const language = resolveLanguage(read.settings, ss);
  const settingsProblem = read.problem === null ? null : readSettingsChecked(store, language).problem;
  const previous = readRunLogChecked(store, language);
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(30_000)) {
    // Said in the UI language (runChecksNow shows it as an alert) and kept, so Settings shows the skip.
    const skipped: RunLog = {
      at: now.toISOString(),
      trigger,
      ok: false,
      error:
        language === 'ko'
          ? '다른 점검이 아직 실행 중이어서 이번 점검은 건너뛰었습니다. 다음 점검이 이어서 처리합니다.'
          : 'Another check was still running; this one was skipped. The next check picks up from there.',
    };
    writeRunLog(store, skipped);
    store.save();
    return skipped;
  }
  try {
    if (trigger === 'schedule' && !claimDailyRun(ss, store, triggerUid, read.settings.dailyHour)) {
      // A trigger of an account the daily check was taken over from: it retired itself.
      store.save();
      return null;
    }
    let log: RunLog;
    try {
      log = checkAndWrite(ss, trigger, now, store, language, read.settings);
    } catch (e) {
      log = { at: now.toISOString(), trigger, ok: false, error: e instanceof Error ? e.message : String(e) };
    }
    const warnings = [settingsProblem, previous.problem].filter((w): w is string => w !== null);
    if (warnings.length > 0) log.warnings = [...(log.warnings ?? []), ...warnings];
    writeRunLog(store, log);
    store.save();
    return log;
  } finally {
    lock.releaseLock();
  }
}

function checkAndWrite(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  trigger: RunLog['trigger'],
  now: Date,
  store: DocumentStore,
  language: 'ko' | 'en',
  settings: ReturnType<typeof readSettingsChecked>['settings'],
): RunLog {
  let session = openSession({ ss, now, language, store, logsOptional: true });
  // Logging what the history misses needs both logs; a spreadsheet never set up has none to write to.
  const loggedLate = session.historySheet && session.tasksSheet ? logStageEdits(session) : 0;
  if (loggedLate > 0) session = openSession({ ss, now, language, store, logsOptional: true });
  const assessment = assessDeals({
    deals: session.deals,
    historyByDeal: session.history(),
    taskKeys: session.tasks.keys,
    today: session.today,
    language,
  });
  const healthChanged = writeHealth(session, assessment);
  const tasksCreated = session.tasksSheet
    ? appendTasks(session.tasksSheet.sheet, session.tasksSheet.grid, assessment.tasks, session)
    : 0;
  const problems = [
    ...session.pipeline.problems,
    ...session.deals.problems,
    ...session.historyProblems(),
    ...session.tasks.problems,
  ];
  const log: RunLog = {
    at: now.toISOString(),
    trigger,
    ok: true,
    deals: session.deals.deals.length,
    stale: assessment.findings.stale.length,
    overdue: assessment.findings.overdue.length,
    healthChanged,
    tasksCreated,
    problems: problems.length,
    emailsSent: 0,
    ...(loggedLate > 0 ? { loggedLate } : {}),
  };
  if (settings.notifications) {
    const sent = sendDigests(store, assessment.findings, {
      day: isoDate(session.today),
      managers: managerAddresses(settings),
      language,
      spreadsheetName: session.ss.getName(),
      url: session.ss.getUrl(),
    });
    Object.assign(log, sent);
  }
  return log;
}

/**
 * Health is the one Deals column the add-on owns (known by its tag, never by
 * its header); added after the last column the first time a row needs it.
 */
function writeHealth(session: PipelineSession, assessment: Assessment): number {
  const { sheet, grid } = session.dealsSheet;
  const table = session.deals.table;
  const firstDataRow = table.firstRow + table.headerIndex + 1;
  const rows = grid.length - (table.headerIndex + 1);
  if (rows <= 0) return 0;
  let column = session.health.column;
  const current: Cell[] = [];
  for (let i = table.headerIndex + 1; i < grid.length; i++)
    current.push(column === null ? '' : (grid[i]?.[column] ?? ''));
  const next = current.map((value, k) => assessment.health.get(firstDataRow + k) ?? value);
  if (column === null && next.every((v) => v === '')) return 0;
  if (column === null) {
    const headerIndex = findHeaderRow(grid, DEALS);
    const headers = (grid[headerIndex] ?? []).map((h) => String(h ?? ''));
    column = claimHealthColumn(
      sheet,
      session.health,
      {
        headerRow: headerIndex + 1,
        lastColumn: Math.max(grid[0]?.length ?? 0, sheet.getLastColumn()),
        language: headersLanguage(headers) ?? session.language,
        headerAt: (c) => headers[c] ?? '',
      },
      session.own,
    ).column;
  } else {
    column = session.healthColumnForWrite() ?? column;
  }
  return writeOwnedColumn(sheet, column + 1, firstDataRow, current, next);
}

/** Trigger handler: errors are recorded, not thrown (nobody would see them). */
export function runDailyChecks(e?: ClockEvent): void {
  dailyCheck('schedule', new Date(), e?.triggerUid);
}

/** Menu: runs the check and says what it did. */
export function runChecksNow(): void {
  const log = dailyCheck('menu');
  const ss = SpreadsheetApp.getActive();
  const t = uiText(resolveLanguage(readSettingsChecked(new DocumentStore()).settings, ss));
  if (!log) return;
  if (!log.ok) {
    SpreadsheetApp.getUi().alert(t.title, log.error ?? '', SpreadsheetApp.getUi().ButtonSet.OK);
    return;
  }
  ss.toast(t.checksDone(log), t.title, 8);
}
