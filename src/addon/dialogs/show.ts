import { uiText } from '../i18n/ui-text';
import { beginExecution } from '../storage/execution';

/** Menu: opens the deal panel beside the sheet. */
export function showDealPanel(): void {
  const t = uiText(beginExecution().language);
  const html = HtmlService.createHtmlOutputFromFile('Sidebar').setTitle(t.panelTitle);
  SpreadsheetApp.getUi().showSidebar(html);
}

/** Menu: opens the settings dialog. */
export function showSettings(): void {
  const t = uiText(beginExecution().language);
  const html = HtmlService.createHtmlOutputFromFile('Settings').setWidth(420).setHeight(560);
  SpreadsheetApp.getUi().showModalDialog(html, t.settingsTitle);
}

/** Menu: Connect your sheet — a dialog over the team's own sheet (SPEC §4). */
export function showConnect(): void {
  const t = uiText(beginExecution().language);
  const html = HtmlService.createHtmlOutputFromFile('Connect').setWidth(720).setHeight(640);
  SpreadsheetApp.getUi().showModalDialog(html, t.connectTitle);
}
