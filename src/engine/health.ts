import type { Deal } from './deals';
import type { StageChange } from './history';
import { DAY_MS, type DayNumber } from './zone';

export interface StaleDeal {
  readonly deal: Deal;
  /** Whole days in the stage as of the check. */
  readonly days: number;
  readonly limit: number;
  /** The day the current stay began (from the sheet, or else the history). */
  readonly enteredDay: DayNumber;
}

export interface OverdueDeal {
  readonly deal: Deal;
  readonly daysOverdue: number;
}

export interface HealthFindings {
  readonly stale: readonly StaleDeal[];
  readonly overdue: readonly OverdueDeal[];
  /** Open deals whose stage entry date is neither in the sheet nor in the history. */
  readonly enteredMissing: readonly Deal[];
}

/**
 * The day a deal entered its current stage: Stage entered, or else the latest
 * history row that entered the current stage. `null` when neither says.
 */
export function enteredDayOf(deal: Deal, history: readonly StageChange[] | undefined): DayNumber | null {
  if (deal.stageEntered !== null) return Math.floor(deal.stageEntered / DAY_MS);
  if (!history) return null;
  for (let i = history.length - 1; i >= 0; i--) {
    const c = history[i] as StageChange;
    if (c.to === deal.stage) return Math.floor(c.when / DAY_MS);
  }
  return null;
}

/**
 * Which open deals need attention as of `today`: stale (whole days in stage ≥
 * the stage's Stale after — "14 days or more"), and overdue (Expected close
 * before today). Won and lost deals are never flagged.
 */
export function assessHealth(
  deals: readonly Deal[],
  historyByDeal: ReadonlyMap<string, readonly StageChange[]>,
  today: DayNumber,
): HealthFindings {
  const stale: StaleDeal[] = [];
  const overdue: OverdueDeal[] = [];
  const enteredMissing: Deal[] = [];
  for (const deal of deals) {
    if (deal.outcome !== 'open') continue;
    const limit = deal.stage.staleAfter;
    if (limit !== null) {
      const entered = enteredDayOf(deal, deal.id === '' ? undefined : historyByDeal.get(deal.id));
      if (entered === null) enteredMissing.push(deal);
      else if (today - entered >= limit)
        stale.push({ deal, days: today - entered, limit, enteredDay: entered });
    }
    if (deal.expectedClose !== null && deal.expectedClose < today) {
      overdue.push({ deal, daysOverdue: today - deal.expectedClose });
    }
  }
  return { stale, overdue, enteredMissing };
}
