import { describe, expect, it } from 'vitest';
import type { Cell } from '../../src/engine/cells';
import { readDeals } from '../../src/engine/deals';
import { forecastByMonth } from '../../src/engine/forecast';
import { forecastRange } from '../../src/engine/montecarlo';
import { buildReport } from '../../src/engine/report';
import { readPipeline } from '../../src/engine/stages';
import {
  parseAmount,
  parseBoolean,
  parseProbability,
  parseWholeDays,
  stageKey,
  textOf,
} from '../../src/engine/values';
import { Zone } from '../../src/engine/zone';
import { seoul as seoulInstant } from '../support/seoul';

const seoul = new Zone('Asia/Seoul');
const ok = (value: unknown) => ({ ok: true, value });

describe('amounts', () => {
  it.each([
    [10_000_000, 10_000_000],
    ['10,000,000원', 10_000_000],
    ['₩10,000,000', 10_000_000],
    ['$12,500', 12_500],
    ['USD 12,500.50', 12_500.5],
    ['1,000만원', 10_000_000],
    ['1.5억', 150_000_000],
    ['1억 5,000만원', 150_000_000],
    ['1억5천만', 150_000_000],
    ['12.5k', 12_500],
    ['1.234.567,89 €', 1_234_567.89],
    ['', 0],
    ['   ', 0],
  ])('%j reads as %d', (cell, value) => {
    expect(parseAmount(cell)).toEqual(ok(value));
  });

  it.each([['TBD'], ['-5,000'], ['(5,000)'], [-1], ['1만 2억'], ['1..2'], [true]])(
    '%j is refused',
    (cell) => {
      expect(parseAmount(cell).ok).toBe(false);
    },
  );

  it('says why a negative amount is refused', () => {
    expect(parseAmount('-5,000원')).toEqual({ ok: false, message: 'is negative' });
  });
});

describe('amounts read by the column’s decimal mark (SPEC §2)', () => {
  it('without options a cell is read alone, as before: 12.500 is 12.5 and 1,25 is refused', () => {
    expect(parseAmount('12.500')).toEqual(ok(12.5));
    expect(parseAmount('1,25')).toEqual({ ok: false, message: 'is not an amount' });
    expect(parseAmount('1.234.567')).toEqual(ok(1_234_567));
  });

  it('a point column reads 12.500 as 12.5 and $12,500 as 12,500; a comma column the other way', () => {
    expect(parseAmount('12.500', { decimal: '.' })).toEqual(ok(12.5));
    expect(parseAmount('$12,500', { decimal: '.' })).toEqual(ok(12_500));
    expect(parseAmount('12.500', { decimal: ',' })).toEqual(ok(12_500));
    expect(parseAmount('12.500,00 €', { decimal: ',' })).toEqual(ok(12_500));
    expect(parseAmount('1,25', { decimal: ',' })).toEqual(ok(1.25));
    expect(parseAmount('1.000,5만', { decimal: ',' })).toEqual(ok(10_005_000));
  });

  it('with no mark settled, a value whose reading depends on it is refused with its readings', () => {
    expect(parseAmount('12.500', { decimal: null })).toEqual({
      ok: false,
      message:
        "is ambiguous: 12.500 could be 12.5 or 12500; write one of those, or set the spreadsheet's locale",
    });
    expect(parseAmount('$1,500', { decimal: null })).toEqual({
      ok: false,
      message:
        "is ambiguous: 1,500 could be 1500 or 1.5; write one of those, or set the spreadsheet's locale",
    });
    expect(parseAmount('1,25', { decimal: null })).toEqual({
      ok: false,
      message:
        "is ambiguous: 1,25 is 1.25 only if the comma is a decimal mark; write 1.25, or set the spreadsheet's locale",
    });
  });

  it('with no mark settled, values that show their own still read', () => {
    expect(parseAmount('₩10,000,000', { decimal: null })).toEqual(ok(10_000_000));
    expect(parseAmount('1.234,56', { decimal: null })).toEqual(ok(1234.56));
    expect(parseAmount('USD 12,500.50', { decimal: null })).toEqual(ok(12_500.5));
    expect(parseAmount('1.5억', { decimal: null })).toEqual(ok(150_000_000));
    expect(parseAmount('12500', { decimal: null })).toEqual(ok(12_500));
  });

  it('numbers are never ambiguous, and negative, too large and blank are as before', () => {
    for (const decimal of ['.', ',', null] as const) {
      expect(parseAmount(12.5, { decimal })).toEqual(ok(12.5));
      expect(parseAmount('', { decimal })).toEqual(ok(0));
      expect(parseAmount('-12.500', { decimal })).toEqual({ ok: false, message: 'is negative' });
      expect(parseAmount(`${'9'.repeat(20)}원`, { decimal })).toEqual({ ok: false, message: 'is too large' });
      expect(parseAmount('TBD', { decimal })).toEqual({ ok: false, message: 'is not an amount' });
    }
  });

  it('an undefined decimal is no option at all, and an Array#map index is ignored', () => {
    expect(parseAmount('12.500', { decimal: undefined })).toEqual(ok(12.5));
    expect(['12.500', '$12,500'].map(parseAmount as (c: string, i: number) => unknown)).toEqual([
      ok(12.5),
      ok(12_500),
    ]);
  });
});

