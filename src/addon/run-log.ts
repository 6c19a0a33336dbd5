import type { DocumentStore } from './document-store';

/** What the last daily check did, shown in Settings: triggers send no failure emails. */
export interface RunLog {
  at: string;
  trigger: 'menu' | 'schedule';
  ok: boolean;
  error?: string;
  deals?: number;
  stale?: number;
  overdue?: number;
  healthChanged?: number;
  tasksCreated?: number;
  emailsSent?: number;
  emailsSkipped?: number;
  problems?: number;
  /** The spreadsheet day the digest went out, so a second run that day sends none. */
  digestDay?: string;
}

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
