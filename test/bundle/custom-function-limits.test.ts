/**
 * The custom functions at the edges of the calendar (SPEC §2: dates are in the
 * years 1900–9999; §3: bad input throws an Error whose message says what and
 * where, never a silently wrong number), through the built bundle as a cell
 * calls it: 2-D ranges with their header rows, Date cells, blanks as ''.
 *
 * Every refusal is the add-on's own sentence. An engine that leaked
 * `Invalid time value` (a Date's toISOString), a RangeError from Intl, a
 * TypeError or a runaway recursion would show that text in the user's cell.
 */
import { describe, expect, it } from 'vitest';
import { KOREAN_STAGES, sheetsWith } from '../support/custom-function-cells';
import { seoul } from '../support/seoul';

/** A Date at a civil UTC date in any year; Date.UTC alone would read the years 0–99 as 1900–1999. */
function utcDate(year: number, month: number, day: number): Date {
  const d = new Date(Date.UTC(2000, month - 1, day, 3));
  d.setUTCFullYear(year, month - 1, day);
  return d;
}

const INTERNAL = /Invalid time value|RangeError|TypeError|Maximum call stack|undefined|\[object /;

/** The message the cell shows: the call must throw the add-on's own error, not an internal one. */
function refusal(call: () => unknown): string {
  let thrown: unknown;
  try {
    const value = call();
    throw new Error(`expected a refusal, got ${JSON.stringify(value)}`);
  } catch (e) {
    thrown = e;
  }
  const error = thrown as Error;
  expect(error.message).not.toMatch(/^expected a refusal/);
  expect(error.name).toBe('PipelineError');
  expect(error.message).not.toMatch(INTERNAL);
  return error.message;
}

const STAGES = KOREAN_STAGES;
const DEALS = [
  ['딜 ID', '딜 이름', '금액', '단계', '수주 예정일'],
  ['D-1', '학원 관리', '10,000,000원', '온보딩 교육 중', seoul(2023, 11, 1)],
  ['D-2', '급식 관리', '5,000,000원', '제품 살펴보는 중', seoul(1950, 6, 15, 12)],
  ['', '', '', '', ''],
];
const HISTORY = [
  ['일시', '딜 ID', '이전 단계', '단계'],
  [seoul(2023, 10, 1), 'D-1', '', '미팅 약속 완료'],
  [seoul(2023, 10, 5), 'D-1', '미팅 약속 완료', '최종 결정 및 계약 싸인 완료'],
  ['', '', '', ''],
];
const OUTSIDE = 'is outside the years 1900–9999; use a date or text such as 2023-11.';

describe('FORECAST_WEIGHTED and FORECAST_RANGE: a month outside the years 1900–9999', () => {
  const months: readonly [string, unknown, string][] = [
    ['new Date(8.64e15)', new Date(8.64e15), `month '+275760-09-13T00:00:00.000Z' ${OUTSIDE}`],
    ['new Date(-8.64e15)', new Date(-8.64e15), `month '-271821-04-20T00:00:00.000Z' ${OUTSIDE}`],
    [
      'an Invalid Date',
      new Date(Number.NaN),
      'month is not a valid date; use a date or text such as 2023-11.',
    ],
    ["the text '0050-01'", '0050-01', `month '0050-01' ${OUTSIDE}`],
    ["the text '10000-01'", '10000-01', `month '10000-01' ${OUTSIDE}`],
    ['a Date in the year 50', utcDate(50, 6, 15), `month '0050-06-15T03:00:00.000Z' ${OUTSIDE}`],
  ];

  it.each(months)('FORECAST_WEIGHTED refuses %s with the range it must be in', (_, month, message) => {
    const { call } = sheetsWith();
    expect(refusal(() => call('FORECAST_WEIGHTED', DEALS, STAGES, month))).toBe(message);
    // A one-cell range holding it says the same.
    expect(refusal(() => call('FORECAST_WEIGHTED', DEALS, STAGES, [[month]]))).toBe(message);
  });

  it.each(months)('FORECAST_RANGE refuses %s with the range it must be in', (_, month, message) => {
    const { call } = sheetsWith();
    expect(refusal(() => call('FORECAST_RANGE', DEALS, STAGES, month))).toBe(message);
    expect(refusal(() => call('FORECAST_RANGE', DEALS, STAGES, month, 100))).toBe(message);
  });

  it('a Date month in the year 1950 is June 1950 exactly, and June 2023 has nothing', () => {
    const { call } = sheetsWith();
    expect(call('FORECAST_WEIGHTED', DEALS, STAGES, seoul(1950, 6, 10))).toBe(1_500_000);
    expect(call('FORECAST_WEIGHTED', DEALS, STAGES, '1950-06')).toBe(1_500_000);
    expect(call('FORECAST_WEIGHTED', DEALS, STAGES, seoul(2023, 6, 1))).toBe(0);
    expect(call('FORECAST_WEIGHTED', DEALS, STAGES, seoul(2023, 11, 1))).toBe(7_000_000);
  });
});

describe('FORECAST_RANGE trials', () => {
  it('refuses TRUE (a checkbox) instead of running one trial', () => {
    const { call } = sheetsWith();
    const message = 'trials must be a whole number from 1 to 100000, not TRUE.';
    expect(refusal(() => call('FORECAST_RANGE', DEALS, STAGES, '2023-11', true))).toBe(message);
    expect(refusal(() => call('FORECAST_RANGE', DEALS, STAGES, '2023-11', [[true]]))).toBe(message);
  });
});

describe('a Deals row whose Expected close is a Date in the year 50', () => {
  const deals = [
    ['딜 ID', '딜 이름', '금액', '단계', '수주 예정일'],
    ['D-1', '학원 관리', '10,000,000원', '온보딩 교육 중', seoul(2023, 11, 1)],
    ['D-3', '옛 계약', '2,000,000원', '온보딩 교육 중', utcDate(50, 6, 15)],
  ];
  const message =
    "Deals row 3, column 수주 예정일 '0050-06-15T03:00:00.000Z': 수주 예정일 is before the year 1900; dates must be in the years 1900–9999";

  it('is refused by FORECAST_WEIGHTED, naming the row, column and value and the years 1900–9999', () => {
    const { call } = sheetsWith();
    for (const month of [undefined, '', '2023-11', '1950-06', seoul(1950, 6, 10)]) {
      expect(refusal(() => call('FORECAST_WEIGHTED', deals, STAGES, month))).toBe(message);
    }
  });

  it('is refused by FORECAST_RANGE the same way: never counted in June 1950', () => {
    const { call } = sheetsWith();
    for (const month of ['2023-11', '1950-06', seoul(1950, 6, 10)]) {
      expect(refusal(() => call('FORECAST_RANGE', deals, STAGES, month, 100))).toBe(message);
    }
  });
});

describe('STAGE_CONVERSION and WIN_RATE: an as_of in the year 50', () => {
  const asOfs: readonly [string, unknown, string][] = [
    ["the text '0050-01-01'", '0050-01-01', "'0050-01-01'"],
    ['a Date in the year 50', utcDate(50, 1, 1), "'0050-01-01T03:00:00.000Z'"],
  ];
  const conversion = (call: ReturnType<typeof sheetsWith>['call'], asOf: unknown) => () =>
    call('STAGE_CONVERSION', HISTORY, STAGES, asOf);
  const winRate = (call: ReturnType<typeof sheetsWith>['call'], asOf: unknown) => () =>
    call('WIN_RATE', HISTORY, STAGES, '미팅 약속 완료', 1, asOf);

  it.each(asOfs)('%s is refused, naming as_of and the value', (_, asOf, shown) => {
    const { call } = sheetsWith();
    for (const f of [conversion(call, asOf), winRate(call, asOf)]) {
      const message = refusal(f);
      expect(message).toMatch(/^as_of /);
      expect(message).toContain(shown);
    }
  });

  // The month argument and a Deals or Stage history cell in the year 50 say why they are
  // refused (the years 1900–9999), and so does the CLI's --as-of 0050-01-01. An as_of that
  // is a well-formed date should not be told only that it "must be a date".
  it.each(asOfs)('%s is refused with the range it must be in (1900–9999)', (_, asOf) => {
    const { call } = sheetsWith();
    for (const f of [conversion(call, asOf), winRate(call, asOf)]) {
      expect(refusal(f)).toMatch(/1900–9999/);
    }
  });

  it('a history row in the year 50 is refused, naming the row, column, value and the years 1900–9999', () => {
    const { call } = sheetsWith();
    const history = [...HISTORY.slice(0, 3), [utcDate(50, 6, 15), 'D-2', '', '미팅 약속 완료']];
    const message =
      "Stage history row 4, column 일시 '0050-06-15T03:00:00.000Z': 일시 is before the year 1900; dates must be in the years 1900–9999";
    expect(refusal(() => call('STAGE_CONVERSION', history, STAGES, '2023-11-15'))).toBe(message);
    expect(refusal(() => call('WIN_RATE', history, STAGES, '미팅 약속 완료', 1, '2023-11-15'))).toBe(message);
  });
});
