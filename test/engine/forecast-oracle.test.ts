/**
 * An independent oracle for FORECAST_WEIGHTED.
 *
 * A few thousand seeded random deals are written as a real Deals grid (Korean
 * and formatted amounts, stage names spelled loosely, probabilities as `70%`
 * text or numbers, Expected close as `Date` instants at awkward times of day in
 * Asia/Seoul), and the engine's forecast is compared with what a user computes
 * today with plain spreadsheet formulas, evaluated by HyperFormula:
 *
 *   B = the amount as a number, C = VLOOKUP of the stage's probability (lost → 0),
 *   D = the `YYYY-MM` of Expected close, computed here from the Seoul calendar
 *       with Intl (never with the engine's own date code),
 *   =SUMPRODUCT(B2:Bn, C2:Cn, --(D2:Dn="2023-11"))  for every month,
 *   =SUMIFS / COUNTIFS over the stage's outcome for Open pipeline, Won, Open deals.
 *
 * The suite runs with TZ=America/Los_Angeles while the spreadsheet is in Seoul,
 * so a deal closing at 00:00 on 1 November (Seoul) is still October on the
 * machine: only a forecast that buckets in the sheet's zone agrees with the oracle.
 */
import { HyperFormula } from 'hyperformula';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Cell } from '../../src/engine/cells';
import { type DealsRead, readDeals } from '../../src/engine/deals';
import { type ForecastRow, forecastByMonth, forecastForMonth } from '../../src/engine/forecast';
import { parseMonthArgument } from '../../src/engine/month';
import { type Pipeline, readPipeline } from '../../src/engine/stages';
import { Zone } from '../../src/engine/zone';

// ---------------------------------------------------------------------------
// Test-side helpers, independent of the engine.

/** A seeded generator (splitmix32): the same scenario every run. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x9e3779b9) >>> 0;
    let t = a ^ (a >>> 16);
    t = Math.imul(t, 0x21f0aaad);
    t ^= t >>> 15;
    t = Math.imul(t, 0x735a2d97);
    t ^= t >>> 15;
    return (t >>> 0) / 4294967296;
  };
}

type Random = () => number;
const intIn = (r: Random, lo: number, hi: number): number => lo + Math.floor(r() * (hi - lo + 1));
function pick<T>(r: Random, items: readonly T[]): T {
  const item = items[Math.floor(r() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}
/** Picks a key by weight. */
function weighted<K extends string>(r: Random, weights: Readonly<Record<K, number>>): K {
  const entries = Object.entries(weights) as [K, number][];
  const total = entries.reduce((s, [, w]) => s + w, 0);
  let x = r() * total;
  for (const [k, w] of entries) {
    x -= w;
    if (x < 0) return k;
  }
  return (entries[entries.length - 1] as [K, number])[0];
}

/** The instant of a Seoul wall-clock time (UTC+9, no DST since 1988), built from UTC. */
function seoulInstant(y: number, m: number, d: number, h = 0, mi = 0, s = 0, ms = 0): Date {
  return new Date(Date.UTC(y, m - 1, d, h, mi, s, ms) - 9 * 3_600_000);
}

const SEOUL_MONTH = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Seoul',
  year: 'numeric',
  month: '2-digit',
});
/** `YYYY-MM` of an instant on the Seoul calendar, as the spreadsheet shows it. */
function seoulMonth(date: Date): string {
  const parts = SEOUL_MONTH.formatToParts(date);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '?';
  return `${get('year')}-${get('month')}`;
}

