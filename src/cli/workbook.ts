import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { cellText } from '../engine/cells';
import type { TableName } from '../engine/problems';
import { SCHEMAS, type TableSchema } from '../engine/schema';
import {
  findColumns,
  findHeaderRow,
  MissingColumnsError,
  normalizeHeader,
  readTable,
  type Table,
} from '../engine/table';
import { type ColumnMap, mapOption, TABLE_NAMES } from './column-map';
import { type CsvFile, readCsvFile } from './csv';
import { InputError } from './errors';

/** How well a file fits one table: by its header row, then by its name. */
export interface Fit {
  readonly table: TableName;
  /** The header row found for this table (row 0 when none names two of its columns). */
  readonly headers: readonly string[];
  /** How many of the table's fields that row names. */
  readonly matched: number;
  /** 2 when the file is named as the table (`Deals.csv`, `영업 - 딜.csv`), 1 when its name has the word, else 0. */
  readonly nameScore: number;
  /** The table as read, when the file has its required columns. */
  readonly read: Table<string> | null;
  /** Otherwise what it lacks. */
  readonly missing: MissingColumnsError | null;
}

/** A file read as a table. */
export interface FoundTable {
  readonly file: CsvFile;
  readonly table: Table<string>;
  readonly fits: readonly Fit[];
}

/** A file that is no table, and why. */
export interface OtherFile {
  readonly file: CsvFile;
  readonly reason: string;
  readonly fits: readonly Fit[];
}

export interface Workbook {
  readonly files: readonly CsvFile[];
  readonly tables: Partial<Record<TableName, FoundTable>>;
  readonly others: readonly OtherFile[];
}

const isCsvName = (name: string) => /\.(csv|tsv)$/i.test(name);

/** The CSV files the paths name: a folder's .csv/.tsv files in name order, a file as given; each once. */
export function csvPaths(paths: readonly string[]): string[] {
  const out: string[] = [];
  for (const path of paths) {
    let isFolder: boolean;
    try {
      isFolder = statSync(path).isDirectory();
    } catch {
      throw new InputError(`cannot read ${path}: no such folder or file`);
    }
    if (!isFolder) {
      out.push(path);
      continue;
    }
    const names = readdirSync(path)
      .filter((n) => isCsvName(n) && statSync(join(path, n)).isFile())
      .sort();
    if (names.length === 0) throw new InputError(`no CSV file in ${path}`);
    for (const name of names) out.push(join(path, name));
  }
  return [...new Set(out)];
}

/** The names a table's file may have, after `<spreadsheet> - `, the extension and a trailing number are taken off. */
const FILE_NAMES: Readonly<Record<TableName, readonly string[]>> = {
  Deals: ['deals', 'deal', 'opportunities', 'opportunity', '딜', '딜 목록', '거래', '영업 기회'],
  Stages: ['stages', 'stage', 'pipeline stages', '단계'],
  'Stage history': ['stage history', 'history', 'stage changes', 'deal flow', '단계 이력', '단계 변경 이력'],
  Tasks: ['tasks', 'task', '할일', '할 일'],
};

/** `영업 파이프라인 - Stage history.csv`, `stage-history.csv`, `Deals_001.csv` → `stage history`, `deals`. */
function sheetName(path: string): string {
  const file = path.replace(/^.*[/\\]/, '').replace(/\.(csv|tsv|txt)$/i, '');
  const sheet = file.includes(' - ') ? file.slice(file.lastIndexOf(' - ') + 3) : file;
  return sheet
    .normalize('NFC')
    .toLowerCase()
    .replace(/[-_\s]+/g, ' ')
    .trim()
    .replace(/ \d+$/, '');
}

/** The table a file is named after (`Deals.csv`, `영업 - 단계 이력.csv`), or `null`. */
export function sheetTable(path: string): TableName | null {
  return TABLE_NAMES.find((t) => nameScore(path, t) === 2) ?? null;
}

function nameScore(path: string, table: TableName): number {
  const name = sheetName(path);
  const names = FILE_NAMES[table];
  if (names.includes(name)) return 2;
  const padded = ` ${name} `;
  return names.some((n) => padded.includes(` ${n} `)) ? 1 : 0;
}

/** How the file fits `table`: read as it when it has the required columns. */
function fitOf(file: CsvFile, table: TableName, map: ColumnMap): Fit {
  const schema: TableSchema<string> = SCHEMAS[table];
  const options = { map: map[table] ?? {} };
  const headers = (file.grid[findHeaderRow(file.grid, schema, options.map)] ?? []).map((h) =>
    cellText(h).trim(),
  );
  const base = { table, headers, nameScore: nameScore(file.path, table) };
  try {
    const read = readTable(file.grid, schema, options) as Table<string>;
    return { ...base, matched: Object.keys(read.columns).length, read, missing: null };
  } catch (e) {
    if (!(e instanceof MissingColumnsError)) throw e;
    const matched = Object.keys(findColumns(headers, schema, options.map)).length;
    return { ...base, matched, read: null, missing: e };
  }
}

