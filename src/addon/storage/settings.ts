import type { Language } from '../../engine/table';
import type { DocumentStore } from './document-store';
import { languageOfLocale } from '../i18n/language';
import type { Settings } from '../../shared/settings-protocol';

export type { Settings };

const KEY = 'sheetsPipeline.settings';
export const DEFAULT_SETTINGS: Settings = {
  notifications: false,
  managerEmail: '',
  dailyHour: 7,
  languageChoice: 'auto',
};

/** More than this many managers is a mailing list's job; the cap also keeps the setting far below 9 KB. */
export const MAX_MANAGERS = 20;
const MAX_MANAGER_CHARS = 2_000;
const EMAIL = /^[^\s@,;<>]+@[^\s@,;<>]+\.[^\s@,;<>]+$/;

/** The settings as stored, and why they could not be used when they could not. */
export interface SettingsRead {
  readonly settings: Settings;
  /** Set when the stored value was unreadable and defaults are in use: shown in Settings and the last-run line. */
  readonly problem: string | null;
}

export function readSettings(store: DocumentStore): Settings {
  return readSettingsChecked(store).settings;
}

/**
 * The stored settings. A value that cannot be read (edited by hand, cut off)
 * falls back to the defaults, and says so: notifications silently turned off
 * would look like a quiet pipeline.
 */
export function readSettingsChecked(store: DocumentStore, language: Language = 'en'): SettingsRead {
  const text = store.get(KEY);
  if (!text) return { settings: { ...DEFAULT_SETTINGS }, problem: null };
  try {
    const stored: unknown = JSON.parse(text);
    if (typeof stored !== 'object' || stored === null || Array.isArray(stored))
      throw new Error(language === 'ko' ? '설정 형식이 아닙니다' : 'not a settings record');
    return { settings: validateSettings({ ...DEFAULT_SETTINGS, ...stored }, language), problem: null };
  } catch (e) {
    const why = e instanceof SyntaxError ? '' : ` (${e instanceof Error ? e.message : String(e)})`;
    return {
      settings: { ...DEFAULT_SETTINGS },
      problem:
        language === 'ko'
          ? `저장된 설정을 읽을 수 없어 기본값(알림 꺼짐)을 쓰고 있습니다${why}. 설정을 다시 저장하세요.`
          : `The saved settings could not be read, so the defaults (notifications off) are in use${why}. Save Settings again.`,
    };
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

/** The manager addresses of a setting: several, separated by commas, semicolons or new lines; each once. */
export function managerAddresses(settings: Settings): string[] {
  const seen = new Set<string>();
  const addresses: string[] = [];
  for (const part of settings.managerEmail.split(/[,;\n]+/)) {
    const address = part.trim();
    if (address === '' || seen.has(address.toLowerCase())) continue;
    seen.add(address.toLowerCase());
    addresses.push(address);
  }
  return addresses;
}

/** Validates what the settings dialog sends; a bad value is refused with a message, never stored. */
export function validateSettings(input: unknown, language: Language = 'en'): Settings {
  const ko = language === 'ko';
  const fail = (koText: string, enText: string): never => {
    throw new Error(ko ? koText : enText);
  };
  const o = (typeof input === 'object' && input !== null ? input : {}) as Record<string, unknown>;
  const hour =
    typeof o.dailyHour === 'number' || (typeof o.dailyHour === 'string' && o.dailyHour.trim() !== '')
      ? Number(o.dailyHour)
      : Number.NaN;
  if (!Number.isInteger(hour) || hour < 0 || hour > 23)
    fail('점검 시각은 0부터 23 사이의 정수여야 합니다.', 'Daily hour must be a whole hour from 0 to 23.');
  if (typeof o.notifications !== 'boolean')
    fail('알림 설정은 켜기 또는 끄기여야 합니다.', 'Notifications must be on or off.');
  if (o.managerEmail !== undefined && typeof o.managerEmail !== 'string')
    fail('관리자 이메일은 글자여야 합니다.', 'Manager email must be text.');
  const emailText = typeof o.managerEmail === 'string' ? o.managerEmail.trim() : '';
  if (emailText.length > MAX_MANAGER_CHARS)
    fail(
      `관리자 이메일이 너무 깁니다 (${emailText.length.toLocaleString('ko-KR')}자, 최대 ${MAX_MANAGER_CHARS.toLocaleString('ko-KR')}자).`,
      `Manager emails are too long (${emailText.length.toLocaleString('en-US')} characters; at most ${MAX_MANAGER_CHARS.toLocaleString('en-US')}).`,
    );
  const addresses = managerAddresses({ ...DEFAULT_SETTINGS, managerEmail: emailText });
  if (addresses.length > MAX_MANAGERS)
    fail(
      `관리자 이메일은 ${MAX_MANAGERS}개까지입니다 (${addresses.length}개 입력).`,
      `At most ${MAX_MANAGERS} manager emails (${addresses.length} given).`,
    );
  const bad = addresses.find((a) => !EMAIL.test(a));
  if (bad !== undefined) {
    const shown = bad.length > 80 ? `${bad.slice(0, 80)}…` : bad;
    fail(`'${shown}'은(는) 이메일 주소가 아닙니다.`, `'${shown}' is not an email address.`);
  }
  const choice = o.languageChoice;
  if (choice !== 'auto' && choice !== 'ko' && choice !== 'en')
    return fail('언어는 auto, ko, en 중 하나여야 합니다.', 'Language must be auto, ko or en.');
  return {
    notifications: o.notifications as boolean,
    managerEmail: addresses.join(', '),
    dailyHour: hour,
    languageChoice: choice,
  };
}
