import type { Cell } from '../../engine/cells';
import { cellText } from '../../engine/cells';
import { HISTORY, SCHEMAS, type TableSchema } from '../../engine/schema';
import { findColumns, findHeaderRow, headersLanguage, type Language } from '../../engine/table';
import { parseProbability } from '../../engine/values';
import type { SetupSummary } from '../i18n/ui-text';
import type { Ownership } from '../sheets/ownership';
import { sheetNameFor } from '../sheets/sheet-names';
import { readGrid, setBlock } from '../sheets/sheets-io';
import { fitsLog, freeSheetName, isLog, type PipelineTable, sheetByName } from '../sheets/workbook';
import { defaultStages, outcomeWord } from './default-pipeline';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/**
 * The columns setup adds when a sheet lacks them. Deals gets only what the
 * add-on itself fills or needs; its Health column is claimed separately, and
 * optional columns (a deal's own probability, status, currency…) are the team's choice.
 */
const SETUP_COLUMNS: { [T in PipelineTable]: readonly (keyof (typeof SCHEMAS)[T]['columns'])[] } = {
  Stages: [
    'stage',
    'probability',
    'staleAfter',
    'outcome',
    'exitCriteria',
    'entryTasks',
    'requiredFields',
    'entryEmail',
  ],
  Deals: ['dealId', 'deal', 'company', 'owner', 'amount', 'stage', 'stageEntered', 'expectedClose'],
  'Stage history': Object.keys(HISTORY.columns) as (keyof typeof HISTORY.columns)[],
  Tasks: [
    'taskId',
    'dealId',
    'task',
    'due',
    'owner',
    'done',
    'required',
    'stage',
    'source',
    'key',
    'created',
    'closed',
  ],
};

/**
 * Number formats for the columns setup creates, by the spreadsheet's locale:
 * Korean sheets show `2023. 11. 5` and ₩, US sheets `11/5/2023` and $, any
 * other locale ISO dates and plain thousands. A user's own columns keep theirs.
 */
export function numberFormats(locale: string): Partial<Record<PipelineTable, Record<string, string>>> {
  const [date, dateTime, money] = /^ko/i.test(locale)
    ? ['yyyy. m. d', 'yyyy. m. d hh:mm', '₩#,##0']
    : /^en_US$/i.test(locale)
      ? ['m/d/yyyy', 'm/d/yyyy h:mm', '$#,##0']
      : ['yyyy-mm-dd', 'yyyy-mm-dd hh:mm', '#,##0'];
  return {
    Stages: { probability: '0%' },
    Deals: { amount: money, stageEntered: date, expectedClose: date },
    'Stage history': { when: dateTime },
    Tasks: { due: date, created: dateTime },
  };
}

/** A table's sheet as setup left it: where its header row is and where each field's column is. */
export interface PreparedTable {
  readonly sheet: Sheet;
  /** Sheet row of the header row (1 unless title rows stand above it). */
  readonly headerRow: number;
  readonly columns: Record<string, number>;
  /** The sheet as read before setup touched it. */
  readonly grid: Cell[][];
  /** The language of its headers (the spreadsheet's for a new sheet). */
  readonly language: Language;
}

