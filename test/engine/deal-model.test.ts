/**
 * The deal model of issue 12 (SPEC §1 Deals: Probability, Status, Currency,
 * Pipeline; Stages: Pipeline; §2 Amounts, Currencies, Probabilities; §3),
 * through readDeals, the forecast, the Monte Carlo range, the health check
 * and the whole report. Every expected figure is worked out by hand in the
 * comments beside it.
 *
 * The suite runs with TZ=America/Los_Angeles. Korean sheets are in Seoul and
 * hand over `Date` cells at Seoul midnight; English sheets are in New York and
 * hand over `Date` cells at noon there, so no date is near a day's edge.
 */
import { describe, expect, it } from 'vitest';
import type { Cell } from '../../src/engine/cells';
import { readDeals } from '../../src/engine/deals';
import { forecastByMonth, forecastForMonth } from '../../src/engine/forecast';
import { assessHealth } from '../../src/engine/health';
import { forecastRange } from '../../src/engine/montecarlo';
import { buildReport } from '../../src/engine/report';
import { readPipeline } from '../../src/engine/stages';
import { DAY_MS, localOf, Zone } from '../../src/engine/zone';
import { seoul } from '../support/seoul';

const SEOUL = new Zone('Asia/Seoul');
const NEW_YORK = new Zone('America/New_York');
/** How a Korean and a US spreadsheet are read: their zone and locale (SPEC §2: numbers as the locale writes them). */
const KO = { zone: SEOUL, locale: 'ko_KR' };
const EN = { zone: NEW_YORK, locale: 'en_US' };
/** A `Date` cell at noon in New York (EST is UTC−5, EDT UTC−4: the same day either way). */
const ny = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d, 17));
/** The day the checks run: 15 November 2023, in the spreadsheet's zone. */
const TODAY = localOf(2023, 11, 15) / DAY_MS;
/** Month indexes (year × 12 + month − 1). */
const NOV = 2023 * 12 + 10;
const DEC = 2023 * 12 + 11;

const row = (month: string, weighted: number, openPipeline: number, won: number, openDeals: number) => ({
  month,
  weighted,
  openPipeline,
  won,
  openDeals,
});

/** The Korean team's stages (SPEC §1's outcome words: 계약 완료 won, 보류 종료 lost). */
const KO_STAGES: Cell[][] = [
  ['단계', '수주 성공 확률', '정체 기준일', '결과'],
  ['미팅 약속 완료', '10%', 14, ''],
  ['온보딩 교육 중', '70%', 14, ''],
  ['계약 완료', '100%', '', '수주'],
  ['보류 종료', '0%', '', '실주'],
];

/** An English team's stages. */
const EN_STAGES: Cell[][] = [
  ['Stage', 'Win probability', 'Stale after (days)', 'Outcome'],
  ['Meeting booked', '10%', 14, ''],
  ['Proposal sent', '60%', 10, ''],
  ['Closed won', '100%', '', 'won'],
  ['Closed lost', '0%', '', 'lost'],
];

const koPipeline = () => readPipeline(KO_STAGES);
const enPipeline = () => readPipeline(EN_STAGES);

