import type { DocumentStore } from './document-store';
import type { RunLog } from './settings-protocol';

export type { RunLog };

const KEY = 'sheetsPipeline.lastRun';

export function readRunLog(store: DocumentStore): RunLog | null {
  const text = store.get(KEY);
  if (!text) return null;
  try {
    return JSON.parse(text) as RunLog;
  } catch {
    return null;
  }
}

export function writeRunLog(store: DocumentStore, log: RunLog): void {
  store.set(KEY, JSON.stringify(log));
}
