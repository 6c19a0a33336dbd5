/**
 * Properties of the deal model (issue 12; SPEC §1 Deals: Probability, Status,
 * Currency; §2 Currencies, Probabilities; §3), over generated Deals sheets with
 * optional Probability, Status and Currency columns, against a model written
 * here from the SPEC, independent of the engine's own parsing:
 *
 *  (a) the forecast total is Σ amount × effective probability over the deals
 *      counted, and every data row is counted, skipped (blank Stage) or listed
 *      in the problems: nothing is silently dropped;
 *  (b) the Monte Carlo range of a month lies between what is certain (deals
 *      won, or at 100%) and that plus every deal that may still win, and a
 *      deal whose own probability is 0 never adds anything.
 *
 * The suite runs with TZ=America/Los_Angeles; the spreadsheet is in Asia/Seoul.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Cell } from '../../../src/engine/cells';
import { readDeals } from '../../../src/engine/deals';
import { forecastRange } from '../../../src/engine/montecarlo';
import { buildReport } from '../../../src/engine/report';
import { inScope } from '../../../src/engine/scope';
import { readPipeline } from '../../../src/engine/stages';
import { near, seoul, seoulInstant } from './arbitraries';

const ctx = { zone: seoul, locale: 'ko_KR' };
const TODAY = Date.UTC(2023, 10, 15) / 86_400_000;
const NOV = 2023 * 12 + 10;
const en = (n: number) => n.toLocaleString('en-US');

// ---------------------------------------------------------------------------
// Stages: a few open stages, a won and a lost one, and maybe a row that cannot be read.

type Outcome = 'open' | 'won' | 'lost';
interface StageModel {
  name: string;
  probability: number;
  outcome: Outcome;
}
interface StagesModel {
  stages: StageModel[];
  broken: boolean;
  grid: Cell[][];
}

const OPEN_NAMES = ['리드 발굴', 'Meeting booked', '니즈 확인', 'Proposal sent'];

const stagesModel: fc.Arbitrary<StagesModel> = fc
  .record({
    open: fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 1, maxLength: OPEN_NAMES.length }),
    broken: fc.boolean(),
  })
  .map(({ open, broken }) => {
    const stages: StageModel[] = open.map((p, i) => ({
      name: OPEN_NAMES[i] as string,
      probability: p / 100,
      outcome: 'open',
    }));
    stages.push(
      { name: '수주', probability: 1, outcome: 'won' },
      { name: 'Lost', probability: 0, outcome: 'lost' },
    );
    const grid: Cell[][] = [['Stage', 'Win probability', 'Outcome']];
    for (const s of stages)
      grid.push([s.name, `${Math.round(s.probability * 100)}%`, s.outcome === 'open' ? '' : s.outcome]);
    if (broken) grid.push(['On hold', 'maybe', '']);
    return { stages, broken, grid };
  });

// ---------------------------------------------------------------------------
// Deals cells, each with what the SPEC says it means.

interface AmountModel {
  cell: Cell;
  ok: boolean;
  blank: boolean;
  value: number;
  /** The currency its text names (SPEC §2: a sign or code in the Amount). */
  currency: string | null;
}
const amountModel: fc.Arbitrary<AmountModel> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .integer({ min: 0, max: 1_000_000_000 })
      .map((n) => ({ cell: n, ok: true, blank: false, value: n, currency: null })),
  },
  {
    weight: 6,
    arbitrary: fc
      .record({
        n: fc.integer({ min: 1, max: 1_000_000_000 }),
        form: fc.constantFrom<[(s: string) => string, string]>(
          [(s) => `${s}원`, 'KRW'],
          [(s) => `₩${s}`, 'KRW'],
          [(s) => `KRW ${s}`, 'KRW'],
          [(s) => `$${s}`, 'USD'],
          [(s) => `USD ${s}`, 'USD'],
          [(s) => `${s} EUR`, 'EUR'],
        ),
      })
      .map(({ n, form: [wrap, currency] }) => ({
        cell: wrap(en(n)),
        ok: true,
        blank: false,
        value: n,
        currency,
      })),
  },
  { weight: 1, arbitrary: fc.constant({ cell: '', ok: true, blank: true, value: 0, currency: null }) },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom<Cell>('TBD', '미정', -5_000)
      .map((cell) => ({ cell, ok: false, blank: false, value: Number.NaN, currency: null })),
  },
);

/** A Probability cell: blank, percent text, a fraction, a whole percent (which makes the column percents), or junk. */
type ProbabilityModel =
  | { kind: 'blank'; cell: Cell }
  | { kind: 'text'; cell: Cell; value: number }
  | { kind: 'number'; cell: number }
  | { kind: 'bad'; cell: Cell };
