import { cellText, type Grid, isBlankCell } from '../engine/cells';
import type { TableName } from '../engine/problems';
import { SCHEMAS, type TableSchema } from '../engine/schema';
import { findColumns, findHeaderRow, type MissingColumnsError } from '../engine/table';
import { parseAmount } from '../engine/values';
import { type ColumnMap, mapOption } from './column-map';
import type { CsvFile } from './csv';
import { InputError } from './errors';
import { closestFile, type Workbook } from './workbook';

/** How many values a message quotes from a column. */
const QUOTED_VALUES = 3;

/** The filled cells under column `c`, below the header row. */
function valuesUnder(grid: Grid, headerIndex: number, c: number): string[] {
  const values: string[] = [];
  for (let i = headerIndex + 1; i < grid.length; i++) {
    const cell = grid[i]?.[c];
    if (!isBlankCell(cell)) values.push(cellText(cell).trim());
  }
  return values;
}

/**
 * A header no field took that could be the missing one, when none is close
 * by name: for Amount the first whose values all read as amounts, else the
 * first free header. `null` when every header is taken.
 */
function freeHeader(
  grid: Grid,
  headerIndex: number,
  headers: readonly string[],
  field: string,
  taken: Set<number>,
) {
  const free = headers.map((h, c) => ({ h, c })).filter(({ h, c }) => h !== '' && !taken.has(c));
  if (field === 'amount') {
    const amounts = free.find(({ c }) => {
      const values = valuesUnder(grid, headerIndex, c);
      return values.length > 0 && values.every((v) => parseAmount(v).ok);
    });
    if (amounts) return amounts.h;
  }
  return free[0]?.h ?? null;
}

/**
 * A file among those read that holds names by id (headers `id` and `name`,
 * as a CRM dump's `stage.csv`) and names every one of `ids`: where the
 * names a column of numbers stands for are.
 */
function namesFile(files: readonly CsvFile[], ids: readonly string[]): string | null {
  for (const file of files) {
    const headers = (file.grid[0] ?? []).map((h) => cellText(h).trim().toLowerCase());
    const id = headers.indexOf('id');
    if (id < 0 || !headers.includes('name')) continue;
    const known = new Set(valuesUnder(file.grid, 0, id));
    if (ids.every((v) => known.has(v))) return file.path;
  }
  return null;
}

/** What to do about one missing column, ending in the `--map` that would fix it. */
function fixFor(
  table: TableName,
  grid: Grid,
  map: ColumnMap,
  m: MissingColumnsError['missing'][number],
  files: readonly CsvFile[],
): string {
  const schema: TableSchema<string> = SCHEMAS[table];
  const headerIndex = findHeaderRow(grid, schema, map[table] ?? {});
  const headers = (grid[headerIndex] ?? []).map((h) => cellText(h).trim());
  const taken = new Set(Object.values(findColumns(headers, schema, map[table] ?? {})) as number[]);
  const header = m.closest ?? freeHeader(grid, headerIndex, headers, m.field, taken);
  if (header === null)
    return `Add a '${m.name}' column, or run again with ${mapOption(table, m.field, '<header>')}.`;
  const option = mapOption(table, m.field, header);
  const values = valuesUnder(grid, headerIndex, headers.indexOf(header));
  const numbers = values.length > 0 && values.every((v) => /^\d+$/.test(v));
  if (numbers && (m.field === 'stage' || m.field === 'to' || m.field === 'deal')) {
    const shown = [...new Set(values)].slice(0, QUOTED_VALUES).join(', ');
    const names = namesFile(files, values);
    const where = names
      ? `their names are in ${names} (its id and name columns), by id`
      : 'a CRM dump keeps them in another file, by id';
    return (
      `'${header}' holds numbers (${shown}, …), not ${m.name.toLowerCase()} names: add a '${m.name}' column ` +
      `with the names (${where}), or if those numbers are the names, run again with ${option}.`
    );
  }
  return `If '${header}' is the ${m.name}, run again with ${option}.`;
}

/**
 * The one line that says a required column is missing: the file, the
 * engine's message (the column, the aliases looked for, the headers seen,
 * the closest one) and the exact `--map` that would fix it.
 */
export function missingColumnsLine(
  e: MissingColumnsError,
  path: string | null,
  grid: Grid,
  map: ColumnMap,
  files: readonly CsvFile[] = [],
): string {
  const fixes = e.headers.every((h) => h === '')
    ? []
    : e.missing.map((m) => fixFor(e.table, grid, map, m, files));
  return [path ? `${path}: ${e.message}` : e.message, ...fixes].join(' ');
}

/**
 * The reason the run stops when no file is a Deals table: the file closest
 * to one, with what it lacks and the `--map` that fixes it, else what the
 * files are.
 */
export function noDealsError(workbook: Workbook, map: ColumnMap): InputError {
  const closest = closestFile(workbook, 'Deals');
  const e = closest?.fit.missing;
  if (closest && e)
    return new InputError(missingColumnsLine(e, closest.file.path, closest.file.grid, map, workbook.files));
  const found = Object.entries(workbook.tables).map(([t, f]) => `${f?.file.path} is ${t}`);
  const others = workbook.others.map((o) => `${o.file.path} ${o.reason}`);
  return new InputError(
    `no Deals table among the files read (${[...found, ...others].join('; ')}); ` +
      `a Deals CSV needs a header row naming 'Amount' and 'Stage'`,
  );
}
