/**
 * Property (a): the forecast over generated Deals sheets, against a model written from the SPEC,
 * independent of the engine's own parsing. Generators: ./arbitraries.ts.
 *
 * The suite runs with TZ=America/Los_Angeles; the spreadsheet is in Asia/Seoul.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Cell } from '../../../src/engine/cells';
import { readDeals } from '../../../src/engine/deals';
import { forecastByMonth } from '../../../src/engine/forecast';
import { readPipeline } from '../../../src/engine/stages';
import {
  amountCell,
  dateCell,
  type Judged,
  NO_DATE,
  near,
  type StageDef,
  type StagesSpec,
  seoul,
  stagesSpec,
  textCase,
} from './arbitraries';

// ---------------------------------------------------------------------------
// Deals grids.

type DealColumn = 'id' | 'name' | 'amount' | 'stage' | 'stageEntered' | 'expectedClose' | 'extra';
const HEADER_ALIASES: Record<DealColumn, readonly string[]> = {
  id: ['Deal ID', 'ID', '딜 ID', '딜 번호', 'deal_id'],
  name: ['Deal', 'Deal name', 'Name', '딜 이름', '딜명'],
  amount: ['Amount', 'Value', '금액', '수주 예정 금액', 'amount:'],
  stage: ['Stage', 'Deal stage', '단계', '딜 스테이지'],
  stageEntered: ['Stage entered', '단계 진입일', 'stage_entered'],
  expectedClose: ['Expected close', 'Close date', '수주 예정일', 'expected-close'],
  extra: ['Notes', 'Region', '비고'],
};
const ALL_COLUMNS: readonly DealColumn[] = [
  'id',
  'name',
  'amount',
  'stage',
  'stageEntered',
  'expectedClose',
  'extra',
];

type StageChoice = { kind: 'stage'; index: number } | { kind: 'blank' | 'unknown' | 'broken'; cell: Cell };
interface DealRowSpec {
  blankRow: boolean;
  id: Cell;
  name: string;
  amount: Judged<number>;
  stage: StageChoice;
  spell: (s: string) => string;
  entered: Judged<string>;
  close: Judged<string>;
  extra: Cell;
}

const dealRow: fc.Arbitrary<DealRowSpec> = fc.record({
  blankRow: fc.nat(9).map((n) => n === 0),
  // A small pool makes duplicate ids common; ' D-1 ' and 101 read as 'D-1' and '101'.
  id: fc.oneof(
    { weight: 3, arbitrary: fc.integer({ min: 1000, max: 999_999 }).map((n): Cell => `D-${n}`) },
    { weight: 2, arbitrary: fc.constantFrom<Cell>('', 'D-1', 'D-2', ' D-1 ', 'D-3', 101, '101') },
  ),
  name: fc.constantFrom('Acme renewal', '한빛 온보딩', '', 'TBD'),
  amount: amountCell,
  stage: fc.oneof(
    { weight: 12, arbitrary: fc.nat(20).map((index) => ({ kind: 'stage' as const, index })) },
    { weight: 1, arbitrary: fc.constantFrom('', '  ').map((cell) => ({ kind: 'blank' as const, cell })) },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom<Cell>('Maybe', 'TBD', 'Won?', '검토 중', 42)
        .map((cell) => ({ kind: 'unknown' as const, cell })),
    },
    { weight: 1, arbitrary: fc.constant({ kind: 'broken' as const, cell: 'on  HOLD' }) },
  ),
  spell: textCase,
  entered: dateCell,
  close: dateCell,
  extra: fc.constantFrom<Cell>('', 'note', 'TBD', -1, Number.NaN),
});

interface DealsSpec {
  columns: DealColumn[];
  headers: string[];
  rows: DealRowSpec[];
}

const dealsSpec: fc.Arbitrary<DealsSpec> = fc
  .record({
    order: fc.shuffledSubarray([...ALL_COLUMNS], { minLength: ALL_COLUMNS.length }),
    drop: fc.subarray(['id', 'name', 'stageEntered', 'expectedClose', 'extra'] as DealColumn[]),
    alias: fc.array(fc.nat(10), { minLength: ALL_COLUMNS.length, maxLength: ALL_COLUMNS.length }),
    spell: fc.array(textCase, { minLength: ALL_COLUMNS.length, maxLength: ALL_COLUMNS.length }),
    rows: fc.array(dealRow, { maxLength: 40, size: 'medium' }),
  })
  .map(({ order, drop, alias, spell, rows }) => {
    const columns = order.filter((c) => !drop.includes(c));
    const headers = columns.map((c) => {
      const k = ALL_COLUMNS.indexOf(c);
      const names = HEADER_ALIASES[c];
      const name = names[(alias[k] ?? 0) % names.length] as string;
      return (spell[k] ?? ((s: string) => s))(name);
    });
    return { columns, headers, rows };
  });

function dealsGrid(spec: DealsSpec, stages: StagesSpec): Cell[][] {
  const grid: Cell[][] = [spec.headers];
  for (const r of spec.rows) {
    if (r.blankRow) {
      grid.push(spec.columns.map(() => ''));
      continue;
    }
    const stageCell =
      r.stage.kind === 'stage'
        ? r.spell((stages.stages[r.stage.index % stages.stages.length] as StageDef).name)
        : r.stage.kind === 'broken' && stages.broken === null
          ? ''
          : r.stage.cell;
    const byColumn: Record<DealColumn, Cell> = {
      id: r.id,
      name: r.name,
      amount: r.amount.cell,
      stage: stageCell,
      stageEntered: r.entered.cell,
      expectedClose: r.close.cell,
      extra: r.extra,
    };
    grid.push(spec.columns.map((c) => byColumn[c]));
  }
  return grid;
}

interface ModelDeal {
  row: number;
  amount: number;
  stage: StageDef;
  month: string;
}

/** What the SPEC says the engine must accept and refuse, row by row. */
function modelDeals(spec: DealsSpec, stages: StagesSpec): { deals: ModelDeal[]; problems: string[] } {
  const header = (c: DealColumn) => (spec.headers[spec.columns.indexOf(c)] as string).trim();
  const has = (c: DealColumn) => spec.columns.includes(c);
  const deals: ModelDeal[] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  spec.rows.forEach((r, k) => {
    const row = k + 2;
    if (r.blankRow) return;
    const stageKind = r.stage.kind === 'broken' && stages.broken === null ? 'blank' : r.stage.kind;
    // A row with a blank Stage is not in the pipeline yet: skipped, never an error.
    if (stageKind === 'blank') return;
    const bad: DealColumn[] = [];
    if (stageKind !== 'stage') bad.push('stage');
    if (has('id')) {
      const id = String(r.id).trim();
      if (id !== '') {
        if (seen.has(id)) bad.push('id');
        seen.add(id);
      }
    }
    if (!r.amount.ok) bad.push('amount');
    if (has('stageEntered') && !r.entered.ok) bad.push('stageEntered');
    if (has('expectedClose') && !r.close.ok) bad.push('expectedClose');
    if (bad.length > 0) {
      for (const c of bad) problems.push(`${row}|${header(c)}`);
      return;
    }
    const stage = stages.stages[(r.stage as { index: number }).index % stages.stages.length] as StageDef;
    // SPEC §2: an open deal with a blank Amount adds nothing, visibly: it is listed.
    if (stage.outcome === 'open' && r.amount.ok && isBlank(r.amount.cell)) {
      problems.push(`${row}|${header('amount')}`);
      return;
    }
    deals.push({ row, amount: r.amount.value, stage, month: has('expectedClose') ? r.close.value : NO_DATE });
  });
  return { deals, problems: problems.sort() };
}

