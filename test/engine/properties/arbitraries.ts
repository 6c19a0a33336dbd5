/**
 * Shared generators for the property tests in this folder: sheets of the real
 * shapes Sheets hands over (2-D arrays with '' blanks, `Date` instants, Korean
 * text, junk such as 'TBD', negative numbers, NaN-ish text and duplicate ids),
 * each cell paired with what the SPEC says it means. The models are written
 * here and in each property file, independent of the engine's own parsing.
 *
 * The suite runs with TZ=America/Los_Angeles; the spreadsheet is in Asia/Seoul.
 */
import fc from 'fast-check';
import type { Cell } from '../../../src/engine/cells';
import { Zone } from '../../../src/engine/zone';

// ---------------------------------------------------------------------------
// Calendar helpers built on Intl, not on the engine.

export const DAY_MS = 86_400_000;
export const seoul = new Zone('Asia/Seoul');
export const NO_DATE = '(no date)';

/** The instant of a Seoul wall-clock time (UTC+9, no DST), built from UTC. */
export function seoulInstant(y: number, m: number, d: number, h = 0, mi = 0, s = 0, ms = 0): Date {
  return new Date(Date.UTC(y, m - 1, d, h, mi, s, ms) - 9 * 3_600_000);
}

const SEOUL_DATE = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Seoul',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});
function seoulParts(date: Date): { y: number; m: number; d: number } {
  const parts = SEOUL_DATE.formatToParts(date);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return { y: get('year'), m: get('month'), d: get('day') };
}
const ym = (y: number, m: number) => `${y}-${String(m).padStart(2, '0')}`;
export function seoulMonth(date: Date): string {
  const { y, m } = seoulParts(date);
  return ym(y, m);
}
/** Whole days since 1970-01-01 of the instant's Seoul calendar date. */
export function seoulDay(date: Date): number {
  const { y, m, d } = seoulParts(date);
  return Date.UTC(y, m - 1, d) / DAY_MS;
}
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const en = (n: number) => n.toLocaleString('en-US');

export function near(a: number, b: number, rel = 1e-9): boolean {
  return Math.abs(a - b) <= rel * Math.max(1, Math.abs(a), Math.abs(b));
}

export const textCase = fc.constantFrom<(s: string) => string>(
  (s) => s,
  (s) => s.toUpperCase(),
  (s) => s.toLowerCase(),
  (s) => `  ${s.replace(/ /g, '   ')} `,
);

// ---------------------------------------------------------------------------
// (d) Amounts a person writes, with the value they mean.

export interface Known {
  cell: Cell;
  value: number;
}

const CURRENCY_WRAPS: readonly ((s: string) => string)[] = [
  (s) => s,
  (s) => `${s}원`,
  (s) => `${s} 원`,
  (s) => `₩${s}`,
  (s) => `₩ ${s}`,
  (s) => `$${s}`,
  (s) => `${s} KRW`,
  (s) => `KRW ${s}`,
  (s) => `USD ${s}`,
  (s) => ` ${s}  `,
];
const wrap = fc.constantFrom(...CURRENCY_WRAPS);

/** `n.toLocaleString('en-US')` with a currency sign or code around it. */
export const formattedNumber: fc.Arbitrary<Known> = fc
  .record({
    n: fc.oneof(
      fc.integer({ min: 0, max: 1_000_000_000_000_000 }),
      fc.integer({ min: 0, max: 100_000_000_000 }).map((k) => k / 100),
      fc.integer({ min: 0, max: 999 }),
    ),
    wrap,
  })
  .map(({ n, wrap: w }) => ({ cell: w(en(n)), value: n }));

