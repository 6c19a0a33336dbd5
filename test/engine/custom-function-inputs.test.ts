/**
 * Properties of the custom functions as Sheets calls them (SPEC §3): whatever
 * a user points them at, FORECAST_WEIGHTED, FORECAST_RANGE, STAGE_CONVERSION
 * and WIN_RATE return a value or throw a PipelineError with a clear, short
 * message: never a TypeError, a RangeError ("Invalid time value", "Maximum
 * call stack size exceeded") or any other error class.
 *
 * The grids mix the cells of each column's kind with hostile ones: huge,
 * negative, NaN and infinite numbers, malformed text ('2023-13', '1e400'),
 * Invalid Dates, Dates in the years 0–99 and after 9999, `new Date(±8.64e15)`,
 * ragged rows and 50,000-character cells. The month, trials, stage and
 * min_closed arguments are just as arbitrary.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  forecastRangeOf,
  forecastWeighted,
  stageConversionOf,
  winRateOf,
} from '../../src/addon/functions/custom-functions';
import type { Cell } from '../../src/engine/cells';
import { PipelineError } from '../../src/engine/problems';
import { loadBundle } from '../support/load-bundle';
import { seoul } from '../support/seoul';
import { createStandIn } from '../support/standin';

/** A Date at a civil UTC date in any year, 0–99 included (Date.UTC would read those as 1900–1999). */
function utcDate(year: number, month: number, day: number): Date {
  const d = new Date(Date.UTC(2000, month - 1, day, 3));
  d.setUTCFullYear(year, month - 1, day);
  return d;
}

const hostileDate: fc.Arbitrary<Cell> = fc.oneof(
  fc.constantFrom<Cell>(
    new Date(Number.NaN),
    new Date(8.64e15),
    new Date(-8.64e15),
    new Date(8.64e15 - 1),
    new Date(-8.64e15 + 1),
    utcDate(1899, 12, 31),
    utcDate(1900, 1, 1),
    utcDate(9999, 12, 31),
    utcDate(10_000, 1, 1),
  ),
  fc
    .record({
      y: fc.integer({ min: 0, max: 99 }),
      m: fc.integer({ min: 1, max: 12 }),
      d: fc.integer({ min: 1, max: 28 }),
    })
    .map(({ y, m, d }) => utcDate(y, m, d)),
  fc.integer({ min: 10_000, max: 275_000 }).map((y) => utcDate(y, 6, 1)),
  fc.date({ min: new Date(-8.64e15), max: new Date(8.64e15) }),
  fc.date({ min: new Date(Date.UTC(2023, 0, 1)), max: new Date(Date.UTC(2024, 11, 31)) }),
);

const hostileNumber: fc.Arbitrary<Cell> = fc.oneof(
  fc.constantFrom<Cell>(
    Number.NaN,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    Number.MAX_VALUE,
    -Number.MAX_VALUE,
    1e308,
    1e15,
    1e15 + 1,
    -0,
    5e-324,
    -1,
    2_958_465,
    2_958_466,
    1,
    2,
  ),
  fc.double(),
  fc.integer(),
  fc.integer({ min: 0, max: 100_100 }),
);

const hostileText: fc.Arbitrary<Cell> = fc.oneof(
  fc.constantFrom<Cell>(
    '2023-13',
    '2023-11',
    '2023-02-30',
    '2023-11-15',
    '0099-11-15',
    '0099-11',
    '0000-01',
    '1899-12',
    '9999-12',
    '10000-01-01',
    '99999-01',
    '2023-11-15 25:00',
    '2023-11-15 10:00+99:00',
    '9999-12-31 23:59-12:00',
    '12/31/0099',
    '2023년 13월',
    'Nov 2023',
    'TBD',
    '1e400',
    '9'.repeat(400),
    `${'9'.repeat(400)}원`,
    '-5',
    '(100)',
    '12,50',
    '1억 5천만',
    '₩10,000,000',
    '70%',
    '150%',
    '10,000',
    ' 500 ',
    '0x10',
    'TRUE',
    'Call (+100000000d)',
    `Call (+${'9'.repeat(400)}d)`,
    'A',
    'Won',
    '',
    ' ',
  ),
  fc.string(),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.string({ unit: fc.constantFrom('\u0000', '\u001b', '\n', '\u202e', 'x', '가'), maxLength: 20 }),
);