const ym = (y: number, m: number) => `${y}-${String(m).padStart(2, '0')}`;
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
/** Sheets' serial day number (days since 1899-12-30) of a civil date. */
const serialOf = (y: number, m: number, d: number) =>
  (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000;
const en = (n: number) => n.toLocaleString('en-US');

function closeTo(actual: number, expected: number, what: string): void {
  const tolerance = 1e-6 * Math.max(1, Math.abs(expected));
  if (!(Math.abs(actual - expected) <= tolerance)) {
    expect.fail(`${what}: engine ${actual}, oracle ${expected}`);
  }
}

// ---------------------------------------------------------------------------
// Scenarios.

type Outcome = 'open' | 'won' | 'lost';
interface StageDef {
  name: string;
  /** The Win probability cell as a user typed it. */
  cell: Cell;
  /** What that cell means, as a fraction. */
  probability: number;
  outcome: Outcome;
}

interface Scenario {
  title: string;
  seed: number;
  rows: number;
  stagesHeader: string[];
  dealsHeader: string[];
  stages: StageDef[];
  /** Writes an Outcome column in Stages; without one, 100% is won and 0% lost. */
  outcomeColumn: boolean;
}

const ENGLISH: Scenario = {
  title: 'English headers, Outcome column',
  seed: 20231115,
  rows: 3000,
  stagesHeader: ['Stage', 'Win probability', 'Outcome'],
  dealsHeader: ['Deal ID', 'Deal', 'Amount', 'Stage', 'Expected close'],
  outcomeColumn: true,
  stages: [
    { name: '리드 발굴', cell: '10%', probability: 0.1, outcome: 'open' },
    { name: 'Meeting booked', cell: 0.2, probability: 0.2, outcome: 'open' },
    // Plain numbers over 1 would make the whole column percents (SPEC §2), so 0.2 would be 0.2%:
    // a user who mixes fractions in writes the percents with their sign.
    { name: '니즈 확인', cell: '35%', probability: 0.35, outcome: 'open' },
    { name: 'Proposal sent', cell: '50 %', probability: 0.5, outcome: 'open' },
    { name: '온보딩 교육 중', cell: '70%', probability: 0.7, outcome: 'open' },
    { name: 'Negotiation', cell: 0.9, probability: 0.9, outcome: 'open' },
    // An open stage at 100% is possible when Outcome says so.
    { name: 'Verbal yes', cell: '100%', probability: 1, outcome: 'open' },
    { name: '수주', cell: '100%', probability: 1, outcome: 'won' },
    // Won stages count at their probability (SPEC §3), normally 100%.
    { name: 'Closed won (pending PO)', cell: '95%', probability: 0.95, outcome: 'won' },
    { name: '실주', cell: '0%', probability: 0, outcome: 'lost' },
    // A lost stage counts 0 whatever its probability says.
    { name: 'Lost - no budget', cell: 0.1, probability: 0.1, outcome: 'lost' },
  ],
};

const KOREAN: Scenario = {
  title: 'Korean headers, no Outcome column',
  seed: 7_000_000,
  rows: 2500,
  stagesHeader: ['단계', '수주 성공 확률'],
  dealsHeader: ['딜 ID', '딜 이름', '금액', '단계', '수주 예정일'],
  outcomeColumn: false,
  stages: [
    { name: '관심 고객', cell: '10%', probability: 0.1, outcome: 'open' },
    { name: '미팅 약속 완료', cell: 0.2, probability: 0.2, outcome: 'open' },
    { name: '니즈 확인', cell: '40%', probability: 0.4, outcome: 'open' },
    { name: '제안서 발송', cell: 0.5, probability: 0.5, outcome: 'open' },
    { name: '온보딩 교육 중', cell: '70%', probability: 0.7, outcome: 'open' },
    { name: '계약 협상', cell: '85 %', probability: 0.85, outcome: 'open' },
    { name: '수주', cell: 1, probability: 1, outcome: 'won' },
    { name: '실주', cell: '0%', probability: 0, outcome: 'lost' },
    { name: '보류', cell: 0, probability: 0, outcome: 'lost' },
  ],
};

const FIRST_YEAR = 2022;
const LAST_YEAR = 2025;
const NO_DATE = '(no date)';

/** One generated Deals row and what it means, known to the test by construction. */
interface GeneratedRow {
  cells: Cell[];
  /** Sheet row number (header = 1). */
  row: number;
  kind: 'deal' | 'no-stage' | 'blank' | 'junk';
  stage?: StageDef;
  amount?: number;
  /** `YYYY-MM` on the Seoul calendar, or NO_DATE. */
  month?: string;
  /** For junk rows: the header of the column whose value is refused. */
  badColumn?: string;
}

interface Generated {
  stagesGrid: Cell[][];
  dealsGrid: Cell[][];
  rows: GeneratedRow[];
}

function spellLoosely(r: Random, name: string): string {
  switch (intIn(r, 0, 5)) {
    case 0:
      return name.toUpperCase();
    case 1:
      return name.toLowerCase();
    case 2:
      return `  ${name.replace(/ /g, '   ')} `;
    default:
      return name;
  }
}

/** An amount value and a cell a user might have typed for it. */
function amountCell(r: Random): { cell: Cell; value: number } {
  const kind = weighted(r, {
    number: 28,
    cents: 5,
    man: 15,
    won: 15,
    wonSuffix: 10,
    dollar: 5,
    eokMan: 10,
    eokDecimal: 5,
    blank: 4,
    zero: 2,
    spaced: 1,
  });
  switch (kind) {
    case 'number': {
      const v = intIn(r, 1, 9_000_000) * 1000;
      return { cell: v, value: v };
    }
    case 'cents': {
      const v = intIn(r, 100, 50_000_000) / 100;
      return { cell: v, value: v };
    }
    case 'man': {
      // 1,500만원
      const k = intIn(r, 1, 500_000);
      return { cell: `${en(k)}만원`, value: k * 1e4 };
    }
    case 'won': {
      // ₩12,000,000
      const v = intIn(r, 1, 5_000_000) * 1000;
      return { cell: `₩${en(v)}`, value: v };
    }
    case 'wonSuffix': {
      const v = intIn(r, 1, 50_000_000) * 100;
      return { cell: `${en(v)}원`, value: v };
    }
    case 'dollar': {
      const v = intIn(r, 1, 2_000_000) / 2;
      return { cell: `$${en(v)}`, value: v };
    }
    case 'eokMan': {
      // 3억 2,500만원
      const a = intIn(r, 1, 30);
      const b = intIn(r, 1, 9999);
      return { cell: `${a}억 ${en(b)}만원`, value: a * 1e8 + b * 1e4 };
    }
    case 'eokDecimal': {
      // 1.5억
      const k = intIn(r, 1, 99);
      return { cell: `${k / 10}억`, value: k * 1e7 };
    }
    case 'blank':
      return { cell: '', value: 0 };
    case 'zero':
      return { cell: 0, value: 0 };
    case 'spaced': {
      const v = intIn(r, 1, 90_000) * 1000;
      return { cell: ` ₩ ${en(v)} 원 `, value: v };
    }
  }
}

/** An Expected close cell and its Seoul month. */
function closeCell(r: Random): { cell: Cell; month: string } {
  const y = intIn(r, FIRST_YEAR, LAST_YEAR);
  const m = intIn(r, 1, 12);
  const last = lastDay(y, m);
  const kind = weighted(r, {
    firstMidnight: 12,
    lastMinute: 12,
    lastMillisecond: 4,
    anyTime: 50,
    koreanText: 3,
    isoText: 3,
    textWithTime: 3,
    serial: 2,
    blank: 4,
  });
  switch (kind) {
    case 'firstMidnight': {
      const date = seoulInstant(y, m, 1);
      return { cell: date, month: seoulMonth(date) };
    }
    case 'lastMinute': {
      const date = seoulInstant(y, m, last, 23, 59);
      return { cell: date, month: seoulMonth(date) };
    }
    case 'lastMillisecond': {
      const date = seoulInstant(y, m, last, 23, 59, 59, 999);
      return { cell: date, month: seoulMonth(date) };
    }
    case 'anyTime': {
      const date = seoulInstant(y, m, intIn(r, 1, last), intIn(r, 0, 23), intIn(r, 0, 59), intIn(r, 0, 59));
      return { cell: date, month: seoulMonth(date) };
    }
    case 'koreanText': {
      // How a Korean-locale sheet shows a date: `2023. 11. 5.`, or 2023년 11월 5일.
      const d = intIn(r, 1, last);
      return { cell: r() < 0.5 ? `${y}. ${m}. ${d}.` : `${y}년 ${m}월 ${d}일`, month: ym(y, m) };
    }
    case 'isoText':
      return { cell: `${ym(y, m)}-${String(intIn(r, 1, last)).padStart(2, '0')}`, month: ym(y, m) };
    case 'textWithTime':
      return { cell: `${ym(y, m)}-${String(last).padStart(2, '0')} 오후 11:59`, month: ym(y, m) };
    case 'serial':
      return { cell: serialOf(y, m, intIn(r, 1, last)), month: ym(y, m) };
    case 'blank':
      return { cell: '', month: NO_DATE };
  }
}

function generate(s: Scenario): Generated {
  const r = rng(s.seed);
  const stagesGrid: Cell[][] = [s.stagesHeader];
  for (const st of s.stages) {
    stagesGrid.push(
      s.outcomeColumn ? [st.name, st.cell, st.outcome === 'open' ? '' : st.outcome] : [st.name, st.cell],
    );
  }
  const [hId, , hAmount, hStage, hClose] = s.dealsHeader;
  const rows: GeneratedRow[] = [];
  const acceptedIds: string[] = [];
  for (let i = 0; i < s.rows; i++) {
    const row = i + 2;
    const id = r() < 0.03 ? '' : `D-${10000 + i}`;
    const name = `Deal ${i}`;
    const kind = weighted(r, { deal: 95, noStage: 2, blank: 1, junk: 2 });
    if (kind === 'blank') {
      rows.push({ cells: ['', '', '', '', ''], row, kind: 'blank' });
      continue;
    }
    if (kind === 'noStage') {
      // Not in the pipeline yet: skipped whatever else the row says.
      const amount = r() < 0.5 ? 'TBD' : amountCell(r).cell;
      rows.push({
        cells: [id, name, amount, r() < 0.5 ? '' : '   ', closeCell(r).cell],
        row,
        kind: 'no-stage',
      });
      continue;
    }
    const stage = pick(r, s.stages);
    const amount = amountCell(r);
    const close = closeCell(r);
    const cells: Cell[] = [id, name, amount.cell, spellLoosely(r, stage.name), close.cell];
    if (kind === 'junk') {
      const junk = weighted(r, { amount: 1, close: 1, stage: 1, duplicate: acceptedIds.length > 0 ? 1 : 0 });
      let badColumn: string | undefined;
      if (junk === 'amount') {
        cells[2] = pick(r, ['TBD', '미정', '-1,000,000원', '(5,000)', 'n/a', -2500]);
        badColumn = hAmount;
      } else if (junk === 'close') {
        cells[4] = pick(r, ['TBD', '다음 주', '2023-02-30', '2023-13-01', 'Q4']);
        badColumn = hClose;
      } else if (junk === 'stage') {
        cells[3] = pick(r, ['Maybe', '검토 중', 'Won?']);
        badColumn = hStage;
      } else {
        cells[0] = pick(r, acceptedIds);
        badColumn = hId;
      }
      rows.push({ cells, row, kind: 'junk', badColumn });
      continue;
    }
    if (amount.cell === '' && stage.outcome === 'open') {
      // An open deal with a blank Amount adds nothing, visibly: it is listed (SPEC §2).
      rows.push({ cells, row, kind: 'junk', badColumn: hAmount });
      continue;
    }
    if (id !== '') acceptedIds.push(id);
    rows.push({ cells, row, kind: 'deal', stage, amount: amount.value, month: close.month });
  }
  const dealsGrid: Cell[][] = [s.dealsHeader, ...rows.map((g) => g.cells)];
  // A whole-column range (Deals!A:E) brings the empty rows below the data.
  for (let i = 0; i < 40; i++) dealsGrid.push(['', '', '', '', '']);
  return { stagesGrid, dealsGrid, rows };
}

// ---------------------------------------------------------------------------
// The user's sheet in HyperFormula.

const MONTHS: string[] = [];
for (let y = FIRST_YEAR - 1; y <= LAST_YEAR + 1; y++) {
  for (let m = 1; m <= 12; m++) {
    if ((y === FIRST_YEAR - 1 && m < 11) || (y === LAST_YEAR + 1 && m > 2)) continue;
    MONTHS.push(ym(y, m));
  }
}

interface OracleFigures {
  weighted: number;
  openPipeline: number;
  won: number;
  openDeals: number;
}

interface Oracle {
  byMonth: Map<string, OracleFigures>;
  total: number;
}

function oracle(s: Scenario, g: Generated): Oracle {
  // Stages: name, probability as a number, outcome — what VLOOKUP reads.
  const stagesSheet: (string | number)[][] = [['Stage', 'Probability', 'Outcome']];
  for (const st of s.stages) stagesSheet.push([st.name, st.probability, st.outcome]);
  const k = stagesSheet.length;
  const lookup = `Stages!$A$2:$C$${k}`;

  // Deals as a user's helper columns: A id, B amount, C probability, D month, E stage, F outcome.
  // Rows the engine must refuse are not part of anyone's forecast; blank-stage rows are kept.
  const dealsSheet: (string | number)[][] = [
    ['Deal ID', 'Amount', 'Probability', 'Month', 'Stage', 'Outcome'],
  ];
  for (const row of g.rows) {
    if (row.kind !== 'deal' && row.kind !== 'no-stage') continue;
    const r = dealsSheet.length + 1;
    dealsSheet.push([
      String(row.cells[0] ?? ''),
      row.amount ?? 0,
      `=IF(E${r}="",0,IF(VLOOKUP(E${r},${lookup},3,FALSE())="lost",0,VLOOKUP(E${r},${lookup},2,FALSE())))`,
      row.month ?? NO_DATE,
      row.stage?.name ?? '',
      `=IF(E${r}="","",VLOOKUP(E${r},${lookup},3,FALSE()))`,
    ]);
  }
  const n = dealsSheet.length;
  const B = `Deals!B2:B${n}`;
  const C = `Deals!C2:C${n}`;
  const D = `Deals!D2:D${n}`;
  const F = `Deals!F2:F${n}`;
  const labels = [...MONTHS, NO_DATE];
  const out: string[][] = labels.map((month) => [
    `=SUMPRODUCT(${B}, ${C}, --(${D}="${month}"))`,
    `=SUMIFS(${B}, ${D}, "${month}", ${F}, "open")`,
    `=SUMIFS(${B}, ${D}, "${month}", ${F}, "won")`,
    `=COUNTIFS(${D}, "${month}", ${F}, "open")`,
  ]);
  out.push([`=SUMPRODUCT(${B}, ${C})`]);

  const hf = HyperFormula.buildFromSheets(
    { Stages: stagesSheet, Deals: dealsSheet, Out: out },
    { licenseKey: 'gpl-v3', useArrayArithmetic: true, maxRows: 100_000 },
  );
  const sheet = hf.getSheetId('Out');
  if (sheet === undefined) throw new Error('no Out sheet');
  const num = (row: number, col: number): number => {
    const v = hf.getCellValue({ sheet, row, col });
    if (typeof v !== 'number')
      throw new Error(`HyperFormula Out!R${row + 1}C${col + 1} is ${JSON.stringify(v)}`);
    return v;
  };
  const byMonth = new Map<string, OracleFigures>();
  labels.forEach((month, i) => {
    byMonth.set(month, {
      weighted: num(i, 0),
      openPipeline: num(i, 1),
      won: num(i, 2),
      openDeals: num(i, 3),
    });
  });
  const total = num(labels.length, 0);
  hf.destroy();
  return { byMonth, total };
}

// ---------------------------------------------------------------------------

const zone = new Zone('Asia/Seoul');

describe.each([ENGLISH, KOREAN])('FORECAST_WEIGHTED against a HyperFormula oracle: $title', (s) => {
  let g: Generated;
  let pipeline: Pipeline;
  let read: DealsRead;
  let table: ForecastRow[];
  let o: Oracle;

  beforeAll(() => {
    g = generate(s);
    pipeline = readPipeline(g.stagesGrid);
    read = readDeals(g.dealsGrid, pipeline, { zone });
    table = forecastByMonth(read.deals);
    o = oracle(s, g);
  });

  it('reads every stage as the test wrote it', () => {
    expect(pipeline.problems).toEqual([]);
    expect(pipeline.stages.map((st) => [st.name, st.probability, st.outcome])).toEqual(
      s.stages.map((st) => [st.name, st.probability, st.outcome]),
    );
  });

  it('accepts exactly the good rows, with the amounts the test meant', () => {
    const expected = g.rows.filter((row) => row.kind === 'deal');
    expect(read.deals.map((d) => d.row)).toEqual(expected.map((row) => row.row));
    read.deals.forEach((deal, i) => {
      const want = expected[i] as GeneratedRow;
      expect(deal.stage.name).toBe(want.stage?.name);
      closeTo(deal.amount, want.amount ?? Number.NaN, `amount of row ${deal.row} (${String(want.cells[2])})`);
    });
  });

  it('lists every refused row with its row number and column, and nothing else', () => {
    const junk = g.rows.filter((row) => row.kind === 'junk');
    expect(junk.length).toBeGreaterThan(10);
    const listed = read.problems.map((p) => `${p.row}|${p.column}`).sort();
    expect(listed).toEqual(junk.map((row) => `${row.row}|${row.badColumn}`).sort());
    for (const p of read.problems) expect(p.table).toBe('Deals');
  });

  it('has a row for each month an open or won deal closes in, ascending, then (no date)', () => {
    const months = new Set<string>();
    let undated = false;
    for (const row of g.rows) {
      if (row.kind !== 'deal' || row.stage?.outcome === 'lost') continue;
      if (row.month === NO_DATE) undated = true;
      else months.add(row.month as string);
    }
    const expected = [...months].sort();
    if (undated) expected.push(NO_DATE);
    expect(table.map((t) => t.month)).toEqual(expected);
  });

  it('weighted = SUMPRODUCT(amount, probability, --(month = m)) for every month', () => {
    expect(table.length).toBeGreaterThan(40);
    for (const t of table) {
      const want = o.byMonth.get(t.month);
      if (!want) expect.fail(`engine month ${t.month} is outside the oracle's months`);
      closeTo(t.weighted, want.weighted, `weighted ${t.month}`);
    }
  });

  it('open pipeline, won and open deals = SUMIFS / COUNTIFS over the stage outcome', () => {
    for (const t of table) {
      const want = o.byMonth.get(t.month) as OracleFigures;
      closeTo(t.openPipeline, want.openPipeline, `open pipeline ${t.month}`);
      closeTo(t.won, want.won, `won ${t.month}`);
      expect(t.openDeals, `open deals ${t.month}`).toBe(want.openDeals);
    }
  });

  it('months missing from the table have nothing open or won in the oracle', () => {
    const shown = new Set(table.map((t) => t.month));
    for (const [month, want] of o.byMonth) {
      if (shown.has(month)) continue;
      expect([month, want.weighted, want.openPipeline, want.won, want.openDeals]).toEqual([
        month,
        0,
        0,
        0,
        0,
      ]);
    }
  });

  it('the whole table adds up to SUMPRODUCT(amount, probability) over every row', () => {
    closeTo(
      table.reduce((sum, t) => sum + t.weighted, 0),
      o.total,
      'total',
    );
  });

  it('forecastForMonth(month) = the SUMPRODUCT for every month, asked as text or as a Seoul date', () => {
    for (const month of MONTHS) {
      const want = (o.byMonth.get(month) as OracleFigures).weighted;
      closeTo(forecastForMonth(read.deals, parseMonthArgument(month, zone)), want, `${month} as text`);
      const [y, m] = month.split('-').map(Number) as [number, number];
      // A date cell for the month: its first instant and its last minute in Seoul
      // (in Los Angeles, where the suite runs, those are other days and months).
      for (const date of [seoulInstant(y, m, 1), seoulInstant(y, m, lastDay(y, m), 23, 59)]) {
        closeTo(
          forecastForMonth(read.deals, parseMonthArgument(date, zone)),
          want,
          `${month} as ${date.toISOString()}`,
        );
      }
    }
  });

  it('reading only the three columns a custom function needs refuses the same rows, bar Deal ID clashes', () => {
    // FORECAST_WEIGHTED does not parse Deal ID, so a duplicate ID does not drop a row there.
    const lean = readDeals(g.dealsGrid, pipeline, { zone }, { only: ['amount', 'stage', 'expectedClose'] });
    const [hId] = s.dealsHeader;
    const refused = g.rows
      .filter((row) => row.kind === 'junk' && row.badColumn !== hId)
      .map((row) => row.row);
    expect(lean.problems.map((p) => p.row).sort((a, b) => a - b)).toEqual(refused);
    const full = new Map(read.deals.map((d) => [d.row, d]));
    for (const d of lean.deals) {
      const same = full.get(d.row);
      if (!same) continue;
      expect([d.amount, d.stage.name, d.expectedClose]).toEqual([
        same.amount,
        same.stage.name,
        same.expectedClose,
      ]);
    }
    expect(lean.deals.length - read.deals.length).toBe(
      g.rows.filter((row) => row.kind === 'junk' && row.badColumn === hId).length,
    );
  });
});
