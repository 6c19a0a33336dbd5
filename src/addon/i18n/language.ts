import type { Language } from '../../engine/table';

/** `ko`, `ko_KR`, `ko-KR` → Korean; every other locale → English. */
export function languageOfLocale(locale: string | null | undefined): Language {
  return /^ko([_-]|$)/i.test(locale ?? '') ? 'ko' : 'en';
}
