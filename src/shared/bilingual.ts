/** The languages the add-on speaks, in the sidebar, the dialogs and the sheets it writes. */
export type BilingualLanguage = 'ko' | 'en';

/**
 * A table of texts in both languages, picked by language. The English table
 * fixes the keys and their types; the Korean one must have exactly those (a
 * missing or extra key is a type error), so no text can go untranslated.
 */
export function bilingual<T>(tables: {
  readonly en: T;
  readonly ko: NoInfer<T>;
}): (language: BilingualLanguage) => T {
  return (language) => (language === 'ko' ? tables.ko : tables.en);
}

/**
 * An English count with its noun: `1 email`, `2 emails` (Korean needs no
 * plural: `메일 2통`).
 */
export function englishCount(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}
