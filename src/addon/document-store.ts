/**
 * Document properties read once per execution and written once: each
 * `getProperty` is a round trip, and a daily check already pays for several.
 */
export class DocumentStore {
  private readonly properties: GoogleAppsScript.Properties.Properties;
  private readonly values: Record<string, string>;
  private readonly changes: Record<string, string> = {};

  constructor() {
    this.properties = PropertiesService.getDocumentProperties();
    this.values = this.properties.getProperties();
  }

  get(key: string): string | null {
    return this.changes[key] ?? this.values[key] ?? null;
  }

  set(key: string, value: string): void {
    if (this.get(key) !== value) this.changes[key] = value;
  }

  /** Writes what changed, in one call; nothing when nothing did. */
  save(): void {
    if (Object.keys(this.changes).length === 0) return;
    this.properties.setProperties(this.changes);
    Object.assign(this.values, this.changes);
    for (const key of Object.keys(this.changes)) delete this.changes[key];
  }
}
