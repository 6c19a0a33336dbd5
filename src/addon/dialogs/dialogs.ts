import { DocumentStore } from '../storage/document-store';
import { readRunLogChecked } from '../storage/run-log';
import { readSettingsChecked, resolveLanguage, validateSettings, writeSettings } from '../storage/settings';
import type { SettingsState } from '../../shared/settings-protocol';
import { dailyRunStatus, turnDailyChecksOff, turnDailyChecksOn } from '../schedule/triggers';
import { uiText } from '../i18n/ui-text';

/** Menu: opens the deal panel beside the sheet. */
export function showDealPanel(): void {
  const ss = SpreadsheetApp.getActive();
  const t = uiText(resolveLanguage(readSettingsChecked(new DocumentStore()).settings, ss));
  const html = HtmlService.createHtmlOutputFromFile('Sidebar').setTitle(t.panelTitle);
  SpreadsheetApp.getUi().showSidebar(html);
}

/** Menu: opens the settings dialog. */
export function showSettings(): void {
  const ss = SpreadsheetApp.getActive();
  const t = uiText(resolveLanguage(readSettingsChecked(new DocumentStore()).settings, ss));
  const html = HtmlService.createHtmlOutputFromFile('Settings').setWidth(420).setHeight(560);
  SpreadsheetApp.getUi().showModalDialog(html, t.settingsTitle);
}

/** What the settings dialog shows: the settings, who runs the daily check, and the last run. */
export function settingsGetState(): SettingsState {
  return stateOf(SpreadsheetApp.getActive(), new DocumentStore());
}

function stateOf(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, store: DocumentStore): SettingsState {
  const first = readSettingsChecked(store);
  const language = resolveLanguage(first.settings, ss);
  const { settings, problem } = readSettingsChecked(store, language);
  const status = dailyRunStatus(ss, store);
  const lastRun = readRunLogChecked(store, language);
  return {
    settings,
    language,
    dailyChecksOn: status.run !== null,
    dailyRun: status.run
      ? { owner: status.run.owner, hour: status.run.hour, timeZone: status.run.timeZone, mine: status.mine }
      : null,
    timeZone: ss.getSpreadsheetTimeZone(),
    settingsProblem: problem,
    lastRunProblem: lastRun.problem,
    lastRun: lastRun.log,
    mailQuota: settings.notifications ? MailApp.getRemainingDailyQuota() : null,
  };
}

/**
 * Saves validated settings. A new daily hour moves the daily trigger when it
 * is the current user's; when the check runs from someone else's account the
 * hour is refused unless the user takes the check over (`takeOver: true`).
 */
export function settingsSave(input: unknown): SettingsState {
  const ss = SpreadsheetApp.getActive();
  const store = new DocumentStore();
  const before = readSettingsChecked(store).settings;
  const language = resolveLanguage(before, ss);
  // Errors are shown in the dialog, in the language it is in now.
  const settings = validateSettings(input, language);
  const extra = (typeof input === 'object' && input !== null ? input : {}) as {
    takeOver?: unknown;
    dailyChecksOn?: unknown;
  };
  const status = dailyRunStatus(ss, store);
  const wantOn = typeof extra.dailyChecksOn === 'boolean' ? extra.dailyChecksOn : status.run !== null;
  if (!wantOn) {
    if (status.run) turnDailyChecksOff(ss, store);
  } else if (
    !status.run ||
    extra.takeOver === true ||
    (status.mine && status.run.hour !== settings.dailyHour)
  ) {
    turnDailyChecksOn(ss, store, settings.dailyHour);
  } else if (!status.mine && status.run.hour !== settings.dailyHour) {
    throw new Error(uiText(language).hourOfOthers(status.run.owner, status.run.hour));
  }
  writeSettings(store, settings);
  store.save();
  return stateOf(ss, store);
}
