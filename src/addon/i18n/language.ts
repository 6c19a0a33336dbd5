import type { Language } from '../../engine/table';
import type { Settings } from '../../shared/settings-protocol';

/** `ko`, `ko_KR`, `ko-KR` → Korean; every other locale → English. */
export function languageOfLocale(locale: string | null | undefined): Language {
  return /^ko([_-]|$)/i.test(locale ?? '') ? 'ko' : 'en';
}

/** The language of what the add-on writes and shows: the setting, or the spreadsheet's locale. */
export function resolveLanguage(settings: Settings, locale: string): Language {
  return settings.languageChoice === 'auto' ? languageOfLocale(locale) : settings.languageChoice;
}
