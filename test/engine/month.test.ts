import { describe, expect, it } from 'vitest';
import { forecastRangeOf, forecastWeighted } from '../../src/addon/functions/custom-functions';
import { parseMonthArgument } from '../../src/engine/month';
import { PipelineError } from '../../src/engine/problems';
import { Zone } from '../../src/engine/zone';
import { STAGES, utc } from '../support/engine/years';

const seoul = new Zone('Asia/Seoul');

describe('the month argument of FORECAST_WEIGHTED and FORECAST_RANGE', () => {
  const deals = [
    ['Amount', 'Stage', 'Expected close'],
    [100, 'A', utc(2023, 11, 15)],
  ];

  it.each<[string, unknown, string]>([
    [
      'the latest Date',
      new Date(8.64e15),
      "month '+275760-09-13T00:00:00.000Z' is outside the years 1900–9999",
    ],
    [
      'the earliest Date',
      new Date(-8.64e15),
      "month '-271821-04-20T00:00:00.000Z' is outside the years 1900–9999",
    ],
    [
      'a Date in the year 50',
      utc(50, 11, 1),
      "month '0050-11-01T00:00:00.000Z' is outside the years 1900–9999",
    ],
    ['text 0099-11', '0099-11', "month '0099-11' is outside the years 1900–9999"],
    ['text 1899-12', '1899-12', "month '1899-12' is outside the years 1900–9999"],
    ['text 10000-01', '10000-01', "month '10000-01' is outside the years 1900–9999"],
    ['a full date in 12345', '12345-06-01', "month '12345-06-01' is outside the years 1900–9999"],
    ['a full date in 0023', '0023-11-15', "month '0023-11-15' is outside the years 1900–9999"],
    ['a day number past 9999', 3_000_000, "month '3000000' is outside the years 1900–9999"],
    ['2023-13', '2023-13', "month '2023-13' is not a month"],
    ['TRUE', true, 'month TRUE is not a month'],
    ['an Invalid Date', new Date(Number.NaN), 'month is not a valid date'],
    ['a range', [['2023-11', '2023-12']], 'month must be one cell'],
  ])('%s is a PipelineError that says what is wrong and what to type', (_, month, message) => {
    for (const call of [
      () => forecastWeighted(deals, STAGES, month, 'Asia/Seoul'),
      () => forecastRangeOf(deals, STAGES, month, 100, 'Asia/Seoul'),
    ]) {
      expect(call).toThrow(PipelineError);
      expect(call).toThrow(`${message}`);
      expect(call).toThrow('; use a date or text such as 2023-11.');
    }
  });

  it('reads 1900-01 and 9999-12, and a one-cell range', () => {
    expect(parseMonthArgument('1900-01', seoul)).toBe(1900 * 12);
    expect(parseMonthArgument('9999-12', seoul)).toBe(9999 * 12 + 11);
    expect(parseMonthArgument([['2023-11']], seoul)).toBe(2023 * 12 + 10);
    expect(forecastWeighted(deals, STAGES, utc(2023, 11, 1, 3), 'Asia/Seoul')).toBe(50);
  });
});

describe('the month a custom function is asked about', () => {
  it('is the same month typed as 2023-11, 2023.11, 2023/11, 2023년 11월, a full date or a day number', () => {
    const november = 2023 * 12 + 10;
    for (const month of [
      '2023-11',
      '2023.11',
      '2023/11',
      '2023년 11월',
      ' 2023. 11. ',
      '2023-11-30',
      45_245,
    ]) {
      expect(parseMonthArgument(month, seoul), String(month)).toBe(november);
    }
  });

  it('a blank month says what to type', () => {
    expect(() => parseMonthArgument('', seoul)).toThrow(
      "month '' is not a month; use a date or text such as 2023-11.",
    );
  });
});
