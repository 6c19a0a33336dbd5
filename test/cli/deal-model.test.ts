/**
 * `sheets-pipeline report` with the deal model of issue 12 (SPEC §6
 * `--currency`, `--pipeline`, per-pipeline sections, `forecast` rows carrying
 * `pipeline`), over the fixtures in test/fixtures/deal-model/:
 *
 * pipelines/ — an English CRM export with two pipelines that both have Demo,
 * Closed won and Closed lost (as-of 2023-11-15, America/New_York):
 *
 *  row id   amount  stage (pipeline: prob, stale)  entered  close   own  status  weighted
 *   2  S-1  10,000  Demo (Sales 40%, 14)           11-01    11-20   -    -       4,000
 *   3  S-2  20,000  Qualified (Sales 20%, 14)      11-10    11-25   25   -       5,000 (own 25%)
 *   4  S-3   5,000  Demo (Sales)                   09-01    10-31   -    Won     5,000 in 2023-10, Won
 *   5  S-4   8,000  Qualified (blank: Sales)       10-01    11-10   -    Lost    nothing
 *   6  S-5   4,000  Closed lost (Sales)            10-20    10-20   -    -       nothing
 *   7  R-1  30,000  Demo (Renewals 80%, 7)         11-05    11-28   -    -       24,000
 *   8  R-2  12,000  Renewal call (Renewals 50%, 7) 11-08    12-15   90   -       10,800 (own 90%)
 *   9  R-3   6,000  Closed won (Renewals)          11-02    11-02   -    -       6,000 Won
 *
 * (The Probability column holds 25 and 90: plain numbers over 1, so percents.)
 *
 * mixed-currency/ — a Pipedrive export (`Deal - Value`, `Deal - Currency`,
 * `Deal - Status`, `Deal - Probability`) in USD, EUR and CHF; stages
 * Qualified 10, Proposal made 50, Negotiations started 80 (percents):
 *
 *  row id   value   currency  stage                 close   status  own
 *   2  101  12,500  USD       Proposal made         11-20   open    -
 *   3  102   8,000  EUR       Proposal made         11-21   open    -
 *   4  103   4,000  USD       Qualified             11-22   open    30
 *   5  104   3,000  CHF       Qualified             12-04   open    -
 *   6  105   1,000  USD       Negotiations started  12-05   won     -
 *   7  106   2,000  EUR       Negotiations started  11-05   lost    -
 *   8  107   6,000  USD       Negotiations started  12-10   open    -
 *
 * korean-team/ — a Korean sheet with a title row `2024 영업 현황 (단위: 천원)`,
 * 수주 확률 and 진행 상태 (as-of 2023-11-15, Asia/Seoul).
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { columnsOf, fixture, ok, oneLine, reportOf, run } from './cli-run';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const PIPELINES = fixture('deal-model/pipelines');
const MIXED = fixture('deal-model/mixed-currency');
const KOREAN = fixture('deal-model/korean-team');
const NEW_YORK = ['--as-of', '2023-11-15', '--tz', 'America/New_York'];
const SEOUL = ['--as-of', '2023-11-15', '--tz', 'Asia/Seoul'];

const row = (month: string, weighted: number, openPipeline: number, won: number, openDeals: number) => ({
  month,
  weighted,
  openPipeline,
  won,
  openDeals,
});

describe('two pipelines (--pipeline, per-pipeline sections)', () => {
  it('JSON forecast rows carry their pipeline, each weighed by its own stages and deal probabilities', () => {
    const r = reportOf([PIPELINES, ...NEW_YORK]);
    expect(r.problems).toEqual([]);
    expect(r.forecast).toEqual([
      // S-3, won by Status in an open stage: 100%, in Won.
      { pipeline: 'Sales', ...row('2023-10', 5_000, 0, 5_000, 0) },
      // S-1 10,000 × 40% + S-2 20,000 × its own 25%; S-4 (blank Pipeline: Sales) is lost by Status.
      { pipeline: 'Sales', ...row('2023-11', 9_000, 30_000, 0, 2) },
      // R-1 30,000 × Renewals' Demo 80% = 24,000, + R-3 won 6,000.
      { pipeline: 'Renewals', ...row('2023-11', 30_000, 30_000, 6_000, 1) },
      // R-2 12,000 × its own 90%.
      { pipeline: 'Renewals', ...row('2023-12', 10_800, 12_000, 0, 1) },
    ]);
  });

  it("each pipeline's conversion counts its own deals' history", () => {
    const r = reportOf([PIPELINES, ...NEW_YORK]);
    // Sales Qualified: S-1 (30 days, then Demo), S-5 (19 days, then lost), S-2 (running 5 days, censored).
    //   Aalen–Johansen: at 19 days 2 at risk, one lost (½); at 30 days 1 at risk, to Demo: CIF_Demo = ½.
    //   Kaplan–Meier: S(19) = ½ → median 19; S(30) = 0 → suggested 30.
    // Renewals Renewal call: R-3 (13 days, won), R-1 (31 days, to Demo), R-2 (running 7 days).
    //   CIF_won(13) = ½ and CIF_Demo(31) = ½: conversion 1; median 13, suggested 31.
    // Renewals Demo: R-1 is still in it; R-3 passed it by winning.
    expect(r.conversion).toMatchObject([
      {
        pipeline: 'Sales',
        stage: 'Qualified',
        reached: 3,
        advanced: 1,
        dropped: 1,
        open: 2,
        conversion: 0.5,
        won: 0,
        closed: 1,
        medianDays: 19,
        suggestedStaleAfter: 30,
      },
      { pipeline: 'Sales', stage: 'Demo', reached: 1, advanced: 0, dropped: 0, open: 1, won: 0, closed: 0 },
      {
        pipeline: 'Renewals',
        stage: 'Renewal call',
        reached: 3,
        advanced: 2,
        dropped: 0,
        open: 2,
        conversion: 1,
        won: 1,
        closed: 1,
        medianDays: 13,
        suggestedStaleAfter: 31,
      },
      {
        pipeline: 'Renewals',
        stage: 'Demo',
        reached: 2,
        advanced: 1,
        dropped: 0,
        open: 1,
        won: 1,
        closed: 1,
      },
    ]);
    expect(r.conversion).toHaveLength(4);
  });

  it("stale deals use their own pipeline's limit; deals won or lost by Status are never stale or overdue", () => {
    const r = reportOf([PIPELINES, ...NEW_YORK]);
    expect(r.stale.map((s) => [s.dealId, s.stage, s.days, s.limit])).toEqual([
      ['S-1', 'Demo', 14, 14], // Sales' Demo: 14 days or more
      ['R-1', 'Demo', 10, 7], // Renewals' Demo: 7 (Sales' 14 would not flag it)
      ['R-2', 'Renewal call', 7, 7],
    ]);
    // S-3's close (31 Oct) and S-4's (10 Nov) have passed, but S-3 is won and S-4 lost by Status.
    expect(r.overdue).toEqual([]);
  });

  it('--pipeline keeps one pipeline (case ignored), its forecast rows and its conversion', () => {
    const r = reportOf([PIPELINES, ...NEW_YORK, '--pipeline', 'renewals']);
    expect(r.forecast).toEqual([
      { pipeline: 'Renewals', ...row('2023-11', 30_000, 30_000, 6_000, 1) },
      { pipeline: 'Renewals', ...row('2023-12', 10_800, 12_000, 0, 1) },
    ]);
    expect(r.conversion.map((c) => [c.pipeline, c.stage])).toEqual([
      ['Renewals', 'Renewal call'],
      ['Renewals', 'Demo'],
    ]);
  });

  it('--pipeline narrows the stale deals and the tasks a check would create to that pipeline too', () => {
    const r = reportOf([PIPELINES, ...NEW_YORK, '--pipeline', 'renewals']);
    expect(r.stale.map((s) => s.dealId)).toEqual(['R-1', 'R-2']);
    expect(new Set(r.tasks.map((t) => t.dealId))).toEqual(new Set(['R-1', 'R-2']));
  });

  it('an unknown --pipeline exits 1 with one line listing the pipelines there are', () => {
    const r = run(['report', PIPELINES, ...NEW_YORK, '--pipeline', 'Partners']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    const line = oneLine(r.stderr);
    expect(line).toContain("'Partners'");
    expect(line).toContain("'Sales', 'Renewals'");

    // The built CLI as a person runs it.
    const built = spawnSync(
      process.execPath,
      ['bin/sheets-pipeline.js', 'report', PIPELINES, ...NEW_YORK, '--pipeline', 'Partners'],
      { cwd: ROOT, encoding: 'utf8' },
    );
    expect(built.status).toBe(1);
    expect(built.stdout).toBe('');
    expect(oneLine(built.stderr)).toBe(line);
  });

  it('the text report prints the forecast and the conversion once per pipeline, under its name', () => {
    const text = ok(['report', PIPELINES, ...NEW_YORK]);
    const titles = [
      'Weighted forecast by month of expected close — pipeline Sales',
      'Stage conversion (from Stage history) — pipeline Sales',
      'Weighted forecast by month of expected close — pipeline Renewals',
      'Stage conversion (from Stage history) — pipeline Renewals',
    ];
    const at = titles.map((t) => text.indexOf(`\n${t}\n`));
    for (const [i, t] of titles.entries()) expect(at[i], t).toBeGreaterThan(0);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(text).not.toContain('\nWeighted forecast by month of expected close\n');
    const sales = text.slice(at[0], at[1]);
    const renewals = text.slice(at[2], at[3]);
    // Sales: 5,000 + 9,000 weighted; open 30,000; won 5,000; 2 open deals.
    expect(sales).toMatch(/^Total\s+14,000\s+30,000\s+5,000\s+2$/m);
    // Renewals: 30,000 + 10,800; open 30,000 + 12,000; won 6,000.
    expect(renewals).toMatch(/^Total\s+40,800\s+42,000\s+6,000\s+2$/m);
    expect(renewals).toMatch(/^2023-12\s+10,800\s+12,000\s+0\s+1$/m);
  });
});

describe('currencies (--currency)', () => {
  it('by default the forecast is in the currency most deals name, and the others are listed', () => {
    const r = reportOf([MIXED, ...NEW_YORK]);
    // USD: 101, 103, 105, 107 (four deals); EUR: 102, 106; CHF: 104.
    expect(r.currency).toBe('USD');
    expect(r.forecast).toEqual([
      // 101 12,500 × 50% = 6,250 + 103 4,000 × its own 30% = 1,200.
      row('2023-11', 7_450, 16_500, 0, 2),
      // 105 won by Status 1,000 + 107 6,000 × 80% = 4,800.
      row('2023-12', 5_800, 6_000, 1_000, 1),
    ]);
    // 102 (EUR, open) and 104 (CHF, open) are left out and listed; 106 (EUR) is lost and adds nothing.
    expect(r.problems.map((p) => [p.table, p.row, p.column, p.value])).toEqual([
      ['Deals', 3, 'Deal - Currency', 'EUR'],
      ['Deals', 5, 'Deal - Currency', 'CHF'],
    ]);
    expect(r.problems[0]?.message).toContain('EUR (8,000 EUR)');
    expect(r.problems[1]?.message).toContain('CHF (3,000 CHF)');
    for (const p of r.problems) expect(p.message).toContain('USD');
  });

  it('--currency EUR counts only the EUR deals and lists every other one that adds something', () => {
    const r = reportOf([MIXED, ...NEW_YORK, '--currency', 'eur']);
    expect(r.currency).toBe('EUR');
    // 102: 8,000 × 50%. 106 (EUR) is lost: no month row of its own.
    expect(r.forecast).toEqual([row('2023-11', 4_000, 8_000, 0, 1)]);
    expect(r.problems.map((p) => [p.row, p.value])).toEqual([
      [2, 'USD'],
      [4, 'USD'],
      [5, 'CHF'],
      [6, 'USD'],
      [8, 'USD'],
    ]);
  });

  it('--strict exits 1 when a deal was left out for its currency', () => {
    const r = run(['report', MIXED, ...NEW_YORK, '--strict', '--json']);
    expect(r.code).toBe(1);
    expect((JSON.parse(r.stdout) as { problems: unknown[] }).problems).toHaveLength(2);
  });

  it('columns --json names the Probability, Status and Currency columns it read', () => {
    const deals = columnsOf([MIXED]).tables.Deals;
    expect(deals?.fields).toMatchObject({
      amount: 'Deal - Value',
      probability: 'Deal - Probability',
      status: 'Deal - Status',
      currency: 'Deal - Currency',
      pipeline: null,
    });
    expect(deals?.currency).toBe('USD');
  });
});

describe('a Korean team sheet: title-row unit, 수주 확률, 진행 상태', () => {
  it('multiplies by 천원, weighs by the own probability, and counts 수주 by Status as won', () => {
    const r = reportOf([KOREAN, ...SEOUL]);
    expect(r.problems).toEqual([]);
    expect(r.currency).toBe('KRW');
    expect(r.forecast).toEqual([
      // K-3: 5,000천원, won by Status (its stage is 온보딩 교육 중).
      row('2023-10', 5_000_000, 0, 5_000_000, 0),
      // K-1 10,000천원 × 70% = 7,000,000 + K-2 20,000천원 × its own 40% = 8,000,000; K-4 is 실주.
      row('2023-11', 15_000_000, 30_000_000, 0, 2),
    ]);
    // K-3: 75 days in 온보딩 교육 중 (limit 14), close 31 Oct passed — but won. K-4 is lost.
    expect(r.stale).toEqual([]);
    expect(r.overdue).toEqual([]);
    expect(r.forecast.every((f) => !('pipeline' in f))).toBe(true);
  });
});
