import { type Cell, cellText, type Grid, isBlankCell } from './cells';
import { closestHeader, matchColumns, normalizeHeader } from './header-match';
import { PipelineError, shortText, type TableName } from './problems';
import type { TableSchema } from './schema';
import { type StatedUnit, unitInTitle } from './units';

export type Language = 'ko' | 'en';

export { normalizeHeader };

/** A table read by header: where each known column is, and which rows hold data. */
export interface Table<F extends string> {
  readonly schema: TableSchema<F>;
  readonly grid: Grid;
  /** Column index of each field found in the header row. */
  readonly columns: Readonly<Partial<Record<F, number>>>;
  /** The header row as the user wrote it. */
  readonly headers: readonly string[];
  /**
   * Index into `grid` of the header row: 0 unless title rows stand above it.
   * Nothing is ever written into the rows above it.
   */
  readonly headerIndex: number;
  /** Indexes into `grid` of the rows below the header that are not fully blank, in order. */
  readonly dataRows: readonly number[];
  /** The sheet's number of grid row `i` is `firstRow + i`. */
  readonly firstRow: number;
  /** Korean when the headers are written in Korean. */
  readonly language: Language;
  /** Units the headers state in brackets (`금액(천원)`), by field. */
  readonly units: Readonly<Partial<Record<F, StatedUnit>>>;
  /** A unit a title row above the header states (`단위: 천원`): it applies to Amount only. */
  readonly titleUnit: StatedUnit | null;
  /** Columns a header matched but whose values said otherwise (a `Status` of free-text notes), by header. */
  readonly refused: readonly string[];
}

export interface ReadOptions {
  /** Sheet row number of the grid's first (header) row; 1 for a whole column range. */
  firstRow?: number;
  /** Columns this use needs beyond the always-required ones (the forecast needs Expected close). */
  require?: readonly string[];
  /**
   * Where a field is, decided by something other than its header: the add-on
   * knows its own Health column by developer metadata, so a team's own
   * `Health` column is never read (or written) as it. `null` = absent.
   */
  positions?: Readonly<Record<string, number | null>>;
  /** Headers the user chose for fields (the column map, SPEC §1): they win over aliases. */
  map?: Readonly<Partial<Record<string, string>>>;
  /** Read even without a required column, to show a person what is missing (the Connect dialog). */
  allowMissing?: boolean;
}

/**
 * A required column is missing: which, under which names it was looked for,
 * what headers the table has, and the closest one, so the caller can say how
 * to map it (`--map` in the CLI, Connect your sheet in Sheets).
 */
export class MissingColumnsError extends PipelineError {
  constructor(
    readonly table: TableName,
    readonly missing: readonly {
      field: string;
      name: string;
      aliases: readonly string[];
      closest: string | null;
    }[],
    readonly headers: readonly string[],
  ) {
    super(missingMessage(table, missing, headers));
    this.name = 'MissingColumnsError';
  }
}

function missingMessage(
  table: TableName,
  missing: MissingColumnsError['missing'],
  headers: readonly string[],
): string {
  if (headers.every((h) => h === '')) return `${table} is empty.`;
  const list = missing
    .map((m) => `'${m.name}' (looked for: ${m.aliases.join(', ')})`)
    .join(' and no column ');
  const seen = headers.filter((h) => h !== '').map((h) => shortText(h, 60));
  const shown =
    seen.length > 30 ? `${seen.slice(0, 30).join(', ')}, … (${seen.length} in all)` : seen.join(', ');
  const closest = missing
    .map((m) =>
      m.closest
        ? `the closest to '${m.name}' is '${shortText(m.closest, 60)}'`
        : `no header is close to '${m.name}'`,
    )
    .join('; ');
  return `${table} has no column ${list}. The header row must be within the first ${HEADER_SEARCH_ROWS} rows. Its headers: ${shown}; ${closest}.`;
}

/** How far down title rows may push the header row (SPEC §1). */
export const HEADER_SEARCH_ROWS = 20;

const HANGUL = /[\u3131-\u318e\uac00-\ud7a3]/;

/**
 * Finds the header row (the first of the first 20 rows that names at least
 * two of the schema's columns), the schema's columns in it, and the rows
 * below it that hold data. A missing required column throws, naming the
 * aliases looked for.
 *
 * A row is blank only when every cell is blank; the required columns are
 * checked first because they are almost always filled, which keeps this
 * O(rows) rather than O(cells) on big sheets.
 */
