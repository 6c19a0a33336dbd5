/**
 * A separator that could be either (`12.500`, `1,25`) is settled per column,
 * by the column's other values and the locale; still ambiguous, it is a
 * problem, never a guess (SPEC §2). Every expected value is worked by hand.
 */
import { describe, expect, it } from 'vitest';
import { decimalMarkOf, decimalMarkOfLocale, settleSeparators } from '../../src/engine/number-format';
import { parseAmount } from '../../src/engine/values';

/** What a reader does: settle the column once, then read each cell by it. */
function readColumn(values: string[], locale?: string | null) {
  const decimal = decimalMarkOf(values, locale);
  return values.map((cell) => parseAmount(cell, { decimal }));
}
const ok = (value: number) => ({ ok: true, value });

describe('the decimal mark a column shows by its own values', () => {
  it.each<[string, string[], string | null]>([
    ['both marks, comma last', ['1.234,56'], ','],
    ['both marks, point last', ['1,234.56'], '.'],
    ['currency text from a German export', ['12.500,00 €', '3.000 €'], ','],
    ['a dot repeated as thousands', ['1.234.567'], ','],
    ['a comma repeated as thousands', ['₩10,000,000'], '.'],
    ['a comma that cannot be thousands', ['12,5'], ','],
    ['a point that cannot be thousands', ['1.25'], '.'],
    ['a decimal comma after a zero', ['0,5'], ','],
    ['0,500: no thousands group starts with 0', ['0,500'], ','],
    ['1234.567: a thousands group has at most three digits before it', ['1234.567'], '.'],
    ['Korean units with a decimal point', ['1.5억', '1,000만원'], '.'],
    ['spaces as thousands, comma as decimal (French)', ['12 500,00'], ','],
  ])('%s', (_, values, mark) => {
    expect(decimalMarkOf(values)).toBe(mark);
  });

  it('a value that shows its mark beyond doubt decides over the locale: a US export in a German sheet', () => {
    expect(decimalMarkOf(['1,234.56', '12,500'], 'de_DE')).toBe('.');
    expect(readColumn(['1,234.56', '12,500'], 'de_DE')).toEqual([ok(1234.56), ok(12_500)]);
  });

  it('numbers and blanks say nothing: a column of numbers has no mark of its own', () => {
    expect(decimalMarkOf([12_500, 1.5, '', null, new Date(0)])).toBeNull();
  });

  it('a column that writes both ways settles nothing', () => {
    expect(decimalMarkOf(['1.234,56', '1,234.56'])).toBeNull();
    expect(decimalMarkOf(['1.234,56', '1,234.56'], 'en_US')).toBeNull();
    expect(decimalMarkOf(['1,5', '2.5'])).toBeNull();
  });
});

