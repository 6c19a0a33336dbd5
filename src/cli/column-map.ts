import type { TableName } from '../engine/problems';
import { SCHEMAS } from '../engine/schema';
import { InputError, UsageError } from './errors';

/** The column map (SPEC §1): per table, field key → the header the user chose for it. */
export type ColumnMap = Partial<Record<TableName, Record<string, string>>>;

export const TABLE_NAMES: readonly TableName[] = ['Deals', 'Stages', 'Stage history', 'Tasks'];

const TABLE_WORDS: Readonly<Record<string, TableName>> = {
  deals: 'Deals',
  deal: 'Deals',
  stages: 'Stages',
  stage: 'Stages',
  'stage history': 'Stage history',
  stagehistory: 'Stage history',
  history: 'Stage history',
  tasks: 'Tasks',
  task: 'Tasks',
};

/** `Deals`, `deals`, `Stage history`, `stage-history`, `History` → the table; `null` when none. */
export function tableNamed(text: string): TableName | null {
  const key = text
    .trim()
    .toLowerCase()
    .replace(/[-_\s]+/g, ' ');
  return TABLE_WORDS[key] ?? null;
}

/** How `--map` names a table: `History` for Stage history, which needs no quoting. */
export function mapTableName(table: TableName): string {
  return table === 'Stage history' ? 'History' : table;
}

/** The field keys of a table, as the SPEC names them. */
export function fieldKeys(table: TableName): string[] {
  return Object.keys(SCHEMAS[table].columns);
}

/** A field key of the table, matched without regard to case; `null` when it has none such. */
function fieldNamed(table: TableName, key: string): string | null {
  const wanted = key.trim().toLowerCase();
  return fieldKeys(table).find((f) => f.toLowerCase() === wanted) ?? null;
}

function unknownField(table: TableName, key: string): string {
  return `${table} has no field '${key}' (its fields: ${fieldKeys(table).join(', ')})`;
}

/** One `--map Table.field=Header`, checked: the table and field must exist. */
export function parseMapOption(text: string): ColumnMap {
  const eq = text.indexOf('=');
  const target = eq < 0 ? text : text.slice(0, eq).trim();
  const dot = target.lastIndexOf('.');
  if (eq < 0 || dot < 0)
    throw new UsageError(
      `--map takes Table.field=Header (e.g. --map Deals.amount="Deal Value"), not '${text}'`,
    );
  const table = tableNamed(target.slice(0, dot));
  if (!table)
    throw new UsageError(
      `--map ${target}: there is no table '${target.slice(0, dot)}' (tables: Deals, Stages, History, Tasks)`,
    );
  const key = target.slice(dot + 1);
  const field = fieldNamed(table, key);
  if (!field) throw new UsageError(`--map ${target}: ${unknownField(table, key)}`);
  const header = text
    .slice(eq + 1)
    .trim()
    .replace(/^"(.*)"$/s, '$1');
  if (header === '') throw new UsageError(`--map ${target} needs a header after '='`);
  return { [table]: { [field]: header } };
}

/** Several maps as one; a later map wins for the same field. */
export function mergeMaps(...maps: readonly ColumnMap[]): ColumnMap {
  const merged: ColumnMap = {};
  for (const map of maps) {
    for (const [table, fields] of Object.entries(map) as [TableName, Record<string, string>][]) {
      merged[table] = { ...merged[table], ...fields };
    }
  }
  return merged;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * A `--map-file`: the JSON `columns --json` prints, `{tables: {Deals: {fields:
 * {amount: "Deal Value ($)", company: null, …}, …}, …}}`. Only `fields` is
 * read; a null or absent field is not mapped. Anything else is refused.
 */
export function parseMapFile(path: string, text: string): ColumnMap {
  const fail = (why: string) => new InputError(`--map-file ${path}: ${why}`);
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw fail(`is not JSON (${(e as Error).message})`);
  }
  if (!isRecord(json) || !isRecord(json.tables))
    throw fail('has no "tables" object (it takes what `sheets-pipeline columns --json` prints)');
  const map: ColumnMap = {};
  for (const [name, entry] of Object.entries(json.tables)) {
    const table = tableNamed(name);
    if (!table) throw fail(`there is no table '${name}' (tables: Deals, Stages, Stage history, Tasks)`);
    if (!isRecord(entry)) throw fail(`tables.${name} is not an object`);
    if (entry.fields === undefined || entry.fields === null) continue;
    if (!isRecord(entry.fields)) throw fail(`tables.${name}.fields is not an object`);
    for (const [key, header] of Object.entries(entry.fields)) {
      const field = fieldNamed(table, key);
      if (!field) throw fail(unknownField(table, key));
      if (header === null || header === undefined) continue;
      if (typeof header !== 'string' || header.trim() === '')
        throw fail(`tables.${name}.fields.${key} must be a header (text) or null`);
      map[table] = { ...map[table], [field]: header };
    }
  }
  return map;
}

/**
 * The `--map` option that maps `header` to the field, quoted for a shell:
 * `--map Deals.amount="Deal Value"`; in single quotes when the header holds
 * what a shell would expand inside double quotes (`$name`, `$(`, `` ` ``, `"`, `\`, `!`);
 * `Deal Value ($)` is safe in double quotes.
 */
export function mapOption(table: TableName, field: string, header: string): string {
  const target = `${mapTableName(table)}.${field}`;
  if (!/\$(?![)\s]|$)|[`"\\!]/.test(header)) return `--map ${target}="${header}"`;
  return `--map '${target}=${header.replace(/'/g, `'\\''`)}'`;
}
