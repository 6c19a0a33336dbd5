import type { RunLog } from '../../shared/settings-protocol';
import type { DocumentStore } from './document-store';

export type { RunLog };

const KEY = 'sheetsPipeline.lastRun';
// A property value holds 9 KB: a long error message is cut, never left to fail the write.
const MAX_ERROR_CHARS = 1_000;

/** The last run's record; `unreadable` when one is stored but cannot be read (reported, not taken for "never ran"). */
export function readRunLog(store: DocumentStore): { log: RunLog | null; unreadable: boolean } {
  const text = store.get(KEY);
  if (!text) return { log: null, unreadable: false };
  try {
    const log: unknown = JSON.parse(text);
    if (
      typeof log === 'object' &&
      log !== null &&
      !Array.isArray(log) &&
      typeof (log as RunLog).at === 'string'
    )
      return { log: log as RunLog, unreadable: false };
  } catch {
    // Reported below.
  }
  return { log: null, unreadable: true };
}

export function writeRunLog(store: DocumentStore, log: RunLog): void {
  const fitted: RunLog = { ...log };
  if (fitted.error && fitted.error.length > MAX_ERROR_CHARS)
    fitted.error = `${fitted.error.slice(0, MAX_ERROR_CHARS)}…`;
  store.set(KEY, JSON.stringify(fitted));
}
