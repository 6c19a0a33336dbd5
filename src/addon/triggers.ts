import { DocumentStore } from './document-store';
import { readSettings, resolveLanguage } from './settings';
import { uiText } from './ui-text';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Trigger = GoogleAppsScript.Script.Trigger;

export const DAILY_HANDLER = 'runDailyChecks';
export const EDIT_HANDLER = 'onDealsEdit';

/**
 * An add-on may hold one trigger of each kind per user per document, so every
 * install first looks at what this user already has here (getUserTriggers)
 * and creates only what is missing.
 */
function ours(ss: Spreadsheet): { daily: Trigger[]; edit: Trigger[] } {
  const triggers = ScriptApp.getUserTriggers(ss);
  return {
    daily: triggers.filter((t) => t.getHandlerFunction() === DAILY_HANDLER),
    edit: triggers.filter((t) => t.getHandlerFunction() === EDIT_HANDLER),
  };
}

export function ensureEditTrigger(ss: Spreadsheet): boolean {
  if (ours(ss).edit.length > 0) return false;
  ScriptApp.newTrigger(EDIT_HANDLER).forSpreadsheet(ss).onEdit().create();
  return true;
}

/** Turns the daily check (at `hour` in the spreadsheet's zone) and the edit handler on or off. */
export function setTriggers(ss: Spreadsheet, on: boolean, hour: number): void {
  const { daily, edit } = ours(ss);
  if (!on) {
    for (const t of [...daily, ...edit]) ScriptApp.deleteTrigger(t);
    return;
  }
  if (daily.length === 0) {
    ScriptApp.newTrigger(DAILY_HANDLER)
      .timeBased()
      .atHour(hour)
      .everyDays(1)
      .inTimezone(ss.getSpreadsheetTimeZone())
      .create();
  }
  if (edit.length === 0) ScriptApp.newTrigger(EDIT_HANDLER).forSpreadsheet(ss).onEdit().create();
}

export function dailyChecksOn(ss: Spreadsheet): boolean {
  return ours(ss).daily.length > 0;
}

/** A new daily hour takes effect by replacing the daily trigger. */
export function rescheduleDaily(ss: Spreadsheet, hour: number): void {
  const { daily } = ours(ss);
  if (daily.length === 0) return;
  for (const t of daily) ScriptApp.deleteTrigger(t);
  ScriptApp.newTrigger(DAILY_HANDLER)
    .timeBased()
    .atHour(hour)
    .everyDays(1)
    .inTimezone(ss.getSpreadsheetTimeZone())
    .create();
}

/** Menu: flips the daily checks and says which way. */
export function toggleDailyChecks(): void {
  const ss = SpreadsheetApp.getActive();
  const settings = readSettings(new DocumentStore());
  const t = uiText(resolveLanguage(settings, ss));
  const on = !dailyChecksOn(ss);
  setTriggers(ss, on, settings.dailyHour);
  ss.toast(on ? t.checksOn(settings.dailyHour) : t.checksOff, t.title, 6);
}
