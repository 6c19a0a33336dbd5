import type { Cell } from './cells';
import type { Parsed } from './dates';

/**
 * Which of `.` and `,` is the decimal mark (SPEC §2). A separator that could
 * be either (`12.500`, `1,25`) is settled per column, by the column's other
 * values and then the locale, never guessed from the cell alone.
 */
export type DecimalMark = '.' | ',';

/** What one number in a text says about its decimal mark. */
type TokenMark =
  | { readonly kind: 'none' }
  /** One separator before exactly three digits (`12.500`): a decimal or a thousands group. */
  | { readonly kind: 'either' }
  /**
   * Only one reading fits. `strong` when the text shows it beyond doubt (both
   * marks, or one mark repeated as thousands); a single separator that cannot
   * be thousands (`12,5`) is weak: it may be a typo in a column that writes the other way.
   */
  | { readonly kind: 'shown'; readonly mark: DecimalMark; readonly strong: boolean }
  | { readonly kind: 'bad' };

const NONE: TokenMark = { kind: 'none' };
const EITHER: TokenMark = { kind: 'either' };
const BAD: TokenMark = { kind: 'bad' };
const NUMBER = /[\d.,]+/g;
// A whole part grouped in thousands: 1,234,567 or 1.234.567 (never 0,500 or 1234,567).
const GROUPED: Readonly<Record<DecimalMark, RegExp>> = {
  '.': /^[1-9]\d{0,2}(?:\.\d{3})+$/,
  ',': /^[1-9]\d{0,2}(?:,\d{3})+$/,
};

type Refused = { readonly ok: false; readonly message: string };

const other = (mark: DecimalMark): DecimalMark => (mark === '.' ? ',' : '.');
const count = (text: string, mark: DecimalMark) => text.split(mark).length - 1;

function classify(token: string): TokenMark {
  const dots = count(token, '.');
  const commas = count(token, ',');
  if (dots === 0 && commas === 0) return NONE;
  if (dots > 0 && commas > 0) {
    // The mark written last is the decimal, once, after a whole part grouped by the other.
    const mark: DecimalMark = token.lastIndexOf('.') > token.lastIndexOf(',') ? '.' : ',';
    const at = token.lastIndexOf(mark);
    const fits = count(token, mark) === 1 && /^\d+$/.test(token.slice(at + 1));
    return fits && GROUPED[other(mark)].test(token.slice(0, at))
      ? { kind: 'shown', mark, strong: true }
      : BAD;
  }
  const sep: DecimalMark = dots > 0 ? '.' : ',';
  if (count(token, sep) > 1) {
    return GROUPED[sep].test(token) ? { kind: 'shown', mark: other(sep), strong: true } : BAD;
  }
  const [whole = '', fraction = ''] = token.split(sep);
  if (whole === '' || fraction === '') return BAD;
  if (fraction.length === 3 && /^[1-9]\d{0,2}$/.test(whole)) return EITHER;
  return { kind: 'shown', mark: sep, strong: false };
}

/** The number as `1234.5`: the other mark dropped as thousands, this one as the point. */
function withMark(token: string, decimal: DecimalMark): string {
  return token.split(other(decimal)).join('').replace(decimal, '.');
}

const NAME: Readonly<Record<DecimalMark, string>> = {
  '.': 'a decimal point (1,234.56)',
  ',': 'a decimal comma (1.234,56)',
};

/** How one number reads, or why it is refused, when the column's mark is `decimal`. */
function markFor(token: string, decimal: DecimalMark | null): DecimalMark | 'plain' | Refused {
  const read = classify(token);
  if (read.kind === 'none') return 'plain';
  if (read.kind === 'bad') return { ok: false, message: 'is not an amount' };
  if (read.kind === 'either') {
    if (decimal !== null) return decimal;
    const [a, b] = [withMark(token, '.'), withMark(token, ',')].map((t) => String(Number(t)));
    return {
      ok: false,
      message: `is ambiguous: ${token} could be ${a} or ${b}; write one of those, or set the spreadsheet's locale`,
    };
  }
  if (decimal === null) {
    // SPEC §2 names `1,25` as ambiguous: in a sheet that writes 1,250 it is likely a typo.
    if (read.mark === ',' && !read.strong && count(token, '.') === 0) {
      const as = String(Number(withMark(token, ',')));
      return {
        ok: false,
        message: `is ambiguous: ${token} is ${as} only if the comma is a decimal mark; write ${as}, or set the spreadsheet's locale`,
      };
    }
    return read.mark;
  }
  if (read.mark === decimal) return decimal;
  return {
    ok: false,
    message: `is written with ${NAME[read.mark]}, but this column's amounts use ${NAME[decimal]}`,
  };
}

/**
 * Amount text (currency and spaces already removed) with every number
 * rewritten as `1234.5`, reading separators by the column's decimal mark;
 * `null` = the column did not settle it, so a number whose reading depends on
 * the mark is refused with both readings. Units such as `만` stay in place.
 *
 * @example
 * settleSeparators('12.500', ',') // → { ok: true, value: '12500' }
 * settleSeparators('1억5,000만', '.') // → { ok: true, value: '1억5000만' }
 * settleSeparators('1,25', '.').ok // → false
 */