// Rare: a cell at Sheets' 50,000-character limit.
const HUGE = `TBD${'x'.repeat(49_997)}`;

const hostileCell: fc.Arbitrary<Cell> = fc.oneof(
  { weight: 3, arbitrary: hostileText },
  { weight: 3, arbitrary: hostileNumber },
  { weight: 3, arbitrary: hostileDate },
  { weight: 1, arbitrary: fc.constantFrom<Cell>(true, false, null, undefined, '') },
  { weight: 1, arbitrary: fc.constant<Cell>(HUGE) },
);

const stageName = fc.constantFrom<Cell>('A', 'b ', 'B', 'Won', 'Lost', '수주', 'Nowhere', '');
const dateLike = fc.oneof(
  hostileDate,
  fc.constantFrom<Cell>('2023-11-15', '2023. 11. 5', '2023-11', 45_245, ''),
);
const amountLike = fc.oneof(
  hostileNumber,
  fc.constantFrom<Cell>('10,000,000원', '1.5억', '$12,500', 100, 0, ''),
);
const probabilityLike = fc.oneof(hostileNumber, fc.constantFrom<Cell>('10%', '50%', 0.5, 1, 0, 70, '100%'));

/** What each header's cells usually hold; hostile cells are mixed in. */
const DOMAINS = {
  stages: {
    Stage: stageName,
    Probability: probabilityLike,
    'Stale after (days)': fc.constantFrom<Cell>('', 14, '7', -1, 1.5, 'x', 1e300),
    Outcome: fc.constantFrom<Cell>('', 'open', 'won', 'lost', 'maybe'),
    'Entry tasks': fc.constantFrom<Cell>('', 'Call (+3d)', 'Call (+100000000d)', 'Send\nCall (+3650d)'),
  },
  deals: {
    'Deal ID': fc.constantFrom<Cell>('D-1', 'D-2', '', 101),
    Amount: amountLike,
    Stage: stageName,
    'Expected close': dateLike,
    'Stage entered': dateLike,
  },
  history: {
    When: dateLike,
    'Deal ID': fc.constantFrom<Cell>('D-1', 'D-2', '', 101),
    'From stage': stageName,
    'To stage': stageName,
  },
} satisfies Record<string, Record<string, fc.Arbitrary<Cell>>>;

const SANE_STAGES: Cell[][] = [
  ['Stage', 'Probability', 'Outcome'],
  ['A', '10%', ''],
  ['B', 0.5, ''],
  ['Won', '100%', 'won'],
  ['Lost', 0, 'lost'],
];

/** A grid with a header of known columns (sometimes garbage) and rows of their kinds mixed with hostile cells, some ragged. */
function grid(domains: Record<string, fc.Arbitrary<Cell>>): fc.Arbitrary<unknown> {
  const names = Object.keys(domains);
  const byName = new Map(Object.entries(domains));
  const header: fc.Arbitrary<Cell[]> = fc.oneof(
    { weight: 12, arbitrary: fc.shuffledSubarray(names, { minLength: names.length }) },
    { weight: 2, arbitrary: fc.shuffledSubarray(names, { minLength: 1 }) },
    { weight: 1, arbitrary: fc.array(hostileCell, { maxLength: 6 }) },
  );
  const rows = header.chain((h) => {
    const cell = (name: Cell) => {
      // Own keys only: a hostile header such as 'constructor' must not find Object's prototype.
      const domain = typeof name === 'string' ? byName.get(name) : undefined;
      return domain
        ? fc.oneof({ weight: 4, arbitrary: domain }, { weight: 1, arbitrary: hostileCell })
        : hostileCell;
    };
    const row = fc
      .tuple(fc.tuple(...h.map(cell)), fc.nat(10))
      .map(([cells, cut]) => (cut === 0 ? cells.slice(0, 1) : cut === 1 ? [...cells, 'extra'] : cells));
    return fc.array(row, { maxLength: 15 }).map((r) => [h, ...r]);
  });
  return fc.oneof(
    { weight: 30, arbitrary: rows },
    // What else a user can point an argument at: an empty range, one cell, a one-row range.
    {
      weight: 1,
      arbitrary: fc.constantFrom<unknown>([], [[]], 5, '', 'Deals!A:L', undefined, ['Amount', 'Stage']),
    },
  );
}