describe("a deal's own Probability replaces its stage's", () => {
  it('in the forecast of a Korean team sheet (수주 확률 column)', () => {
    const read = readDeals(
      [
        ['딜 ID', '딜 이름', '금액', '단계', '수주 예정일', '수주 확률'],
        ['K-1', '보안 솔루션', '10,000,000원', '온보딩 교육 중', seoul(2023, 11, 20), '40%'],
        ['K-2', '재고 앱', 20_000_000, '미팅 약속 완료', seoul(2023, 11, 25), ''],
        ['K-3', '교육 플랫폼', '3,000만원', '미팅 약속 완료', seoul(2023, 12, 1), '35%'],
        ['K-4', '배차 시스템', '1,000만원', '미팅 약속 완료', seoul(2023, 11, 30), '높음'],
      ],
      koPipeline(),
      KO,
    );
    // K-4's own probability '높음' cannot be read: listed at its row and column, left out.
    expect(read.problems.map((p) => [p.row, p.column, p.value])).toEqual([[5, '수주 확률', '높음']]);
    expect(read.deals.map((d) => [d.id, d.ownProbability, d.probability])).toEqual([
      ['K-1', 0.4, 0.4], // its own 40%, not 온보딩 교육 중's 70%
      ['K-2', null, 0.1], // blank: its stage's 10%
      ['K-3', 0.35, 0.35],
    ]);
    // November: K-1 10,000,000 × 40% = 4,000,000 (not 7,000,000) + K-2 20,000,000 × 10% = 2,000,000.
    // December: K-3 30,000,000 × 35% = 10,500,000.
    expect(forecastByMonth(read.deals)).toEqual([
      row('2023-11', 6_000_000, 30_000_000, 0, 2),
      row('2023-12', 10_500_000, 30_000_000, 0, 1),
    ]);
    expect(forecastForMonth(read.deals, NOV)).toBe(6_000_000);
    expect(forecastForMonth(read.deals, DEC)).toBe(10_500_000);
  });

  it('in a column of percents, 1 is 1%; in a column of fractions, 1 is 100%', () => {
    const percents = readDeals(
      [
        ['Deal ID', 'Amount', 'Stage', 'Expected close', 'Deal probability'],
        ['D-1', 1_000, 'Proposal sent', ny(2023, 11, 20), 10],
        ['D-2', 100_000, 'Proposal sent', ny(2023, 11, 20), 1],
        ['D-3', 2_000, 'Proposal sent', ny(2023, 11, 20), 50],
        ['D-4', 4_000, 'Proposal sent', ny(2023, 11, 20), ''],
      ],
      enPipeline(),
      EN,
    );
    expect(percents.problems).toEqual([]);
    // 10 and 50 exceed 1, so every plain number in the column is a percent: 1 there is 1%.
    expect(percents.deals.map((d) => d.probability)).toEqual([0.1, 0.01, 0.5, 0.6]);
    // 1,000 × 10% + 100,000 × 1% + 2,000 × 50% + 4,000 × 60% (its stage) = 100 + 1,000 + 1,000 + 2,400.
    expect(forecastByMonth(percents.deals)).toEqual([row('2023-11', 4_500, 107_000, 0, 4)]);

    const fractions = readDeals(
      [
        ['Deal ID', 'Amount', 'Stage', 'Expected close', 'Probability'],
        ['D-1', 400, 'Proposal sent', ny(2023, 11, 20), 0.25],
        ['D-2', 300, 'Proposal sent', ny(2023, 11, 20), 1],
        ['D-3', 500, 'Proposal sent', ny(2023, 11, 20), ''],
      ],
      enPipeline(),
      EN,
    );
    // No number over 1: 0.25 is 25% and 1 is 100%. 400 × 25% + 300 × 100% + 500 × 60% = 100 + 300 + 300.
    expect(fractions.deals.map((d) => d.probability)).toEqual([0.25, 1, 0.6]);
    expect(forecastByMonth(fractions.deals)).toEqual([row('2023-11', 700, 1_200, 0, 3)]);
  });

  it('won and lost outcomes still count 100% and 0%, whatever the deal’s own Probability', () => {
    const read = readDeals(
      [
        ['Deal ID', 'Amount', 'Stage', 'Expected close', 'Probability', 'Status'],
        ['D-1', 1_000, 'Proposal sent', ny(2023, 11, 20), 20, 'Won'],
        ['D-2', 1_000, 'Closed won', ny(2023, 11, 20), 50, ''],
        ['D-3', 1_000, 'Closed lost', ny(2023, 11, 20), 80, ''],
        ['D-4', 1_000, 'Proposal sent', ny(2023, 11, 20), 80, 'Lost'],
        ['D-5', 1_000, 'Proposal sent', ny(2023, 11, 20), 25, ''],
      ],
      enPipeline(),
      EN,
    );
    expect(read.deals.map((d) => [d.id, d.outcome, d.ownProbability, d.probability])).toEqual([
      ['D-1', 'won', 0.2, 1],
      ['D-2', 'won', 0.5, 1],
      ['D-3', 'lost', 0.8, 0],
      ['D-4', 'lost', 0.8, 0],
      ['D-5', 'open', 0.25, 0.25],
    ]);
    // Weighted: D-1 1,000 + D-2 1,000 + D-5 250 = 2,250; Won: D-1 + D-2 = 2,000; open: D-5 only.
    expect(forecastByMonth(read.deals)).toEqual([row('2023-11', 2_250, 1_000, 2_000, 1)]);
  });
});