/** Finds (or makes) a table's sheet and gives it the columns setup adds. */
export function prepareTable(
  ss: Spreadsheet,
  table: PipelineTable,
  own: Ownership,
  language: Language,
  formats: Record<string, string>,
  summary: SetupSummary,
  map: Readonly<Partial<Record<string, string>>>,
  /** The rows a new Stages sheet starts with, in SETUP_COLUMNS.Stages order; default the buyer-centric pipeline. */
  stageRows?: readonly (readonly Cell[])[],
): PreparedTable {
  const schema: TableSchema<string> = SCHEMAS[table];
  const { sheet, grid } = findOrCreateSheet(ss, table, own, language, summary);
  const headerIndex = grid.length === 0 ? 0 : findHeaderRow(grid, schema, map);
  const headerRow = headerIndex + 1;
  const headers = (grid[headerIndex] ?? []).map((h) => cellText(h).trim());
  const sheetLanguage = headersLanguage(headers) ?? language;
  const found = findColumns(headers, schema, map) as Record<string, number>;
  const missing = SETUP_COLUMNS[table].filter((f) => found[f] === undefined);
  const isNew = grid.length === 0;
  if (missing.length > 0) {
    // After the last column with anything in it, in any row: never over a team's cells.
    const start = Math.max(grid[0]?.length ?? 0, sheet.getLastColumn());
    const needed = start + missing.length - sheet.getMaxColumns();
    if (needed > 0) sheet.insertColumnsAfter(sheet.getMaxColumns(), needed);
    const header = missing.map((f) => schema.columns[f]?.[sheetLanguage] ?? f);
    setBlock(sheet.getRange(headerRow, start + 1, 1, missing.length), [header]);
    missing.forEach((f, i) => {
      found[f] = start + i;
    });
    if (!isNew) summary.columnsAdded.push(`${sheet.getName()}: ${header.join(', ')}`);
    formatColumns(sheet, headerRow, formats, missing, found);
    if (isNew) sheet.getRange(headerRow, 1, 1, missing.length).setFontWeight('bold');
  }
  if (sheet.getFrozenRows() === 0) sheet.setFrozenRows(headerRow);
  if (table === 'Stages') {
    if (isNew) prefillStages(sheet, found, stageRows ?? defaultStages(sheetLanguage));
    else if (missing.includes('outcome')) fillOutcomes(sheet, grid, headerIndex, found, sheetLanguage);
  }
  return { sheet, headerRow, columns: found, grid, language: sheetLanguage };
}

/**
 * The sheet the add-on tagged for this table; else the sheet of that name
 * (a log only when it is empty or its headers fit, and then tagged as
 * adopted); else a new sheet, tagged, under a name no sheet has yet.
 */
function findOrCreateSheet(
  ss: Spreadsheet,
  table: PipelineTable,
  own: Ownership,
  language: Language,
  summary: SetupSummary,
): { sheet: Sheet; grid: Cell[][] } {
  const tagged = own.taggedSheet(table);
  if (tagged) return { sheet: tagged, grid: readGrid(tagged) };
  const named = sheetByName(ss, table);
  if (named) {
    const grid = readGrid(named);
    if (!isLog(table)) return { sheet: named, grid };
    if (fitsLog(grid, SCHEMAS[table])) {
      own.tagSheet(named, table);
      return { sheet: named, grid };
    }
  }
  const sheet = ss.insertSheet(freeSheetName(ss, sheetNameFor(table, language)));
  own.tagSheet(sheet, table);
  summary.created.push(sheet.getName());
  return { sheet, grid: [] };
}

function formatColumns(
  sheet: Sheet,
  headerRow: number,
  formats: Record<string, string>,
  added: readonly string[],
  columns: Record<string, number>,
): void {
  const rows = sheet.getMaxRows() - headerRow;
  if (rows <= 0) return;
  for (const field of added) {
    const format = formats[field];
    if (format)
      sheet.getRange(headerRow + 1, (columns[field] as number) + 1, rows, 1).setNumberFormat(format);
  }
}

/** A new Stages sheet starts with the buyer-centric pipeline (or the stages proposed from a team's deals). */
function prefillStages(
  sheet: Sheet,
  columns: Record<string, number>,
  stageRows: readonly (readonly Cell[])[],
): void {
  if (stageRows.length === 0) return;
  const order = SETUP_COLUMNS.Stages;
  const width = Math.max(...order.map((f) => columns[f] as number)) + 1;
  const rows = stageRows.map((values) => {
    const row: Cell[] = new Array(width).fill('');
    order.forEach((field, i) => {
      row[columns[field] as number] = values[i] as Cell;
    });
    return row;
  });
  setBlock(sheet.getRange(2, 1, rows.length, width), rows);
}

/**
 * An Outcome column added to an existing Stages sheet is filled by the rule
 * that held without it (100% won, 0% lost), so no stage changes meaning.
 */
function fillOutcomes(
  sheet: Sheet,
  grid: Cell[][],
  headerIndex: number,
  columns: Record<string, number>,
  language: Language,
): void {
  const rows = grid.slice(headerIndex + 1);
  if (rows.length === 0) return;
  const outcomes = rows.map((row) => {
    const p = parseProbability(row[columns.probability as number] ?? '');
    if (!p.ok) return [''];
    return [
      p.value === 1 ? outcomeWord('won', language) : p.value === 0 ? outcomeWord('lost', language) : '',
    ];
  });
  setBlock(sheet.getRange(headerIndex + 2, (columns.outcome as number) + 1, outcomes.length, 1), outcomes);
}
