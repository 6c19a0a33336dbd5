import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import type { Cell } from '../engine/cells';
import type { TableName } from '../engine/problems';

/** The names a table's CSV may have, after `<spreadsheet> - ` and `.csv` are taken off. */
const FILE_NAMES: Record<TableName, readonly string[]> = {
  Deals: ['deals', '딜', '딜 목록'],
  Stages: ['stages', '단계'],
  'Stage history': ['stage history', 'history', '단계 이력', '단계 변경 이력'],
  Tasks: ['tasks', '할일'],
};

export class InputError extends Error {}

/** `영업 파이프라인 - Stage history.csv` and `stage-history.csv` both name Stage history. */
function tableOfFile(file: string): TableName | null {
  if (!/\.csv$/i.test(file)) return null;
  const base = file.replace(/\.csv$/i, '');
  const sheet = base.includes(' - ') ? base.slice(base.lastIndexOf(' - ') + 3) : base;
  const name = sheet
    .normalize('NFC')
    .toLowerCase()
    .replace(/[-_\s]+/g, ' ')
    .trim();
  for (const [table, names] of Object.entries(FILE_NAMES) as [TableName, readonly string[]][]) {
    if (names.includes(name)) return table;
  }
  return null;
}

/** Finds each table's CSV in `folder`. Missing required files end the run. */
export function findTableFiles(folder: string): Record<TableName, string | null> {
  let entries: string[];
  try {
    if (!statSync(folder).isDirectory()) throw new InputError(`${folder} is not a folder`);
    entries = readdirSync(folder).sort();
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(`cannot read folder ${folder}`);
  }
  const found: Record<TableName, string | null> = {
    Deals: null,
    Stages: null,
    'Stage history': null,
    Tasks: null,
  };
  for (const file of entries) {
    const table = tableOfFile(file);
    if (!table) continue;
    const already = found[table];
    if (already) throw new InputError(`two files for ${table} in ${folder}: '${already}' and '${file}'`);
    found[table] = file;
  }
  const missing = (['Stages', 'Deals', 'Stage history'] as const).filter((t) => !found[t]);
  if (missing.length > 0) {
    const names = missing.map((t) => `${t}.csv`).join(', ');
    throw new InputError(
      `missing ${names} in ${folder} (also accepted: "<spreadsheet> - ${missing[0]}.csv")`,
    );
  }
  return found;
}

/**
 * Reads a CSV as Sheets exported it into a grid of text cells. Blank lines are
 * kept, so row numbers match the sheet's.
 */
export function readCsvGrid(path: string): Cell[][] {
  const text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  // Sheets always writes commas; letting Papa guess picks '|' from task keys.
  const parsed = Papa.parse<string[]>(text, { header: false, skipEmptyLines: false, delimiter: ',' });
  const rows = parsed.data;
  // A final newline makes one empty trailing row; it is not a sheet row.
  if (rows.length > 0 && rows[rows.length - 1]?.length === 1 && rows[rows.length - 1]?.[0] === '') rows.pop();
  return rows;
}

export function readWorkbook(folder: string): {
  stages: Cell[][];
  deals: Cell[][];
  history: Cell[][];
  tasks: Cell[][] | null;
} {
  const files = findTableFiles(folder);
  const read = (t: TableName) => {
    const file = files[t];
    return file ? readCsvGrid(join(folder, file)) : null;
  };
  return {
    stages: read('Stages') as Cell[][],
    deals: read('Deals') as Cell[][],
    history: read('Stage history') as Cell[][],
    tasks: read('Tasks'),
  };
}
