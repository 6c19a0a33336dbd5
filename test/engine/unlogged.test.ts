import { describe, expect, it } from 'vitest';
import { readDeals } from '../../src/engine/deals';
import { changesByDeal, readHistory } from '../../src/engine/history';
import { readPipeline } from '../../src/engine/stages';
import { unloggedStages } from '../../src/engine/unlogged';
import { Zone } from '../../src/engine/zone';
import { seoul } from '../support/seoul';

const zone = new Zone('Asia/Seoul');
const pipeline = readPipeline([
  ['Stage', 'Probability'],
  ['Meeting', '10%'],
  ['Demo', '30%'],
  ['Won', '100%'],
  ['Lost', '0%'],
]);

function unlogged(dealRows: (string | number)[][], historyRows: unknown[][]) {
  const deals = readDeals([['Deal ID', 'Amount', 'Stage'], ...dealRows], pipeline, { zone }).deals;
  const history = readHistory(
    [['When', 'Deal ID', 'From stage', 'To stage'], ...(historyRows as string[][])],
    pipeline,
    {
      zone,
    },
  );
  return unloggedStages(deals, changesByDeal(history.changes), history.unreadableDeals).map((u) => [
    u.deal.id,
    u.logged?.name ?? null,
  ]);
}

describe('stage changes the history does not say', () => {
  it('a deal whose Stage differs from the To of its latest row, by time, not sheet order', () => {
    const history = [
      [seoul(2023, 11, 2), 'D-1', 'Meeting', 'Demo'],
      [seoul(2023, 11, 1), 'D-1', '', 'Meeting'],
      [seoul(2023, 11, 1), 'D-2', '', 'Meeting'],
    ];
    expect(
      unlogged(
        [
          ['D-1', 1, 'Demo'],
          ['D-2', 1, 'Won'],
        ],
        history,
      ),
    ).toEqual([['D-2', 'Meeting']]);
  });

  it('a deal with no history at all, but never one without a Deal ID', () => {
    expect(
      unlogged(
        [
          ['D-3', 1, 'Demo'],
          ['', 1, 'Demo'],
        ],
        [],
      ),
    ).toEqual([['D-3', null]]);
  });

  it('nothing is inferred for a deal with a row that cannot be read (a renamed stage)', () => {
    const history = [
      [seoul(2023, 11, 1), 'D-4', '', 'Meeting'],
      [seoul(2023, 11, 5), 'D-4', 'Meeting', 'Evaluation'],
    ];
    expect(unlogged([['D-4', 1, 'Won']], history)).toEqual([]);
  });
});