export function settleSeparators(text: string, decimal: DecimalMark | null): Parsed<string> {
  let out = '';
  let from = 0;
  for (const m of text.matchAll(NUMBER)) {
    const token = m[0];
    const mark = markFor(token, decimal);
    if (typeof mark === 'object') return mark;
    out += text.slice(from, m.index) + (mark === 'plain' ? token : withMark(token, mark));
    from = (m.index ?? 0) + token.length;
  }
  return { ok: true, value: out + text.slice(from) };
}

// Signs and codes of currencies written with a decimal point, and with a decimal comma
// (R$ is Brazil's real, not the dollar). 만 and 억 are Korean, which writes a decimal point.
const POINT_CURRENCY = /₩|원|만|억|£|¥|엔|(?<![a-z])(?:krw|usd|gbp|jpy|cny|inr)(?![a-z])|(?<!r)\$/i;
const COMMA_CURRENCY = /r\$|kč|zł|₽|(?<![a-z])(?:brl|czk|pln|rub)(?![a-z])/i;

/**
 * The decimal mark of a column of amounts (SPEC §2), from its own text:
 * both marks in one value (`1.234,56` → `,`), one mark repeated as thousands
 * (`1.234.567` → `,`), or a group that cannot be thousands (`12,5`, `1.25`,
 * `0,5`). Values that show it beyond doubt decide, even against the locale (a
 * US export in a German sheet). A lone group that cannot be thousands decides
 * only where the locale does not say otherwise: one `1,25` among `$12,500`s
 * is a typo, not a reason to read them all as 12.5. When the values settle
 * nothing, the locale does (`de_DE` → `,`, `en_US` → `.`), and without one a
 * currency written only one way (`₩`, `$`, `R$`). Values that disagree, or
 * nothing at all, give `null`: each ambiguous value is then a problem.
 * Numbers (not text) say nothing: they have no separators.
 *
 * @example
 * decimalMarkOf(['1.234,56 €', '12.500 €']) // → ','
 * decimalMarkOf(['12,500', '1,250,000']) // → '.'
 * decimalMarkOf(['12.500 €'], 'de_DE') // → ','
 * decimalMarkOf(['$12,500']) // → '.'
 * decimalMarkOf(['$12,500', '1,25'], 'en_US') // → null
 * decimalMarkOf(['12.500']) // → null
 */
export function decimalMarkOf(values: Iterable<Cell>, locale?: string | null): DecimalMark | null {
  const strong = new Set<DecimalMark>();
  const weak = new Set<DecimalMark>();
  const currencies = new Set<DecimalMark>();
  for (const value of values) {
    if (typeof value !== 'string') continue;
    const text = value.replace(/\s+/g, '');
    for (const m of text.matchAll(NUMBER)) {
      const read = classify(m[0]);
      if (read.kind === 'shown') (read.strong ? strong : weak).add(read.mark);
    }
    if (COMMA_CURRENCY.test(text)) currencies.add(',');
    else if (POINT_CURRENCY.test(text)) currencies.add('.');
  }
  if (strong.size > 0) return only(strong);
  const fallback = decimalMarkOfLocale(locale) ?? only(currencies);
  if (weak.size === 0) return fallback;
  const mark = only(weak);
  return fallback === null || fallback === mark ? mark : null;
}

/** The one mark in a set; `null` when there are none or both. */
function only(marks: ReadonlySet<DecimalMark>): DecimalMark | null {
  return marks.size === 1 ? ([...marks][0] ?? null) : null;
}

// Languages whose locales write a decimal comma, and those that write a point.
const COMMA_LANGUAGES = new Set(
  'af az be bg bs ca cs da de el es et eu fi fr gl hr hu hy id is it ka kk lt lv mk nb nl nn no pl pt ro ru sk sl sq sr sv tr uk uz vi'.split(
    ' ',
  ),
);
const POINT_LANGUAGES = new Set('bn en fil ga gu he hi ja kn ko ml mr ms ta te th tl zh'.split(' '));
// Countries whose usage differs from their language's: Swiss German and Italian, and Spanish in the Americas north of Colombia.
const POINT_REGIONS = new Set(
  'de_CH de_LI it_CH es_MX es_US es_419 es_GT es_HN es_NI es_PA es_PR es_SV es_DO'.split(' '),
);

/**
 * The decimal mark of a Sheets locale id (`de_DE`, `en_US`, `ko_KR`; `-` works
 * too), `null` when the locale is absent or unknown.
 *
 * @example
 * decimalMarkOfLocale('fr_FR') // → ','
 * decimalMarkOfLocale('ko_KR') // → '.'
 * decimalMarkOfLocale('de_CH') // → '.'
 * decimalMarkOfLocale('xx') // → null
 */
export function decimalMarkOfLocale(locale: string | null | undefined): DecimalMark | null {
  if (typeof locale !== 'string') return null;
  const [language = '', region = ''] = locale.trim().split(/[-_]/);
  const lang = language.toLowerCase();
  if (POINT_REGIONS.has(`${lang}_${region.toUpperCase()}`)) return '.';
  if (COMMA_LANGUAGES.has(lang)) return ',';
  return POINT_LANGUAGES.has(lang) ? '.' : null;
}
