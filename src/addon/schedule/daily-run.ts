import type { DocumentStore } from '../storage/document-store';

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

/** Turned off on purpose: every daily trigger that fires retires itself (unlike "never recorded"). */
export interface DailyRunOff {
  off: true;
  by: string;
  at: string;
}

const KEY = 'sheetsPipeline.dailyRun';

/** The record: who runs the daily check, or that it was turned off, or `null` when never recorded. */
export function readDailyRunRecord(store: DocumentStore): DailyRun | DailyRunOff | null {
  const text = store.get(KEY);
  if (!text) return null;
  try {
    const run = JSON.parse(text) as Partial<DailyRun & DailyRunOff> | null;
    if (run?.off === true) return { off: true, by: String(run.by ?? ''), at: String(run.at ?? '') };
    return typeof run?.triggerId === 'string' && Number.isInteger(run.hour) ? (run as DailyRun) : null;
  } catch {
    return null;
  }
}

/** Who runs the daily check; `null` when it is off or was never turned on. */
export function readDailyRun(store: DocumentStore): DailyRun | null {
  const record = readDailyRunRecord(store);
  return record && !('off' in record) ? record : null;
}

export function writeDailyRun(store: DocumentStore, run: DailyRun | DailyRunOff): void {
  store.set(KEY, JSON.stringify(run));
}