describe('Status decides the outcome whatever the stage', () => {
  /** Deals of an English CRM export whose stages were renamed: won and lost live in Status. */
  const EN_DEALS: Cell[][] = [
    ['Deal ID', 'Deal', 'Owner', 'Amount', 'Stage', 'Stage entered', 'Expected close', 'Status'],
    [
      'D-1',
      'Acme renewal',
      'kim@example.com',
      '$50,000',
      'Proposal sent',
      ny(2023, 9, 1),
      ny(2023, 10, 31),
      'Won',
    ],
    [
      'D-2',
      'Bluebird seats',
      'kim@example.com',
      30_000,
      'Proposal sent',
      ny(2023, 9, 1),
      ny(2023, 12, 20),
      'Lost',
    ],
    [
      'D-3',
      'Daon sync',
      'lee@example.com',
      10_000,
      'Meeting booked',
      ny(2023, 9, 1),
      ny(2023, 11, 10),
      'deleted',
    ],
    [
      'D-4',
      'Mirae dispatch',
      'lee@example.com',
      20_000,
      'Meeting booked',
      ny(2023, 11, 1),
      ny(2023, 11, 14),
      'open',
    ],
    ['D-5', 'Haesol app', 'park@example.com', 5_000, 'Closed won', ny(2023, 11, 2), ny(2023, 11, 5), ''],
    [
      'D-6',
      'Green collab',
      'park@example.com',
      8_000,
      'Closed lost',
      ny(2023, 10, 1),
      ny(2023, 11, 30),
      'Closed Won',
    ],
  ];

  it('won in an open stage counts 100% in Won; lost or deleted counts nowhere (English)', () => {
    const read = readDeals(EN_DEALS, enPipeline(), EN);
    expect(read.problems).toEqual([]);
    expect(read.deals.map((d) => [d.id, d.stage.name, d.outcome, d.probability])).toEqual([
      ['D-1', 'Proposal sent', 'won', 1],
      ['D-2', 'Proposal sent', 'lost', 0],
      ['D-3', 'Meeting booked', 'lost', 0], // deleted = lost
      ['D-4', 'Meeting booked', 'open', 0.1],
      ['D-5', 'Closed won', 'won', 1],
      ['D-6', 'Closed lost', 'won', 1], // Status wins over a lost stage too
    ]);
    // 2023-10: D-1 won 50,000 at 100%.
    // 2023-11: D-4 open 20,000 × 10% = 2,000; D-5 won 5,000; D-6 won 8,000 → weighted 15,000, Won 13,000.
    // 2023-12: only D-2, lost by Status: no row at all. D-3 (lost) adds nothing to November.
    expect(forecastByMonth(read.deals)).toEqual([
      row('2023-10', 50_000, 0, 50_000, 0),
      row('2023-11', 15_000, 20_000, 13_000, 1),
    ]);
    expect(forecastForMonth(read.deals, DEC)).toBe(0);
  });

  it('a deal won or lost by Status is never stale or overdue', () => {
    const read = readDeals(EN_DEALS, enPipeline(), EN);
    const found = assessHealth(read.deals, new Map(), TODAY);
    // D-1 sat 75 days in Proposal sent (limit 10) and closed 31 Oct, but it is won; D-2 and D-3 are lost.
    // D-4 (open): 1 Nov → 15 Nov is 14 days in Meeting booked (limit 14: stale), and 14 Nov is 1 day overdue.
    expect(found.stale.map((s) => [s.deal.id, s.days, s.limit])).toEqual([['D-4', 14, 14]]);
    expect(found.overdue.map((o) => [o.deal.id, o.daysOverdue])).toEqual([['D-4', 1]]);
    expect(found.enteredMissing).toEqual([]);

    const report = buildReport({ stages: EN_STAGES, deals: EN_DEALS }, { ...EN, today: TODAY });
    expect(report.findings.stale.map((s) => s.deal.id)).toEqual(['D-4']);
    expect(report.findings.overdue.map((o) => o.deal.id)).toEqual(['D-4']);
    // The Health a daily check writes: blank for every won or lost deal.
    expect(report.health.get(2)).toBe('');
    expect(report.health.get(3)).toBe('');
    expect(report.health.get(4)).toBe('');
    expect(report.health.get(5)).not.toBe('');
    expect(report.tasks.map((t) => t.dealId)).toEqual(['D-4']);
  });

  it('진행 상태 says 수주, 실주 or 진행 (Korean), and the Health of a won deal stays blank', () => {
    const deals: Cell[][] = [
      ['딜 ID', '딜 이름', '담당자', '금액', '단계', '단계 진입일', '수주 예정일', '진행 상태'],
      [
        'K-1',
        '보안 솔루션',
        'minjun.kim@example.com',
        '1,000만원',
        '온보딩 교육 중',
        seoul(2023, 9, 18),
        seoul(2023, 10, 20),
        '수주',
      ],
      [
        'K-2',
        '재고 앱',
        'sua.choi@example.com',
        '₩8,000,000',
        '미팅 약속 완료',
        seoul(2023, 10, 1),
        seoul(2023, 11, 10),
        '실주',
      ],
      [
        'K-3',
        '교육 플랫폼',
        'sua.choi@example.com',
        30_000_000,
        '온보딩 교육 중',
        seoul(2023, 11, 8),
        seoul(2023, 11, 30),
        '진행',
      ],
      [
        'K-4',
        '배차 시스템',
        'doyun.jung@example.com',
        '1.5억',
        '미팅 약속 완료',
        seoul(2023, 11, 14),
        seoul(2023, 12, 15),
        '',
      ],
    ];
    const read = readDeals(deals, koPipeline(), KO);
    expect(read.problems).toEqual([]);
    expect(read.deals.map((d) => [d.id, d.outcome, d.probability])).toEqual([
      ['K-1', 'won', 1],
      ['K-2', 'lost', 0],
      ['K-3', 'open', 0.7],
      ['K-4', 'open', 0.1],
    ]);
    // 2023-10: K-1 won 10,000,000. 2023-11: K-3 30,000,000 × 70% = 21,000,000 (K-2 is lost).
    // 2023-12: K-4 150,000,000 × 10% = 15,000,000.
    expect(forecastByMonth(read.deals)).toEqual([
      row('2023-10', 10_000_000, 0, 10_000_000, 0),
      row('2023-11', 21_000_000, 30_000_000, 0, 1),
      row('2023-12', 15_000_000, 150_000_000, 0, 1),
    ]);
    // K-1: 58 days in 온보딩 교육 중 (limit 14) and its close passed, but it is won: nothing to flag.
    // K-2 is lost. K-3: 7 days; K-4: 1 day, neither overdue.
    const report = buildReport({ stages: KO_STAGES, deals }, { ...KO, today: TODAY });
    expect(report.findings.stale).toEqual([]);
    expect(report.findings.overdue).toEqual([]);
    expect([...report.health.values()]).toEqual(['', '', '', '']);
  });

  it('a 상태 column of free-text notes ("담당자 휴가 중") is not the Status', () => {
    const read = readDeals(
      [
        ['딜 ID', '금액', '단계', '수주 예정일', '상태'],
        ['K-1', '1,000만원', '미팅 약속 완료', seoul(2023, 11, 20), '수주'],
        ['K-2', 5_000_000, '미팅 약속 완료', seoul(2023, 11, 20), '담당자 휴가 중'],
        ['K-3', 2_000_000, '온보딩 교육 중', seoul(2023, 11, 20), ''],
      ],
      koPipeline(),
      KO,
    );
    expect(read.table.columns.status).toBeUndefined();
    expect(read.table.refused).toEqual(['상태']);
    // K-1's '수주' is a note like the others: it stays open in 미팅 약속 완료 (10%).
    expect(read.deals.map((d) => d.outcome)).toEqual(['open', 'open', 'open']);
    // 10,000,000 × 10% + 5,000,000 × 10% + 2,000,000 × 70% = 1,000,000 + 500,000 + 1,400,000.
    expect(forecastByMonth(read.deals)).toEqual([row('2023-11', 2_900_000, 17_000_000, 0, 3)]);
  });
});

