/**
 * `sheets-pipeline report test/fixtures/messy-ko --json --as-of 2023-11-15 --tz Asia/Seoul`,
 * checked field by field against figures worked out by hand from the fixture.
 *
 * The fixture is a Korean spreadsheet "고객 파이프라인" downloaded sheet by sheet
 * (no Tasks sheet). Deals, as the sheet numbers its rows (header = row 1):
 *
 *  row  id    amount text     → amount        stage (prob)              entered          expected close
 *   2   K-01  1,000만원       → 10,000,000    온보딩 교육 중 (70%)        2023. 11. 5      2023년 11월 30일
 *   3   K-02  ₩12,000,000     → 12,000,000    제품 살펴보는 중 (0.3)     2023-10-20       2023. 11. 5
 *   4   K-03  1.5억           → 150,000,000   계약/견적 전달 받음 (90)   2023년 11월 1일  2023-12-15
 *   5   K-04  TBD             → problem       미팅 약속 완료             2023. 10. 1      2023-11-30
 *   6   (fully blank row)
 *   7   K-05  -5,000,000      → problem       제품 살펴보는 중           2023. 10. 1      2023-12-01
 *   8   K-06  5,000,000원       blank 단계: skipped, not a problem
 *   9   K-07  ₩7,000,000        협상 중 (not in Stages) → problem
 *  10   K-08  ₩3,000,000        미팅 약속 완료            2023. 10. 1      11월 말 → problem
 *  11   K-09  ₩20,000,000   → won             최종 결정 및  계약 싸인 완료 (100%, 수주; double space in the cell)
 *                                                                    2023. 11. 5      2023. 11. 5
 *  12   K-10  ₩8,000,000        실주 (lost)                 2023. 10. 31     2023-10-31
 *  13   K-11  30,000,000원  → 30,000,000    미팅 약속 완료 (10%)        (blank → history 2023-10-30)  (blank)
 *  14   K-12  ₩5,000,000    → 5,000,000     계약/견적 전달 받음 (90)   2023. 11. 10.    2024. 1. 15.
 *  15   K-13  500만          → 5,000,000     제품 살펴보는 중 (0.3)     2023-11-14       2023년 11월 15일
 *
 * The bad rows K-04, K-05 and K-08 were entered on 2023-10-01, so they would be
 * stale if they were (wrongly) counted; K-05 would add a 2023-12 deal.
 */
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { type CliIo, runCli } from '../../src/cli/main';
import type { ReportJson } from '../../src/cli/report-json';

const MESSY_KO = fileURLToPath(new URL('../fixtures/messy-ko', import.meta.url));

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs the CLI in-process. With --tz and --as-of given, the system zone and
 * clock must not be read, so by default they throw.
 */
function run(argv: readonly string[], io: Partial<Pick<CliIo, 'systemZone' | 'now'>> = {}): Run {
  let stdout = '';
  let stderr = '';
  const code = runCli(argv, {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    systemZone:
      io.systemZone ??
      (() => {
        throw new Error('the system zone was read although --tz was given');
      }),
    now:
      io.now ??
      (() => {
        throw new Error('the clock was read although --as-of was given');
      }),
  });
  return { code, stdout, stderr };
}

function runJson(argv: readonly string[], io: Partial<Pick<CliIo, 'systemZone' | 'now'>> = {}) {
  const r = run(argv, io);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as ReportJson;
}

const ARGS = ['report', MESSY_KO, '--json', '--as-of', '2023-11-15', '--tz', 'Asia/Seoul'];

