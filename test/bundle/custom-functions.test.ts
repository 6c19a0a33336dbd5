import { describe, expect, it } from 'vitest';
import { type CliIo, runCli } from '../../src/cli/main';
import type { ConversionRow } from '../../src/engine/conversion';
import { workbookFromCsvFolder } from '../support/csv-workbook';
import { KOREAN_STAGES, sheetsWith } from '../support/custom-function-cells';
import { seoul } from '../support/seoul';

/** The conversion rows of `npm start`'s report (the CLI over sample-data as of 2023-11-15 in Seoul). */
function cliConversion(): ConversionRow[] {
  let stdout = '';
  const io: CliIo = {
    stdout: (t) => {
      stdout += t;
    },
    stderr: () => {},
    systemZone: () => 'Asia/Seoul',
    now: () => new Date(),
  };
  runCli(['report', 'sample-data', '--as-of', '2023-11-15', '--tz', 'Asia/Seoul', '--json'], io);
  return (JSON.parse(stdout) as { conversion: ConversionRow[] }).conversion;
}

const STAGES = KOREAN_STAGES;

describe('custom functions as Sheets calls them', () => {
  it('FORECAST_WEIGHTED: the worked example, 10,000,000원 at 70% closing in Nov 2023 → 7,000,000', () => {
    expect(process.env.TZ).toBe('America/Los_Angeles');
    const { call } = sheetsWith();
    const deals = [
      ['딜 ID', '딜 이름', '금액', '단계', '수주 예정일'],
      ['D-1', '학원 관리', '10,000,000원', '온보딩 교육 중', seoul(2023, 11, 1, 0, 0)],
      ['', '', '', '', ''],
      ['', '', '', '', ''],
    ];
    expect(call('FORECAST_WEIGHTED', deals, STAGES, '2023-11')).toBe(7_000_000);
    // A month given as a date cell: 1 Nov 00:00 Seoul is still October in Los Angeles.
    expect(call('FORECAST_WEIGHTED', deals, STAGES, seoul(2023, 11, 1))).toBe(7_000_000);
    expect(call('FORECAST_WEIGHTED', deals, STAGES)).toEqual([
      ['Month', 'Weighted', 'Open pipeline', 'Won', 'Open deals'],
      ['2023-11', 7_000_000, 10_000_000, 0, 1],
    ]);
  });

  it('returns arrays the sheet spills, and treats an empty month cell as no month', () => {
    const { call } = sheetsWith();
    const table = call(
      'FORECAST_WEIGHTED',
      [['Amount', 'Stage', 'Expected close']],
      STAGES,
      '',
    ) as unknown[][];
    expect(Array.isArray(table)).toBe(true);
    expect(table).toEqual([['Month', 'Weighted', 'Open pipeline', 'Won', 'Open deals']]);
  });

  it('throws an error naming the sheet row, column and value of bad input', () => {
    const { call } = sheetsWith();
    const deals = [
      ['Amount', 'Stage', 'Expected close'],
      [100, '미팅 약속 완료', seoul(2023, 11, 1)],
      ['TBD', '미팅 약속 완료', seoul(2023, 11, 1)],
      [100, '협상 중', seoul(2023, 11, 1)],
    ];
    expect(() => call('FORECAST_WEIGHTED', deals, STAGES)).toThrow(
      "Deals row 3, column Amount 'TBD': Amount is not an amount; Deals row 4, column Stage '협상 중': Stage is not a stage in Stages",
    );
    expect(() => call('FORECAST_WEIGHTED', [['Deal', 'Stage']], STAGES)).toThrow(
      /Deals has no column 'Amount'/,
    );
    // The forecast needs Expected close: without the column it says so instead of answering 0.
    expect(() =>
      call(
        'FORECAST_WEIGHTED',
        [
          ['Amount', 'Stage'],
          [100, '미팅 약속 완료'],
        ],
        STAGES,
        '2023-11',
      ),
    ).toThrow(/Deals has no column 'Expected close'/);
    expect(() => call('FORECAST_WEIGHTED', 5, STAGES)).toThrow(
      /deals must be a range with its header row, such as Deals!A:L/,
    );
  });

  it('STAGE_CONVERSION and WIN_RATE over the Korean sample history', () => {
    const sheets = workbookFromCsvFolder('sample-data', 'Asia/Seoul');
    const { call, standIn } = sheetsWith(sheets);
    const history = standIn.values('Stage history');
    const stages = standIn.values('Stages');
    // As of the sample's day, as `npm start` runs the CLI report over the same CSVs.
    const table = call('STAGE_CONVERSION', history, stages, '2023-11-15') as unknown[][];
    expect(table[0]).toEqual([
      'Stage',
      'Reached',
      'Advanced',
      'Dropped',
      'Open',
      'Conversion',
      'Won',
      'Closed',
      'Win rate',
      'Win rate low',
      'Win rate high',
      'Median days',
      'Suggested stale after',
    ]);
    expect(table.map((r) => r[0])).toEqual([
      'Stage',
      '미팅 약속 완료',
      '제품 살펴보는 중',
      '온보딩 교육 중',
      '계약/견적 전달 받음',
    ]);
    // The same numbers as the CLI report: 40 deals reached the first stage, 32 moved on, 2 dropped, 23 are open.
    const cli = cliConversion();
    expect(table.slice(1)).toEqual(
      cli.map((r) => [
        r.stage,
        r.reached,
        r.advanced,
        r.dropped,
        r.open,
        r.conversion ?? '',
        r.won,
        r.closed,
        r.winRate ?? '',
        r.winRateLow ?? '',
        r.winRateHigh ?? '',
        r.medianDays ?? '',
        r.suggestedStaleAfter ?? '',
      ]),
    );
    expect(table[1]?.slice(0, 5)).toEqual(['미팅 약속 완료', 40, 32, 2, 23]);
    const onboarding = cli[2]?.winRate as number;
    expect(call('WIN_RATE', history, stages, '온보딩 교육 중', 5, '2023-11-15')).toBe(onboarding);
    // 12 closed deals reached 온보딩 교육 중: fewer than 20.
    expect(call('WIN_RATE', history, stages, '온보딩 교육 중', 20, '2023-11-15')).toBe('');
    expect(() => call('WIN_RATE', history, stages, '실주')).toThrow(/lost stage/);
    expect(() => call('WIN_RATE', history, stages, '계약')).toThrow(/no stage '계약'/);
  });

  it('FORECAST_RANGE: one row of P10 ≤ P50 ≤ P90, the same on every recalculation', () => {
    const sheets = workbookFromCsvFolder('sample-data', 'Asia/Seoul');
    const { call, standIn } = sheetsWith(sheets);
    const deals = standIn.values('Deals');
    const stages = standIn.values('Stages');
    const first = call('FORECAST_RANGE', deals, stages, '2023-12') as number[][];
    expect(first).toHaveLength(1);
    const [p10, p50, p90] = first[0] as number[];
    expect(p10).toBeLessThanOrEqual(p50 as number);
    expect(p50).toBeLessThanOrEqual(p90 as number);
    expect(call('FORECAST_RANGE', deals, stages, '2023-12')).toEqual(first);
    expect(call('FORECAST_RANGE', deals, stages, '2023-12', 500)).not.toEqual(first);
    expect(() => call('FORECAST_RANGE', deals, stages, '2023-12', 200_000)).toThrow(
      /trials must be a whole number from 1 to 100000/,
    );
    expect(() => call('FORECAST_RANGE', deals, stages)).toThrow(/needs a month/);
  });
});