describe('one currency per forecast', () => {
  const KO_DEALS: Cell[][] = [
    ['딜 ID', '딜 이름', '금액', '단계', '수주 예정일'],
    ['K-1', '보안 솔루션', '₩10,000,000', '온보딩 교육 중', seoul(2023, 11, 20)],
    ['K-2', 'Acme 미국 법인', '$12,500', '온보딩 교육 중', seoul(2023, 11, 20)],
    ['K-3', '재고 앱', '5,000,000원', '미팅 약속 완료', seoul(2023, 11, 25)],
    ['K-4', '교육 플랫폼', 20_000_000, '미팅 약속 완료', seoul(2023, 11, 28)],
    ['K-5', 'Bluebird', '$3,000', '보류 종료', seoul(2023, 11, 30)],
  ];

  it('a $ deal in a KRW forecast is left out of every figure and listed with its currency and amount', () => {
    const report = buildReport(
      { stages: KO_STAGES, deals: KO_DEALS },
      { ...KO, today: TODAY, currency: 'KRW' },
    );
    expect(report.currency).toBe('KRW');
    // K-1 10,000,000 × 70% = 7,000,000; K-3 5,000,000 × 10% = 500,000; K-4 (no sign: the forecast's) 2,000,000.
    // Open pipeline 10,000,000 + 5,000,000 + 20,000,000; K-2's $12,500 is in no figure, not even the count.
    expect(report.forecast).toEqual([row('2023-11', 9_500_000, 35_000_000, 0, 3)]);
    // K-5 is lost: it adds nothing, so its currency leaves nothing out and it is not listed.
    expect(report.problems.map((p) => [p.table, p.row, p.column, p.value])).toEqual([
      ['Deals', 3, '금액', '$12,500'],
    ]);
    expect(report.problems[0]?.message).toContain('USD');
    expect(report.problems[0]?.message).toContain('12,500');
    expect(report.problems[0]?.message).toContain('KRW');
    // Nothing is silently dropped: every data row is counted (open, won or lost) or listed.
    const listed = new Set(report.problems.map((p) => p.row));
    const counted = report.deals.filter((d) => !listed.has(d.row)).map((d) => d.row);
    expect([...counted, ...listed].sort()).toEqual([2, 3, 4, 5, 6]);
    expect(counted.filter((r) => r !== 6)).toHaveLength(report.forecast[0]?.openDeals as number);
  });

  it('by default the forecast is in the currency most deals name, and a Currency cell wins over the Amount', () => {
    const deals: Cell[][] = [
      ['Deal ID', 'Deal', 'Amount', 'Currency', 'Stage', 'Expected close'],
      ['P-1', 'Acme', 12_500, 'USD', 'Proposal sent', ny(2023, 11, 20)],
      ['P-2', 'Berlin GmbH', 8_000, 'eur', 'Proposal sent', ny(2023, 11, 21)],
      ['P-3', 'Chicago Inc', '$4,000', '', 'Meeting booked', ny(2023, 11, 22)],
      ['P-4', 'Zürich AG', 3_000, 'CHF', 'Meeting booked', ny(2023, 12, 4)],
      ['P-5', 'Denver LLC', 'USD 1,000', '', 'Closed won', ny(2023, 12, 5)],
    ];
    const report = buildReport({ stages: EN_STAGES, deals }, { ...EN, today: TODAY });
    // USD: P-1, P-3, P-5 (three deals); EUR and CHF one each.
    expect(report.currency).toBe('USD');
    expect(report.deals.map((d) => d.currency)).toEqual(['USD', 'EUR', 'USD', 'CHF', 'USD']);
    // 2023-11: P-1 12,500 × 60% = 7,500 + P-3 4,000 × 10% = 400. 2023-12: P-5 won 1,000 (P-4 is CHF).
    expect(report.forecast).toEqual([
      row('2023-11', 7_900, 16_500, 0, 2),
      row('2023-12', 1_000, 0, 1_000, 0),
    ]);
    expect(report.problems.map((p) => [p.row, p.column, p.value])).toEqual([
      [3, 'Currency', 'eur'],
      [5, 'Currency', 'CHF'],
    ]);
    expect(report.problems[0]?.message).toContain('EUR (8,000 EUR)');
    expect(report.problems[1]?.message).toContain('CHF (3,000 CHF)');

    // --currency EUR: only P-2 counts, 8,000 × 60% = 4,800; the four others are listed.
    const eur = buildReport({ stages: EN_STAGES, deals }, { ...EN, today: TODAY, currency: 'EUR' });
    expect(eur.currency).toBe('EUR');
    expect(eur.forecast).toEqual([row('2023-11', 4_800, 8_000, 0, 1)]);
    expect(eur.problems.map((p) => p.row)).toEqual([2, 4, 5, 6]);
  });

  it('a unit in the Amount header (금액(천원)) or in a title row ((단위: 천원)) multiplies every amount', () => {
    const header = readDeals(
      [
        ['딜 ID', '금액(천원)', '단계', '수주 예정일'],
        ['K-1', 10_000, '온보딩 교육 중', seoul(2023, 11, 20)],
        ['K-2', '2,500', '미팅 약속 완료', seoul(2023, 11, 21)],
      ],
      koPipeline(),
      KO,
    );
    // 10,000천원 = 10,000,000원 × 70% = 7,000,000; 2,500천원 = 2,500,000원 × 10% = 250,000.
    expect(header.deals.map((d) => [d.amount, d.currency])).toEqual([
      [10_000_000, 'KRW'],
      [2_500_000, 'KRW'],
    ]);
    expect(forecastByMonth(header.deals)).toEqual([row('2023-11', 7_250_000, 12_500_000, 0, 2)]);

    const title = readDeals(
      [
        ['2024 영업 현황 (단위: 천원)', '', '', ''],
        ['딜 ID', '금액', '단계', '수주 예정일'],
        ['K-1', 10_000, '온보딩 교육 중', seoul(2023, 11, 20)],
      ],
      koPipeline(),
      KO,
    );
    // The header is in row 2, so K-1 is row 3; 10,000천원 × 70% = 7,000,000.
    expect(title.deals.map((d) => [d.row, d.amount])).toEqual([[3, 10_000_000]]);
    expect(forecastByMonth(title.deals)).toEqual([row('2023-11', 7_000_000, 10_000_000, 0, 1)]);
  });

  it("a header's currency (Deal Value ($)) is the deals' currency, left out of a KRW forecast", () => {
    const deals: Cell[][] = [
      ['Deal ID', 'Deal Value ($)', 'Stage', 'Close date'],
      ['D-1', 12_500, 'Proposal sent', ny(2023, 11, 20)],
    ];
    const read = readDeals(deals, enPipeline(), EN);
    expect(read.deals.map((d) => [d.amount, d.currency])).toEqual([[12_500, 'USD']]);
    const report = buildReport({ stages: EN_STAGES, deals }, { ...EN, today: TODAY, currency: 'KRW' });
    expect(report.forecast).toEqual([]);
    expect(report.problems.map((p) => [p.row, p.column, p.value])).toEqual([[2, 'Deal Value ($)', '12500']]);
    expect(report.problems[0]?.message).toContain('USD');
  });
});

