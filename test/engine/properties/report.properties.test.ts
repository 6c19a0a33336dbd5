/**
 * Property (c): buildReport over any grids gives finite figures and well-placed problems,
 * or a PipelineError, never anything else. Generators: ./arbitraries.ts.
 *
 * The suite runs with TZ=America/Los_Angeles; the spreadsheet is in Asia/Seoul.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reportJson } from '../../../src/cli/report-json';
import type { Cell } from '../../../src/engine/cells';
import { PipelineError } from '../../../src/engine/problems';
import { buildReport } from '../../../src/engine/report';
import { Zone } from '../../../src/engine/zone';
import { amountCell, dateCell, probabilityCell, seoulInstant, validAmountText } from './arbitraries';

// ---------------------------------------------------------------------------
// (c) Garbage in: a result without NaN/Infinity, or a PipelineError.

const PLAUSIBLE: readonly Cell[] = [
  'A',
  'b ',
  'Won',
  'lost',
  '수주',
  '실주',
  'open',
  'won',
  '70%',
  '100%',
  '0%',
  0.5,
  1,
  0,
  14,
  '14일',
  'TRUE',
  'FALSE',
  true,
  false,
  'entry',
  'stale',
  'manual',
  'exit',
  'D-1',
  'D-2',
  '1,500만원',
  '₩12,000,000',
  '1.5억',
  'TBD',
  '-5',
  'NaN',
  '2023-11-15',
  '2023. 11. 5.',
  '11/15/2023',
  '오후 2:30',
  'Call the buyer (+3d)\nSend deck',
  seoulInstant(2023, 11, 1),
  seoulInstant(2023, 10, 31, 23, 59),
  new Date('0001-01-01T00:00:00Z'),
  seoulInstant(9999, 12, 31, 23, 59),
];

const garbageCell: fc.Arbitrary<Cell> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...PLAUSIBLE) },
  { weight: 2, arbitrary: fc.constantFrom<Cell>('', '', ' ', null, undefined) },
  { weight: 1, arbitrary: fc.string() },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme' }) },
  // Doubles up to ±1e15 plus the special values, and (below) Date cells in the years 1–9999:
  // the range these grids keep to. No engine bug is being avoided: amounts over 1e15 are
  // refused as 'is too large' (values.ts MAX_AMOUNT), Date cells before 1900 or after 9999
  // and Invalid Dates are problems (dates.test.ts, values.test.ts), and
  // custom-function-inputs.test.ts draws all of them, ±8.64e15 included.
  { weight: 1, arbitrary: fc.double({ min: -1e15, max: 1e15 }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom<Cell>(
      Number.NaN,
      Number.POSITIVE_INFINITY,
      Number.NEGATIVE_INFINITY,
      -0,
      5e-324,
    ),
  },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.boolean() },
  {
    weight: 1,
    arbitrary: fc.date({
      noInvalidDate: true,
      min: new Date('0001-01-01T00:00:00Z'),
      max: new Date(Date.UTC(9999, 11, 31)),
    }),
  },
  { weight: 1, arbitrary: validAmountText.map((k) => k.cell) },
);

const stageNameCell = fc.constantFrom<Cell>(
  'A',
  'b ',
  ' B',
  'C',
  'Won',
  'lost',
  '수주',
  '실주',
  '',
  'Nowhere',
);
const idCell = fc.constantFrom<Cell>('D-1', 'D-2', 'D-3', ' D-1', '', 101, 'D-9');
const flagCell = fc.constantFrom<Cell>(true, false, 'TRUE', 'FALSE', 'x', '완료', '', 'maybe', 1, 2);
const textCell = fc.constantFrom<Cell>(
  '',
  'kim@example.com',
  'Budget confirmed',
  'Call the buyer (+3d)\nSend deck',
  '1. one\n2. two',
);
const anyDate = dateCell.map((d) => d.cell);
const anyAmount = amountCell.map((a) => a.cell);

/** What each known header's cells usually hold; garbage is mixed in by `column`. */
const DOMAINS = {
  stages: {
    Stage: stageNameCell,
    'Win probability': probabilityCell.map((p) => p.cell),
    확률: probabilityCell.map((p) => p.cell),
    Outcome: fc.constantFrom<Cell>('', 'open', 'won', 'lost', '수주', '실주', 'maybe'),
    결과: fc.constantFrom<Cell>('', 'open', 'won', 'lost', '수주', '실주'),
    'Stale after (days)': fc.constantFrom<Cell>('', 14, '7', '14일', -1, 1.5, 'x', 0),
    'Exit criteria': textCell,
    'Entry tasks': textCell,
    'Required fields': fc.constantFrom<Cell>('', 'Amount, Owner', 'Expected close', 'Nope'),
  },
  deals: {
    'Deal ID': idCell,
    Deal: textCell,
    Owner: textCell,
    Amount: anyAmount,
    금액: anyAmount,
    Stage: stageNameCell,
    단계: stageNameCell,
    'Stage entered': anyDate,
    'Expected close': anyDate,
    Health: textCell,
  },
  history: {
    When: anyDate,
    일시: anyDate,
    'Deal ID': idCell,
    'From stage': stageNameCell,
    'To stage': stageNameCell,
    By: textCell,
    Note: textCell,
  },
  tasks: {
    'Task ID': idCell,
    'Deal ID': idCell,
    Task: textCell,
    Due: anyDate,
    Owner: textCell,
    Done: flagCell,
    Required: flagCell,
    Stage: stageNameCell,
    Source: fc.constantFrom<Cell>('entry', 'exit', 'stale', 'manual', '', 'other'),
    Key: fc.constantFrom<Cell>('', 'D-1|A|2023-11-01|stale'),
    Created: anyDate,
  },
} satisfies Record<string, Record<string, fc.Arbitrary<Cell>>>;