const probabilityModel: fc.Arbitrary<ProbabilityModel> = fc.oneof(
  { weight: 3, arbitrary: fc.constant({ kind: 'blank' as const, cell: '' }) },
  {
    weight: 2,
    arbitrary: fc
      .integer({ min: 0, max: 100 })
      .map((p) => ({ kind: 'text' as const, cell: `${p}%`, value: p / 100 })),
  },
  {
    weight: 2,
    arbitrary: fc.integer({ min: 0, max: 100 }).map((k) => ({ kind: 'number' as const, cell: k / 100 })),
  },
  {
    weight: 2,
    arbitrary: fc.integer({ min: 2, max: 100 }).map((n) => ({ kind: 'number' as const, cell: n })),
  },
  { weight: 1, arbitrary: fc.constantFrom('high', '높음').map((cell) => ({ kind: 'bad' as const, cell })) },
);

// SPEC §1: the status words, and the outcome each says.
const STATUS_WORDS: Record<string, Outcome> = {
  open: 'open',
  진행: 'open',
  won: 'won',
  'closed won': 'won',
  수주: 'won',
  lost: 'lost',
  deleted: 'lost',
  'closed lost': 'lost',
  실주: 'lost',
};
const statusCell = fc.oneof(
  {
    weight: 12,
    arbitrary: fc.constantFrom(
      '',
      '',
      'open',
      'Won',
      'lost',
      'deleted',
      '수주',
      '실주',
      '진행',
      'Closed Won',
      'closed lost',
    ),
  },
  // A note makes the whole column free text: it is then not the Status (SPEC §1).
  { weight: 1, arbitrary: fc.constantFrom('담당자 휴가 중', 'call back Monday') },
);

/** A Currency cell and the code it says; `undefined` = names no currency (a problem). */
const currencyCellModel = fc.constantFrom<[Cell, string | null | undefined]>(
  ['', null],
  ['', null],
  ['KRW', 'KRW'],
  ['usd', 'USD'],
  ['EUR', 'EUR'],
  ['₩', 'KRW'],
  ['dollars', undefined],
);

type StageChoice = { kind: 'stage'; index: number } | { kind: 'blank' } | { kind: 'unknown'; cell: Cell };
interface RowModel {
  blankRow: boolean;
  stage: StageChoice;
  amount: AmountModel;
  probability: ProbabilityModel;
  status: string;
  currency: [Cell, string | null | undefined];
  close: Cell;
}
const rowModel: fc.Arbitrary<RowModel> = fc.record({
  blankRow: fc.nat(12).map((n) => n === 0),
  stage: fc.oneof(
    { weight: 12, arbitrary: fc.nat(20).map((index) => ({ kind: 'stage' as const, index })) },
    { weight: 1, arbitrary: fc.constant({ kind: 'blank' as const }) },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom<Cell>('Maybe', '검토 중', 'On hold')
        .map((cell) => ({ kind: 'unknown' as const, cell })),
    },
  ),
  amount: amountModel,
  probability: probabilityModel,
  status: statusCell,
  currency: currencyCellModel,
  close: fc.oneof(
    {
      weight: 6,
      arbitrary: fc
        .record({ m: fc.integer({ min: 10, max: 12 }), d: fc.integer({ min: 1, max: 28 }) })
        .map(({ m, d }): Cell => seoulInstant(2023, m, d)),
    },
    { weight: 1, arbitrary: fc.constant<Cell>('') },
  ),
});

type Column = 'id' | 'amount' | 'stage' | 'close' | 'probability' | 'status' | 'currency';
const ALIASES: Record<Column, readonly string[]> = {
  id: ['Deal ID', '딜 ID'],
  amount: ['Amount', '금액', 'Deal value'],
  stage: ['Stage', '단계', 'Deal stage'],
  close: ['Expected close', '수주 예정일', 'Close date'],
  probability: ['Probability', '수주 확률', 'Deal probability'],
  status: ['Status', '진행 상태', 'Deal status', '결과'],
  currency: ['Currency', '통화'],
};

interface DealsModel {
  columns: Column[];
  headers: string[];
  rows: RowModel[];
}
const dealsModel: fc.Arbitrary<DealsModel> = fc
  .record({
    order: fc.shuffledSubarray(
      ['id', 'amount', 'stage', 'close', 'probability', 'status', 'currency'] as Column[],
      {
        minLength: 7,
      },
    ),
    drop: fc.subarray(['probability', 'status', 'currency'] as Column[]),
    alias: fc.array(fc.nat(3), { minLength: 7, maxLength: 7 }),
    rows: fc.array(rowModel, { maxLength: 30 }),
  })
  .map(({ order, drop, alias, rows }) => {
    const columns = order.filter((c) => !drop.includes(c));
    const headers = columns.map((c, i) => {
      const names = ALIASES[c];
      return names[(alias[i] ?? 0) % names.length] as string;
    });
    return { columns, headers, rows };
  });

