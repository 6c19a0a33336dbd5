import { type Cell, cellText, isBlankCell } from './cells';
import type { Parsed } from './dates';
import { parseProbability } from './values';

/**
 * Probabilities read by their column (SPEC §2): in a column whose other
 * numbers exceed 1, every number is a percent, so `1` there is 1% (a CRM
 * export of `10, 1, 50`), not 100%. Elsewhere a number in [0,1] is a
 * fraction, one in (1,100] a percent, and `70%` is 0.7.
 */

// A plain number as text (`20`, `0.2`), which a percent column reads as a percent.
const PLAIN_NUMBER = /^\s*(\d+(?:\.\d+)?|\.\d+)\s*$/;

function plainNumber(cell: Cell): number | null {
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : null;
  if (typeof cell !== 'string') return null;
  const m = PLAIN_NUMBER.exec(cell);
  return m ? Number(m[1]) : null;
}

/**
 * Whether a probability column writes percents as plain numbers: some
 * number in it is over 1 (and none over 100, which would be no probability).
 *
 * @example
 * isPercentColumn([10, 1, 50]) // → true
 * isPercentColumn([0.1, 1, '']) // → false
 * isPercentColumn(['70%', 1]) // → false
 */
export function isPercentColumn(values: Iterable<Cell>): boolean {
  let over1 = false;
  for (const value of values) {
    const n = plainNumber(value);
    if (n !== null && n > 1) over1 = true;
  }
  return over1;
}

/**
 * One probability cell of a column, with the column's rule: `null` for a
 * blank cell (no probability of its own).
 *
 * @example
 * readProbability(1, true) // → { ok: true, value: 0.01 }
 * readProbability(1, false) // → { ok: true, value: 1 }
 * readProbability('20%', true) // → { ok: true, value: 0.2 }
 * readProbability('', true) // → { ok: true, value: null }
 */
export function readProbability(cell: Cell, percentColumn: boolean): Parsed<number | null> {
  if (isBlankCell(cell)) return { ok: true, value: null };
  const n = percentColumn ? plainNumber(cell) : null;
  if (n !== null) {
    return n <= 100
      ? { ok: true, value: Math.round(n * 1e7) / 1e9 }
      : { ok: false, message: `is over 100% (${cellText(cell).trim()})` };
  }
  return parseProbability(cell);
}