/** A blank cell as Sheets gives one: '' or spaces only. */
function isBlank(cell: unknown): boolean {
  return (
    cell === '' || cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '')
  );
}

describe('(a) the forecast over generated Deals sheets', () => {
  it('adds up to Σ amount × probability over accepted deals, and lists every refused row', () => {
    fc.assert(
      fc.property(stagesSpec, dealsSpec, (stages, spec) => {
        const pipeline = readPipeline(stages.grid);
        const grid = dealsGrid(spec, stages);
        const read = readDeals(grid, pipeline, { zone: seoul });
        const model = modelDeals(spec, stages);

        // Stages: only the broken row is a problem.
        expect(pipeline.problems.map((p) => p.row)).toEqual(stages.broken ? [stages.grid.length] : []);

        // Accepted rows, their amounts and stages.
        expect(read.deals.map((d) => d.row)).toEqual(model.deals.map((d) => d.row));
        read.deals.forEach((d, i) => {
          const m = model.deals[i] as ModelDeal;
          expect(d.stage.name).toBe(m.stage.name);
          expect(near(d.amount, m.amount, 1e-12), `amount row ${d.row}: ${d.amount} vs ${m.amount}`).toBe(
            true,
          );
        });

        // Every refused row is listed with its sheet row and the column as the user wrote it.
        expect(read.problems.map((p) => `${p.row}|${p.column}`).sort()).toEqual(model.problems);
        for (const p of read.problems) {
          expect(p.table).toBe('Deals');
          expect(p.message.startsWith(p.column)).toBe(true);
        }

        // The forecast total, (no date) included, is Σ amount × probability.
        const table = forecastByMonth(read.deals);
        const total = table.reduce((s, t) => s + t.weighted, 0);
        const engineSum = read.deals.reduce(
          (s, d) => s + (d.stage.outcome === 'lost' ? 0 : d.amount * d.stage.probability),
          0,
        );
        const modelSum = model.deals.reduce(
          (s, d) => s + (d.stage.outcome === 'lost' ? 0 : d.amount * d.stage.probability),
          0,
        );
        expect(near(total, engineSum), `total ${total} vs engine deals ${engineSum}`).toBe(true);
        expect(near(total, modelSum), `total ${total} vs model ${modelSum}`).toBe(true);

        // And month by month, with months on the Seoul calendar.
        const byMonth = new Map<string, number>();
        for (const d of model.deals) {
          if (d.stage.outcome === 'lost') continue;
          byMonth.set(d.month, (byMonth.get(d.month) ?? 0) + d.amount * d.stage.probability);
        }
        const months = [...byMonth.keys()].filter((m) => m !== NO_DATE).sort();
        if (byMonth.has(NO_DATE)) months.push(NO_DATE);
        expect(table.map((t) => t.month)).toEqual(months);
        for (const t of table) {
          expect(near(t.weighted, byMonth.get(t.month) ?? Number.NaN), `month ${t.month}`).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});