describe('probabilities', () => {
  it.each([
    [0.7, 0.7],
    [1, 1],
    [0, 0],
    [70, 0.7],
    [100, 1],
    ['70%', 0.7],
    ['70', 0.7],
    ['0.7', 0.7],
    [' 12.5 % ', 0.125],
  ])('%j is %d', (cell, value) => {
    expect(parseProbability(cell)).toEqual(ok(value));
  });

  it.each([[101], [-0.1], ['150%'], ['high'], [''], ['70%%']])('%j is refused', (cell) => {
    expect(parseProbability(cell).ok).toBe(false);
  });
});

describe('checkboxes', () => {
  it('reads what people type into a Done column', () => {
    expect([true, 'TRUE', 'x', '완료', 1].map(parseBoolean)).toEqual([true, true, true, true, true]);
    expect([false, 'FALSE', '', 0].map(parseBoolean)).toEqual([false, false, false, false]);
    expect(parseBoolean('maybe')).toBeNull();
  });
});

describe('stale thresholds, stage names and text cells', () => {
  it('reads Stale after as whole days, 14일 and 7 days included; blank is no limit', () => {
    expect([14, '14', '14일', '7 days', 0].map(parseWholeDays)).toEqual([
      ok(14),
      ok(14),
      ok(14),
      ok(7),
      ok(0),
    ]);
    expect(parseWholeDays('')).toEqual(ok(null));
    for (const cell of [1.5, -1, 'two weeks', true]) {
      expect(parseWholeDays(cell)).toEqual({ ok: false, message: 'is not a whole number of days' });
    }
  });

  it('matches stage names after trimming, collapsing spaces and ignoring case', () => {
    expect(stageKey('  미팅   약속 완료 ')).toBe('미팅 약속 완료');
    expect(stageKey('Proposal SENT')).toBe(stageKey('proposal sent'));
  });

  it('reads a text cell trimmed, a number as its digits and a Date as its instant', () => {
    expect(textOf('  kim@example.com ')).toBe('kim@example.com');
    expect(textOf(101)).toBe('101');
    expect(textOf(null)).toBe('');
    expect(textOf(new Date(Date.UTC(2023, 10, 1)))).toBe('2023-11-01T00:00:00.000Z');
  });
});

// The Stages of the property over any grids (properties/report.properties.test.ts).
const SANE_STAGES: Cell[][] = [
  ['Stage', 'Win probability', 'Stale after (days)', 'Outcome', 'Exit criteria', 'Entry tasks'],
  ['A', '10%', 14, '', 'Budget confirmed', 'Call the buyer (+3d)'],
  ['B', 0.5, '7', '', '', ''],
  ['Won', '100%', '', 'won', '', ''],
  ['Lost', 0, '', 'lost', '', ''],
];

// ---------------------------------------------------------------------------
// Regressions for engine bugs the property tests (properties/) found: each states what the SPEC asks.

describe('edge cases the properties found', () => {
  const pipeline = readPipeline([
    ['Stage', 'Probability'],
    ['A', '50%'],
    ['Won', '100%'],
  ]);

  // values.ts textOf(): `cell.toISOString()` throws RangeError on an Invalid Date,
  // so buildReport throws something other than a PipelineError.
  it('an Invalid Date in a text column (Deal ID, stage, name) is a problem, not a RangeError', () => {
    const history = [
      ['When', 'Deal ID', 'From stage', 'To stage'],
      [seoulInstant(2023, 11, 1), 'd1', '', new Date(Number.NaN)],
    ];
    const deals = [
      ['Deal ID', 'Amount', 'Stage', 'Expected close'],
      [new Date(Number.NaN), 100, 'A', ''],
    ];
    expect(() =>
      buildReport({ stages: SANE_STAGES, deals, history }, { zone: seoul, today: 19_700 }),
    ).not.toThrow();
  });

  // parseAmount accepts any finite number, so two huge amounts sum to Infinity and
  // FORECAST_RANGE interpolates Infinity − Infinity = NaN: a silently wrong number.
  it('amounts too large to add up are refused rather than summed to Infinity', () => {
    const close = seoulInstant(2023, 11, 15);
    const read = readDeals(
      [
        ['Deal ID', 'Amount', 'Stage', 'Expected close'],
        ['a', 1e308, 'A', close],
        ['b', `${'9'.repeat(308)}원`, 'A', close],
      ],
      pipeline,
      { zone: seoul },
    );
    for (const row of forecastByMonth(read.deals)) {
      expect([row.weighted, row.openPipeline, row.won].every(Number.isFinite), JSON.stringify(row)).toBe(
        true,
      );
    }
    expect(forecastRange(read.deals, 2023 * 12 + 10, 100).every(Number.isFinite)).toBe(true);
  });
});