/** 억 / 천만 / 만 compositions: `3억 2,500만 1,234원`, `1억5천만`, `1,500만원`. */
export const koreanUnits: fc.Arbitrary<Known> = fc.oneof(
  fc
    .record({
      eok: fc.integer({ min: 0, max: 99_999 }),
      man: fc.integer({ min: 0, max: 9999 }),
      won: fc.integer({ min: 0, max: 9999 }),
      commas: fc.boolean(),
      joiner: fc.constantFrom(' ', ''),
      suffix: fc.constantFrom('원', '', ' 원'),
      prefix: fc.constantFrom('', '₩'),
    })
    .map(({ eok, man, won, commas, joiner, suffix, prefix }) => {
      const f = (n: number) => (commas ? en(n) : String(n));
      const parts: string[] = [];
      if (eok > 0) parts.push(`${f(eok)}억`);
      if (man > 0) parts.push(`${f(man)}만`);
      if (won > 0 || parts.length === 0) parts.push(f(won));
      return { cell: `${prefix}${parts.join(joiner)}${suffix}`, value: eok * 1e8 + man * 1e4 + won };
    }),
  fc
    .record({
      eok: fc.integer({ min: 1, max: 999 }),
      cheonman: fc.integer({ min: 1, max: 9 }),
      joiner: fc.constantFrom(' ', ''),
    })
    .map(({ eok, cheonman, joiner }) => ({
      cell: `${eok}억${joiner}${cheonman}천만원`,
      value: eok * 1e8 + cheonman * 1e7,
    })),
  fc
    .record({
      tenths: fc.integer({ min: 1, max: 9999 }),
      unit: fc.constantFrom(['억', 1e8] as const, ['만', 1e4] as const),
    })
    .map(({ tenths, unit: [u, mult] }) => ({ cell: `${tenths / 10}${u}`, value: (tenths * mult) / 10 })),
);

export const validAmountText = fc.oneof(formattedNumber, koreanUnits);

// ---------------------------------------------------------------------------
// Deals cells with what the SPEC says they mean: `ok: false` must be refused.

export interface Judged<T> {
  cell: Cell;
  ok: boolean;
  value: T;
}

export const amountCell: fc.Arbitrary<Judged<number>> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.integer({ min: 0, max: 10_000_000_000 }).map((n) => ({ cell: n, ok: true, value: n })),
  },
  {
    weight: 1,
    arbitrary: fc
      .double({ min: 0, max: 1e12, noNaN: true, noDefaultInfinity: true })
      .map((n) => ({ cell: n, ok: true, value: n })),
  },
  { weight: 4, arbitrary: validAmountText.map((k) => ({ ...k, ok: true })) },
  { weight: 1, arbitrary: fc.constantFrom('', '   ').map((cell) => ({ cell, ok: true, value: 0 })) },
  {
    weight: 2,
    arbitrary: fc
      .oneof(
        fc.integer({ min: -1_000_000_000, max: -1 }),
        fc.double({ min: -1e12, max: -1e-6, noNaN: true }),
        fc.constantFrom<Cell>(
          Number.NaN,
          Number.POSITIVE_INFINITY,
          Number.NEGATIVE_INFINITY,
          'TBD',
          'n/a',
          'N/A',
          '미정',
          'abc',
          '-1,000원',
          '(5,000)',
          '-₩12,000',
          'NaN',
          'Infinity',
          '₩',
          '만원',
          '1만 2억',
          '?',
          true,
          false,
          seoulInstant(2023, 11, 1),
        ),
      )
      .map((cell) => ({ cell, ok: false, value: Number.NaN })),
  },
);

