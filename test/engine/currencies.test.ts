/**
 * Currencies as deals write them (SPEC §1 Deals: Currency; §2 Currencies):
 * a sign or code in the Amount text, a Currency cell's ISO code, and the
 * currency of a spreadsheet's locale. No exchange rate is ever guessed.
 */
import { describe, expect, it } from 'vitest';
import { currencyCell, currencyIn, currencyOf, currencyOfLocale } from '../../src/engine/currencies';

describe('currencyIn: the sign or code in an amount text', () => {
  it.each([
    ['₩10,000,000', 'KRW'],
    ['10,000,000원', 'KRW'],
    ['1,000만원', 'KRW'],
    ['1억 2천만원', 'KRW'],
    ['KRW 5,000,000', 'KRW'],
    ['$12,500', 'USD'],
    ['USD 12,500', 'USD'],
    ['12,500 usd', 'USD'],
    ['€12.500', 'EUR'],
    ['12.500 €', 'EUR'],
    ['12,500 EUR', 'EUR'],
    ['£5,000', 'GBP'],
    ['¥300,000', 'JPY'],
    ['30만엔', 'JPY'],
    ['CHF 3,000', 'CHF'],
    ['2.500 Kč', 'CZK'],
  ])('%s is in %s', (text, code) => {
    expect(currencyIn(text)).toBe(code);
  });

  it('names none in a plain number, a Korean unit without 원, or a code inside a word', () => {
    expect(currencyIn('12,500')).toBeNull();
    expect(currencyIn('1.5억')).toBeNull();
    expect(currencyIn('')).toBeNull();
    // "eur" and "usd" inside words are not codes.
    expect(currencyIn('Eurasia deal')).toBeNull();
    expect(currencyIn('busdriver')).toBeNull();
  });
});

describe('currencyOf: the currency most of a column names', () => {
  it('counts the signs and codes, the first seen winning a tie, and ignores plain numbers', () => {
    // USD twice ($12,500 and USD 3,000), KRW once.
    expect(currencyOf(['$12,500', '₩1,000', 'USD 3,000'])).toBe('USD');
    expect(currencyOf(['1,000만원', '1.5억', 5_000_000])).toBe('KRW');
    // One each: the first seen.
    expect(currencyOf(['€100', '$100'])).toBe('EUR');
    expect(currencyOf([375_000, '', '1000000'])).toBeNull();
  });
});

describe('currencyOfLocale: the currency of a Sheets locale', () => {
  it.each([
    ['ko_KR', 'KRW'],
    ['en_US', 'USD'],
    ['en_GB', 'GBP'],
    ['de_DE', 'EUR'],
    ['fr_FR', 'EUR'],
    ['de_CH', 'CHF'],
    ['ja_JP', 'JPY'],
    ['fr_CA', 'CAD'],
    ['pt_BR', 'BRL'],
    ['ko-KR', 'KRW'],
  ])('%s → %s', (locale, code) => {
    expect(currencyOfLocale(locale)).toBe(code);
  });

  it('is null when the locale names no region it knows (then no currency is checked)', () => {
    expect(currencyOfLocale('en')).toBeNull();
    expect(currencyOfLocale('ko')).toBeNull();
    expect(currencyOfLocale('xx_ZZ')).toBeNull();
    expect(currencyOfLocale('')).toBeNull();
  });
});

describe('currencyCell: a Currency cell as an ISO code', () => {
  it('takes a three-letter code in any case and spacing, or a sign', () => {
    expect(currencyCell('USD')).toBe('USD');
    expect(currencyCell(' eur ')).toBe('EUR');
    expect(currencyCell('krw')).toBe('KRW');
    expect(currencyCell('₩')).toBe('KRW');
    expect(currencyCell('$')).toBe('USD');
    expect(currencyCell('€')).toBe('EUR');
  });

  it('is null for a blank cell (the Amount decides), undefined for one that names no currency', () => {
    expect(currencyCell('')).toBeNull();
    expect(currencyCell('   ')).toBeNull();
    expect(currencyCell(null)).toBeNull();
    expect(currencyCell('dollars')).toBeUndefined();
    expect(currencyCell('미국 달러')).toBeUndefined();
    expect(currencyCell(42)).toBeUndefined();
  });
});
