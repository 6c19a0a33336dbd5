import type { DocumentStore } from './document-store';

/**
 * Apps Script gives each user their own triggers, and nobody sees anyone
 * else's. So which trigger is *the* daily check of this spreadsheet is kept
 * in document properties, which every user sees: whose account it runs from,
 * its trigger id, and the hour. A trigger that is not the recorded one (its
 * owner was taken over) retires itself when it next fires.
 */
export interface DailyRun {
  /** Email of the account the daily check runs from (may be blank when Google does not tell). */
  owner: string;
  /** The trigger's unique id, as time-driven events report it (`e.triggerUid`). */
  triggerId: string;
  hour: number;
  timeZone: string;
  /** ISO instant it was turned on. */
  since: string;
}

const KEY = 'sheetsPipeline.dailyRun';

export function readDailyRun(store: DocumentStore): DailyRun | null {
  const text = store.get(KEY);
  if (!text) return null;
  try {
    const run = JSON.parse(text) as DailyRun;
    return typeof run.triggerId === 'string' && Number.isInteger(run.hour) ? run : null;
  } catch {
    return null;
  }
}

export function writeDailyRun(store: DocumentStore, run: DailyRun | null): void {
  if (run === null) store.delete(KEY);
  else store.set(KEY, JSON.stringify(run));
}
