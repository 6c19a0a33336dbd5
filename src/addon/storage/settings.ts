import { isEmailAddress } from '../../engine/email';
import type { Language } from '../../engine/table';
import type { Settings } from '../../shared/settings-protocol';
import { messages } from '../i18n/messages';
import type { DocumentStore } from './document-store';

export type { Settings };

const KEY = 'sheetsPipeline.settings';
export const DEFAULT_SETTINGS: Settings = {
  notifications: false,
  managerEmail: '',
  dailyHour: 7,
  languageChoice: 'auto',
  lostReasons: [],
  autoSendEntryEmails: false,
};

/** SPEC §4: the lost reasons a team starts with, until it sets its own. */
export const DEFAULT_LOST_REASONS: Readonly<Record<Language, readonly string[]>> = {
  ko: ['가격', '경쟁사 선택', '예산 없음', '시기', '응답 없음', '기타'],
  en: ['Price', 'Chose a competitor', 'No budget', 'Timing', 'No response', 'Other'],
};
/** A picklist, not a database: a reason is a few words, and a list past 30 is not picked from. */
export const MAX_LOST_REASONS = 30;
const MAX_LOST_REASON_CHARS = 80;

/** The lost reasons to pick from: the team's, else the defaults in `language`. */
export function lostReasonsOf(settings: Settings, language: Language): string[] {
  return settings.lostReasons.length > 0 ? [...settings.lostReasons] : [...DEFAULT_LOST_REASONS[language]];
}

/** More than this many managers is a mailing list's job; the cap also keeps the setting far below 9 KB. */
export const MAX_MANAGERS = 20;
const MAX_MANAGER_CHARS = 2_000;

/** The settings as stored, and whether they could be read. */
export interface SettingsRead {
  readonly settings: Settings;
  /**
   * Set when the stored value was unreadable and the defaults are in use:
   * why, in the words of the language asked for ('' when it simply is not
   * JSON). Shown in Settings and the last-run line, never silent.
   */
  readonly unreadable: string | null;
}

/**
 * The stored settings. A value that cannot be read (edited by hand, cut off)
 * falls back to the defaults, and says so: notifications silently turned off
 * would look like a quiet pipeline.
 */
export function readSettings(store: DocumentStore, language: Language = 'en'): SettingsRead {
  const text = store.get(KEY);
  if (!text) return { settings: { ...DEFAULT_SETTINGS }, unreadable: null };
  try {
    const stored: unknown = JSON.parse(text);
    if (typeof stored !== 'object' || stored === null || Array.isArray(stored))
      throw new Error(messages(language).notASettingsRecord);
    return { settings: validateSettings({ ...DEFAULT_SETTINGS, ...stored }, language), unreadable: null };
  } catch (e) {
    return {
      settings: { ...DEFAULT_SETTINGS },
      unreadable: e instanceof SyntaxError ? '' : e instanceof Error ? e.message : String(e),
    };
  }
}

export function writeSettings(store: DocumentStore, settings: Settings): void {
  store.set(KEY, JSON.stringify(settings));
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
  const m = messages(language);
  const fail = (message: string): never => {
    throw new Error(message);
  };
  const o = (typeof input === 'object' && input !== null ? input : {}) as Record<string, unknown>;
  const hour =
    typeof o.dailyHour === 'number' || (typeof o.dailyHour === 'string' && o.dailyHour.trim() !== '')
      ? Number(o.dailyHour)
      : Number.NaN;
  if (!Number.isInteger(hour) || hour < 0 || hour > 23) fail(m.hour);
  if (typeof o.notifications !== 'boolean') fail(m.notifications);
  if (o.managerEmail !== undefined && typeof o.managerEmail !== 'string') fail(m.managerText);
  const emailText = typeof o.managerEmail === 'string' ? o.managerEmail.trim() : '';
  if (emailText.length > MAX_MANAGER_CHARS) fail(m.managersTooLong(emailText.length, MAX_MANAGER_CHARS));
  const addresses = managerAddresses({ ...DEFAULT_SETTINGS, managerEmail: emailText });
  if (addresses.length > MAX_MANAGERS) fail(m.tooManyManagers(addresses.length, MAX_MANAGERS));
  const bad = addresses.find((a) => !isEmailAddress(a));
  if (bad !== undefined) fail(m.notAnEmail(bad.length > 80 ? `${bad.slice(0, 80)}…` : bad));
  const choice = o.languageChoice;
  if (choice !== 'auto' && choice !== 'ko' && choice !== 'en') return fail(m.languageChoice);
  // Absent in settings saved before the option existed: off.
  if (o.autoSendEntryEmails !== undefined && typeof o.autoSendEntryEmails !== 'boolean')
    fail(m.autoSendOnOrOff);
  return {
    notifications: o.notifications as boolean,
    managerEmail: addresses.join(', '),
    dailyHour: hour,
    languageChoice: choice,
    lostReasons: validLostReasons(o.lostReasons, language),
    autoSendEntryEmails: o.autoSendEntryEmails === true,
  };
}

/** Trimmed, each once (case ignored), in the order given; blank lines dropped. Absent = the defaults. */
function validLostReasons(input: unknown, language: Language): string[] {
  const m = messages(language);
  if (input === undefined) return [];
  if (!Array.isArray(input) || input.some((r) => typeof r !== 'string')) throw new Error(m.lostReasonsText);
  const seen = new Set<string>();
  const reasons: string[] = [];
  for (const raw of input as string[]) {
    const reason = raw.trim().replace(/\s+/g, ' ');
    if (reason === '' || seen.has(reason.toLowerCase())) continue;
    // Named (its start, when very long), as a bad manager address is: a list of 30 needs the culprit.
    if (reason.length > MAX_LOST_REASON_CHARS)
      throw new Error(m.lostReasonTooLong(`${reason.slice(0, 40)}…`, MAX_LOST_REASON_CHARS));
    seen.add(reason.toLowerCase());
    reasons.push(reason);
  }
  if (reasons.length > MAX_LOST_REASONS)
    throw new Error(m.tooManyLostReasons(reasons.length, MAX_LOST_REASONS));
  return reasons;
}