function dealsGrid(spec: DealsModel, stages: StagesModel): Cell[][] {
  const grid: Cell[][] = [spec.headers];
  spec.rows.forEach((r, k) => {
    if (r.blankRow) {
      grid.push(spec.columns.map(() => ''));
      return;
    }
    const stage =
      r.stage.kind === 'stage'
        ? (stages.stages[r.stage.index % stages.stages.length] as StageModel).name
        : r.stage.kind === 'blank'
          ? ''
          : r.stage.cell;
    const byColumn: Record<Column, Cell> = {
      id: `D-${k + 1}`,
      amount: r.amount.cell,
      stage,
      close: r.close,
      probability: r.probability.cell,
      status: r.status,
      currency: r.currency[0],
    };
    grid.push(spec.columns.map((c) => byColumn[c]));
  });
  return grid;
}

// ---------------------------------------------------------------------------
// The model: what the SPEC says each row is.

interface Counted {
  row: number;
  amount: number;
  outcome: Outcome;
  probability: number;
  currency: string | null;
  inNovember: boolean;
}
interface Expected {
  dataRows: number[];
  skipped: number[];
  /** `row|header` of every problem, sorted. */
  problems: string[];
  /** Read and counted in a KRW forecast. */
  counted: Counted[];
}

const isPlainOver1 = (p: ProbabilityModel) => p.kind === 'number' && p.cell > 1;

function expected(spec: DealsModel, stages: StagesModel, currency: string): Expected {
  const has = (c: Column) => spec.columns.includes(c);
  const header = (c: Column) => spec.headers[spec.columns.indexOf(c)] as string;
  const live = spec.rows.filter((r) => !r.blankRow);
  // SPEC §2: in a column whose numbers exceed 1, every number is a percent.
  const percents = has('probability') && live.some((r) => isPlainOver1(r.probability));
  // SPEC §1: a Status column is one only if every filled value is a status word.
  const statusColumn =
    has('status') && live.every((r) => r.status === '' || r.status.toLowerCase() in STATUS_WORDS);
  const out: Expected = { dataRows: [], skipped: [], problems: [], counted: [] };
  spec.rows.forEach((r, k) => {
    const row = k + 2;
    if (r.blankRow) return;
    out.dataRows.push(row);
    if (r.stage.kind === 'blank') {
      out.skipped.push(row);
      return;
    }
    const bad: Column[] = [];
    const stage =
      r.stage.kind === 'stage' ? (stages.stages[r.stage.index % stages.stages.length] as StageModel) : null;
    if (!stage) bad.push('stage');
    if (!r.amount.ok) bad.push('amount');
    if (has('currency') && r.currency[1] === undefined) bad.push('currency');
    if (has('probability') && r.probability.kind === 'bad') bad.push('probability');
    for (const c of bad) out.problems.push(`${row}|${header(c)}`);
    if (bad.length > 0 || !stage) return;
    const said = statusColumn ? STATUS_WORDS[r.status.toLowerCase()] : undefined;
    const outcome: Outcome = said === 'won' || said === 'lost' ? said : stage.outcome;
    if (outcome === 'open' && r.amount.blank) {
      out.problems.push(`${row}|${header('amount')}`);
      return;
    }
    const own = !has('probability') ? null : ownProbability(r.probability, percents);
    const probability =
      outcome === 'lost'
        ? 0
        : outcome === 'won'
          ? stage.outcome === 'won'
            ? stage.probability
            : 1
          : (own ?? stage.probability);
    const code = (has('currency') ? r.currency[1] : null) ?? r.amount.currency;
    // SPEC §2: an open or won deal with a non-zero amount in another currency is left out and listed.
    if (code !== null && code !== currency && outcome !== 'lost' && r.amount.value !== 0) {
      const where: Column = has('currency') && r.currency[0] !== '' ? 'currency' : 'amount';
      out.problems.push(`${row}|${header(where)}`);
      return;
    }
    const inNovember =
      r.close instanceof Date &&
      r.close.getTime() >= seoulInstant(2023, 11, 1).getTime() &&
      r.close.getTime() < seoulInstant(2023, 12, 1).getTime();
    out.counted.push({ row, amount: r.amount.value, outcome, probability, currency: code, inNovember });
  });
  out.problems.sort();
  return out;
}

