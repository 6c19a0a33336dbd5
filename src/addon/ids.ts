import type { Cell } from '../engine/cells';
import { textOf } from '../engine/values';
import type { DocumentStore } from './document-store';

/**
 * Hands out ids such as `D-0042` that are never reused: the next number is
 * above both the highest id in the sheet and the highest ever handed out
 * (kept in document properties), so deleting the last deal does not free its id.
 */
export class IdSequence {
  private next: number;

  constructor(
    private readonly prefix: string,
    private readonly propertyKey: string,
    existing: readonly Cell[],
    private readonly store: DocumentStore,
  ) {
    const stored = Number(store.get(propertyKey) ?? 0);
    let highest = Number.isFinite(stored) ? stored : 0;
    for (const cell of existing) {
      const m = /(\d+)\s*$/.exec(textOf(cell));
      if (m) highest = Math.max(highest, Number(m[1]));
    }
    this.next = highest + 1;
  }

  take(): string {
    const id = `${this.prefix}${String(this.next).padStart(4, '0')}`;
    this.next++;
    return id;
  }

  /** Remembers the high-water mark in the store (saved with it). */
  remember(): void {
    this.store.set(this.propertyKey, String(this.next - 1));
  }
}
