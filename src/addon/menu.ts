import { languageOfLocale } from './i18n/language';
import { uiText } from './i18n/ui-text';
import { beginExecution } from './storage/execution';

interface OpenEvent {
  authMode?: GoogleAppsScript.Script.AuthMode;
}

/**
 * Builds the Extensions › Sheets Pipeline menu. In AuthMode.NONE (a document
 * where the add-on is installed but not yet used) only the menu may be built:
 * no document properties, no spreadsheet reads. The user's own locale is
 * allowed there, so the menu is still in their language.
 */
export function onOpen(e?: OpenEvent): void {
  const limited = e?.authMode === ScriptApp.AuthMode.NONE;
  const language = limited ? languageOfLocale(Session.getActiveUserLocale()) : beginExecution().language;
  const t = uiText(language).menu;
  SpreadsheetApp.getUi()
    .createAddonMenu()
    .addItem(t.setup, 'setupPipeline')
    .addItem(t.connect, 'showConnect')
    .addItem(t.panel, 'showDealPanel')
    .addSeparator()
    .addItem(t.runChecks, 'runChecksNow')
    .addItem(t.toggleChecks, 'toggleDailyChecks')
    .addItem(t.review, 'showReview')
    .addItem(t.dashboard, 'buildDashboard')
    .addSeparator()
    .addItem(t.settings, 'showSettings')
    .addToUi();
}

/** Runs when the add-on is installed from the Marketplace: the menu appears at once. */
export function onInstall(e?: OpenEvent): void {
  onOpen(e);
}