describe('when the values do not settle it, the locale does', () => {
  it.each<[string, string]>([
    ['de_DE', ','],
    ['fr_FR', ','],
    ['es_ES', ','],
    ['it_IT', ','],
    ['nl_NL', ','],
    ['pt_BR', ','],
    ['ru_RU', ','],
    ['tr_TR', ','],
    ['id_ID', ','],
    ['da_DK', ','],
    ['sv_SE', ','],
    ['nb_NO', ','],
    ['fi_FI', ','],
    ['pl_PL', ','],
    ['cs_CZ', ','],
    ['en_US', '.'],
    ['en_GB', '.'],
    ['ko_KR', '.'],
    ['ja_JP', '.'],
    ['zh_CN', '.'],
    ['zh_TW', '.'],
    ['de-DE', ','],
    ['de_CH', '.'],
    ['es_MX', '.'],
  ])('%s writes %s', (locale, mark) => {
    expect(decimalMarkOfLocale(locale)).toBe(mark);
    expect(decimalMarkOf(['12.500'], locale)).toBe(mark);
  });

  it('an unknown or absent locale, and nothing settled, is null', () => {
    expect(decimalMarkOfLocale('xx_YY')).toBeNull();
    expect(decimalMarkOfLocale(null)).toBeNull();
    expect(decimalMarkOf(['12.500'])).toBeNull();
    expect(decimalMarkOf(['12.500'], 'xx_YY')).toBeNull();
  });

  it('one 1,25 among $12,500s in an English sheet is a typo, not a reason to read them all as 12.5', () => {
    expect(decimalMarkOf(['$12,500', '1,25'], 'en_US')).toBeNull();
    expect(readColumn(['$12,500', '1,25'], 'en_US').map((r) => r.ok)).toEqual([false, false]);
  });

  it('a lone decimal comma agrees with a German locale', () => {
    expect(decimalMarkOf(['1,25', '12.500'], 'de_DE')).toBe(',');
  });

  it('without a locale, a currency written only one way settles it: $, ₩, 원 with a point; R$ with a comma', () => {
    expect(decimalMarkOf(['$12,500'])).toBe('.');
    expect(decimalMarkOf(['10,000원', '₩5,000'])).toBe('.');
    expect(decimalMarkOf(['R$ 12.500'])).toBe(',');
    // The euro is written both ways (Ireland, Germany): it says nothing.
    expect(decimalMarkOf(['€12.500'])).toBeNull();
    // A locale comes first.
    expect(decimalMarkOf(['$12.500'], 'es_CO')).toBe(',');
  });
});

describe('reading a column by its mark', () => {
  it('12.500 € in a German column is 12,500 euros', () => {
    expect(readColumn(['12.500 €'], 'de_DE')).toEqual([ok(12_500)]);
    expect(readColumn(['12.500 €', '1.234,50 €', '0,99 €'])).toEqual([ok(12_500), ok(1234.5), ok(0.99)]);
  });

  it('1,25 in a decimal-comma column is 1.25', () => {
    expect(parseAmount('1,25', { decimal: ',' })).toEqual(ok(1.25));
    expect(readColumn(['1,25', '3,5'])).toEqual([ok(1.25), ok(3.5)]);
  });

  it('12.500 alone, with no locale, is a problem naming both readings', () => {
    expect(readColumn(['12.500'])).toEqual([
      {
        ok: false,
        message:
          "is ambiguous: 12.500 could be 12.5 or 12500; write one of those, or set the spreadsheet's locale",
      },
    ]);
  });

  it('$12,500 and ₩10,000,000 read as a US or Korean sheet writes them', () => {
    expect(readColumn(['$12,500', '$8,000'], 'en_US')).toEqual([ok(12_500), ok(8000)]);
    expect(readColumn(['$12,500'])).toEqual([ok(12_500)]);
    expect(readColumn(['₩10,000,000', '1,000만원', '1억 5,000만원'], 'ko_KR')).toEqual([
      ok(10_000_000),
      ok(10_000_000),
      ok(150_000_000),
    ]);
  });

  it('a value written the other way from its column is refused, saying how the column writes', () => {
    expect(readColumn(['1,25', '1,234.56', '12.500'], 'en_US')).toEqual([
      {
        ok: false,
        message:
          "is written with a decimal comma (1.234,56), but this column's amounts use a decimal point (1,234.56)",
      },
      ok(1234.56),
      ok(12.5),
    ]);
  });
});

describe('settleSeparators: the numbers of an amount text, rewritten as 1234.5', () => {
  it('keeps units and rewrites every number', () => {
    expect(settleSeparators('1억5,000만', '.')).toEqual({ ok: true, value: '1억5000만' });
    expect(settleSeparators('1.000.000,50', ',')).toEqual({ ok: true, value: '1000000.50' });
    expect(settleSeparators('12500', null)).toEqual({ ok: true, value: '12500' });
  });

  it('refuses a malformed group with the plain message', () => {
    for (const text of ['1..2', '1,2,3', '12,', '1.234.56', '1,234.567,8']) {
      for (const decimal of ['.', ',', null] as const) {
        expect(settleSeparators(text, decimal), `${text} ${decimal}`).toEqual({
          ok: false,
          message: 'is not an amount',
        });
      }
    }
  });
});
