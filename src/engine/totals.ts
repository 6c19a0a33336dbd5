import type { Cell } from './cells';

// What a totals row under a table says, after case, spaces and punctuation are dropped.
const TOTAL_WORDS = new Set([
  '합계',
  '총계',
  '소계',
  '총합',
  '합',
  'total',
  'totals',
  'grandtotal',
  'subtotal',
  'sum',
]);

/**
 * A row such as `합계 | | 1,250,000,000` or `Total: …` under a table is not a
 * deal: it gets no Deal ID and is never logged. A cell whose whole text is a
 * totals word marks it.
 *
 * @example
 * isTotalsRow(['합계', '', 125000000]) // → true
 * isTotalsRow(['Total Wine', 'Won', 5000]) // → false
 */
export function isTotalsRow(row: readonly Cell[]): boolean {
  for (const cell of row) {
    if (typeof cell !== 'string') continue;
    const word = cell
      .normalize('NFC')
      .toLowerCase()
      .replace(/[\s\p{P}\p{S}]+/gu, '');
    if (word !== '' && TOTAL_WORDS.has(word)) return true;
  }
  return false;
}
