import { type Cell, cellText, type Grid, isBlankCell } from './cells';
import { PipelineError } from './problems';
import type { TableSchema } from './schema';

export type Language = 'ko' | 'en';

/**
 * Header matching ignores case, surrounding spaces and inner spacing and
 * punctuation, so `Stale after (days)`, `stale_after_days` and `STALE AFTER`
 * are one header. NFC folds Korean typed on macOS (decomposed jamo).
 *
 * @example
 * normalizeHeader('Stale after (days)') // → 'staleafterdays'
 * normalizeHeader(' 수주 예정일 ') // → '수주예정일'
 */
export function normalizeHeader(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]+/gu, '');
}

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
  const headerIndex = findHeaderRow(grid, schema);
  const headers = (grid[headerIndex] ?? []).map((h) => cellText(h).trim());
  const columns = findColumns(headers, schema);
  const fields = Object.keys(schema.columns) as F[];
  for (const [field, position] of Object.entries(options.positions ?? {})) {
    if (!(field in schema.columns)) continue;
    if (position === null) delete columns[field as F];
    else columns[field as F] = position;
  }
  const needed = (f: F) => schema.columns[f].required || options.require?.includes(f);
  const missing = fields.filter((f) => needed(f) && columns[f] === undefined);
  if (missing.length > 0) {
    const list = missing.map((f) => {
      const spec = schema.columns[f];
      return `'${spec.en}' (looked for: ${spec.aliases.join(', ')})`;
    });
    const where = grid.length === 0 ? 'is empty' : `has no column ${list.join(' and no column ')}`;
    throw new PipelineError(
      `${schema.name} ${where}. The header row must be within the first ${HEADER_SEARCH_ROWS} rows.`,
    );
  }
  const probe = fields.filter((f) => schema.columns[f].required).map((f) => columns[f] as number);
  const dataRows: number[] = [];
  for (let i = headerIndex + 1; i < grid.length; i++) {
    const row = grid[i];
    if (row && !isBlankRow(row, probe)) dataRows.push(i);
  }
  const language = headersLanguage(headers) ?? 'en';
  return { schema, grid, columns, headers, headerIndex, dataRows, firstRow, language };
}

/**
 * The grid index of the header row: the first of the first 20 rows whose
 * cells name at least two of the schema's columns, so title rows such as
 * `2024 영업 현황 (단위: 천원)` may stand above it. Row 0 when none does (the
 * caller then reports the missing columns of row 0).
 */
export function findHeaderRow(grid: Grid, schema: TableSchema<string>): number {
  const last = Math.min(grid.length, HEADER_SEARCH_ROWS);
  for (let i = 0; i < last; i++) {
    const row = grid[i];
    if (!row) continue;
    const headers = row.map((h) => cellText(h).trim());
    if (Object.keys(findColumns(headers, schema)).length >= 2) return i;
  }
  return 0;
}

export function findColumns<F extends string>(
  headers: readonly string[],
  schema: TableSchema<F>,
): Partial<Record<F, number>> {
  const byAlias = new Map<string, F>();
  for (const field of Object.keys(schema.columns) as F[]) {
    for (const alias of schema.columns[field].aliases) {
      const key = normalizeHeader(alias);
      if (!byAlias.has(key)) byAlias.set(key, field);
    }
  }
  const columns: Partial<Record<F, number>> = {};
  headers.forEach((header, index) => {
    const field = byAlias.get(normalizeHeader(header));
    // The first matching column wins; a second "Stage" column is the user's own.
    if (field !== undefined && columns[field] === undefined) columns[field] = index;
  });
  return columns;
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
