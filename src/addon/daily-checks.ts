import type { Cell } from '../engine/cells';
import { checkPipeline, type PipelineCheck } from '../engine/report';
import { DEALS } from '../engine/schema';
import { isoDate, Zone } from '../engine/zone';
import { planDigests } from './digest';
import { DocumentStore } from './document-store';
import { type RunLog, readRunLog, writeRunLog } from './run-log';
import { readSettings, resolveLanguage } from './settings';
import { writeColumnChanges } from './sheets-io';
import { appendTasks } from './task-rows';
import { uiText } from './ui-text';
import { loadSheet, requireSheet } from './workbook';

/**
 * The daily check: reads each table once, lets the engine decide, then writes
 * the Health column (only the cells that change) and appends new tasks, each
 * in one call. A second run the same day finds nothing to write and sends no
 * mail. Errors are recorded for Settings, since triggers send no failure mail.
 */
export function dailyCheck(trigger: RunLog['trigger'], now: Date = new Date()): RunLog {
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(30_000)) {
    // Said in the UI language (runChecksNow shows it as an alert) and kept, so Settings shows the skip.
    const store = new DocumentStore();
    const ko = resolveLanguage(readSettings(store), SpreadsheetApp.getActive()) === 'ko';
    const previous = readRunLog(store);
    const skipped: RunLog = {
      at: now.toISOString(),
      trigger,
      ok: false,
      error: ko
        ? '다른 점검이 아직 실행 중이어서 이번 점검은 건너뛰었습니다.'
        : 'Another check was still running; this one was skipped.',
      ...(previous?.digestDay ? { digestDay: previous.digestDay } : {}),
    };
    writeRunLog(store, skipped);
    store.save();
    return skipped;
  }
  const store = new DocumentStore();
  const previous = readRunLog(store);
  let log: RunLog;
  try {
    log = checkAndWrite(trigger, now, store, previous);
  } catch (e) {
    log = { at: now.toISOString(), trigger, ok: false, error: e instanceof Error ? e.message : String(e) };
    if (previous?.digestDay) log.digestDay = previous.digestDay;
  }
  writeRunLog(store, log);
  store.save();
  lock.releaseLock();
  return log;
}

function checkAndWrite(
  trigger: RunLog['trigger'],
  now: Date,
  store: DocumentStore,
  previous: RunLog | null,
): RunLog {
  const ss = SpreadsheetApp.getActive();
  const zone = new Zone(ss.getSpreadsheetTimeZone());
  const settings = readSettings(store);
  const language = resolveLanguage(settings, ss);
  const stages = requireSheet(ss, 'Stages', language);
  const deals = requireSheet(ss, 'Deals', language);
  const tasks = loadSheet(ss, 'Tasks');
  const today = zone.day(now.getTime());
  const check = checkPipeline(
    {
      stages: stages.grid,
      deals: deals.grid,
      // Read only when a deal's Stage entered is blank: the history then says when it entered.
      history: () => loadSheet(ss, 'Stage history')?.grid ?? [historyHeaderOnly],
      tasks: tasks?.grid ?? null,
    },
    { zone, today, language, forReport: false },
  );

  const healthChanged = writeHealth(deals.sheet, deals.grid, check);
  const tasksCreated = tasks ? appendTasks(tasks.sheet, tasks.grid, check.tasks, { zone, now, store }) : 0;

  const log: RunLog = {
    at: now.toISOString(),
    trigger,
    ok: true,
    deals: check.deals.length,
    stale: check.findings.stale.length,
    overdue: check.findings.overdue.length,
    healthChanged,
    tasksCreated,
    problems: check.problems.length,
    emailsSent: 0,
  };
  const day = isoDate(today);
  if (previous?.digestDay) log.digestDay = previous.digestDay;
  if (settings.notifications && previous?.digestDay !== day) {
    const mails = planDigests(check, {
      managerEmail: settings.managerEmail,
      language,
      spreadsheetName: ss.getName(),
      url: ss.getUrl(),
    });
    if (mails.length > 0) {
      const quota = MailApp.getRemainingDailyQuota();
      const sendable = mails.slice(0, Math.max(0, quota));
      for (const mail of sendable) MailApp.sendEmail(mail.to, mail.subject, mail.body);
      log.emailsSent = sendable.length;
      log.emailsSkipped = mails.length - sendable.length;
      log.digestDay = day;
    }
  }
  return log;
}

// Without a Stage history sheet the check still runs; only the fallback for a blank Stage entered is lost.
const historyHeaderOnly: Cell[] = ['When', 'Deal ID', 'From stage', 'To stage'];

/** Health is the one Deals column the add-on owns; it is added at the end when missing. */
function writeHealth(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  grid: Cell[][],
  check: PipelineCheck,
): number {
  let column = check.dealsTable.columns.health;
  const rows = grid.length - 1;
  if (rows <= 0) return 0;
  const current = grid.slice(1).map((row) => (column === undefined ? '' : (row[column] ?? '')));
  const next = current.map((value, i) => check.health.get(check.dealsTable.firstRow + 1 + i) ?? value);
  if (column === undefined) {
    if (next.every((v) => v === '')) return 0;
    column = check.dealsTable.headers.length;
    // A column added to an existing sheet follows that sheet's headers, as setup does.
    const header = check.dealsTable.language === 'ko' ? DEALS.columns.health.ko : DEALS.columns.health.en;
    sheet.getRange(1, column + 1).setValue(header);
  }
  return writeColumnChanges(sheet, column + 1, 2, current, next);
}

/** Trigger handler: errors are recorded, not thrown (nobody would see them). */
export function runDailyChecks(): void {
  dailyCheck('schedule');
}

/** Menu: runs the check and says what it did. */
export function runChecksNow(): void {
  const log = dailyCheck('menu');
  const ss = SpreadsheetApp.getActive();
  const t = uiText(resolveLanguage(readSettings(new DocumentStore()), ss));
  if (!log.ok) {
    SpreadsheetApp.getUi().alert(t.title, log.error ?? '', SpreadsheetApp.getUi().ButtonSet.OK);
    return;
  }
  ss.toast(t.checksDone(log), t.title, 8);
}