export function readTable<F extends string>(
  grid: Grid,
  schema: TableSchema<F>,
  options: ReadOptions = {},
): Table<F> {
  const firstRow = options.firstRow ?? 1;
  const map = (options.map ?? {}) as Partial<Record<F, string>>;
  const headerIndex = findHeaderRow(grid, schema, map);
  const headers = (grid[headerIndex] ?? []).map((h) => cellText(h).trim());
  const match = matchColumns(headers, schema, map);
  const columns = match.columns;
  const fields = Object.keys(schema.columns) as F[];
  for (const [field, position] of Object.entries(options.positions ?? {})) {
    if (!(field in schema.columns)) continue;
    if (position === null) delete columns[field as F];
    else columns[field as F] = position;
  }
  const refused = refuseByValues(grid, headerIndex, schema, columns, map).map((c) => headers[c] ?? '');
  const needed = (f: F) => schema.columns[f].required || options.require?.includes(f);
  const missing = fields.filter((f) => needed(f) && columns[f] === undefined);
  if (missing.length > 0 && !options.allowMissing) {
    const taken = Object.values(columns) as number[];
    throw new MissingColumnsError(
      schema.name,
      missing.map((f) => ({
        field: f,
        name: schema.columns[f].en,
        aliases: schema.columns[f].aliases,
        closest: closestHeader(headers, schema, f, taken),
      })),
      grid.length === 0 ? [] : headers,
    );
  }
  const probe = fields
    .filter((f) => schema.columns[f].required && columns[f] !== undefined)
    .map((f) => columns[f] as number);
  const dataRows: number[] = [];
  for (let i = headerIndex + 1; i < grid.length; i++) {
    const row = grid[i];
    if (row && !isBlankRow(row, probe)) dataRows.push(i);
  }
  const language = headersLanguage(headers) ?? 'en';
  let titleUnit: StatedUnit | null = null;
  for (let i = 0; i < headerIndex && !titleUnit; i++) titleUnit = unitInTitle(grid[i] ?? []);
  return {
    schema,
    grid,
    columns,
    headers,
    headerIndex,
    dataRows,
    firstRow,
    language,
    units: match.units,
    titleUnit,
    refused,
  };
}

/**
 * Drops fields whose column's filled values do not fit them (`accepts`): a
 * team's `Status` column of notes is not the Status. A column the user
 * mapped is theirs to decide and is kept. Returns the columns dropped.
 */
function refuseByValues<F extends string>(
  grid: Grid,
  headerIndex: number,
  schema: TableSchema<F>,
  columns: Partial<Record<F, number>>,
  map: Partial<Record<F, string>>,
): number[] {
  const refused: number[] = [];
  for (const field of Object.keys(columns) as F[]) {
    const accepts = schema.columns[field].accepts;
    const c = columns[field];
    if (!accepts || c === undefined || map[field] !== undefined) continue;
    for (let i = headerIndex + 1; i < grid.length; i++) {
      const cell = grid[i]?.[c];
      if (isBlankCell(cell) || accepts(cellText(cell))) continue;
      delete columns[field];
      refused.push(c);
      break;
    }
  }
  return refused;
}

/**
 * The grid index of the header row: the first of the first 20 rows whose
 * cells name at least two of the schema's columns, so title rows such as
 * `2024 영업 현황 (단위: 천원)` may stand above it. Row 0 when none does (the
 * caller then reports the missing columns of row 0).
 */
export function findHeaderRow(
  grid: Grid,
  schema: TableSchema<string>,
  map: Readonly<Partial<Record<string, string>>> = {},
): number {
  const last = Math.min(grid.length, HEADER_SEARCH_ROWS);
  for (let i = 0; i < last; i++) {
    const row = grid[i];
    if (!row) continue;
    const headers = row.map((h) => cellText(h).trim());
    if (Object.keys(matchColumns(headers, schema, map).columns).length >= 2) return i;
  }
  return 0;
}

/** Where the schema's fields are in a header row (see header-match.ts). */
export function findColumns<F extends string>(
  headers: readonly string[],
  schema: TableSchema<F>,
  map: Readonly<Partial<Record<string, string>>> = {},
): Partial<Record<F, number>> {
  return matchColumns(headers, schema, map).columns;
}

/** Korean when any header is written in Hangul; `null` when there are no headers to tell. */
export function headersLanguage(headers: readonly string[]): Language | null {
  if (headers.some((h) => HANGUL.test(h))) return 'ko';
  return headers.some((h) => h.trim() !== '') ? 'en' : null;
}

function isBlankRow(row: readonly Cell[], probe: readonly number[]): boolean {
  for (const c of probe) if (!isBlankCell(row[c])) return false;
  for (const cell of row) if (!isBlankCell(cell)) return false;
  return true;
}

/** The cell of `field` in grid row `i`, or `''` when the column is absent. */
export function cellOf<F extends string>(table: Table<F>, i: number, field: F): Cell {
  const c = table.columns[field];
  if (c === undefined) return '';
  const v = table.grid[i]?.[c];
  return v === undefined || v === null ? '' : v;
}

/** The header of `field` as the user wrote it, for messages; the English name if absent. */
export function headerOf<F extends string>(table: Table<F>, field: F): string {
  const c = table.columns[field];
  return c === undefined
    ? table.schema.columns[field].en
    : (table.headers[c] ?? table.schema.columns[field].en);
}

export function sheetRow(table: Table<string>, i: number): number {
  return table.firstRow + i;
}
