import { type Cell, cellText, isBlankCell, isDateCell } from './cells';
import type { Parsed } from './dates';
import { type DecimalMark, settleSeparators } from './number-format';

/**
 * Beyond a quadrillion (10¹⁵) an amount is a typo, and sums of such numbers
 * lose whole units or overflow: refuse it rather than forecast nonsense.
 */
export const MAX_AMOUNT = 1e15;

const CURRENCY = /₩|\$|€|£|¥|원|krw|usd|eur|jpy|gbp/gi;
// Korean units multiply what stands before them: 1억 5,000만 = 150,000,000.
const UNIT: Record<string, number> = { 억: 1e8, 천만: 1e7, 백만: 1e6, 만: 1e4, 천: 1e3, k: 1e3, m: 1e6 };
const TERM = /(\d+(?:\.\d+)?)(억|천만|백만|만|천|k|m)?/gy;

/** How to read an amount's separators: the column's decimal mark (`decimalMarkOf`). */
export interface AmountOptions {
  /**
   * `'.'` or `','` reads `12.500` and `1,25` by that mark; `null` means the
   * column and the locale did not settle it, so a value whose reading depends
   * on the mark is refused with both readings. Absent (`undefined`): the cell
   * alone decides, as before columns were settled (`12.500` is 12.5).
   */
  readonly decimal?: DecimalMark | null;
}

/**
 * Reads an amount. Numbers pass; text such as `10,000,000원`, `₩10,000,000`,
 * `$12,500`, `1,000만원`, `1.5억` or `1억 5천만` is read as a person would.
 * Blank is 0. Negative or unreadable values are refused, never guessed.
 * With `decimal` (SPEC §2: settled per column) a separator that could be
 * either is read by the column's mark, or refused when it has none.
 *
 * @example
 * parseAmount('₩10,000,000') // → { ok: true, value: 10000000 }
 * parseAmount('1억 2천만원') // → { ok: true, value: 120000000 }
 * parseAmount('TBD') // → { ok: false, message: 'is not an amount' }
 * parseAmount('12.500 €', { decimal: ',' }) // → { ok: true, value: 12500 }
 * parseAmount('1,25', { decimal: ',' }) // → { ok: true, value: 1.25 }
 * parseAmount('$12,500', { decimal: '.' }) // → { ok: true, value: 12500 }
 * parseAmount('12.500', { decimal: null }).ok // → false
 */
export function parseAmount(cell: Cell, options?: AmountOptions): Parsed<number> {
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) return { ok: false, message: 'is not a number' };
    if (cell < 0) return { ok: false, message: 'is negative' };
    return cell > MAX_AMOUNT ? { ok: false, message: 'is too large' } : { ok: true, value: cell };
  }
  if (isBlankCell(cell)) return { ok: true, value: 0 };
  if (typeof cell !== 'string') return { ok: false, message: 'is not an amount' };
  const text = cell.trim().replace(CURRENCY, '').replace(/\s+/g, '');
  if (/^-|^\(.*\)$|-$/.test(text)) return { ok: false, message: 'is negative' };
  const unsigned = text.replace(/^\+/, '');
  // Callers may hand parseAmount to Array#map, whose second argument is an index, not options.
  const decimal = typeof options === 'object' && options !== null ? options.decimal : undefined;
  let plain: string | null;
  if (decimal === undefined) plain = normalizeSeparators(unsigned);
  else {
    const settled = settleSeparators(unsigned, decimal);
    if (!settled.ok) return settled;
    plain = settled.value;
  }
  const value = plain === null ? null : sumTerms(plain);
  if (value === null) return { ok: false, message: 'is not an amount' };
  return value > MAX_AMOUNT ? { ok: false, message: 'is too large' } : { ok: true, value };
}

// A separator not between a digit and exactly three digits.
const BAD_DOT_GROUP = /(^|\D)\.|\.(?!\d{3}(?!\d))/;
const BAD_COMMA_GROUP = /(^|\D),|,(?!\d{3}(?!\d))/;

/**
 * The cell-alone reading, kept for callers that do not settle a column's
 * decimal mark: `1,234,567.89` and European `1.234.567,89` both become
 * `1234567.89`; a comma after the last dot is a decimal comma, several dots
 * are thousands, a single dot is a decimal point (`12.500` is 12.5).
 * A thousands separator must be followed by exactly three digits, so `1..2`,
 * `1,2` or `12,50` is refused rather than guessed. `null` when malformed.
 */
function normalizeSeparators(text: string): string | null {
  const lastDot = text.lastIndexOf('.');
  const lastComma = text.lastIndexOf(',');
  const grouped = (t: string, sep: '.' | ',') => !(sep === '.' ? BAD_DOT_GROUP : BAD_COMMA_GROUP).test(t);
  if (lastComma > lastDot && lastDot >= 0) {
    const whole = text.slice(0, lastComma);
    return grouped(whole, '.') ? `${whole.replace(/\./g, '')}.${text.slice(lastComma + 1)}` : null;
  }
  if ((text.match(/\./g) ?? []).length > 1) return grouped(text, '.') ? text.replace(/\./g, '') : null;
  return grouped(text, ',') ? text.replace(/,/g, '') : null;
}