const stagesGrid = fc.oneof(
  { weight: 2, arbitrary: fc.constant<unknown>(SANE_STAGES) },
  { weight: 1, arbitrary: grid(DOMAINS.stages) },
);

/** A one-cell argument: a cell, a cell in a one-cell range, a range, or left out. */
function argument(usual: fc.Arbitrary<Cell>): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 6, arbitrary: usual },
    { weight: 4, arbitrary: hostileCell },
    { weight: 1, arbitrary: fc.constantFrom<unknown>(undefined, '') },
    { weight: 1, arbitrary: hostileCell.map((c) => [[c]]) },
    { weight: 1, arbitrary: fc.array(hostileCell, { minLength: 2, maxLength: 3 }).map((r) => [r]) },
  );
}

const monthArg = argument(
  fc.oneof(
    fc.constantFrom<Cell>(
      '2023-11',
      '2023.11',
      '2023년 11월',
      '2023-11-15',
      '0099-11',
      '10000-01',
      '2023-13',
      '1899-12',
    ),
    hostileDate,
  ),
);
const trialsArg = argument(
  fc.oneof(fc.integer({ min: -2, max: 300 }), fc.constantFrom<Cell>('50', '1,000', true, 100_001)),
);
const stageArg = argument(stageName);
const minClosedArg = argument(
  fc.oneof(fc.integer({ min: -2, max: 8 }), fc.constantFrom<Cell>('3', true, 2.5)),
);
const zoneArg = fc.constantFrom('Asia/Seoul', 'America/Los_Angeles', 'UTC', 'Pacific/Chatham');

/** Runs one call: its value, or the PipelineError it throws; any other error fails the property. */
function outcome(call: () => unknown): { value: unknown } | { error: string } {
  try {
    return { value: call() };
  } catch (e) {
    if (!(e instanceof PipelineError)) {
      throw new Error(
        `threw ${(e as Error)?.name ?? typeof e}, not a PipelineError: ${String((e as Error)?.message ?? e).slice(0, 300)}`,
      );
    }
    const message = e.message;
    expect(message.trim().length, 'an empty message').toBeGreaterThan(0);
    // A clear message: a few problems, each naming a value shortened to ~100 characters.
    expect(message.length, message.slice(0, 300)).toBeLessThan(2500);
    return { error: message };
  }
}

const finite = (v: unknown) => typeof v === 'number' && Number.isFinite(v);
const RUNS = { numRuns: 300 };

const civilFormats = new Map<string, Intl.DateTimeFormat>();
/** The civil year (1 BC = 0) and month of an instant in a zone, straight from Intl. */
function civilMonth(date: Date, zone: string): { year: number; month: number } {
  let format = civilFormats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      era: 'short',
      year: 'numeric',
      month: 'numeric',
    });
    civilFormats.set(zone, format);
  }
  const parts = new Map(format.formatToParts(date).map((p) => [p.type, p.value]));
  const year = Number(parts.get('year'));
  return { year: parts.get('era') === 'BC' ? 1 - year : year, month: Number(parts.get('month')) };
}

