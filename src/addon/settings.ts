import type { Language } from '../engine/table';
import type { DocumentStore } from './document-store';
import { languageOfLocale } from './language';
import type { Settings } from './settings-protocol';

export type { Settings };

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
export function validateSettings(input: unknown, language: Language = 'en'): Settings {
  const ko = language === 'ko';
  const o = (typeof input === 'object' && input !== null ? input : {}) as Record<string, unknown>;
  const hour = Number(o.dailyHour);
  if (!Number.isInteger(hour) || hour < 0 || hour > 23)
    throw new Error(
      ko ? '점검 시각은 0부터 23 사이의 정수여야 합니다.' : 'Daily hour must be a whole hour from 0 to 23.',
    );
  const email = typeof o.managerEmail === 'string' ? o.managerEmail.trim() : '';
  if (email !== '' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email))
    throw new Error(ko ? `'${email}'은(는) 이메일 주소가 아닙니다.` : `'${email}' is not an email address.`);
  const choice = o.languageChoice;
  if (choice !== 'auto' && choice !== 'ko' && choice !== 'en')
    throw new Error(ko ? '언어는 auto, ko, en 중 하나여야 합니다.' : 'Language must be auto, ko or en.');
  return {
    notifications: o.notifications === true,
    managerEmail: email,
    dailyHour: hour,
    languageChoice: choice,
  };
}
