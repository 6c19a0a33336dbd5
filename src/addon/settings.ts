import type { Language } from '../engine/table';
import type { DocumentStore } from './document-store';
import { languageOfLocale } from './language';

/** What a team sets once per spreadsheet; kept in document properties. */
export interface Settings {
  notifications: boolean;
  managerEmail: string;
  /** Hour of the day (0–23, spreadsheet time zone) the daily check runs. */
  dailyHour: number;
  /** `auto` follows the spreadsheet's locale. */
  languageChoice: 'auto' | Language;
}

const KEY = 'sheetsPipeline.settings';
export const DEFAULT_SETTINGS: Settings = {
  notifications: false,
  managerEmail: '',
  dailyHour: 7,
  languageChoice: 'auto',
};

export function readSettings(store: DocumentStore): Settings {
  const text = store.get(KEY);
  if (!text) return { ...DEFAULT_SETTINGS };
  try {
    return validateSettings({ ...DEFAULT_SETTINGS, ...JSON.parse(text) });
  } catch {
    // Settings written by an older version, or edited by hand: fall back to defaults.
    return { ...DEFAULT_SETTINGS };
  }
}

export function writeSettings(store: DocumentStore, settings: Settings): void {
  store.set(KEY, JSON.stringify(settings));
}

/** The language of what the add-on writes and shows: the setting, or the spreadsheet's locale. */
export function resolveLanguage(settings: Settings, ss: GoogleAppsScript.Spreadsheet.Spreadsheet): Language {
  return settings.languageChoice === 'auto'
    ? languageOfLocale(ss.getSpreadsheetLocale())
    : settings.languageChoice;
}

/** Validates what the settings dialog sends; a bad value is refused, never stored. */
export function validateSettings(input: unknown): Settings {
  const o = (typeof input === 'object' && input !== null ? input : {}) as Record<string, unknown>;
  const hour = Number(o.dailyHour);
  if (!Number.isInteger(hour) || hour < 0 || hour > 23)
    throw new Error('Daily hour must be a whole hour from 0 to 23.');
  const email = typeof o.managerEmail === 'string' ? o.managerEmail.trim() : '';
  if (email !== '' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email))
    throw new Error(`'${email}' is not an email address.`);
  const choice = o.languageChoice;
  if (choice !== 'auto' && choice !== 'ko' && choice !== 'en')
    throw new Error('Language must be auto, ko or en.');
  return {
    notifications: o.notifications === true,
    managerEmail: email,
    dailyHour: hour,
    languageChoice: choice,
  };
}
