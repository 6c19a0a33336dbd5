import { instrument } from './calls';
import { Service, type StandInContext } from './context';

/**
 * PropertiesService with Apps Script's limits: values are stored as strings,
 * 9 KB per value and 500 KB per store. Settings and "last digest sent" marks
 * live here, so the limits matter.
 */
export const VALUE_LIMIT_BYTES = 9 * 1024;
export const STORE_LIMIT_BYTES = 500 * 1024;

const bytes = (text: string) => Buffer.byteLength(text, 'utf8');

/** Apps Script's Properties: one store (document, script, or the current user's). */
export class Properties extends Service {
  readonly #store: () => Map<string, string>;

  constructor(ctx: StandInContext, store: () => Map<string, string>) {
    super(ctx);
    this.#store = store;
  }

  #put(entries: [string, string][], deleteAllOthers: boolean): void {
    const next = new Map(deleteAllOthers ? [] : this.#store());
    for (const [key, value] of entries) {
      if (bytes(value) > VALUE_LIMIT_BYTES) throw this.ctx.exception('Argument too large: value');
      next.set(key, value);
    }
    let total = 0;
    for (const [k, v] of next) total += bytes(k) + bytes(v);
    if (total > STORE_LIMIT_BYTES) {
      throw this.ctx.exception(
        'You have exceeded the property storage quota. Please remove some properties and try again.',
      );
    }
    const store = this.#store();
    store.clear();
    for (const [k, v] of next) store.set(k, v);
  }

  getProperty(key: string): string | null {
    return this.#store().get(String(key)) ?? null;
  }

  /** Values become strings (`String(value)`), as in Apps Script. */
  setProperty(key: string, value: unknown): this {
    this.#put([[String(key), String(value)]], false);
    return this;
  }

  setProperties(properties: Record<string, unknown>, deleteAllOthers = false): this {
    const entries = Object.entries(properties ?? {}).map(([k, v]): [string, string] => [k, String(v)]);
    this.#put(entries, Boolean(deleteAllOthers));
    return this;
  }

  getProperties(): Record<string, string> {
    return Object.fromEntries(this.#store());
  }

  getKeys(): string[] {
    return [...this.#store().keys()];
  }

  deleteProperty(key: string): this {
    this.#store().delete(String(key));
    return this;
  }

  deleteAllProperties(): this {
    this.#store().clear();
    return this;
  }
}

/** The PropertiesService global. */
export class PropertiesService extends Service {
  getDocumentProperties(): Properties {
    return new Properties(this.ctx, () => this.ctx.documentProperties);
  }

  getScriptProperties(): Properties {
    return new Properties(this.ctx, () => this.ctx.scriptProperties);
  }

  /** The store of whoever runs this execution (it follows `standIn.setUser`). */
  getUserProperties(): Properties {
    const user = this.ctx.activeUser;
    return new Properties(this.ctx, () => this.ctx.userStore(user));
  }
}

instrument(Properties, 'Properties');
instrument(PropertiesService, 'PropertiesService');