describe('several pipelines', () => {
  /** Two pipelines that both have a Demo stage, at different probabilities. */
  const STAGES: Cell[][] = [
    ['Pipeline', 'Stage', 'Win probability', 'Outcome'],
    ['New business', 'Demo', '20%', ''],
    ['New business', 'Closed won', '100%', 'won'],
    ['New business', 'Closed lost', '0%', 'lost'],
    ['Renewals', 'Renewal call', '50%', ''],
    ['Renewals', 'Demo', '80%', ''],
    ['Renewals', 'Closed won', '100%', 'won'],
    ['Renewals', 'Closed lost', '0%', 'lost'],
  ];
  const DEALS: Cell[][] = [
    ['Deal ID', 'Amount', 'Stage', 'Expected close', 'Pipeline'],
    ['N-1', 1_000, 'Demo', ny(2023, 11, 20), 'New business'],
    ['N-2', 2_000, 'Demo', ny(2023, 11, 21), ''],
    ['R-1', 1_000, 'demo', ny(2023, 11, 22), 'renewals'],
    ['R-2', 3_000, 'Closed won', ny(2023, 12, 5), 'Renewals'],
    ['R-3', 4_000, 'Renewal call', ny(2023, 11, 23), 'Renewals'],
    ['X-1', 500, 'Demo', ny(2023, 11, 24), 'Partners'],
    ['N-3', 700, 'Renewal call', ny(2023, 11, 25), 'New business'],
  ];

  it('the same stage name in two pipelines: each deal is weighed by its own pipeline’s', () => {
    const pipeline = readPipeline(STAGES);
    expect(pipeline.problems).toEqual([]);
    expect(pipeline.names).toEqual(['New business', 'Renewals']);
    const read = readDeals(DEALS, pipeline, EN);
    expect(read.deals.map((d) => [d.id, d.pipeline, d.stage.name, d.stage.index, d.probability])).toEqual([
      ['N-1', 'New business', 'Demo', 0, 0.2],
      ['N-2', 'New business', 'Demo', 0, 0.2], // a blank Pipeline is the first
      ['R-1', 'Renewals', 'Demo', 1, 0.8], // Stages' spelling of the pipeline
      ['R-2', 'Renewals', 'Closed won', 2, 1],
      ['R-3', 'Renewals', 'Renewal call', 0, 0.5],
    ]);
    // November: N-1 1,000 × 20% + N-2 2,000 × 20% + R-1 1,000 × 80% + R-3 4,000 × 50% = 200 + 400 + 800 + 2,000.
    expect(forecastByMonth(read.deals)).toEqual([
      row('2023-11', 3_400, 8_000, 0, 4),
      row('2023-12', 3_000, 0, 3_000, 0),
    ]);
  });

  it('an unknown pipeline is a problem at its Pipeline cell; a stage of another pipeline at its Stage', () => {
    const read = readDeals(DEALS, readPipeline(STAGES), EN);
    expect(read.problems.map((p) => [p.row, p.column, p.value])).toEqual([
      [7, 'Pipeline', 'Partners'],
      [8, 'Stage', 'Renewal call'],
    ]);
    expect(read.problems[0]?.message).toContain("'New business', 'Renewals'");
    expect(read.problems[1]?.message).toContain('Renewals');
    expect(read.problems[1]?.message).toContain('New business');
  });

  it('the report has each pipeline’s forecast, and --pipeline keeps one', () => {
    const report = buildReport({ stages: STAGES, deals: DEALS }, { ...EN, today: TODAY });
    expect(report.pipelines.map((p) => [p.pipeline, p.forecast])).toEqual([
      // N-1 200 + N-2 400; open 3,000.
      ['New business', [row('2023-11', 600, 3_000, 0, 2)]],
      // R-1 800 + R-3 2,000; open 5,000; R-2 won 3,000 in December.
      ['Renewals', [row('2023-11', 2_800, 5_000, 0, 2), row('2023-12', 3_000, 0, 3_000, 0)]],
    ]);
    expect(report.problems.map((p) => p.row)).toEqual([7, 8]);

    const renewals = buildReport(
      { stages: STAGES, deals: DEALS },
      { ...EN, today: TODAY, pipeline: 'renewals' },
    );
    expect(renewals.forecast).toEqual([
      row('2023-11', 2_800, 5_000, 0, 2),
      row('2023-12', 3_000, 0, 3_000, 0),
    ]);
    expect(renewals.pipelines.map((p) => p.pipeline)).toEqual(['Renewals']);

    expect(() =>
      buildReport({ stages: STAGES, deals: DEALS }, { ...EN, today: TODAY, pipeline: 'Partners' }),
    ).toThrow("There is no pipeline 'Partners' (pipelines: 'New business', 'Renewals').");
  });

  it('Korean pipelines (파이프라인): 데모 is 20% in 신규 and 80% in 갱신', () => {
    const stages: Cell[][] = [
      ['파이프라인', '단계', '확률', '결과'],
      ['신규', '데모', '20%', ''],
      ['신규', '수주', '100%', '수주'],
      ['갱신', '데모', '80%', ''],
      ['갱신', '수주', '100%', '수주'],
    ];
    const deals: Cell[][] = [
      ['딜 ID', '금액', '단계', '수주 예정일', '파이프라인'],
      ['K-1', '1,000만원', '데모', seoul(2023, 11, 20), '신규'],
      ['K-2', '1,000만원', '데모', seoul(2023, 11, 20), '갱신'],
      ['K-3', '500만원', '데모', seoul(2023, 11, 20), ''],
    ];
    const report = buildReport({ stages, deals }, { ...KO, today: TODAY });
    expect(report.problems).toEqual([]);
    expect(report.pipelines.map((p) => [p.pipeline, p.forecast])).toEqual([
      // K-1 10,000,000 × 20% + K-3 (blank: 신규) 5,000,000 × 20% = 2,000,000 + 1,000,000.
      ['신규', [row('2023-11', 3_000_000, 15_000_000, 0, 2)]],
      // K-2 10,000,000 × 80%.
      ['갱신', [row('2023-11', 8_000_000, 10_000_000, 0, 1)]],
    ]);
    expect(report.forecast).toEqual([row('2023-11', 11_000_000, 25_000_000, 0, 3)]);
  });

  it('Stages without a Pipeline column serve every pipeline the deals name; blank is the first named', () => {
    const deals: Cell[][] = [
      ['Deal ID', 'Amount', 'Stage', 'Expected close', 'Pipeline'],
      ['E-1', 1_000, 'Proposal sent', ny(2023, 11, 20), 'Enterprise'],
      ['E-2', 2_000, 'Meeting booked', ny(2023, 11, 20), ''],
      ['S-1', 500, 'Proposal sent', ny(2023, 11, 20), 'SMB'],
    ];
    const report = buildReport({ stages: EN_STAGES, deals }, { ...EN, today: TODAY });
    expect(report.deals.map((d) => d.pipeline)).toEqual(['Enterprise', 'Enterprise', 'SMB']);
    expect(report.pipelines.map((p) => [p.pipeline, p.forecast])).toEqual([
      // E-1 1,000 × 60% + E-2 2,000 × 10% = 600 + 200.
      ['Enterprise', [row('2023-11', 800, 3_000, 0, 2)]],
      // S-1 500 × 60%.
      ['SMB', [row('2023-11', 300, 500, 0, 1)]],
    ]);
  });

  it("each pipeline's conversion counts only that pipeline's Stage history rows", () => {
    const stages: Cell[][] = [
      ['Pipeline', 'Stage', 'Win probability', 'Outcome'],
      ['New business', 'Demo', '20%', ''],
      ['New business', 'Closed won', '100%', 'won'],
      ['New business', 'Closed lost', '0%', 'lost'],
      ['Renewals', 'Demo', '80%', ''],
      ['Renewals', 'Closed won', '100%', 'won'],
      ['Renewals', 'Closed lost', '0%', 'lost'],
    ];
    const deals: Cell[][] = [
      ['Deal ID', 'Amount', 'Stage', 'Expected close', 'Pipeline'],
      ['N-1', 1_000, 'Closed won', ny(2023, 10, 10), 'New business'],
      ['N-2', 1_000, 'Closed lost', ny(2023, 10, 5), 'New business'],
      ['R-1', 1_000, 'Closed won', ny(2023, 10, 20), 'Renewals'],
    ];
    const history: Cell[][] = [
      ['When', 'Deal ID', 'From stage', 'To stage'],
      [ny(2023, 10, 1), 'N-1', '', 'Demo'],
      [ny(2023, 10, 10), 'N-1', 'Demo', 'Closed won'],
      [ny(2023, 10, 1), 'N-2', '', 'Demo'],
      [ny(2023, 10, 5), 'N-2', 'Demo', 'Closed lost'],
      [ny(2023, 10, 1), 'R-1', '', 'Demo'],
      [ny(2023, 10, 20), 'R-1', 'Demo', 'Closed won'],
    ];
    const report = buildReport({ stages, deals, history }, { ...EN, today: TODAY });
    expect(report.problems).toEqual([]);
    const conversion = Object.fromEntries(report.pipelines.map((p) => [p.pipeline, p.conversion]));
    // New business Demo: N-1 and N-2 reached it; N-1 won, N-2 dropped (lost). Nothing is censored
    // and both started at Demo, so the win rate is Won/Closed = 1/2 and conversion 1/2.
    expect(conversion['New business']).toMatchObject([
      {
        stage: 'Demo',
        reached: 2,
        advanced: 1,
        dropped: 1,
        won: 1,
        closed: 2,
        conversion: 0.5,
        winRate: 0.5,
      },
    ]);
    // Renewals Demo: R-1 only (its rows name Demo too, but R-1 is a Renewals deal): 1 of 1 won.
    expect(conversion.Renewals).toMatchObject([
      { stage: 'Demo', reached: 1, advanced: 1, dropped: 0, won: 1, closed: 1, conversion: 1, winRate: 1 },
    ]);
    // One stay each, so the median days in Renewals' Demo is R-1's 19 (1 Oct → 20 Oct).
    expect(conversion.Renewals?.[0]?.medianDays).toBe(19);
  });
});