function sumTerms(text: string): number | null {
  if (text === '') return null;
  const lower = text.toLowerCase();
  TERM.lastIndex = 0;
  let total = 0;
  let terms = 0;
  let lastUnit = Number.POSITIVE_INFINITY;
  while (TERM.lastIndex < text.length) {
    const m = TERM.exec(lower);
    if (!m) return null;
    const unit = m[2] ? (UNIT[m[2]] ?? 1) : 1;
    // Units must fall (1억 5천만), and a bare number may only come last (1만 5000).
    if (unit >= lastUnit) return null;
    lastUnit = unit;
    total += Number(m[1]) * unit;
    terms++;
  }
  return terms > 0 && Number.isFinite(total) ? total : null;
}

/**
 * A win probability: a number in [0, 1] is a fraction (so `1` is 100%), in
 * (1, 100] a percent; text `70%` or `70` likewise. Anything else is refused.
 *
 * @example
 * parseProbability('70%') // → { ok: true, value: 0.7 }
 * parseProbability(70) // → { ok: true, value: 0.7 }
 * parseProbability(1) // → { ok: true, value: 1 }
 */
export function parseProbability(cell: Cell): Parsed<number> {
  let n: number;
  let percent = false;
  if (typeof cell === 'number') n = cell;
  else if (typeof cell === 'string' && cell.trim() !== '') {
    const text = cell.trim().replace(/\s+/g, '');
    percent = text.endsWith('%');
    const digits = percent ? text.slice(0, -1) : text;
    n = /^\d+(\.\d+)?$|^\.\d+$/.test(digits) ? Number(digits) : Number.NaN;
  } else {
    return {
      ok: false,
      message: isBlankCell(cell) ? 'is blank; give a percent such as 70%' : 'is not a probability',
    };
  }
  if (!Number.isFinite(n) || n < 0) return { ok: false, message: 'is not a probability between 0% and 100%' };
  if (percent) return n <= 100 ? { ok: true, value: n / 100 } : { ok: false, message: 'is over 100%' };
  if (n <= 1) return { ok: true, value: n };
  if (n <= 100) return { ok: true, value: n / 100 };
  return { ok: false, message: 'is over 100%' };
}

const TRUE_WORDS = new Set([
  'true',
  'yes',
  'y',
  'x',
  'o',
  '1',
  '✓',
  '✔',
  '☑',
  'done',
  '완료',
  '예',
  '네',
  'v',
]);
const FALSE_WORDS = new Set(['false', 'no', 'n', '0', '', '☐', '아니오', '미완료']);

/** A checkbox: TRUE/FALSE, or text a person would tick. `null` when unreadable. */
export function parseBoolean(cell: Cell): boolean | null {
  if (typeof cell === 'boolean') return cell;
  if (typeof cell === 'number') return cell === 1 ? true : cell === 0 ? false : null;
  if (cell === null || cell === undefined) return false;
  if (typeof cell !== 'string') return null;
  const word = cell.trim().toLowerCase();
  if (TRUE_WORDS.has(word)) return true;
  if (FALSE_WORDS.has(word)) return false;
  return null;
}

/** Whole days, such as a stale threshold: a non-negative integer. `null` = blank. *
 * @example
 * parseWholeDays('14일') // → { ok: true, value: 14 }
 * parseWholeDays('') // → { ok: true, value: null }
 */
export function parseWholeDays(cell: Cell): Parsed<number | null> {
  if (isBlankCell(cell)) return { ok: true, value: null };
  const n =
    typeof cell === 'number'
      ? cell
      : typeof cell === 'string'
        ? Number(cell.trim().replace(/일|days?$/i, ''))
        : Number.NaN;
  if (!Number.isInteger(n) || n < 0) return { ok: false, message: 'is not a whole number of days' };
  return { ok: true, value: n };
}

/** Stage names match after trimming, collapsing spaces and ignoring case. */
export function stageKey(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
}

/**
 * Whether two spellings name the same stage (SPEC §2: trimmed, spaces
 * collapsed, case ignored). The one place that decides it.
 *
 * @example
 * sameStage(' Demo  booked', 'demo booked') // → true
 */
export function sameStage(a: string, b: string): boolean {
  return stageKey(a) === stageKey(b);
}

/** Trimmed text of a cell, for names, owners and notes. */
export function textOf(cell: Cell): string {
  if (cell === null || cell === undefined) return '';
  if (isDateCell(cell)) return cellText(cell);
  return String(cell).trim();
}
