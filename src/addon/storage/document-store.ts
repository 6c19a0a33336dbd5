/**
 * Document properties read once per execution and written once: each
 * `getProperty` is a round trip, and a daily check already pays for several.
 */
export class DocumentStore {
  private readonly properties: GoogleAppsScript.Properties.Properties;
  private readonly values: Record<string, string>;
  private readonly changes: Record<string, string> = {};
  private readonly deletions = new Set<string>();

  constructor() {
    this.properties = PropertiesService.getDocumentProperties();
    this.values = this.properties.getProperties();
  }

  get(key: string): string | null {
    if (this.deletions.has(key)) return null;
    return this.changes[key] ?? this.values[key] ?? null;
  }

  set(key: string, value: string): void {
    this.deletions.delete(key);
    if (this.get(key) !== value) this.changes[key] = value;
  }

  delete(key: string): void {
    delete this.changes[key];
    if (key in this.values) this.deletions.add(key);
  }

  /** Keys starting with `prefix`, as read at the start of the execution plus what was set since. */
  keys(prefix: string): string[] {
    const all = new Set([...Object.keys(this.values), ...Object.keys(this.changes)]);
    return [...all].filter((k) => k.startsWith(prefix) && !this.deletions.has(k)).sort();
  }

  /** Writes what changed, in one call (plus one per deleted key); nothing when nothing did. */
  save(): void {
    if (Object.keys(this.changes).length > 0) {
      this.properties.setProperties(this.changes);
      Object.assign(this.values, this.changes);
      for (const key of Object.keys(this.changes)) delete this.changes[key];
    }
    for (const key of this.deletions) {
      this.properties.deleteProperty(key);
      delete this.values[key];
    }
    this.deletions.clear();
  }
}
