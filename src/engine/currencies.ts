import { type Cell, isBlankCell } from './cells';

/**
 * Currencies as deals write them (SPEC §2): a sign or code in the Amount
 * text, a Currency cell, a unit in the Amount header, and the currency of a
 * spreadsheet's locale. No exchange rate is ever guessed: a forecast is in
 * one currency and a deal in another is left out and listed.
 */

// A currency's signs and codes in amount text, as ISO codes. Codes stand alone (`USD 12,500`, `12,500 EUR`).
const CURRENCY_MARKS: readonly [string, RegExp][] = [
  ['KRW', /₩|원|(?<![a-z])krw(?![a-z])/i],
  ['USD', /\$|(?<![a-z])usd(?![a-z])/i],
  ['EUR', /€|(?<![a-z])eur(?![a-z])/i],
  ['GBP', /£|(?<![a-z])gbp(?![a-z])/i],
  ['JPY', /¥|엔|(?<![a-z])jpy(?![a-z])/i],
  ['CHF', /(?<![a-z])chf(?![a-z])/i],
  ['CZK', /Kč|(?<![a-z])czk(?![a-z])/i],
];

/** The ISO code a currency cell or amount text names, or `null`. */
export function currencyIn(text: string): string | null {
  for (const [code, mark] of CURRENCY_MARKS) if (mark.test(text)) return code;
  return null;
}

/**
 * The most common currency that a column's values name by sign or code
 * (`₩10,000,000`, `$12,500`, `USD 12,500`, a Currency column's `EUR`); the
 * first seen wins a tie. `null` when no value names one (plain numbers).
 *
 * @example
 * currencyOf(['$12,500', '₩1,000', 'USD 3,000']) // → 'USD'
 * currencyOf(['1,000만원', '1.5억']) // → 'KRW'
 * currencyOf([375000, '', '1000000']) // → null
 */
export function currencyOf(values: Iterable<Cell>): string | null {
  const counts = new Map<string, number>();
  for (const value of values) {
    if (typeof value !== 'string' || isBlankCell(value)) continue;
    const code = currencyIn(value);
    if (code) counts.set(code, (counts.get(code) ?? 0) + 1);
  }
  let best: string | null = null;
  for (const [code, n] of counts) if (best === null || n > (counts.get(best) ?? 0)) best = code;
  return best;
}

// A locale's region → its currency, for "the currency of the spreadsheet's locale" (SPEC §2).
const CURRENCY_BY_REGION: Readonly<Record<string, string>> = {
  KR: 'KRW',
  US: 'USD',
  JP: 'JPY',
  GB: 'GBP',
  CA: 'CAD',
  AU: 'AUD',
  NZ: 'NZD',
  CN: 'CNY',
  TW: 'TWD',
  HK: 'HKD',
  SG: 'SGD',
  IN: 'INR',
  CH: 'CHF',
  CZ: 'CZK',
  SE: 'SEK',
  NO: 'NOK',
  DK: 'DKK',
  PL: 'PLN',
  BR: 'BRL',
  MX: 'MXN',
  DE: 'EUR',
  FR: 'EUR',
  ES: 'EUR',
  IT: 'EUR',
  NL: 'EUR',
  BE: 'EUR',
  AT: 'EUR',
  IE: 'EUR',
  PT: 'EUR',
  FI: 'EUR',
};

/**
 * The currency of a Sheets locale (`ko_KR`), or `null` when its region is
 * not known (then amounts are counted without a currency check).
 *
 * @example
 * currencyOfLocale('ko_KR') // → 'KRW'
 * currencyOfLocale('en_GB') // → 'GBP'
 * currencyOfLocale('en') // → null
 */
export function currencyOfLocale(locale: string): string | null {
  const region = /[_-]([A-Za-z]{2})\b/.exec(locale)?.[1]?.toUpperCase();
  return region ? (CURRENCY_BY_REGION[region] ?? null) : null;
}

/**
 * A Currency cell as an ISO code: a three-letter code in any case
 * (`usd`), or a sign (`€`); `null` for a blank one, `undefined` when it
 * names no currency (an error for the row).
 *
 * @example
 * currencyCell(' eur ') // → 'EUR'
 * currencyCell('₩') // → 'KRW'
 * currencyCell('') // → null
 * currencyCell('dollars') // → undefined
 */
export function currencyCell(cell: Cell): string | null | undefined {
  if (isBlankCell(cell)) return null;
  const text = String(cell).trim();
  if (/^[A-Za-z]{3}$/.test(text)) return text.toUpperCase();
  return currencyIn(text) ?? undefined;
}