describe('an open deal with a blank Amount', () => {
  it('is a problem (it adds nothing, visibly); a won or lost deal with a blank Amount is not', () => {
    const read = readDeals(
      [
        ['Deal ID', 'Amount', 'Stage', 'Expected close', 'Status'],
        ['D-1', '', 'Proposal sent', ny(2023, 11, 20), ''],
        ['D-2', '', 'Closed lost', ny(2023, 11, 20), ''],
        ['D-3', '', 'Proposal sent', ny(2023, 11, 20), 'Won'],
        ['D-4', '   ', 'Meeting booked', ny(2023, 11, 20), ''],
        ['D-5', 1_000, 'Meeting booked', ny(2023, 11, 20), ''],
      ],
      enPipeline(),
      EN,
    );
    expect(read.problems.map((p) => [p.row, p.column])).toEqual([
      [2, 'Amount'],
      [5, 'Amount'],
    ]);
    expect(read.deals.map((d) => [d.id, d.outcome, d.amount])).toEqual([
      ['D-2', 'lost', 0],
      ['D-3', 'won', 0],
      ['D-5', 'open', 1_000],
    ]);
    // Only D-5 is open and counted: 1,000 × 10%.
    expect(forecastByMonth(read.deals)).toEqual([row('2023-11', 100, 1_000, 0, 1)]);
  });
});

