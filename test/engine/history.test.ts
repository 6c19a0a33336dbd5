import { describe, expect, it } from 'vitest';
import { changesByDeal, readHistory } from '../../src/engine/history';
import { readPipeline } from '../../src/engine/stages';
import { localOf, Zone } from '../../src/engine/zone';
import { seoul } from '../support/seoul';

const zone = new Zone('Asia/Seoul');

describe('reading tables by header', () => {
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

describe('the Stage history log', () => {
  const pipeline = readPipeline([
    ['Stage', 'Probability'],
    ['A', '10%'],
    ['B', '20%'],
    ['Renamed', 'lots'],
    ['C', '30%'],
  ]);
  const HEADER = ['When', 'Deal ID', 'From stage', 'To stage', 'By', 'Note'];
  const order = (rows: unknown[][]) => {
    const read = readHistory([HEADER, ...(rows as string[][])], pipeline, { zone });
    expect(read.problems).toEqual([]);
    return [...changesByDeal(read.changes)].map(([id, list]) => [id, list.map((c) => c.row)]);
  };

  it('puts ties at the same When in order: the row that opened the deal first, then sheet order', () => {
    const same = seoul(2024, 3, 1, 10);
    expect(
      order([
        [same, 'x', 'A', 'B'],
        [same, 'x', 'B', 'C'],
        [same, 'x', '', 'A'],
      ]),
    ).toEqual([['x', [4, 2, 3]]]);
  });

  it('sorts each deal by time, whatever the sheet order, and keeps deals apart', () => {
    expect(
      order([
        [seoul(2023, 11, 3), 'd1', 'B', 'C'],
        [seoul(2023, 11, 1), 'd2', '', 'A'],
        [seoul(2023, 11, 1), 'd1', '', 'A'],
        [seoul(2023, 11, 2), 'd1', 'A', 'B'],
      ]),
    ).toEqual([
      ['d1', [4, 5, 2]],
      ['d2', [3]],
    ]);
  });

  it('reads each row: text When as Seoul wall-clock time, a blank From as a new deal, By and Note as written', () => {
    const read = readHistory(
      [HEADER, ['2023-11-01 10:00', ' d1 ', '', 'a', 'kim@example.com', ' 첫 미팅 ']],
      pipeline,
      { zone },
    );
    expect(read.changes).toEqual([
      {
        row: 2,
        when: localOf(2023, 11, 1, 10, 0),
        dealId: 'd1',
        from: null,
        to: pipeline.find('A'),
        by: 'kim@example.com',
        note: '첫 미팅',
      },
    ]);
  });

  it('names a stage whose Stages row is broken, and remembers the deal so nothing is inferred from its other rows', () => {
    const read = readHistory(
      [
        HEADER,
        [seoul(2023, 11, 1), 'd1', '', 'A'],
        [seoul(2023, 11, 2), 'd1', 'A', 'Renamed'],
        [seoul(2023, 11, 2), 'd2', '', 'A'],
        [seoul(2023, 11, 3), '', 'A', 'Nowhere'],
      ],
      pipeline,
      { zone },
    );
    expect(read.changes.map((c) => c.row)).toEqual([2, 4]);
    expect(read.problems.map((p) => [p.row, p.message])).toEqual([
      [3, 'To stage names a stage whose Stages row 4 has a problem'],
      [5, 'Deal ID is blank'],
      [5, 'To stage is not a stage in Stages'],
    ]);
    expect([...read.unreadableDeals]).toEqual(['d1']);
  });
});
