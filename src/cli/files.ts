import { basename } from 'node:path';
import type { Cell } from '../engine/cells';
import type { TableName } from '../engine/problems';
import { TABLE_NAMES } from './column-map';
import { readCsvFile } from './csv';
import { InputError } from './errors';
import { noDealsError } from './missing';
import { readWorkbookFiles, sheetTable } from './workbook';

export { InputError };

/**
 * Each table's CSV in `folder` (its file name), for the preview and the test
 * workbooks, which load a folder as sheets: the file read as the table by its
 * headers, as the CLI decides it, else a file that is no table but is named
 * as it (`deals.csv` with a column still missing is still the Deals sheet);
 * `null` when there is neither. No Deals at all ends the run.
 */
export function findTableFiles(folder: string): Record<TableName, string | null> {
  const workbook = readWorkbookFiles([folder], {});
  const found: Record<TableName, string | null> = {
    Deals: null,
    Stages: null,
    'Stage history': null,
    Tasks: null,
  };
  for (const t of TABLE_NAMES) {
    const file = workbook.tables[t]?.file ?? workbook.others.find((o) => sheetTable(o.file.path) === t)?.file;
    found[t] = file ? basename(file.path) : null;
  }
  if (!found.Deals) throw noDealsError(workbook, {});
  return found;
}

/**
 * Reads a CSV as Sheets exported it into a grid of text cells, whatever its
 * encoding and separator. Blank lines are kept, so row numbers match the sheet's.
 */
export function readCsvGrid(path: string): Cell[][] {
  return readCsvFile(path).grid;
}
