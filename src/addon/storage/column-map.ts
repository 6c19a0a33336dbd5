import type { TableName } from '../../engine/problems';
import type { DocumentStore } from './document-store';

/**
 * The column map (SPEC §1): for a team whose headers match no alias, the
 * header each field is under, per table, saved once by Connect your sheet
 * and used by setup, the daily check, the panel, the edit trigger and the
 * custom functions alike. A header named here wins over an alias.
 */
export type ColumnMap = Partial<Record<TableName, Partial<Record<string, string>>>>;

const KEY = 'sheetsPipeline.columnMap';
// A property holds 9 KB; a map of four tables' fields is far below.
const MAX_HEADER_CHARS = 200;

export function readColumnMap(store: DocumentStore): ColumnMap {
  return parseColumnMap(store.get(KEY));
}

/** The map as stored (a field mapped to `''` has no column); anything unreadable in it is left out (the aliases then apply, and the dialog shows it). */
export function parseColumnMap(text: string | null): ColumnMap {
  if (!text) return {};
  try {
    const stored = JSON.parse(text) as unknown;
    if (typeof stored !== 'object' || stored === null) return {};
    const map: ColumnMap = {};
    for (const [table, fields] of Object.entries(stored as Record<string, unknown>)) {
      if (typeof fields !== 'object' || fields === null) continue;
      const kept: Record<string, string> = {};
      // '' is kept: the field was chosen as "(none)", so no alias claims a column for it.
      for (const [field, header] of Object.entries(fields as Record<string, unknown>))
        if (typeof header === 'string') kept[field] = header.slice(0, MAX_HEADER_CHARS);
      map[table as TableName] = kept;
    }
    return map;
  } catch {
    return {};
  }
}

export function writeColumnMap(store: DocumentStore, map: ColumnMap): void {
  store.set(KEY, JSON.stringify(map));
}

/** The document property the custom functions read it from (they have no DocumentStore). */
export const COLUMN_MAP_KEY = KEY;
