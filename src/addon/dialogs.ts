import { DocumentStore } from './document-store';
import { readRunLog } from './run-log';
import { readSettings, resolveLanguage, validateSettings, writeSettings } from './settings';
import type { SettingsState } from './settings-protocol';
import { dailyChecksOn, rescheduleDaily } from './triggers';
import { uiText } from './ui-text';

/** Menu: opens the deal panel beside the sheet. */
export function showDealPanel(): void {
  const ss = SpreadsheetApp.getActive();
  const t = uiText(resolveLanguage(readSettings(new DocumentStore()), ss));
  const html = HtmlService.createHtmlOutputFromFile('Sidebar').setTitle(t.panelTitle);
  SpreadsheetApp.getUi().showSidebar(html);
}

/** Menu: opens the settings dialog. */
export function showSettings(): void {
  const ss = SpreadsheetApp.getActive();
  const t = uiText(resolveLanguage(readSettings(new DocumentStore()), ss));
  const html = HtmlService.createHtmlOutputFromFile('Settings').setWidth(420).setHeight(520);
  SpreadsheetApp.getUi().showModalDialog(html, t.settingsTitle);
}

/** What the settings dialog shows: the settings, whether checks are on, and the last run. */
export function settingsGetState(): SettingsState {
  const ss = SpreadsheetApp.getActive();
  const store = new DocumentStore();
  const settings = readSettings(store);
  return {
    settings,
    language: resolveLanguage(settings, ss),
    dailyChecksOn: dailyChecksOn(ss),
    lastRun: readRunLog(store),
    mailQuota: settings.notifications ? MailApp.getRemainingDailyQuota() : null,
  };
}

/** Saves validated settings; a new daily hour moves the daily trigger. */
export function settingsSave(input: unknown): SettingsState {
  const store = new DocumentStore();
  const before = readSettings(store);
  // Errors are shown in the dialog, in the language it is in now.
  const settings = validateSettings(input, resolveLanguage(before, SpreadsheetApp.getActive()));
  writeSettings(store, settings);
  store.save();
  if (before.dailyHour !== settings.dailyHour)
    rescheduleDaily(SpreadsheetApp.getActive(), settings.dailyHour);
  return settingsGetState();
}
