import { describe, expect, it } from 'vitest';
import { readDeals } from '../../src/engine/deals';
import { readHistory } from '../../src/engine/history';
import { readPipeline } from '../../src/engine/stages';
import { Zone } from '../../src/engine/zone';

const zone = new Zone('Asia/Seoul');

describe('reading tables by header', () => {
  it('finds columns in any order, any case, with spacing and punctuation ignored, in Korean or English', () => {
    const pipeline = readPipeline([
      [' 정체 기준일 ', 'STAGE', 'win-probability', 'Exit criteria', '자동 생성 할일', 'Required fields'],
      [
        14,
        '미팅 약속 완료',
        '10%',
        '- 니즈 확인\n- 의사결정자 파악\n',
        '회사 소개서 발송\n미팅 안건 공유 (+3d)',
        '금액, 수주 예정일',
      ],
      ['', 'Won', 1, '', '', ''],
    ]);
    expect(pipeline.problems).toEqual([]);
    const [meeting, won] = pipeline.stages;
    expect(meeting).toMatchObject({
      name: '미팅 약속 완료',
      probability: 0.1,
      staleAfter: 14,
      outcome: 'open',
      exitCriteria: ['니즈 확인', '의사결정자 파악'],
      entryTasks: [
        { title: '회사 소개서 발송', dueInDays: 0 },
        { title: '미팅 안건 공유', dueInDays: 3 },
      ],
      requiredFields: ['금액', '수주 예정일'],
    });
    // Without an Outcome column, 100% means won.
    expect(won?.outcome).toBe('won');
    expect(pipeline.find('  미팅   약속 완료 ')).toBe(meeting);
  });

  it('with an Outcome column, a blank outcome is open even at 100%', () => {
    const pipeline = readPipeline([
      ['Stage', 'Probability', 'Outcome'],
      ['Verbal yes', 1, ''],
      ['Signed', 1, '수주'],
      ['Gone', 0, '실주'],
    ]);
    expect(pipeline.stages.map((s) => s.outcome)).toEqual(['open', 'won', 'lost']);
  });

  it('names the missing required column and the aliases it looked for', () => {
    expect(() => readDeals([['Deal', 'Stage']], readPipeline([['Stage', 'Probability']]), { zone })).toThrow(
      "Deals has no column 'Amount' (looked for: Amount, Value, Deal value, 금액, 수주 예정 금액, 예상 금액). The header row must be within the first 20 rows.",
    );
    expect(() => readPipeline([])).toThrow(/Stages is empty/);
  });

  it('numbers rows as the sheet shows them, skipping blank rows and blank stages without complaint', () => {
    const pipeline = readPipeline([
      ['단계', '확률'],
      ['미팅', '10%'],
    ]);
    const read = readDeals(
      [
        ['딜 ID', '금액', '단계', '수주 예정일'],
        ['D-1', '1,000만원', '미팅', '2023. 11. 5'],
        ['', '', '', ''],
        ['D-2', 'TBD', '미팅', ''],
        ['D-3', 5, '', 'whenever'],
        ['D-4', 5, '계약', ''],
        ['D-1', 5, '미팅', '2023년 11월 31일'],
      ],
      pipeline,
      { zone },
    );
    expect(read.deals.map((d) => d.id)).toEqual(['D-1']);
    expect(read.problems.map((p) => [p.row, p.column, p.value, p.message])).toEqual([
      [4, '금액', 'TBD', '금액 is not an amount'],
      [6, '단계', '계약', '단계 is not a stage in Stages'],
      [7, '딜 ID', 'D-1', '딜 ID is also the Deal ID of row 2; Deal IDs must be unique'],
      [7, '수주 예정일', '2023년 11월 31일', '수주 예정일 is not a real calendar date'],
    ]);
  });

  it('counts rows from where the range starts', () => {
    const pipeline = readPipeline([
      ['Stage', 'Probability'],
      ['A', '150%'],
      ['B', '20%'],
    ]);
    expect(pipeline.problems[0]).toMatchObject({
      table: 'Stages',
      row: 2,
      column: 'Probability',
      value: '150%',
    });
    const read = readDeals(
      [
        ['Amount', 'Stage'],
        [1, 'A'],
      ],
      pipeline,
      { zone },
      { firstRow: 5 },
    );
    expect(read.problems[0]?.message).toBe('Stage names a stage whose Stages row 2 has a problem');
    expect(read.problems[0]?.row).toBe(6);
  });

  it('refuses history rows it cannot place, and keeps the rest', () => {
    const pipeline = readPipeline([
      ['Stage', 'Probability'],
      ['A', 0.5],
    ]);
    const read = readHistory(
      [
        ['Timestamp', 'ID', 'Stage'],
        ['2023-11-01 10:00', 'd1', 'A'],
        ['', 'd1', 'A'],
        ['2023-11-02', '', 'Z'],
      ],
      pipeline,
      { zone },
    );
    expect(read.changes).toHaveLength(1);
    expect(read.problems.map((p) => [p.row, p.column])).toEqual([
      [3, 'Timestamp'],
      [4, 'ID'],
      [4, 'Stage'],
    ]);
  });
});