const yearMonth = (year: number, month: number) =>
  `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;

/**
 * What a month argument stands for, by a model that knows nothing of the engine:
 * `'outside'` when it is (or names) a year before 1900 or after 9999, so it must be
 * refused; a Date's own `YYYY-MM` in the zone; `null` when the model makes no claim.
 */
function monthAsked(value: unknown, zone: string): string | null {
  let cell = value;
  while (Array.isArray(cell) && cell.length === 1) cell = cell[0];
  if (cell instanceof Date) {
    // Invalid, or beyond where Intl formats in every zone (the years ±270,000).
    if (!(Math.abs(cell.getTime()) <= 8.64e15 - 2 * 86_400_000)) return 'outside';
    const { year, month } = civilMonth(cell, zone);
    return year < 1900 || year > 9999 ? 'outside' : yearMonth(year, month);
  }
  if (typeof cell === 'string') {
    // A four-digit year before 1900 leading the text ('0099-11', '0050-01-15') or ending
    // a date written year last ('12/31/0099', '11/0050', 'Nov 0050').
    const last = /^\s*(?:\d{1,2}\s*[-/.]\s*){1,2}(\d{4})\s*$|^\s*[a-z]{3,9}\.?\s*[-,]?\s*(\d{4})\s*$/i.exec(
      cell,
    );
    const year = /^\s*(\d{4})(?!\d)/.exec(cell)?.[1] ?? last?.[1] ?? last?.[2];
    if (year !== undefined && Number(year) < 1900) return 'outside';
  }
  return null;
}

/**
 * Whether some cell of a grid stands for the month `YYYY-MM`: a Date in it (in the zone),
 * a Sheets serial number in it, or text naming its year (or the next or previous one,
 * for text with an offset such as `2023-12-31 23:00-05:00`).
 */
function explains(grid: unknown, month: string, zone: string): boolean {
  if (!Array.isArray(grid)) return false;
  const year = Number(month.slice(0, 4));
  return grid.some(
    (row) =>
      Array.isArray(row) &&
      row.some((cell: unknown) => {
        if (cell instanceof Date) {
          if (!(Math.abs(cell.getTime()) <= 8.64e15 - 2 * 86_400_000)) return false;
          const civil = civilMonth(cell, zone);
          return yearMonth(civil.year, civil.month) === month;
        }
        if (typeof cell === 'number' && Number.isFinite(cell)) {
          const local = new Date(Date.UTC(1899, 11, 30) + Math.round(cell * 86_400_000));
          return yearMonth(local.getUTCFullYear(), local.getUTCMonth() + 1) === month;
        }
        return typeof cell === 'string' && [year - 1, year, year + 1].some((y) => cell.includes(String(y)));
      }),
  );
}

describe('custom functions over arbitrary grids and arguments: a value or a PipelineError, nothing else', () => {
  it('FORECAST_WEIGHTED', () => {
    fc.assert(
      fc.property(grid(DOMAINS.deals), stagesGrid, monthArg, zoneArg, (deals, stages, month, zone) => {
        const r = outcome(() => forecastWeighted(deals, stages, month, zone));
        if (!('value' in r)) return;
        if (typeof r.value === 'number') {
          expect(finite(r.value)).toBe(true);
          // Never a month 1900 years late: the years 0–99 are refused, and a Date is its own month.
          const asked = monthAsked(month, zone);
          expect(asked, `${String(month)} answered ${r.value}`).not.toBe('outside');
          if (typeof asked === 'string') {
            expect(r.value).toBe(forecastWeighted(deals, stages, asked, zone));
          }
          return;
        }
        const [header, ...rows] = r.value as unknown[][];
        expect(header).toEqual(['Month', 'Weighted', 'Open pipeline', 'Won', 'Open deals']);
        for (const row of rows) {
          expect(row[0], JSON.stringify(row)).toMatch(/^(19\d\d|[2-9]\d\d\d)-(0[1-9]|1[0-2])$|^\(no date\)$/);
          // A month some cell stands for: a Date or serial in it, or text naming its year.
          // A year-50 Date or '0050-06' read as 1950-06 is not explained by anything.
          if (row[0] !== '(no date)') {
            expect(explains(deals, row[0] as string, zone), `${JSON.stringify(row)} from no cell`).toBe(true);
          }
          expect(row.slice(1).every(finite), JSON.stringify(row)).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it('FORECAST_RANGE', () => {
    fc.assert(
      fc.property(
        grid(DOMAINS.deals),
        stagesGrid,
        monthArg,
        trialsArg,
        zoneArg,
        (deals, stages, month, trials, zone) => {
          const r = outcome(() => forecastRangeOf(deals, stages, month, trials, zone));
          if (!('value' in r)) {
            // TRUE is never read as one trial.
            return;
          }
          const rows = r.value as number[][];
          expect(rows).toHaveLength(1);
          const [p10, p50, p90] = rows[0] as number[];
          expect([p10, p50, p90].every(finite), JSON.stringify(rows)).toBe(true);
          expect(p10 as number).toBeLessThanOrEqual(p50 as number);
          expect(p50 as number).toBeLessThanOrEqual(p90 as number);
        },
      ),
      RUNS,
    );
  });

  it('FORECAST_RANGE refuses every trials value that is not a whole number 1..100,000, naming it', () => {
    const deals = [
      ['Amount', 'Stage', 'Expected close'],
      [100, 'A', '2023-11-15'],
    ];
    fc.assert(
      fc.property(trialsArg, (trials) => {
        const r = outcome(() => forecastRangeOf(deals, SANE_STAGES, '2023-11', trials, 'Asia/Seoul'));
        // The model: a number, or text of one (`10000`, `10,000`, `500.0`), whole, 1..100,000; blank = the default.
        let cell = trials;
        while (Array.isArray(cell) && cell.length === 1) cell = cell[0];
        const text = typeof cell === 'string' ? cell.trim() : null;
        const numeric = text !== null && /^\+?(\d+|\d{1,3}(,\d{3})+)(\.0*)?$/.test(text);
        const n =
          typeof cell === 'number'
            ? cell
            : numeric
              ? Number((text as string).replace(/[+,]/g, ''))
              : Number.NaN;
        const omitted = cell === undefined || cell === null || text === '';
        const valid = omitted || (Number.isInteger(n) && n >= 1 && n <= 100_000);
        if (valid) expect(r, JSON.stringify(trials)).toHaveProperty('value');
        else {
          expect(r, JSON.stringify(trials)).toHaveProperty('error');
          expect((r as { error: string }).error).toMatch(
            /^trials must be a whole number from 1 to 100000, not .+\.$/s,
          );
        }
      }),
      RUNS,
    );
  });

  it('STAGE_CONVERSION', () => {
    fc.assert(
      fc.property(grid(DOMAINS.history), stagesGrid, zoneArg, (history, stages, zone) => {
        const r = outcome(() => stageConversionOf(history, stages, zone));
        if (!('value' in r)) return;
        const [header, ...rows] = r.value as unknown[][];
        expect(header?.[0]).toBe('Stage');
        for (const row of rows) {
          expect(
            row.slice(1).every((v) => v === '' || finite(v)),
            JSON.stringify(row),
          ).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it('WIN_RATE', () => {
    fc.assert(
      fc.property(
        grid(DOMAINS.history),
        stagesGrid,
        stageArg,
        minClosedArg,
        zoneArg,
        (history, stages, stage, minClosed, zone) => {
          const r = outcome(() => winRateOf(history, stages, stage, minClosed, zone));
          if (!('value' in r)) return;
          expect(
            r.value === '' || (finite(r.value) && (r.value as number) >= 0 && (r.value as number) <= 1),
            String(r.value),
          ).toBe(true);
        },
      ),
      RUNS,
    );
  });
});

describe('FORECAST_WEIGHTED month: the years 0–99 are refused, never read as 19xx', () => {
  const PROBABILITY: Record<string, number> = { A: 0.1, B: 0.5, Won: 1 };
  const deal = fc.record({
    amount: fc.integer({ min: 1, max: 1_000_000 }),
    stage: fc.constantFrom('A', 'B', 'Won'),
    // Mostly the 1900s and 2000s, where a year 0–99 read as 19xx or 20xx would land.
    year: fc.oneof(
      fc.integer({ min: 1900, max: 1999 }),
      fc.integer({ min: 2000, max: 2099 }),
      fc.integer({ min: 2100, max: 9999 }),
    ),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 28 }),
    asDate: fc.boolean(),
  });
  type Deal = typeof deal extends fc.Arbitrary<infer D> ? D : never;
  const pad = (n: number, width: number) => String(n).padStart(width, '0');

  /** A month in the years 0–99: each deal's own month 1900 (or 2000) years early, as text or a Date. */
  const early = (deals: readonly Deal[]) =>
    fc
      .record({
        y:
          deals.length > 0
            ? fc.constantFrom(...deals.map((d) => d.year % 100))
            : fc.integer({ min: 0, max: 99 }),
        m: deals.length > 0 ? fc.constantFrom(...deals.map((d) => d.month)) : fc.integer({ min: 1, max: 12 }),
        form: fc.nat(5),
      })
      .map(({ y, m, form }): Cell => {
        const texts = [
          `${pad(y, 4)}-${pad(m, 2)}`,
          `${pad(y, 4)}.${m}`,
          `${pad(y, 4)}년 ${m}월`,
          `${pad(y, 4)}-${pad(m, 2)}-15`,
          `${pad(m, 2)}/15/${pad(y, 4)}`,
        ];
        return form < texts.length ? (texts[form] as string) : utcDate(y, m, 15);
      });
  /** A Date in the years 1900–9999: in a deal's month, or anywhere. */
  const inYears = (deals: readonly Deal[]) =>
    fc.oneof(
      deals.length > 0
        ? fc.constantFrom(...deals.map((d) => new Date(Date.UTC(d.year, d.month - 1, 15, 12))))
        : fc.constant(new Date(Date.UTC(1950, 5, 15, 12))),
      fc.date({
        min: new Date(Date.UTC(1900, 0, 2)),
        max: new Date(Date.UTC(9999, 11, 30)),
        noInvalidDate: true,
      }),
    );
  const asked = (deals: readonly Deal[]) =>
    fc
      .oneof(
        early(deals).map((cell) => ({ cell, early: true })),
        inYears(deals).map((cell) => ({ cell, early: false })),
      )
      .chain(({ cell, early }) =>
        fc.constantFrom<unknown>(cell, [[cell]]).map((month) => ({ month, cell, early })),
      );

  /** Expected close as `YYYY-MM-DD` text (that day in every zone), or a Date at noon UTC on that day. */
  const closeOf = (d: Deal): Cell =>
    d.asDate
      ? new Date(Date.UTC(d.year, d.month - 1, d.day, 12))
      : `${pad(d.year, 4)}-${pad(d.month, 2)}-${pad(d.day, 2)}`;
  /** The month a deal closes in: a Date's in the zone (noon UTC on the 28th is already the 1st in Chatham). */
  const closeMonth = (d: Deal, zone: string) => {
    const close = closeOf(d);
    if (typeof close === 'string') return { year: d.year, month: d.month };
    return civilMonth(close as Date, zone);
  };
  const dealsGrid = (deals: readonly Deal[]): Cell[][] => [
    ['Deal ID', 'Amount', 'Stage', 'Expected close'],
    ...deals.map((d, i): Cell[] => [`D-${i}`, d.amount, d.stage, closeOf(d)]),
  ];

  it('refuses a month in the years 0–99 and sums a Date month exactly as its own month in the zone', () => {
    fc.assert(
      fc.property(
        fc.array(deal, { maxLength: 12 }).chain((deals) => fc.tuple(fc.constant(deals), asked(deals))),
        zoneArg,
        ([deals, { month, cell, early }], zone) => {
          const grid = dealsGrid(deals);
          const r = outcome(() => forecastWeighted(grid, SANE_STAGES, month, zone));
          if (early) {
            expect(r, `${String(cell)} was not refused`).toHaveProperty('error');
            expect((r as { error: string }).error).toMatch(
              /^month .+ is outside the years 1900–9999; use a date or text such as 2023-11\.$/,
            );
            return;
          }
          const { year, month: m } = civilMonth(cell as Date, zone);
          const expected = deals
            .filter((d) => {
              const close = closeMonth(d, zone);
              return close.year === year && close.month === m;
            })
            .reduce((sum, d) => sum + d.amount * (PROBABILITY[d.stage] as number), 0);
          expect(r, (cell as Date).toISOString()).toHaveProperty('value');
          const value = (r as { value: number }).value;
          expect(
            Math.abs(value - expected),
            `${(cell as Date).toISOString()} in ${zone}: ${value}`,
          ).toBeLessThanOrEqual(1e-9 * Math.max(1, expected));
        },
      ),
      RUNS,
    );
  });

  it("refuses an Expected close in the years 0–99; otherwise the table has exactly the deals' months", () => {
    const ancient = fc.record({
      y: fc.integer({ min: 0, max: 99 }),
      m: fc.integer({ min: 1, max: 12 }),
      d: fc.integer({ min: 1, max: 28 }),
      asDate: fc.boolean(),
      at: fc.nat(),
    });
    fc.assert(
      fc.property(fc.array(deal, { maxLength: 12 }), fc.option(ancient), zoneArg, (deals, old, zone) => {
        const grid = dealsGrid(deals);
        const at = old ? 1 + (old.at % (deals.length + 1)) : 0;
        if (old) {
          const close = old.asDate
            ? utcDate(old.y, old.m, old.d)
            : `${pad(old.y, 4)}-${pad(old.m, 2)}-${pad(old.d, 2)}`;
          grid.splice(at, 0, ['D-old', 100, 'A', close]);
        }
        const r = outcome(() => forecastWeighted(grid, SANE_STAGES, undefined, zone));
        if (old) {
          expect(r, `year ${old.y} was not refused`).toHaveProperty('error');
          const message = (r as { error: string }).error;
          expect(message).toContain(`Deals row ${at + 1}, column Expected close '`);
          expect(message).toContain('is before the year 1900; dates must be in the years 1900–9999');
          return;
        }
        const byMonth = new Map<string, number>();
        for (const d of deals) {
          const close = closeMonth(d, zone);
          const key = `${pad(close.year, 4)}-${pad(close.month, 2)}`;
          byMonth.set(key, (byMonth.get(key) ?? 0) + d.amount * (PROBABILITY[d.stage] as number));
        }
        const rows = ((r as { value: unknown[][] }).value ?? []).slice(1);
        expect(rows.map((row) => row[0])).toEqual([...byMonth.keys()].sort());
        for (const row of rows) {
          const expected = byMonth.get(row[0] as string) as number;
          expect(Math.abs((row[1] as number) - expected), JSON.stringify(row)).toBeLessThanOrEqual(
            1e-9 * Math.max(1, expected),
          );
        }
      }),
      RUNS,
    );
  });
});

