import type { DocumentStore } from '../storage/document-store';
import { type DailyRun, readDailyRun, readDailyRunRecord, writeDailyRun } from './daily-run';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Trigger = GoogleAppsScript.Script.Trigger;

export const DAILY_HANDLER = 'runDailyChecks';
export const EDIT_HANDLER = 'onDealsEdit';

/**
 * An add-on may hold one trigger of each kind per user per document, so every
 * install first looks at what this user already has here (getUserTriggers)
 * and creates only what is missing.
 */
function mine(ss: Spreadsheet): { daily: Trigger[]; edit: Trigger[] } {
  const triggers = ScriptApp.getUserTriggers(ss);
  return {
    daily: triggers.filter((t) => t.getHandlerFunction() === DAILY_HANDLER),
    edit: triggers.filter((t) => t.getHandlerFunction() === EDIT_HANDLER),
  };
}

/**
 * The edit trigger logs typed stages. Each user who sets up gets one; when
 * several fire for one edit, the second finds the change logged already.
 */
export function ensureEditTrigger(ss: Spreadsheet): boolean {
  if (mine(ss).edit.length > 0) return false;
  ScriptApp.newTrigger(EDIT_HANDLER).forSpreadsheet(ss).onEdit().create();
  return true;
}

/** Who runs the daily check of this spreadsheet, and whether it is the current user. */
export interface DailyRunStatus {
  readonly run: DailyRun | null;
  /** The recorded trigger is one of the current user's. */
  readonly mine: boolean;
}

export function dailyRunStatus(ss: Spreadsheet, store: DocumentStore): DailyRunStatus {
  const run = readDailyRun(store);
  if (!run) return { run: null, mine: false };
  return { run, mine: mine(ss).daily.some((t) => t.getUniqueId() === run.triggerId) };
}

/**
 * Runs the daily check from the current user's account at `hour` (the
 * spreadsheet's zone): their old daily trigger is replaced, and the record
 * names them, so another user's trigger stops at its next run. The caller saves `store`.
 */
export function turnDailyChecksOn(ss: Spreadsheet, store: DocumentStore, hour: number): DailyRun {
  for (const t of mine(ss).daily) ScriptApp.deleteTrigger(t);
  const timeZone = ss.getSpreadsheetTimeZone();
  const trigger = ScriptApp.newTrigger(DAILY_HANDLER)
    .timeBased()
    .atHour(hour)
    .everyDays(1)
    .inTimezone(timeZone)
    .create();
  const run: DailyRun = {
    owner: Session.getEffectiveUser().getEmail(),
    triggerId: trigger.getUniqueId(),
    hour,
    timeZone,
    since: new Date().toISOString(),
  };
  writeDailyRun(store, run);
  ensureEditTrigger(ss);
  return run;
}

/**
 * Stops the daily check for everyone: this user's trigger goes now, another
 * user's at its next run (the record says "off", which it sees).
 */
export function turnDailyChecksOff(ss: Spreadsheet, store: DocumentStore): void {
  for (const t of mine(ss).daily) ScriptApp.deleteTrigger(t);
  writeDailyRun(store, {
    off: true,
    by: Session.getEffectiveUser().getEmail(),
    at: new Date().toISOString(),
  });
}

/**
 * Whether the daily trigger that fired is the spreadsheet's daily check. A
 * trigger an earlier version made (no record yet) becomes the recorded one;
 * a trigger that is no longer recorded deletes itself and does nothing.
 */
export function claimDailyRun(
  ss: Spreadsheet,
  store: DocumentStore,
  triggerUid: string | undefined,
  hour: number,
): boolean {
  if (!triggerUid) return true;
  const run = readDailyRunRecord(store);
  if (run && !('off' in run) && run.triggerId === triggerUid) return true;
  if (!run) {
    writeDailyRun(store, {
      owner: Session.getEffectiveUser().getEmail(),
      triggerId: triggerUid,
      hour,
      timeZone: ss.getSpreadsheetTimeZone(),
      since: new Date().toISOString(),
    });
    return true;
  }
  for (const t of mine(ss).daily) if (t.getUniqueId() === triggerUid) ScriptApp.deleteTrigger(t);
  return false;
}
