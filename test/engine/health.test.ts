import { describe, expect, it } from 'vitest';
import { readDeals } from '../../src/engine/deals';
import { assessHealth, enteredDayOf } from '../../src/engine/health';
import { changesByDeal, readHistory } from '../../src/engine/history';
import { readPipeline } from '../../src/engine/stages';
import { localOf, Zone } from '../../src/engine/zone';

const zone = new Zone('Asia/Seoul');
const DAY_MS = 86_400_000;
const day = (y: number, m: number, d: number) => localOf(y, m, d) / DAY_MS;
const today = day(2023, 11, 15);
const pipeline = readPipeline([
  ['Stage', 'Probability', 'Stale after (days)', 'Outcome'],
  ['Meeting', '10%', 14, ''],
  ['Demo', '30%', '', ''],
  ['Won', '100%', 14, 'won'],
  ['Lost', '0%', 14, 'lost'],
]);

/** Deals rows: Deal ID, Stage, Stage entered, Expected close. */
function deals(rows: string[][]) {
  const read = readDeals(
    [
      ['Deal ID', 'Stage', 'Amount', 'Stage entered', 'Expected close'],
      ...rows.map(([id, stage, entered, close]) => [id, stage, 100, entered, close]),
    ],
    pipeline,
    { zone },
  );
  expect(read.problems).toEqual([]);
  return read.deals;
}

describe('stale deals', () => {
  it('14 days in a 14-day stage is stale, 13 is not', () => {
    const found = assessHealth(
      deals([
        ['D-1', 'Meeting', '2023-11-01', ''],
        ['D-2', 'Meeting', '2023-11-02', ''],
      ]),
      new Map(),
      today,
    );
    expect(found.stale.map((s) => [s.deal.id, s.days, s.limit, s.enteredDay])).toEqual([
      ['D-1', 14, 14, day(2023, 11, 1)],
    ]);
  });

  it('counts calendar days: entered at 23:59 on 1 November is 14 days on the 15th', () => {
    const found = assessHealth(deals([['D-1', 'Meeting', '2023-11-01 23:59', '']]), new Map(), today);
    expect(found.stale.map((s) => s.days)).toEqual([14]);
  });

  it('a stage without Stale after is never stale, and needs no Stage entered', () => {
    const found = assessHealth(
      deals([
        ['D-1', 'Demo', '2020-01-01', ''],
        ['D-2', 'Demo', '', ''],
      ]),
      new Map(),
      today,
    );
    expect(found).toEqual({ stale: [], overdue: [], enteredMissing: [] });
  });

  it('without Stage entered, the latest history row into the current stage says when the stay began', () => {
    const history = readHistory(
      [
        ['When', 'Deal ID', 'From stage', 'To stage'],
        ['2023-10-20', 'D-3', 'Demo', 'Meeting'],
        ['2023-10-01', 'D-3', '', 'Meeting'],
        ['2023-10-10', 'D-3', 'Meeting', 'Demo'],
      ],
      pipeline,
      { zone },
    );
    const byDeal = changesByDeal(history.changes);
    const [d3] = deals([['D-3', 'Meeting', '', '']]);
    if (!d3) throw new Error('no deal');
    // Back in Meeting since 20 October (not 1 October, the first stay): 26 days.
    expect(enteredDayOf(d3, byDeal.get('D-3'))).toBe(day(2023, 10, 20));
    expect(assessHealth([d3], byDeal, today).stale.map((s) => [s.deal.id, s.days])).toEqual([['D-3', 26]]);
  });

  it('a deal with no entry date anywhere is listed, not guessed; without a Deal ID the history cannot say', () => {
    const history = readHistory(
      [
        ['When', 'Deal ID', 'From stage', 'To stage'],
        ['2023-10-01', 'D-4', '', 'Demo'],
      ],
      pipeline,
      { zone },
    );
    const found = assessHealth(
      deals([
        ['D-4', 'Meeting', '', ''],
        ['', 'Meeting', '', ''],
      ]),
      changesByDeal(history.changes),
      today,
    );
    expect(found.stale).toEqual([]);
    expect(found.enteredMissing.map((d) => [d.id, d.row])).toEqual([
      ['D-4', 2],
      ['', 3],
    ]);
  });
});

describe('overdue deals', () => {
  it('are overdue from the day after Expected close, counted in days', () => {
    const found = assessHealth(
      deals([
        ['D-1', 'Demo', '', '2023-11-14'],
        ['D-2', 'Demo', '', '2023-11-15'],
        ['D-3', 'Demo', '', '2023-10-16'],
        ['D-4', 'Demo', '', ''],
      ]),
      new Map(),
      today,
    );
    expect(found.overdue.map((o) => [o.deal.id, o.daysOverdue])).toEqual([
      ['D-1', 1],
      ['D-3', 30],
    ]);
  });
});

describe('won and lost deals', () => {
  it('are never stale or overdue, nor missing an entry date', () => {
    const found = assessHealth(
      deals([
        ['D-1', 'Won', '2023-01-01', '2023-01-01'],
        ['D-2', 'Lost', '2023-01-01', '2023-01-01'],
        ['D-3', 'Won', '', ''],
      ]),
      new Map(),
      today,
    );
    expect(found).toEqual({ stale: [], overdue: [], enteredMissing: [] });
  });
});