describe('the hostile values the properties draw, one by one', () => {
  const STAGES = SANE_STAGES;
  const cases: readonly [string, Cell][] = [
    ['new Date(8.64e15)', new Date(8.64e15)],
    ['new Date(-8.64e15)', new Date(-8.64e15)],
    ['an Invalid Date', new Date(Number.NaN)],
    ['a Date in the year 50', utcDate(50, 6, 1)],
    ['a Date in the year 10000', utcDate(10_000, 1, 1)],
    ['2023-13', '2023-13'],
    ['0099-11', '0099-11'],
    ['1e308', 1e308],
    ['NaN', Number.NaN],
    ['-1', -1],
    ['a 50,000-character cell', HUGE],
  ];

  it.each(cases)('%s as an Expected close, a month, trials and a When', (_, cell) => {
    const deals = [
      ['Amount', 'Stage', 'Expected close'],
      [100, 'A', cell],
    ];
    const history = [
      ['When', 'Deal ID', 'From stage', 'To stage'],
      [cell, 'D-1', '', 'A'],
    ];
    for (const call of [
      () => forecastWeighted(deals, STAGES, undefined, 'Asia/Seoul'),
      () =>
        forecastWeighted(
          [
            ['Amount', 'Stage', 'Expected close'],
            [100, 'A', '2023-11-15'],
          ],
          STAGES,
          cell,
          'Asia/Seoul',
        ),
      () => forecastRangeOf(deals, STAGES, '2023-11', undefined, 'Asia/Seoul'),
      () =>
        forecastRangeOf(
          [
            ['Amount', 'Stage', 'Expected close'],
            [100, 'A', '2023-11-15'],
          ],
          STAGES,
          '2023-11',
          cell,
          'Asia/Seoul',
        ),
      () => stageConversionOf(history, STAGES, 'Asia/Seoul'),
      () => winRateOf(history, STAGES, 'A', cell, 'Asia/Seoul'),
    ]) {
      outcome(call);
    }
  });
});

