import type { Deal } from './deals';
import type { StageChange } from './history';
import type { Stage } from './stages';

/** A deal whose Stage the history does not say: a stage change the add-on could not log. */
export interface UnloggedStage {
  readonly deal: Deal;
  /** The stage of its latest Stage history row; `null` when it has none at all. */
  readonly logged: Stage | null;
}

/**
 * The deals whose current Stage differs from the To of their latest Stage
 * history row, or that have no history: a stage typed while the document
 * lock was busy, a quota or time limit, or edits made while no edit trigger
 * was installed. Deals without a Deal ID cannot be matched and are left out,
 * and so are deals with a history row that cannot be read (a renamed stage,
 * a bad date): their latest readable row may not be their latest, and a
 * wrong guess would be written into their history. O(deals).
 *
 * @example
 * // D-1 is in Demo in Deals, but its last Stage history row went to Meeting:
 * const pipeline = readPipeline([['Stage', 'Probability'], ['Meeting', '10%'], ['Demo', '30%']]);
 * const zone = new Zone('Asia/Seoul');
 * const deals = readDeals([['Deal ID', 'Amount', 'Stage'], ['D-1', 100, 'Demo']], pipeline, { zone }).deals;
 * const history = readHistory([['When', 'Deal ID', 'To stage'], ['2023-11-01', 'D-1', 'Meeting']], pipeline, { zone });
 * unloggedStages(deals, changesByDeal(history.changes)).map((u) => [u.deal.id, u.logged?.name])
 * // → [['D-1', 'Meeting']]
 */
export function unloggedStages(
  deals: readonly Deal[],
  historyByDeal: ReadonlyMap<string, readonly StageChange[]>,
  unreadable: ReadonlySet<string> = new Set(),
): UnloggedStage[] {
  const unlogged: UnloggedStage[] = [];
  for (const deal of deals) {
    if (deal.id === '' || unreadable.has(deal.id)) continue;
    const list = historyByDeal.get(deal.id);
    const last = list?.[list.length - 1];
    if (!last) unlogged.push({ deal, logged: null });
    else if (last.to !== deal.stage) unlogged.push({ deal, logged: last.to });
  }
  return unlogged;
}