function column(domain: fc.Arbitrary<Cell> | undefined): fc.Arbitrary<Cell> {
  return domain
    ? fc.oneof({ weight: 5, arbitrary: domain }, { weight: 1, arbitrary: garbageCell })
    : garbageCell;
}

/**
 * A grid whose header is usually every known column in any order (so the engine
 * gets past the header and reads rows), sometimes a subset or garbage; its rows
 * hold cells of each column's kind mixed with garbage, some ragged.
 */
function garbageGrid(domains: Record<string, fc.Arbitrary<Cell>>): fc.Arbitrary<Cell[][]> {
  const names = Object.keys(domains) as Cell[];
  const header: fc.Arbitrary<Cell[]> = fc.oneof(
    { weight: 20, arbitrary: fc.shuffledSubarray(names, { minLength: names.length }) },
    { weight: 2, arbitrary: fc.shuffledSubarray(names, { minLength: 1 }) },
    { weight: 1, arbitrary: fc.array(garbageCell, { maxLength: 8 }) },
  );
  const grid = header.chain((h) => {
    const row = fc
      .tuple(
        fc.tuple(
          ...h.map((name) =>
            column(
              typeof name === 'string' && Object.keys(domains).includes(name) ? domains[name] : undefined,
            ),
          ),
        ),
        fc.nat(12),
      )
      .map(([cells, cut]) =>
        cut === 0 ? cells.slice(0, Math.max(0, cells.length - 2)) : cut === 1 ? [...cells, 'x'] : cells,
      );
    return fc.array(row, { maxLength: 20, size: 'medium' }).map((rows) => [h, ...rows]);
  });
  return fc.oneof({ weight: 20, arbitrary: grid }, { weight: 1, arbitrary: fc.constant([] as Cell[][]) });
}

const SANE_STAGES: Cell[][] = [
  ['Stage', 'Win probability', 'Stale after (days)', 'Outcome', 'Exit criteria', 'Entry tasks'],
  ['A', '10%', 14, '', 'Budget confirmed', 'Call the buyer (+3d)'],
  ['B', 0.5, '7', '', '', ''],
  ['Won', '100%', '', 'won', '', ''],
  ['Lost', 0, '', 'lost', '', ''],
];

const ZONES = new Map(
  ['Asia/Seoul', 'America/Los_Angeles', 'UTC', 'Asia/Kathmandu', 'Pacific/Chatham'].map((z) => [
    z,
    new Zone(z),
  ]),
);

function allFinite(values: readonly (number | null)[]): boolean {
  return values.every((v) => v === null || Number.isFinite(v));
}

describe('(c) buildReport over any grids', () => {
  it('returns finite figures and well-placed problems, or throws a PipelineError, never anything else', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.constant(SANE_STAGES), garbageGrid(DOMAINS.stages)),
        garbageGrid(DOMAINS.deals),
        garbageGrid(DOMAINS.history),
        fc.option(garbageGrid(DOMAINS.tasks)),
        fc.constantFrom(...ZONES.keys()),
        fc.integer({ min: 0, max: 40_000 }),
        fc.boolean(),
        (stages, deals, history, tasks, zoneId, today, dayFirst) => {
          const zone = ZONES.get(zoneId) as Zone;
          let check: ReturnType<typeof buildReport>;
          try {
            check = buildReport({ stages, deals, history, tasks }, { zone, today, dayFirst });
          } catch (e) {
            expect(e).toBeInstanceOf(PipelineError);
            expect((e as Error).message).toMatch(/has no column|is empty/);
            return;
          }
          for (const f of check.forecast) {
            expect(allFinite([f.weighted, f.openPipeline, f.won, f.openDeals]), JSON.stringify(f)).toBe(true);
            expect(f.month, JSON.stringify(f)).toMatch(/^\d{4,}-(0[1-9]|1[0-2])$|^\(no date\)$/);
          }
          for (const c of check.conversion) {
            const numbers = [
              c.reached,
              c.advanced,
              c.dropped,
              c.conversion,
              c.won,
              c.closed,
              c.winRate,
              c.winRateLow,
              c.winRateHigh,
              c.medianDays,
              c.suggestedStaleAfter,
            ];
            expect(allFinite(numbers), JSON.stringify(c)).toBe(true);
          }
          for (const p of check.problems) {
            expect(p.row, JSON.stringify(p)).toBeGreaterThanOrEqual(2);
            expect(typeof p.column === 'string' && p.column.trim() !== '', JSON.stringify(p)).toBe(true);
          }
          for (const t of check.tasks) expect(Number.isFinite(t.due)).toBe(true);
          // What the CLI prints survives JSON unchanged (no NaN turned into null).
          const json = reportJson(check, { zone, today });
          expect(JSON.parse(JSON.stringify(json.forecast))).toEqual(json.forecast);
        },
      ),
      { numRuns: 300 },
    );
  });
});
