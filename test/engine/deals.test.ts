import { describe, expect, it } from 'vitest';
import { isKnownStage, readDealKeepingBadValues, readDeals, visitDeals } from '../../src/engine/deals';
import { readPipeline, type Stage } from '../../src/engine/stages';
import { localOf, Zone } from '../../src/engine/zone';

const zone = new Zone('Asia/Seoul');

describe('reading tables by header', () => {
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
});

describe('reading Deals', () => {
  const pipeline = readPipeline([
    ['Stage', 'Probability'],
    ['A', '50%'],
  ]);
  const HEADER = ['Deal ID', 'Deal', 'Owner', 'Amount', 'Stage', 'Stage entered', 'Expected close'];

  it('reads a row as written: ids and names trimmed, dates in the sheet’s zone', () => {
    const read = readDeals(
      [HEADER, [' D-1 ', ' Acme ', 'kim', ' 1000 ', ' a ', '2023-11-01 09:00', '2023-12-01']],
      pipeline,
      {
        zone,
      },
    );
    expect(read.problems).toEqual([]);
    expect(read.deals).toMatchObject([
      {
        row: 2,
        id: 'D-1',
        name: 'Acme',
        owner: 'kim',
        amount: 1000,
        stage: pipeline.find('A'),
        stageEntered: localOf(2023, 11, 1, 9, 0),
        expectedClose: localOf(2023, 12, 1) / 86_400_000,
      },
    ]);
  });

  it('a Deal ID typed as a number is the same id as its text', () => {
    const read = readDeals(
      [
        ['Deal ID', 'Amount', 'Stage'],
        [101, 1, 'A'],
        ['101', 1, 'A'],
      ],
      pipeline,
      { zone },
    );
    expect(read.deals.map((d) => d.id)).toEqual(['101']);
    expect(read.problems.map((p) => [p.row, p.message])).toEqual([
      [3, 'Deal ID is also the Deal ID of row 2; Deal IDs must be unique'],
    ]);
  });

  it('reading only the columns a custom function needs ignores a bad value in any other', () => {
    const grid = [HEADER, ['D-1', 'Acme', 'kim', 100, 'A', 'soon', '2023-12-01']];
    expect(readDeals(grid, pipeline, { zone }).problems.map((p) => p.message)).toEqual([
      'Stage entered is not a date (use 2023-11-15 or 2023. 11. 15)',
    ]);
    const only = readDeals(grid, pipeline, { zone }, { only: ['amount', 'expectedClose'] });
    expect(only.problems).toEqual([]);
    expect(only.deals.map((d) => [d.amount, d.stageEntered, d.name])).toEqual([[100, null, '']]);
  });
});

describe('an Amount column with a stated unit (SPEC §2)', () => {
  const pipeline = readPipeline([
    ['단계', '확률'],
    ['미팅', '10%'],
  ]);
  // As a spreadsheet in a US locale reads them: `1,200` is twelve hundred (SPEC §2: the locale settles it).
  const amounts = (grid: (string | number)[][]) => {
    const read = readDeals(grid, pipeline, { zone, locale: 'en_US' });
    expect(read.problems).toEqual([]);
    return read.deals.map((d) => d.amount);
  };

  it('a unit in the Amount header multiplies every number: 금액(천원) is in thousands of won', () => {
    expect(
      amounts([
        ['딜 ID', '금액(천원)', '단계'],
        ['D-1', '12,000', '미팅'],
        ['D-2', 8500, '미팅'],
        ['D-3', '1.1', '미팅'],
      ]),
    ).toEqual([12_000_000, 8_500_000, 1_100]);
    expect(
      amounts([
        ['Deal', 'Deal Value ($K)', 'Stage'],
        ['A', '12.5', '미팅'],
      ]),
    ).toEqual([12_500]);
  });

  it('a unit in a title row above the header applies to the Amount, wherever it stands in the row', () => {
    expect(
      amounts([
        ['', '2024 영업 현황', '(단위: 백만원)'],
        ['딜 ID', '금액', '단계'],
        ['D-1', '1,200', '미팅'],
        ['D-2', '1억', '미팅'],
      ]),
    ).toEqual([1_200_000_000, 100_000_000_000_000]);
  });

  it('without a unit, amounts are as written; a unit does not make a too-large amount pass', () => {
    expect(
      amounts([
        ['Deal', 'Amount', 'Stage'],
        ['A', '1,200', '미팅'],
      ]),
    ).toEqual([1_200]);
    const read = readDeals(
      [
        ['Deal', 'Amount (in millions)', 'Stage'],
        ['A', 2e9, '미팅'],
      ],
      pipeline,
      { zone },
    );
    expect(read.deals).toEqual([]);
    expect(read.problems.map((p) => p.message)).toEqual(['Amount (in millions) is too large']);
  });
});

describe('one row read for showing it whatever its values', () => {
  const pipeline = readPipeline([
    ['단계', '확률'],
    ['미팅', '10%'],
  ]);
  const grid = [
    ['딜 ID', '금액', '단계', '수주 예정일'],
    ['D-2', 'TBD', '미팅', '2023. 11. 5'],
    ['D-4', 5, '계약', ''],
    ['D-3', 5, '', ''],
  ];

  it('keeps a deal whose Amount is TBD, the Amount at 0 and everything else as read', () => {
    // readDeals leaves row 2 out (금액 'TBD'); kept, it is D-2 in 미팅 closing 2023-11-05.
    const deal = readDealKeepingBadValues(grid, pipeline, { zone }, 1);
    expect(deal).toMatchObject({ id: 'D-2', amount: 0, outcome: 'open' });
    expect(deal?.stage.name).toBe('미팅');
    expect(isKnownStage(deal?.stage ?? (pipeline.stages[0] as Stage))).toBe(true);
    expect(deal?.expectedClose).toBe(localOf(2023, 11, 5) / 86_400_000);
  });

  it('keeps a deal whose stage Stages does not know, as an unknown stage of that name', () => {
    const deal = readDealKeepingBadValues(grid, pipeline, { zone }, 2);
    expect(deal?.stage).toMatchObject({ name: '계약', exitCriteria: [], staleAfter: null });
    expect(isKnownStage(deal?.stage ?? (pipeline.stages[0] as Stage))).toBe(false);
  });

  it('still leaves out a row with a blank Stage (not in the pipeline yet)', () => {
    expect(readDealKeepingBadValues(grid, pipeline, { zone }, 3)).toBeNull();
  });
});

describe('visitDeals: the deals one at a time', () => {
  it('hands over exactly the deals readDeals lists, in sheet order, with the same problems', () => {
    const pipeline = readPipeline([
      ['Stage', 'Probability'],
      ['Demo', '50%'],
      ['Won', '100%'],
    ]);
    const grid = [
      ['Deal ID', 'Amount', 'Stage', 'Expected close'],
      ['D-1', 100, 'Demo', '2023-11-01'],
      ['D-2', 'lots', 'Demo', '2023-11-02'],
      ['D-3', 300, '', '2023-11-03'],
      ['D-4', 400, 'Won', '2023-12-01'],
    ];
    const ctx = { zone: new Zone('Asia/Seoul') };
    const seen: string[] = [];
    const visited = visitDeals(grid, pipeline, ctx, {}, (deal) => seen.push(deal.id));
    const read = readDeals(grid, pipeline, ctx);
    expect(seen).toEqual(['D-1', 'D-4']);
    expect(read.deals.map((d) => d.id)).toEqual(seen);
    expect(visited.problems).toEqual(read.problems);
    expect(visited.problems.map((p) => p.row)).toEqual([3]);
  });
});
