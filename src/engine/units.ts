/**
 * A unit a header or a title row states for the numbers under it:
 * `금액(천원)`, `Deal Value ($)`, `Probability (%)`, `2024 영업 현황 (단위: 백만원)`,
 * `Amounts in thousands`. Every number in the column is multiplied by it.
 */
export interface StatedUnit {
  /** What every number in the column is multiplied by: 1,000 for `천원` or `K`. */
  readonly multiplier: number;
  /** The currency it names, as an ISO code, or `null`. */
  readonly currency: string | null;
  /** The column holds percents (`Probability (%)`). */
  readonly percent: boolean;
  /** The unit as written, for the summary. */
  readonly text: string;
}

const CURRENCY_WORDS: Record<string, string> = {
  '₩': 'KRW',
  원: 'KRW',
  krw: 'KRW',
  $: 'USD',
  usd: 'USD',
  '€': 'EUR',
  eur: 'EUR',
  '£': 'GBP',
  gbp: 'GBP',
  '¥': 'JPY',
  jpy: 'JPY',
  엔: 'JPY',
  chf: 'CHF',
  czk: 'CZK',
};

// Korean magnitudes before 원 (천원, 백만원…), and the English shorthands.
const KOREAN_MAGNITUDE: Record<string, number> = {
  천: 1e3,
  만: 1e4,
  십만: 1e5,
  백만: 1e6,
  천만: 1e7,
  억: 1e8,
};
const ENGLISH_MAGNITUDE: Record<string, number> = {
  k: 1e3,
  thousand: 1e3,
  thousands: 1e3,
  '000': 1e3,
  '000s': 1e3,
  m: 1e6,
  mm: 1e6,
  mn: 1e6,
  million: 1e6,
  millions: 1e6,
};

/**
 * Reads a unit such as `천원`, `$`, `USD K`, `in thousands`, `%`; `null` when
 * the text is not a unit (then it is not one: `Deal (new)` states nothing).
 *
 * @example
 * parseUnit('천원') // → { multiplier: 1000, currency: 'KRW', percent: false, text: '천원' }
 * parseUnit('$K') // → { multiplier: 1000, currency: 'USD', percent: false, text: '$K' }
 * parseUnit('days') // → null
 */
export function parseUnit(text: string): StatedUnit | null {
  const raw = text.trim();
  if (raw === '%') return { multiplier: 1, currency: null, percent: true, text: raw };
  const words = raw
    .toLowerCase()
    .replace(/^(?:단위|unit|units|in|amounts? in)\s*[:：]?\s*/u, '')
    .replace(/[,/]/g, ' ')
    .split(/\s+|(?<=[$€£¥₩])|(?=[$€£¥₩])/u)
    .filter((w) => w !== '' && w !== 'in');
  if (words.length === 0) return null;
  let multiplier = 1;
  let currency: string | null = null;
  for (const word of words) {
    const korean = /^(천|만|십만|백만|천만|억)?(원|엔)$/u.exec(word);
    if (korean) {
      multiplier *= korean[1] ? (KOREAN_MAGNITUDE[korean[1]] ?? 1) : 1;
      currency = CURRENCY_WORDS[korean[2] as string] ?? null;
      continue;
    }
    const glued = /^([$€£¥₩])?(k|m|mm|mn)$/u.exec(word);
    if (glued?.[1]) {
      currency = CURRENCY_WORDS[glued[1]] ?? null;
      multiplier *= ENGLISH_MAGNITUDE[glued[2] as string] ?? 1;
      continue;
    }
    if (word in CURRENCY_WORDS) currency = CURRENCY_WORDS[word] ?? null;
    else if (word in ENGLISH_MAGNITUDE) multiplier *= ENGLISH_MAGNITUDE[word] ?? 1;
    else return null;
  }
  return { multiplier, currency, percent: false, text: raw };
}

/** `(단위: 천원)`, `단위 : 백만원`, `(in thousands)`, `($K)` anywhere in a title row's text. */
const TITLE_UNIT = [
  /단위\s*[:：]?\s*([^\s)\]）】,]+)/u,
  /[(（[]\s*((?:in\s+)?(?:thousands|millions)|[$€£¥₩]?\s*(?:k|m|mm|mn)|[a-z]{3}\s*(?:k|m|thousands|millions))\s*[)）\]]/iu,
  /\b(?:amounts?\s+)?in\s+((?:[a-z]{3}\s+)?(?:thousands|millions))\b/iu,
];

/**
 * The unit a title row above a table states, wherever it stands in the row:
 * `2024 영업 현황 (단위: 천원)`. Applies to Amount only (§2).
 *
 * @example
 * unitInTitle(['2024 영업 현황 (단위: 천원)', '', '']) // → { multiplier: 1000, currency: 'KRW', percent: false, text: '천원' }
 */
export function unitInTitle(cells: readonly unknown[]): StatedUnit | null {
  for (const cell of cells) {
    if (typeof cell !== 'string') continue;
    for (const pattern of TITLE_UNIT) {
      const m = pattern.exec(cell);
      const unit = m ? parseUnit(m[1] as string) : null;
      if (unit && (unit.multiplier !== 1 || unit.currency !== null)) return unit;
    }
  }
  return null;
}