/** Most columns first, then the better name, then the tables' order. */
function better(a: Fit, b: Fit): number {
  return (
    b.matched - a.matched ||
    b.nameScore - a.nameScore ||
    TABLE_NAMES.indexOf(a.table) - TABLE_NAMES.indexOf(b.table)
  );
}

/** The fewest required columns missing first, then as `better`: the table a file is closest to being. */
function nearer(a: Fit, b: Fit): number {
  const missing = (f: Fit) => (f.matched < 2 ? Number.POSITIVE_INFINITY : (f.missing?.missing.length ?? 0));
  return missing(a) - missing(b) || better(a, b);
}

/** Why a file is no table: what it lacks to be the table it is closest to. */
function notTableReason(fits: readonly Fit[]): string {
  const best = [...fits].sort(nearer)[0];
  if (!best || best.headers.every((h) => h === '')) return 'is empty';
  if (best.matched < 2) return 'has no header row: none of its first 20 rows names two columns of a table';
  const lacks = (best.missing?.missing ?? []).map((m) => `'${m.name}'`).join(' and ');
  return `is not a table: as ${best.table} it lacks ${lacks}`;
}

/**
 * Decides which file is which table by its header row (SPEC §6): a file is
 * a table when it has that table's required columns; fitting several, the
 * table whose fields match most of its columns wins (a HubSpot export with
 * `Deal Stage` and `Deal probability` is Deals, not Stages); the file name
 * breaks ties. Two files for one table end the run, naming both.
 */
export function findTables(files: readonly CsvFile[], map: ColumnMap): Workbook {
  const tables: Partial<Record<TableName, FoundTable>> = {};
  const others: OtherFile[] = [];
  for (const file of files) {
    const fits = TABLE_NAMES.map((t) => fitOf(file, t, map));
    const best = fits.filter((f) => f.read).sort(better)[0];
    if (!best?.read) {
      others.push({ file, reason: notTableReason(fits), fits });
      continue;
    }
    const already = tables[best.table];
    if (already)
      throw new InputError(
        `two files for ${best.table}: '${already.file.path}' and '${file.path}'; pass only the one to read`,
      );
    tables[best.table] = { file, table: best.read, fits };
  }
  return { files, tables, others };
}

/** Reads every CSV the paths name and decides which is which table. */
export function readWorkbookFiles(paths: readonly string[], map: ColumnMap): Workbook {
  return findTables(csvPaths(paths).map(readCsvFile), map);
}

/**
 * The file that comes closest to being `table`, for messages and the map:
 * among the files that are no table, one that fits it at least as well as
 * any other table, and among those read as another table, one whose
 * headers name more of this one's fields (an Odoo export with Stage and
 * Probability but no Amount fits only Stages, yet it is the deals).
 */
export function closestFile(workbook: Workbook, table: TableName): { file: CsvFile; fit: Fit } | null {
  const candidates: { file: CsvFile; fit: Fit; floor: number }[] = [];
  for (const other of workbook.others) {
    // A file that is no table counts for the table it fits at least as well as any other.
    const floor = Math.max(...other.fits.filter((f) => f.table !== table).map((f) => f.matched));
    candidates.push({ file: other.file, fit: fitIn(other.fits, table), floor });
  }
  for (const [t, found] of Object.entries(workbook.tables) as [TableName, FoundTable][]) {
    if (t === table) continue;
    candidates.push({
      file: found.file,
      fit: fitIn(found.fits, table),
      floor: fitIn(found.fits, t).matched + 1,
    });
  }
  let best: { file: CsvFile; fit: Fit } | null = null;
  for (const { file, fit, floor } of candidates) {
    const counts = fit.matched >= floor && (fit.matched > 0 || fit.nameScore > 0);
    if (counts && (!best || better(fit, best.fit) < 0)) best = { file, fit };
  }
  return best;
}

function fitIn(fits: readonly Fit[], table: TableName): Fit {
  return fits.find((f) => f.table === table) as Fit;
}

/**
 * Every header the map names must be in the file read for its table (or the
 * closest to it): a header not found is an error naming it and the headers there.
 */
export function checkMappedHeaders(workbook: Workbook, map: ColumnMap): void {
  for (const [table, fields] of Object.entries(map) as [TableName, Record<string, string>][]) {
    const found = workbook.tables[table];
    const closest = found ? null : closestFile(workbook, table);
    const path = found?.file.path ?? closest?.file.path;
    const headers = found?.table.headers ?? closest?.fit.headers;
    for (const [field, header] of Object.entries(fields)) {
      const option = mapOption(table, field, header);
      if (!path || !headers) {
        const names = workbook.files.map((f) => f.path).join(', ');
        throw new InputError(`${option}: no file is a ${table} table (files read: ${names})`);
      }
      if (headers.some((h) => normalizeHeader(h) === normalizeHeader(header))) continue;
      const shown = headers.filter((h) => h !== '').join(', ');
      throw new InputError(`${option}: there is no column '${header}' in ${path} (its headers: ${shown})`);
    }
  }
}
