import { describe, expect, it } from 'vitest';
import { readDeals } from '../../src/engine/deals';
import { forecastByMonth, forecastForMonth } from '../../src/engine/forecast';
import { parseMonthArgument } from '../../src/engine/month';
import { readPipeline } from '../../src/engine/stages';
import { Zone } from '../../src/engine/zone';
import { seoul } from '../support/seoul';

const STAGES = [
  ['단계', '수주 성공 확률', '정체 기준일'],
  ['미팅 약속 완료', 0.1, 14],
  ['제품 살펴보는 중', 0.3, 21],
  ['온보딩 교육 중', 0.7, 14],
  ['계약/견적 전달 받음', 0.9, 10],
  ['최종 결정 및 계약 싸인 완료', 1, ''],
  ['실주', 0, ''],
];

describe('the SPEC worked example', () => {
  const zone = new Zone('Asia/Seoul');
  const pipeline = readPipeline(STAGES);

  it('10,000,000원 in 온보딩 교육 중 (70%) closing in November 2023 adds 7,000,000 to 2023-11', () => {
    const deals = readDeals(
      [
        ['딜 ID', '딜 이름', '금액', '단계', '수주 예정일'],
        ['D-1', '학원 관리 솔루션', '10,000,000원', '온보딩 교육 중', seoul(2023, 11, 20)],
      ],
      pipeline,
      { zone },
    );
    expect(deals.problems).toEqual([]);
    const table = forecastByMonth(deals.deals);
    expect(table).toEqual([
      { month: '2023-11', weighted: 7_000_000, openPipeline: 10_000_000, won: 0, openDeals: 1 },
    ]);
    expect(forecastForMonth(deals.deals, parseMonthArgument('2023-11', zone))).toBe(7_000_000);
  });

  it('buckets by the Seoul calendar even when the code runs in Los Angeles', () => {
    // 1 Nov 00:00 in Seoul is still 31 October in Los Angeles (and in UTC).
    expect(process.env.TZ).toBe('America/Los_Angeles');
    const deals = readDeals(
      [
        ['Deal ID', 'Amount', 'Stage', 'Expected close'],
        ['A', 100, '온보딩 교육 중', seoul(2023, 11, 1, 0, 0)],
        ['B', 100, '온보딩 교육 중', seoul(2023, 10, 31, 23, 59)],
        ['C', 100, '온보딩 교육 중', seoul(2023, 11, 30, 23, 59)],
      ],
      pipeline,
      { zone },
    );
    expect(forecastByMonth(deals.deals).map((r) => [r.month, r.openDeals])).toEqual([
      ['2023-10', 1],
      ['2023-11', 2],
    ]);
    // A month passed as a date cell is the Seoul month of that instant too.
    expect(parseMonthArgument(seoul(2023, 11, 1), zone)).toBe(2023 * 12 + 10);
  });

  it('counts won deals in full and lost deals not at all, with undated deals last', () => {
    const deals = readDeals(
      [
        ['Amount', 'Stage', 'Expected close'],
        ['₩5,000,000', '최종 결정 및 계약 싸인 완료', seoul(2023, 11, 3)],
        ['1.5억', '실주', seoul(2023, 11, 3)],
        ['1,000만원', '미팅 약속 완료', ''],
        ['', '', ''],
        [3_000_000, '실주', seoul(2024, 1, 3)],
      ],
      pipeline,
      { zone },
    );
    expect(forecastByMonth(deals.deals)).toEqual([
      { month: '2023-11', weighted: 5_000_000, openPipeline: 0, won: 5_000_000, openDeals: 0 },
      { month: '(no date)', weighted: 1_000_000, openPipeline: 10_000_000, won: 0, openDeals: 1 },
    ]);
  });
});
