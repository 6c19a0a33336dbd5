import type { Language } from '../../engine/table';
import type { DocumentStore } from './document-store';
import type { RunLog } from '../../shared/settings-protocol';

export type { RunLog };

const KEY = 'sheetsPipeline.lastRun';
// A property value holds 9 KB: a long error message is cut, never left to fail the write.
const MAX_ERROR_CHARS = 1_000;

export function readRunLog(store: DocumentStore): RunLog | null {
  return readRunLogChecked(store).log;
}

/** The last run's record; an unreadable one is reported, not taken for "never ran". */
export function readRunLogChecked(
  store: DocumentStore,
  language: Language = 'en',
): { log: RunLog | null; problem: string | null } {
  const text = store.get(KEY);
  if (!text) return { log: null, problem: null };
  try {
    const log: unknown = JSON.parse(text);
    if (
      typeof log !== 'object' ||
      log === null ||
      Array.isArray(log) ||
      typeof (log as RunLog).at !== 'string'
    )
      throw new Error('not a run record');
    return { log: log as RunLog, problem: null };
  } catch {
    return {
      log: null,
      problem:
        language === 'ko'
          ? '지난 점검 기록을 읽을 수 없었습니다. 이번 점검 기록으로 바꿉니다.'
          : 'The record of the last run could not be read; this run replaces it.',
    };
  }
}

export function writeRunLog(store: DocumentStore, log: RunLog): void {
  const fitted: RunLog = { ...log };
  if (fitted.error && fitted.error.length > MAX_ERROR_CHARS)
    fitted.error = `${fitted.error.slice(0, MAX_ERROR_CHARS)}…`;
  store.set(KEY, JSON.stringify(fitted));
}