describe('FORECAST_RANGE (Monte Carlo) with the deal model', () => {
  const DEALS: Cell[][] = [
    ['Deal ID', 'Amount', 'Stage', 'Expected close', 'Probability', 'Status'],
    ['D-1', 1_000, 'Proposal sent', ny(2023, 11, 20), '', 'Won'],
    ['D-2', 5_000, 'Proposal sent', ny(2023, 11, 20), 0, ''],
    ['D-3', 300, 'Proposal sent', ny(2023, 11, 20), '100%', ''],
    ['D-4', 400, 'Proposal sent', ny(2023, 12, 1), '', 'Won'],
    ['D-5', 800, 'Proposal sent', ny(2023, 11, 20), '', 'Lost'],
  ];

  it('a deal won by Status counts in full, one with its own probability 0 never counts', () => {
    const read = readDeals(DEALS, enPipeline(), EN);
    expect(read.problems).toEqual([]);
    // Certain: D-1 (won by Status) 1,000 + D-3 (its own 100%) 300 = 1,300. D-2 (own 0) never adds its 5,000,
    // D-4 closes in December and D-5 is lost: every trial is 1,300.
    expect(forecastRange(read.deals, NOV, 2_000)).toEqual([1_300, 1_300, 1_300]);
    expect(forecastForMonth(read.deals, NOV)).toBe(1_300);
  });

  it('with one uncertain deal, the range runs from the certain sum to it plus that deal', () => {
    const read = readDeals(
      [...DEALS, ['D-6', 200, 'Proposal sent', ny(2023, 11, 21), '', '']],
      enPipeline(),
      EN,
    );
    // D-6 wins with its stage's 60% (Proposal sent): P10 falls among the ~40% of trials it loses
    // (1,300), P50 and P90 among the ~60% it wins (1,300 + 200 = 1,500). Were D-2 (own 0) ever
    // counted, P90 would be 6,500 or more.
    const [p10, p50, p90] = forecastRange(read.deals, NOV, 10_000);
    expect(p10).toBe(1_300);
    expect(p90).toBe(1_500);
    expect(p50).toBe(1_500);
    // The expectation: 1,300 + 200 × 60% = 1,420.
    expect(forecastForMonth(read.deals, NOV)).toBe(1_420);
  });
});