/** A date cell and the `YYYY-MM` it falls in on the Seoul calendar. */
export const dateCell: fc.Arbitrary<Judged<string>> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2100, 0, 1) })
      .map((t) => new Date(t))
      .map((d) => ({ cell: d, ok: true, value: seoulMonth(d) })),
  },
  {
    weight: 3,
    // The edges of a Seoul month: 00:00 on the 1st, 23:59 and 23:59:59.999 on the last day.
    arbitrary: fc
      .record({
        y: fc.integer({ min: 2000, max: 2040 }),
        m: fc.integer({ min: 1, max: 12 }),
        edge: fc.nat(2),
      })
      .map(({ y, m, edge }) => {
        const d = [
          seoulInstant(y, m, 1),
          seoulInstant(y, m, lastDay(y, m), 23, 59),
          seoulInstant(y, m, lastDay(y, m), 23, 59, 59, 999),
        ][edge] as Date;
        return { cell: d, ok: true, value: ym(y, m) };
      }),
  },
  {
    weight: 2,
    arbitrary: fc
      .record({
        y: fc.integer({ min: 1990, max: 2100 }),
        m: fc.integer({ min: 1, max: 12 }),
        d: fc.integer({ min: 1, max: 28 }),
        form: fc.nat(5),
        time: fc.constantFrom('', ' 14:30', ' 오후 11:59', ' 9:05 AM'),
      })
      .map(({ y, m, d, form, time }) => {
        const mm = String(m).padStart(2, '0');
        const dd = String(d).padStart(2, '0');
        const text = [
          `${y}-${mm}-${dd}`,
          `${y}/${mm}/${dd}`,
          `${y}. ${m}. ${d}.`,
          `${y}.${mm}.${dd}`,
          `${y}년 ${m}월 ${d}일`,
          `${m}/${d}/${y}`,
        ][form] as string;
        return { cell: `${text}${time}`, ok: true, value: ym(y, m) };
      }),
  },
  {
    weight: 1,
    // A date cell formatted as a number shows its serial (days since 1899-12-30).
    arbitrary: fc.integer({ min: 32_874, max: 73_000 }).map((n) => {
      const d = new Date(Date.UTC(1899, 11, 30) + n * DAY_MS);
      return { cell: n, ok: true, value: ym(d.getUTCFullYear(), d.getUTCMonth() + 1) };
    }),
  },
  { weight: 2, arbitrary: fc.constantFrom('', ' ').map((cell) => ({ cell, ok: true, value: NO_DATE })) },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom<Cell>(
        'TBD',
        'next week',
        '다음 주',
        '2023-02-30',
        '2023-13-01',
        '2023-11-15 25:00',
        '11/15',
        'Q4 2023',
        -5,
        0,
        1e9,
        Number.NaN,
        true,
        false,
        new Date(Number.NaN),
      )
      .map((cell) => ({ cell, ok: false, value: '' })),
  },
);

// ---------------------------------------------------------------------------
// Stages and Deals grids.

export type Outcome = 'open' | 'won' | 'lost';
export interface StageDef {
  name: string;
  cell: Cell;
  probability: number;
  outcome: Outcome;
}

export const probabilityCell: fc.Arbitrary<{ cell: Cell; probability: number }> = fc.oneof(
  fc.integer({ min: 0, max: 100 }).map((p) => ({ cell: `${p}%`, probability: p / 100 })),
  fc.integer({ min: 0, max: 100 }).map((p) => ({ cell: p / 100, probability: p / 100 })),
  fc.integer({ min: 2, max: 100 }).map((p) => ({ cell: String(p), probability: p / 100 })),
);

const STAGE_NAMES = [
  '리드 발굴',
  'Meeting booked',
  '니즈 확인',
  'Proposal sent',
  '온보딩 교육 중',
  'Negotiation',
];

export interface StagesSpec {
  stages: StageDef[];
  /** A Stages row with an unreadable probability; deals naming it are refused. */
  broken: string | null;
  grid: Cell[][];
}

export const stagesSpec: fc.Arbitrary<StagesSpec> = fc
  .record({
    open: fc.array(probabilityCell, { minLength: 1, maxLength: STAGE_NAMES.length }),
    won: probabilityCell,
    lost: probabilityCell,
    broken: fc.boolean(),
  })
  .map(({ open, won, lost, broken }) => {
    const stages: StageDef[] = open.map((p, i) => ({
      name: STAGE_NAMES[i] as string,
      ...p,
      outcome: 'open',
    }));
    stages.push({ name: '수주', ...won, outcome: 'won' }, { name: 'Lost', ...lost, outcome: 'lost' });
    // SPEC §2: in a column whose other numbers exceed 1 every number is a percent, so 0.5 there is 0.5%.
    const percents = stages.some(
      (s) => typeof s.cell === 'string' && /^\d+$/.test(s.cell) && Number(s.cell) > 1,
    );
    if (percents)
      for (const s of stages) if (typeof s.cell === 'number') s.probability = Math.round(s.cell * 1e7) / 1e9;
    const grid: Cell[][] = [['Stage', 'Win probability', 'Outcome']];
    for (const s of stages) grid.push([s.name, s.cell, s.outcome === 'open' ? '' : s.outcome]);
    if (broken) grid.push(['On hold', 'maybe', '']);
    return { stages, broken: broken ? 'On hold' : null, grid };
  });
