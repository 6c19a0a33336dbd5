/**
 * The call counter. In Sheets every call on a service object is a round trip
 * (a `setBackground` per cell costs seconds over a table), so tests assert how
 * many calls an action makes. Each public method of a stand-in class is wrapped
 * once, at class definition, so no method can forget to count itself.
 */

/** Read-only view handed to tests. */
export interface Calls {
  /** All calls since the last reset. */
  total(): number;
  /** Calls per `Type.method`, e.g. `{ 'Range.getValues': 3 }`, keys sorted. */
  byMethod(): Record<string, number>;
  /** Calls of one `Type.method` (0 when never called). */
  count(method: string): number;
  /** Calls in order, for debugging a test: `['SpreadsheetApp.getActive', 'Spreadsheet.getSheetByName', ...]`. */
  sequence(): string[];
  reset(): void;
}

export class CallLog implements Calls {
  private readonly counts = new Map<string, number>();
  private readonly order: string[] = [];

  record(method: string): void {
    this.counts.set(method, (this.counts.get(method) ?? 0) + 1);
    this.order.push(method);
  }

  total(): number {
    return this.order.length;
  }

  byMethod(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const key of [...this.counts.keys()].sort()) out[key] = this.counts.get(key) ?? 0;
    return out;
  }

  count(method: string): number {
    return this.counts.get(method) ?? 0;
  }

  sequence(): string[] {
    return [...this.order];
  }

  reset(): void {
    this.counts.clear();
    this.order.length = 0;
  }
}

/** Where a stand-in object keeps its shared context; a symbol so `Object.keys` in the bundle never sees it. */
export const GATE: unique symbol = Symbol('sheets-stand-in');

/** What the wrapper needs from the context: count the call, and refuse it when the auth mode forbids it. */
export interface Gate {
  enter(method: string): void;
}

interface Gated {
  readonly [GATE]: Gate;
}

/**
 * Wraps every method on `cls.prototype` so a call is recorded as
 * `typeName.method` before it runs. Stand-in code never calls its own public
 * methods (it uses module helpers), so one bundle call counts exactly once.
 */
export function instrument(
  cls: { readonly prototype: object; readonly name: string },
  typeName: string,
): void {
  const proto = cls.prototype as Record<string, unknown>;
  for (const name of Object.getOwnPropertyNames(proto)) {
    if (name === 'constructor') continue;
    const desc = Object.getOwnPropertyDescriptor(proto, name);
    const original = desc?.value;
    if (typeof original !== 'function') continue;
    const key = `${typeName}.${name}`;
    const wrapped = function (this: Gated, ...args: unknown[]): unknown {
      this[GATE].enter(key);
      return original.apply(this, args);
    };
    Object.defineProperty(wrapped, 'name', { value: name });
    Object.defineProperty(proto, name, { ...desc, value: wrapped });
  }
}