function ownProbability(p: ProbabilityModel, percents: boolean): number | null {
  if (p.kind === 'blank') return null;
  if (p.kind === 'text') return p.value;
  if (p.kind === 'number') return percents || p.cell > 1 ? p.cell / 100 : p.cell;
  return null;
}

const sum = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0);

describe('(a) the forecast with deal probabilities, statuses and currencies', () => {
  it('is Σ amount × effective probability over the deals counted, and every row is counted, skipped or listed', () => {
    fc.assert(
      fc.property(stagesModel, dealsModel, (stages, spec) => {
        const grid = dealsGrid(spec, stages);
        const report = buildReport(
          { stages: stages.grid, deals: grid },
          { ...ctx, today: TODAY, currency: 'KRW' },
        );
        const model = expected(spec, stages, 'KRW');

        // Only the broken Stages row is a Stages problem.
        const stageProblems = report.problems.filter((p) => p.table === 'Stages');
        expect(stageProblems.map((p) => p.row)).toEqual(stages.broken ? [stages.grid.length] : []);
        const dealProblems = report.problems.filter((p) => p.table === 'Deals');
        expect(dealProblems.map((p) => `${p.row}|${p.column}`).sort()).toEqual(model.problems);

        // The deals counted: read, and in the forecast's currency.
        const counted = inScope(report.deals, { currency: 'KRW' }).deals;
        expect(counted.map((d) => d.row)).toEqual(model.counted.map((c) => c.row));
        counted.forEach((d, i) => {
          const m = model.counted[i] as Counted;
          expect([d.outcome, d.currency]).toEqual([m.outcome, m.currency]);
          expect(near(d.probability, m.probability), `probability of row ${d.row}`).toBe(true);
        });

        // Nothing silently dropped: each data row is counted, skipped or listed, and only one of them.
        const listed = new Set(dealProblems.map((p) => p.row));
        const countedRows = counted.map((d) => d.row);
        for (const r of countedRows) expect(listed.has(r)).toBe(false);
        for (const r of model.skipped) expect(listed.has(r) || countedRows.includes(r)).toBe(false);
        expect([...countedRows, ...model.skipped, ...listed].sort((a, b) => a - b)).toEqual(model.dataRows);

        // The totals, (no date) included.
        const f = report.forecast;
        const weighted = sum(model.counted.map((c) => c.amount * c.probability));
        const open = model.counted.filter((c) => c.outcome === 'open');
        const won = model.counted.filter((c) => c.outcome === 'won');
        expect(
          near(sum(f.map((r) => r.weighted)), weighted),
          `weighted ${sum(f.map((r) => r.weighted))} vs ${weighted}`,
        ).toBe(true);
        expect(near(sum(f.map((r) => r.openPipeline)), sum(open.map((c) => c.amount)))).toBe(true);
        expect(near(sum(f.map((r) => r.won)), sum(won.map((c) => c.amount)))).toBe(true);
        expect(sum(f.map((r) => r.openDeals))).toBe(open.length);
      }),
      { numRuns: 150 },
    );
  });
});

describe('(b) the Monte Carlo range with deal probabilities and statuses', () => {
  it('lies between what is certain and that plus every deal that may still win', () => {
    fc.assert(
      fc.property(stagesModel, dealsModel, (stages, spec) => {
        const read = readDeals(dealsGrid(spec, stages), readPipeline(stages.grid), ctx);
        const model = expected(spec, stages, 'KRW');
        const byRow = new Map(model.counted.map((c) => [c.row, c]));
        // The deals the model counts (KRW or no currency), closing in November.
        const november = read.deals.filter((d) => {
          const m = byRow.get(d.row);
          return m ? m.inNovember : false;
        });
        const ms = november.map((d) => byRow.get(d.row) as Counted);
        const certain = sum(
          ms
            .filter((c) => c.outcome === 'won' || (c.outcome === 'open' && c.probability >= 1))
            .map((c) => c.amount),
        );
        const maybe = sum(
          ms
            .filter((c) => c.outcome === 'open' && c.probability > 0 && c.probability < 1)
            .map((c) => c.amount),
        );
        const [p10, p50, p90] = forecastRange(november, NOV, 200);
        expect(p10).toBeLessThanOrEqual(p50);
        expect(p50).toBeLessThanOrEqual(p90);
        expect(p10 >= certain || near(p10, certain), `P10 ${p10} below the certain ${certain}`).toBe(true);
        expect(
          p90 <= certain + maybe || near(p90, certain + maybe),
          `P90 ${p90} above ${certain + maybe}`,
        ).toBe(true);
        if (maybe === 0) expect([p10, p50, p90].every((p) => near(p, certain))).toBe(true);
      }),
      { numRuns: 100 },
    );
  });
});