describe('WIN_RATE arguments are read as strictly as FORECAST_RANGE trials', () => {
  const history = [
    ['When', 'Deal ID', 'From stage', 'To stage'],
    ['2023-10-01', 'D-1', '', 'A'],
    ['2023-10-05', 'D-1', 'A', 'Won'],
  ];
  const call = (stage: unknown, minClosed: unknown) =>
    winRateOf(history, SANE_STAGES, stage, minClosed, 'Asia/Seoul');

  it('takes min_closed as a whole number or numeric text, and TRUE is not 1', () => {
    expect(call('A', 1)).toBe(1);
    expect(call('A', '1')).toBe(1);
    expect(call('A', [[1]])).toBe(1);
    expect(call('A', undefined)).toBe('');
    expect(() => call('A', true)).toThrow('min_closed must be a whole number 0 or more, not TRUE.');
    expect(() => call('A', 2.5)).toThrow('min_closed must be a whole number 0 or more, not 2.5.');
    expect(() => call('A', 'five')).toThrow("min_closed must be a whole number 0 or more, not 'five'.");
  });

  it('takes the stage as one cell', () => {
    expect(call([['A']], 1)).toBe(1);
    expect(() => call([['A', 'B']], 1)).toThrow('stage must be one cell: the name of an open stage.');
    expect(() => call('Won', 1)).toThrow("'Won' is a won stage; a win rate is asked of an open stage.");
  });
});

// ---------------------------------------------------------------------------
// FORECAST_RANGE as a user types it (SPEC §3): through the built bundle over a
// month with 150,000 deals, and the `trials` argument. The Monte Carlo itself
// over those 150,000 deals and over rows in any order is in montecarlo.test.ts.

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

  it('works the same through the built bundle, as Sheets calls it', () => {
    const standIn = createStandIn({ timeZone: TZ, locale: 'en_US' });
    const app = loadBundle(standIn);
    standIn.customFunction();
    // Few trials: global lookups (Math.log) are slow inside node:vm, not in Apps Script.
    const fromBundle = app.FORECAST_RANGE(deals, STAGES, '2023-11', 20);
    expect(fromBundle).toEqual(forecastRangeOf(deals, STAGES, '2023-11', 20, TZ));
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
