import type { Cell } from '../../engine/cells';
import { textOf } from '../../engine/values';
import type { DocumentStore } from '../storage/document-store';

// Past 15 digits a number is no longer exact in JavaScript: `next + 1` would equal `next`.
const MAX_DIGITS = 15;

/**
 * Hands out ids such as `D-0042` that are never reused: the next number is
 * above both the highest number ending an id in the sheet (`D-2023-040` → 41)
 * and the highest ever handed out (kept in document properties), so deleting
 * the last deal does not free its id; and an id already in the sheet in any
 * form is skipped. A number too long to count exactly (a CRM's
 * `18234567890123456789`) is left out of the count, so it can never make two
 * new deals share an id.
 */
export class IdSequence {
  private next: number;
  private readonly taken = new Set<string>();

  constructor(
    private readonly prefix: string,
    private readonly propertyKey: string,
    existing: readonly Cell[],
    private readonly store: DocumentStore,
  ) {
    const stored = Number(store.get(propertyKey) ?? 0);
    let highest = Number.isSafeInteger(stored) && stored > 0 ? stored : 0;
    for (const cell of existing) {
      const text = textOf(cell);
      if (text === '') continue;
      this.taken.add(text);
      const digits = /(\d+)\s*$/.exec(text)?.[1];
      if (digits && digits.length <= MAX_DIGITS) highest = Math.max(highest, Number(digits));
    }
    this.next = highest + 1;
  }

  take(): string {
    for (;;) {
      const id = `${this.prefix}${String(this.next).padStart(4, '0')}`;
      this.next++;
      if (!this.taken.has(id)) {
        this.taken.add(id);
        return id;
      }
    }
  }

  /** Remembers the high-water mark in the store (saved with it). */
  remember(): void {
    this.store.set(this.propertyKey, String(this.next - 1));
  }
}

const DEAL_ID_KEY = 'sheetsPipeline.lastDealNumber';
const TASK_ID_KEY = 'sheetsPipeline.lastTaskNumber';

/** Deal IDs `D-0001`…, above every id in `existing` and every id ever handed out. */
export function dealIds(existing: readonly Cell[], store: DocumentStore): IdSequence {
  return new IdSequence('D-', DEAL_ID_KEY, existing, store);
}

/** Task IDs `T-0001`…, likewise. */
export function taskIds(existing: readonly Cell[], store: DocumentStore): IdSequence {
  return new IdSequence('T-', TASK_ID_KEY, existing, store);
}
