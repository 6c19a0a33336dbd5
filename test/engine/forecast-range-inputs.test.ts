/**
 * FORECAST_RANGE as a user types it: a month with 150,000 deals, rows in any
 * order, and the `trials` argument (SPEC §3).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { forecastRangeOf } from '../../src/addon/custom-functions';
import type { Cell } from '../../src/engine/cells';
import { PipelineError } from '../../src/engine/problems';
import { loadBundle } from '../support/load-bundle';
import { seoul } from '../support/seoul';
import { createStandIn } from '../support/standin';

const STAGES = [
  ['Stage', 'Probability', 'Outcome'],
  ['Early', '10%', ''],
  ['Middle', '50%', ''],
  ['Late', '90%', ''],
  ['Won', '100%', 'won'],
  ['Lost', '0%', 'lost'],
];
const HEADER = ['Deal ID', 'Amount', 'Stage', 'Expected close'];
const TZ = 'Asia/Seoul';

function bigMonth(n: number): Cell[][] {
  const rows: Cell[][] = [HEADER];
  for (let i = 0; i < n; i++) rows.push([`D-${i}`, 1000 + (i % 997), 'Early', seoul(2023, 11, 1 + (i % 28))]);
  return rows;
}

describe('FORECAST_RANGE over 150,000 deals closing in one month', () => {
  const deals = bigMonth(150_000);

  it('returns P10 ≤ P50 ≤ P90 around the expected total instead of "Maximum call stack size exceeded"', () => {
    const [[p10, p50, p90] = []] = forecastRangeOf(deals, STAGES, '2023-11', 200, TZ) as number[][];
    let total = 0;
    for (let i = 0; i < 150_000; i++) total += 1000 + (i % 997);
    const mean = total * 0.1;
    expect(p10).toBeLessThanOrEqual(p50 as number);
    expect(p50).toBeLessThanOrEqual(p90 as number);
    // 15,000 expected winners: the range is within a few percent of the mean.
    expect(Math.abs((p50 as number) / mean - 1)).toBeLessThan(0.03);
  });

  it('works the same through the built bundle, as Sheets calls it', () => {
    const standIn = createStandIn({ timeZone: TZ, locale: 'en_US' });
    const app = loadBundle(standIn);
    standIn.customFunction();
    // Few trials: global lookups (Math.log) are slow inside node:vm, not in Apps Script.
    const fromBundle = app.FORECAST_RANGE(deals, STAGES, '2023-11', 20);
    expect(fromBundle).toEqual(forecastRangeOf(deals, STAGES, '2023-11', 20, TZ));
  });
});

describe('FORECAST_RANGE is order-free: sorting or reordering the Deals rows never changes its result', () => {
  // Amounts whose floating-point sum depends on the order they are added in.
  const AMOUNTS = [0.1, 0.2, 0.3, 1e14, 3.3, 7.7, 123_456.789, 5, 5, 0.7];
  const STAGE_OF = ['Early', 'Middle', 'Late', 'Won', 'Lost'];
  const rows: Cell[][] = [];
  for (let i = 0; i < 60; i++) {
    rows.push([
      `D-${i}`,
      AMOUNTS[i % AMOUNTS.length] as number,
      STAGE_OF[i % 5] as string,
      seoul(2023, 11, 1 + (i % 28)),
    ]);
  }
  // Deals of other months, which must not matter either.
  rows.push(['X-1', 999, 'Middle', seoul(2023, 12, 1)], ['X-2', 5, 'Late', seoul(2023, 10, 31)]);
  const range = (list: readonly Cell[][]) => forecastRangeOf([HEADER, ...list], STAGES, '2023-11', 2000, TZ);

  it('gives identical P10/P50/P90 for shuffled, sorted and reversed rows', () => {
    const expected = range(rows);
    expect(range([...rows].reverse())).toEqual(expected);
    expect(range([...rows].sort((a, b) => (a[1] as number) - (b[1] as number)))).toEqual(expected);
    fc.assert(
      fc.property(
        fc.shuffledSubarray(rows, { minLength: rows.length, maxLength: rows.length }),
        (shuffled) => {
          expect(range(shuffled)).toEqual(expected);
        },
      ),
      { numRuns: 50 },
    );
  });

  it('still changes when an amount changes', () => {
    const changed = rows.map((r, i) => (i === 1 ? [r[0], 0.25, r[2], r[3]] : r));
    expect(range(changed)).not.toEqual(range(rows));
  });
});

describe('FORECAST_RANGE trials: a whole number 1..100,000, or numeric text; anything else names the value', () => {
  const deals = [
    HEADER,
    ['D-1', 100, 'Middle', seoul(2023, 11, 10)],
    ['D-2', 300, 'Early', seoul(2023, 11, 12)],
  ];
  const call = (trials: unknown) => forecastRangeOf(deals, STAGES, '2023-11', trials, TZ);

  it('accepts numbers and numeric text alike', () => {
    expect(call('500')).toEqual(call(500));
    expect(call(' 10,000 ')).toEqual(call(10_000));
    expect(call('2000.0')).toEqual(call(2000));
    expect(call([[750]])).toEqual(call(750));
    // Omitted or an empty cell: the default 10,000.
    expect(call(undefined)).toEqual(call(10_000));
    expect(call('')).toEqual(call(10_000));
  });

  it('refuses TRUE instead of silently running one trial', () => {
    expect(() => call(true)).toThrow(PipelineError);
    expect(() => call(true)).toThrow('trials must be a whole number from 1 to 100000, not TRUE.');
    expect(() => call(false)).toThrow('not FALSE.');
  });

  it.each<[unknown, string]>([
    [0, 'not 0.'],
    [-5, 'not -5.'],
    [1.5, 'not 1.5.'],
    [100_001, 'not 100001.'],
    [Number.NaN, 'not NaN.'],
    [Number.POSITIVE_INFINITY, 'not Infinity.'],
    ['many', "not 'many'."],
    ['1e3', "not '1e3'."],
    ['0x10', "not '0x10'."],
    ['12.5', "not '12.5'."],
    [new Date(Date.UTC(2023, 10, 1)), "not the date '2023-11-01T00:00:00.000Z'."],
    [[[1, 2]], 'not a range of cells.'],
  ])('refuses %s', (trials, named) => {
    expect(() => call(trials)).toThrow(PipelineError);
    expect(() => call(trials)).toThrow(`trials must be a whole number from 1 to 100000, ${named}`);
  });
});