describe('report --json on the messy Korean export', () => {
  let report: ReportJson;
  beforeAll(() => {
    report = runJson(ARGS);
  });

  it('says what day, zone and language it ran with', () => {
    expect(report.asOf).toBe('2023-11-15');
    expect(report.timeZone).toBe('Asia/Seoul');
    // The headers are Korean, so what the add-on would write is Korean.
    expect(report.language).toBe('ko');
  });

  it('forecast: one row per month ascending, (no date) last, bad and lost rows left out', () => {
    expect(report.forecast).toEqual([
      {
        month: '2023-11',
        // Stages' 수주 성공 확률 column holds 90 as a plain number, so every plain number in it is a
        // percent (SPEC §2): 제품 살펴보는 중's 0.3 is 0.3%, not 30%.
        // K-01 1,000만원 × 70% = 7,000,000
        // K-02 ₩12,000,000 × 0.3% = 36,000
        // K-13 500만 × 0.3% = 15,000
        // K-09 ₩20,000,000 won × 100% = 20,000,000
        // 7,000,000 + 36,000 + 15,000 + 20,000,000 = 27,051,000
        weighted: 27_051_000,
        // open: 10,000,000 + 12,000,000 + 5,000,000 = 27,000,000
        openPipeline: 27_000_000,
        won: 20_000_000,
        openDeals: 3,
      },
      {
        month: '2023-12',
        // K-03 1.5억 = 150,000,000 × 90 (%) = 135,000,000; K-05 (-5,000,000) is not counted
        weighted: 135_000_000,
        openPipeline: 150_000_000,
        won: 0,
        openDeals: 1,
      },
      {
        month: '2024-01',
        // K-12 ₩5,000,000 × 90% = 4,500,000 (close written `2024. 1. 15.`)
        weighted: 4_500_000,
        openPipeline: 5_000_000,
        won: 0,
        openDeals: 1,
      },
      {
        month: '(no date)',
        // K-11 30,000,000원 × 10% = 3,000,000, no Expected close
        weighted: 3_000_000,
        openPipeline: 30_000_000,
        won: 0,
        openDeals: 1,
      },
    ]);
  });

  it('forecast: K-10 in 실주 makes no 2023-10 row, and the totals are the readable deals only', () => {
    expect(report.forecast.map((f) => f.month)).not.toContain('2023-10');
    // Open deals counted: K-01, K-02, K-13, K-03, K-12, K-11 = 6 (not K-04, K-05, K-07, K-08, K-06)
    expect(report.forecast.reduce((s, f) => s + f.openDeals, 0)).toBe(6);
    // 27,000,000 + 150,000,000 + 5,000,000 + 30,000,000 = 212,000,000
    expect(report.forecast.reduce((s, f) => s + f.openPipeline, 0)).toBe(212_000_000);
  });

  it('conversion: one row per open stage in pipeline order, every field', () => {
    /*
     * History per deal (the row at sheet row 23 has an unreadable 일시 and is left out):
     *   K-20: 미팅 8/1 → 실주 8/15                                   furthest 미팅, lost
     *   K-21: 미팅 8/3 → 제품 8/10 → 온보딩 8/24 → 제품 9/4 → 실주 9/18  furthest 온보딩, lost
     *   K-09: 미팅 9/1 → 제품 9/11 → 온보딩 10/2 → 수주 11/5           won (passes every open stage)
     *   K-10: 미팅 9/5 → 제품 9/20 → 실주 10/31                        furthest 제품, lost
     *   K-01: 미팅 10/2 → 제품 10/16 → 온보딩 11/5                     open in 온보딩
     *   K-02: 미팅 10/2 → 제품 10/20                                   open in 제품
     *   K-11: 미팅 10/30                                               open in 미팅
     * Stays, in days, as of 11/15 (running ones censored there):
     *   미팅:  7 → 제품 (K-21), 10 → 제품 (K-09), 14 → 실주 (K-20), 14 → 제품 (K-01), 15 → 제품 (K-10),
     *          16 running (K-11), 18 → 제품 (K-02)
     *   제품:  14 → 온보딩 (K-21), 14 → 실주 (K-21's second stay), 20 → 온보딩 (K-01), 21 → 온보딩 (K-09),
     *          26 running (K-02), 41 → 실주 (K-10)
     *   온보딩: 10 running (K-01), 11 → 제품 (K-21, a move back), 34 → 수주 (K-09)
     *   계약:  none (K-09 passed it by winning)
     * Aalen–Johansen, S the share of stays not yet ended, a jump = S before × events / at risk:
     *   미팅:  t7 1/7 제품 (S 6/7); t10 1/7 제품 (5/7); t14 1/7 실주 + 1/7 제품 (3/7); t15 1/7 제품 (2/7);
     *          t16 one censored; t18 2/7 제품 (0).  CIF_제품 = 6/7, CIF_실주 = 1/7.
     *   제품:  t14 1/6 온보딩 + 1/6 실주 (4/6); t20 1/6 온보딩 (3/6); t21 1/6 온보딩 (2/6); t26 censored;
     *          t41 2/6 실주 (0).  CIF_온보딩 = 1/2, CIF_실주 = 1/2.
     *   온보딩: t10 censored (3 → 2 at risk); t11 1/2 제품 (S 1/2); t34 1/2 수주 (0).  CIF_제품 = 1/2, CIF_won = 1/2.
     * Conversion = later stages + won: 미팅 6/7, 제품 1/2, 온보딩 1/2 (the move back is not a conversion).
     * Win rate, the stages as a Markov chain:
     *   W(온보딩) = 1/2 + 1/2 · W(제품);  W(제품) = 1/2 · W(온보딩);  W(미팅) = 6/7 · W(제품)
     *   → W(제품) = 1/4 + 1/4 · W(제품) = 1/3,  W(온보딩) = 2/3,  W(미팅) = 2/7.
     *   Won/Closed would say 1/4, 1/3 and 1/2: it leaves K-11's, K-02's and K-01's running stays out.
     * Kaplan–Meier S(d) (the smallest d with S ≤ 0.5, and ≤ 0.2):
     *   미팅 S(14) = 3/7 → 14, S(18) = 0 → 18;  제품 S(20) = 1/2 → 20, S(41) = 0 → 41;  온보딩 S(11) = 1/2 → 11, S(34) = 0 → 34.
     */
    const [meeting, product, onboarding, contract] = report.conversion;
    expect(report.conversion).toHaveLength(4);
    const interval = { winRateLow: expect.any(Number), winRateHigh: expect.any(Number) };

    expect(meeting).toEqual({
      stage: '미팅 약속 완료',
      reached: 7, // all seven deals
      advanced: 5, // K-21, K-09, K-10, K-01, K-02
      dropped: 1, // K-20
      open: 3, // K-01, K-02, K-11
      conversion: expect.closeTo(6 / 7, 12),
      won: 1, // K-09
      closed: 4, // K-20, K-21, K-09, K-10
      winRate: expect.closeTo(2 / 7, 12),
      ...interval,
      medianDays: 14,
      suggestedStaleAfter: 18,
      stays: 7,
      running: 1, // K-11
    });
    expect(product).toEqual({
      stage: '제품 살펴보는 중',
      reached: 5, // K-21, K-09, K-10, K-01, K-02
      advanced: 3, // K-21 (reached 온보딩 before moving back), K-09, K-01
      dropped: 1, // K-10
      open: 2, // K-01, K-02
      conversion: expect.closeTo(1 / 2, 12),
      won: 1,
      closed: 3, // K-21, K-09, K-10
      winRate: expect.closeTo(1 / 3, 12),
      ...interval,
      medianDays: 20,
      suggestedStaleAfter: 41,
      stays: 6, // K-21 stayed twice
      running: 1, // K-02
    });
    expect(onboarding).toEqual({
      stage: '온보딩 교육 중',
      reached: 3, // K-21, K-09, K-01
      advanced: 1, // K-09
      dropped: 1, // K-21: lost, and its furthest open stage was 온보딩 even though it moved back
      open: 1, // K-01
      conversion: expect.closeTo(1 / 2, 12),
      won: 1,
      closed: 2, // K-21, K-09
      winRate: expect.closeTo(2 / 3, 12),
      ...interval,
      medianDays: 11,
      suggestedStaleAfter: 34,
      stays: 3,
      running: 1, // K-01
    });
    // Every interval holds its estimate, inside [0, 1].
    for (const row of [meeting, product, onboarding]) {
      const { winRate, winRateLow, winRateHigh } = row as {
        winRate: number;
        winRateLow: number;
        winRateHigh: number;
      };
      expect(winRateLow).toBeGreaterThan(0);
      expect(winRateLow).toBeLessThan(winRate);
      expect(winRateHigh).toBeGreaterThan(winRate);
      expect(winRateHigh).toBeLessThan(1);
    }
    // 계약: K-09 passed it by winning, but no stay in it ever ended: no rate can be estimated.
    expect(contract).toEqual({
      stage: '계약/견적 전달 받음',
      reached: 1,
      advanced: 1,
      dropped: 0,
      open: 0,
      conversion: null,
      won: 1,
      closed: 1,
      winRate: null,
      winRateLow: null,
      winRateHigh: null,
      medianDays: null,
      suggestedStaleAfter: null,
      stays: 0,
      running: 0,
    });
  });

  it('calibration: Stages beside the estimates, flagging a Stages value outside the interval', () => {
    const rows = report.calibration.map((c) => [
      c.stage,
      c.stagesRow,
      c.probability,
      c.outsideInterval,
      c.staleAfter,
    ]);
    expect(rows).toEqual([
      // 10% lies inside 미팅's interval around 2/7 (computed in the conversion test above).
      ['미팅 약속 완료', 2, 0.1, false, 14],
      // Stages writes 0.3 in a column that also holds 90: a percent column, so 0.3%, far below 1/3's interval.
      ['제품 살펴보는 중', 3, 0.003, true, 21],
      ['온보딩 교육 중', 4, 0.7, false, 14],
      // No stay ended in 계약: nothing to compare, nothing flagged.
      ['계약/견적 전달 받음', 5, 0.9, false, 10],
    ]);
    const [meeting, , , contract] = report.calibration;
    expect(meeting).toMatchObject({
      pipeline: '',
      winRate: expect.closeTo(2 / 7, 12),
      closed: 4,
      stays: 7,
      running: 1,
      suggestedStaleAfter: 18,
    });
    expect(contract).toMatchObject({ winRate: null, winRateLow: null, suggestedStaleAfter: null, stays: 0 });
  });

  it('stale: days in stage ≥ the stage limit, in Deals row order', () => {
    expect(report.stale).toEqual([
      // 2023-10-20 → 2023-11-15 = 11 + 15 = 26 days ≥ 21
      {
        dealId: 'K-02',
        deal: '재고 관리',
        owner: 'junho@example.com',
        stage: '제품 살펴보는 중',
        days: 26,
        limit: 21,
      },
      // 2023년 11월 1일 → 2023-11-15 = 14 days ≥ 10
      {
        dealId: 'K-03',
        deal: '전사 CRM',
        owner: 'minji@example.com',
        stage: '계약/견적 전달 받음',
        days: 14,
        limit: 10,
      },
      // blank 단계 진입일 → history `2023. 10. 30 오후 2:30:00` → 1 + 15 = 16 days ≥ 14
      {
        dealId: 'K-11',
        deal: '상담 이력 관리',
        owner: 'minji@example.com',
        stage: '미팅 약속 완료',
        days: 16,
        limit: 14,
      },
    ]);
    // Not stale: K-01 10 days < 14, K-12 5 < 10, K-13 1 < 21; K-09 won, K-10 lost.
  });

  it('overdue: open deals whose Expected close is before the as-of day', () => {
    expect(report.overdue).toEqual([
      // `2023. 11. 5` → 10 days before 2023-11-15
      {
        dealId: 'K-02',
        deal: '재고 관리',
        owner: 'junho@example.com',
        expectedClose: '2023-11-05',
        daysOverdue: 10,
      },
    ]);
    // K-13 closes `2023년 11월 15일` = the as-of day: not overdue yet.
    // K-09 also closed 2023. 11. 5 but is won; K-10 (2023-10-31) is lost.
  });

  it('tasks: one stale review task per stale deal (no Tasks file, so none exist yet)', () => {
    const tasks = report.tasks.map(({ dealId, task, due, owner, source, required, key }) => ({
      dealId,
      task,
      due,
      owner,
      source,
      required,
      key,
    }));
    expect(tasks).toEqual([
      {
        dealId: 'K-02',
        task: '정체 딜 검토: 제품 살펴보는 중 21일 이상 머무름',
        due: '2023-11-15',
        owner: 'junho@example.com',
        source: 'stale',
        required: false,
        key: 'K-02|제품 살펴보는 중|2023-10-20|stale',
      },
      {
        dealId: 'K-03',
        task: '정체 딜 검토: 계약/견적 전달 받음 10일 이상 머무름',
        due: '2023-11-15',
        owner: 'minji@example.com',
        source: 'stale',
        required: false,
        key: 'K-03|계약/견적 전달 받음|2023-11-01|stale',
      },
      {
        dealId: 'K-11',
        task: '정체 딜 검토: 미팅 약속 완료 14일 이상 머무름',
        due: '2023-11-15',
        owner: 'minji@example.com',
        source: 'stale',
        required: false,
        // entered day from the history row `2023. 10. 30 오후 2:30:00`
        key: 'K-11|미팅 약속 완료|2023-10-30|stale',
      },
    ]);
  });

  it('problems: table, sheet row (header = row 1, blank row 6 counted), header as written, value, message', () => {
    expect(report.problems).toEqual([
      {
        table: 'Deals',
        row: 5,
        column: '금액',
        value: 'TBD',
        message: expect.stringMatching(/금액.*not an amount/),
      },
      {
        table: 'Deals',
        row: 7,
        column: '금액',
        value: '-5,000,000',
        message: expect.stringMatching(/금액.*negative/),
      },
      {
        table: 'Deals',
        row: 9,
        column: '단계',
        value: '협상 중',
        message: expect.stringMatching(/단계.*not a stage in Stages/),
      },
      {
        table: 'Deals',
        row: 10,
        // the header cell is `  수주  예정일 `: surrounding spaces trimmed, inner spacing kept
        column: '수주  예정일',
        value: '11월 말',
        message: expect.stringMatching(/수주 {2}예정일.*not a date/),
      },
      {
        table: 'Stage history',
        row: 23, // the history sheet has a blank row 20 too
        column: '일시',
        value: '어제 오후',
        message: expect.stringMatching(/일시.*not a date/),
      },
    ]);
  });

  it('leaves every bad row out of stale, overdue and tasks, and does not flag the blank-stage row', () => {
    const bad = ['K-04', 'K-05', 'K-06', 'K-07', 'K-08'];
    for (const list of [report.stale, report.overdue, report.tasks]) {
      expect(list.map((x) => x.dealId).filter((id) => bad.includes(id))).toEqual([]);
    }
    // K-06 (row 8) has a blank 단계: not in the pipeline yet, not a problem.
    expect(report.problems.filter((p) => p.table === 'Deals' && p.row === 8)).toEqual([]);
  });

  it('gives the same figures in another --tz, since text dates are the sheet’s wall-clock dates', () => {
    const ny = runJson(['report', MESSY_KO, '--json', '--as-of', '2023-11-15', '--tz', 'America/New_York']);
    expect(ny.timeZone).toBe('America/New_York');
    expect({ ...ny, timeZone: 'Asia/Seoul' }).toEqual(report);
  });

  it('prints the problems in the text report too', () => {
    const r = run(['report', MESSY_KO, '--as-of', '2023-11-15', '--tz', 'Asia/Seoul']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Problems (5)');
    expect(r.stdout).toContain("Deals row 5, column 금액 'TBD'");
    expect(r.stdout).toContain("Stage history row 23, column 일시 '어제 오후'");
  });
});

describe('report without --tz reads the injected system zone', () => {
  // 2023-11-14 15:30 UTC is 2023-11-15 00:30 in Seoul but still 2023-11-14 in Los Angeles
  // (the zone this suite's process runs in).
  const now = () => new Date('2023-11-14T15:30:00Z');

  it('uses io.systemZone for the zone and for "today"', () => {
    const zonesAsked: string[] = [];
    const report = runJson(['report', MESSY_KO, '--json'], {
      systemZone: () => {
        zonesAsked.push('Asia/Seoul');
        return 'Asia/Seoul';
      },
      now,
    });
    expect(zonesAsked.length).toBeGreaterThan(0);
    expect(report.timeZone).toBe('Asia/Seoul');
    expect(report.asOf).toBe('2023-11-15');
    expect(report).toEqual(runJson(ARGS));
  });

  it('a system zone west of Seoul gives the day before', () => {
    const report = runJson(['report', MESSY_KO, '--json'], { systemZone: () => 'America/Los_Angeles', now });
    expect(report.timeZone).toBe('America/Los_Angeles');
    expect(report.asOf).toBe('2023-11-14');
    // K-02 closes 2023-11-05: 9 days overdue on the 14th
    expect(report.overdue).toEqual([expect.objectContaining({ dealId: 'K-02', daysOverdue: 9 })]);
  });

  it('--as-of without --tz still labels the report with the system zone', () => {
    const report = runJson(['report', MESSY_KO, '--json', '--as-of', '2023-11-15'], {
      systemZone: () => 'Asia/Seoul',
    });
    expect(report).toEqual(runJson(ARGS));
  });
});
