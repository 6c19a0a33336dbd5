/**
 * Property (d): parseAmount reads back what a person writes. Generators: ./arbitraries.ts.
 *
 * The suite runs with TZ=America/Los_Angeles; the spreadsheet is in Asia/Seoul.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAmount } from '../../../src/engine/values';
import { formattedNumber, koreanUnits, near, validAmountText } from './arbitraries';

// ---------------------------------------------------------------------------
// (d) parseAmount round trips what a person writes.

describe('(d) parseAmount on formatted numbers', () => {
  it('reads n.toLocaleString("en-US") with ₩, $, 원, KRW, USD back as n', () => {
    fc.assert(
      fc.property(formattedNumber, ({ cell, value }) => {
        const parsed = parseAmount(cell);
        expect(parsed, String(cell)).toEqual({ ok: true, value });
      }),
      { numRuns: 300 },
    );
  });

  it('reads 억 / 천만 / 만 compositions as the value they were built from', () => {
    fc.assert(
      fc.property(koreanUnits, ({ cell, value }) => {
        const parsed = parseAmount(cell);
        if (!parsed.ok) expect.fail(`${String(cell)} refused: ${parsed.message}`);
        expect(near(parsed.value, value, 1e-12), `${String(cell)} → ${parsed.value}, not ${value}`).toBe(
          true,
        );
      }),
      { numRuns: 300 },
    );
  });

  it('refuses the negative of any valid amount', () => {
    fc.assert(
      fc.property(validAmountText, fc.constantFrom('-', '- '), ({ cell, value }, minus) => {
        fc.pre(value > 0);
        const text = String(cell).trim();
        // The sign goes before the number, after any leading currency sign.
        const negative = /^[₩$]|^(KRW|USD) /.test(text)
          ? text.replace(/^([₩$]|KRW |USD )\s*/, `$1${minus}`)
          : `${minus}${text}`;
        expect(parseAmount(negative).ok, negative).toBe(false);
      }),
      { numRuns: 200 },
    );
  });
});
