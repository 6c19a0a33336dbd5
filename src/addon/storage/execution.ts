import type { Language } from '../../engine/table';
import type { Settings } from '../../shared/settings-protocol';
import { resolveLanguage } from '../i18n/language';
import { messages } from '../i18n/messages';
import { type ColumnMap, readColumnMap } from './column-map';
import { DocumentStore } from './document-store';
import { readSettings } from './settings';

/**
 * What every entry point needs first, read once per execution and passed
 * down: the spreadsheet, its document properties, the settings and the
 * language everything is said in. Nothing below resolves them again.
 */
export interface Execution {
  readonly ss: GoogleAppsScript.Spreadsheet.Spreadsheet;
  readonly store: DocumentStore;
  readonly settings: Settings;
  /** Why the stored settings could not be used (defaults are in use), in `language`; `null` when they could. */
  readonly settingsProblem: string | null;
  readonly language: Language;
  /** The spreadsheet's locale (`ko_KR`), read once: numbers, dates, currency and the language follow it. */
  readonly locale: string;
  readonly now: Date;
  /** The headers a team chose for fields (Connect your sheet), per table. */
  readonly columnMap: ColumnMap;
}

export function beginExecution(now: Date = new Date()): Execution {
  const ss = SpreadsheetApp.getActive();
  const store = new DocumentStore();
  const read = readSettings(store);
  const locale = ss.getSpreadsheetLocale();
  const language = resolveLanguage(read.settings, locale);
  const settingsProblem =
    read.unreadable === null
      ? null
      : messages(language).settingsUnreadable(readSettings(store, language).unreadable ?? '');
  return {
    ss,
    store,
    settings: read.settings,
    locale,
    settingsProblem,
    language,
    now,
    columnMap: readColumnMap(store),
  };
}
