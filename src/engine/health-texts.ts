import { cellTexts } from './texts';

/**
 * Whether a cell holds only what a daily check writes into Health, in either
 * language: the way a Health column made by an earlier version (before
 * columns were tagged) is told from a team's own status notes.
 *
 * @example
 * isHealthText('정체: 미팅 약속 완료 17일째 (기준 14일)') // → true
 * isHealthText('보류 — 다음 분기') // → false
 */
export function isHealthText(text: string): boolean {
  const parts = text.split(JOINER);
  return parts.length > 0 && parts.every((part) => PREFIXES.some((p) => part.startsWith(p)));
}

const JOINER = cellTexts('en').joiner;

// Each Health text begins with its kind; the sample arguments only reveal the prefix.
const PREFIXES: readonly string[] = (['ko', 'en'] as const).flatMap((language) => {
  const t = cellTexts(language);
  const sample = [
    t.stale('\u0000', 1, 1),
    t.overdue('\u0000', 1),
    t.enteredMissing('\u0000'),
    t.problem({ table: 'Deals', row: 1, column: '\u0000', value: '', message: '\u0000' }),
  ];
  return sample.map((s) => s.slice(0, s.indexOf(':') + 1));
});
