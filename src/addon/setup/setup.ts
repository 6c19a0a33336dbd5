import type { Cell } from '../../engine/cells';
import { cellText, isBlankCell } from '../../engine/cells';
import { DEALS, HISTORY, SCHEMAS, type TableSchema } from '../../engine/schema';
import { findColumns, findHeaderRow, headersLanguage, type Language } from '../../engine/table';
import { isTotalsRow } from '../../engine/totals';
import { parseProbability } from '../../engine/values';
import { type SetupSummary, uiText } from '../i18n/ui-text';
import { recordAdoptedDeals } from '../pipeline/history-baseline';
import { ensureEditTrigger } from '../schedule/triggers';
import { claimHealthColumn, findHealthColumn } from '../sheets/health-column';
import { dealIds } from '../sheets/ids';
import { Ownership } from '../sheets/ownership';
import { sheetNameFor } from '../sheets/sheet-names';
import { columnLetter, readGrid, setBlock, writeColumnCells } from '../sheets/sheets-io';
import { fitsLog, freeSheetName, isLog, type PipelineTable, sheetByName } from '../sheets/workbook';
import type { DocumentStore } from '../storage/document-store';
import { beginExecution, type Execution } from '../storage/execution';
import { defaultStages, outcomeWord } from './default-pipeline';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/**
 * The columns setup adds when a sheet lacks them. Deals gets only what the
 * add-on itself fills or needs; its Health column is claimed separately, and
 * optional columns (a deal's own probability, status, currency…) are the team's choice.
 */
const SETUP_COLUMNS: { [T in PipelineTable]: readonly (keyof (typeof SCHEMAS)[T]['columns'])[] } = {
  Stages: ['stage', 'probability', 'staleAfter', 'outcome', 'exitCriteria', 'entryTasks', 'requiredFields'],
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
interface PreparedTable {
  readonly sheet: Sheet;
  /** Sheet row of the header row (1 unless title rows stand above it). */
  readonly headerRow: number;
  readonly columns: Record<string, number>;
  /** The sheet as read before setup touched it. */
  readonly grid: Cell[][];
  /** The language of its headers (the spreadsheet's for a new sheet). */
  readonly language: Language;
}

/**
 * Creates the four sheets, or adopts existing ones by their headers and adds
 * only the missing columns after the last one. Never reorders, rewrites or
 * deletes a user's cells, and never writes above a sheet's header row; a
 * second run finds nothing to do.
 */
export function setupWorkbook(exec: Execution): SetupSummary {
  const { ss, language, store, columnMap } = exec;
  const summary: SetupSummary = { created: [], columnsAdded: [], dealIdsFilled: 0, historyStarted: 0 };
  const own = new Ownership(ss, store);
  const formats = numberFormats(ss.getSpreadsheetLocale());
  const tables = {} as Record<PipelineTable, PreparedTable>;
  for (const table of ['Stages', 'Deals', 'Stage history', 'Tasks'] as const) {
    tables[table] = prepareTable(
      ss,
      table,
      own,
      language,
      formats[table] ?? {},
      summary,
      columnMap[table] ?? {},
    );
  }
  const { Deals: deals, Stages: stages, Tasks: tasks } = tables;
  addStageDropDown(deals, stages);
  for (const field of ['done', 'required']) addCheckboxes(tasks, tasks.columns[field] as number);
  const dealHeaders = (deals.grid[deals.headerRow - 1] ?? []).map((h) => cellText(h).trim());
  const health = claimHealthColumn(
    deals.sheet,
    findHealthColumn(deals.sheet, deals.grid, own),
    {
      headerRow: deals.headerRow,
      lastColumn: deals.sheet.getLastColumn(),
      language: deals.language,
      headerAt: (c) => dealHeaders[c] ?? '',
    },
    own,
  );
  if (health.added && deals.grid.length > 0)
    summary.columnsAdded.push(`${deals.sheet.getName()}: ${DEALS.columns.health[deals.language]}`);
  else if (health.added) deals.sheet.getRange(deals.headerRow, health.column + 1).setFontWeight('bold');
  summary.dealIdsFilled = fillDealIds(deals, health.column, store);
  summary.historyStarted = recordAdoptedDeals(
    ss,
    { stages: stages.sheet, deals: deals.sheet, history: tables['Stage history'].sheet },
    language,
    new Date(),
    columnMap,
  );
  return summary;
}

/** Finds (or makes) a table's sheet and gives it the columns setup adds. */
function prepareTable(
  ss: Spreadsheet,
  table: PipelineTable,
  own: Ownership,
  language: Language,
  formats: Record<string, string>,
  summary: SetupSummary,
  map: Readonly<Partial<Record<string, string>>>,
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
    if (isNew) prefillStages(sheet, found, sheetLanguage);
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

/** A new Stages sheet starts with the buyer-centric pipeline, in the sheet's language. */
function prefillStages(sheet: Sheet, columns: Record<string, number>, language: Language): void {
  const order = SETUP_COLUMNS.Stages;
  const width = Math.max(...order.map((f) => columns[f] as number)) + 1;
  const rows = defaultStages(language).map((values) => {
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

/** The Stage column offers the stage names as a drop-down; unknown names warn, not block. */
function addStageDropDown(deals: PreparedTable, stages: PreparedTable): void {
  const stageColumn = deals.columns.stage as number;
  const rows = deals.sheet.getMaxRows() - deals.headerRow;
  if (rows <= 0) return;
  if (deals.sheet.getRange(deals.headerRow + 1, stageColumn + 1).getDataValidation()) return;
  const letter = columnLetter((stages.columns.stage as number) + 1);
  const source = stages.sheet.getRange(`${letter}${stages.headerRow + 1}:${letter}`);
  const rule = SpreadsheetApp.newDataValidation()
    .requireValueInRange(source, true)
    .setAllowInvalid(true)
    .build();
  deals.sheet.getRange(deals.headerRow + 1, stageColumn + 1, rows, 1).setDataValidation(rule);
}

function addCheckboxes(table: PreparedTable, column: number): void {
  const rows = table.sheet.getMaxRows() - table.headerRow;
  if (rows <= 0 || table.sheet.getRange(table.headerRow + 1, column + 1).getDataValidation()) return;
  table.sheet
    .getRange(table.headerRow + 1, column + 1, rows, 1)
    .setDataValidation(SpreadsheetApp.newDataValidation().requireCheckbox().build());
}

/**
 * Deals with data but no Deal ID get one; ids are never reused.
 *
 * Cells holding a formula are not "data" (a commission formula filled down
 * past the last deal must not make empty rows look like deals), an id cell
 * with a formula (even one showing blank) is the team's, a totals row (`합계`)
 * is not a deal, and the ids are written run by run so the cells between two
 * blank ids are never rewritten.
 */
function fillDealIds(deals: PreparedTable, healthColumn: number, store: DocumentStore): number {
  const { sheet, grid, headerRow } = deals;
  const rows = grid.slice(headerRow);
  if (rows.length === 0) return 0;
  const idColumn = deals.columns.dealId as number;
  const formulas = sheet
    .getRange(headerRow + 1, 1, rows.length, Math.max(1, grid[0]?.length ?? 1))
    .getFormulas();
  const current = rows.map((row) => row[idColumn] ?? '');
  const ids = dealIds(current, store);
  const fill = new Map<number, Cell>();
  rows.forEach((row, i) => {
    const typed = (c: number) => (formulas[i]?.[c] ?? '') === '';
    if (!isBlankCell(current[i] ?? '') || !typed(idColumn) || isTotalsRow(row)) return;
    const hasData = row.some(
      (cell, c) => c !== idColumn && c !== healthColumn && typed(c) && !isBlankCell(cell),
    );
    if (hasData) fill.set(headerRow + 1 + i, ids.take());
  });
  const filled = writeColumnCells(sheet, idColumn + 1, fill);
  if (filled > 0) ids.remember();
  return filled;
}

/** Menu: Set up pipeline sheets. */
export function setupPipeline(): void {
  const exec = beginExecution();
  const { ss, store, language } = exec;
  const t = uiText(language);
  // Setup appends to Stage history and fills Deal IDs: never while another run writes.
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(30_000)) {
    SpreadsheetApp.getUi().alert(t.title, t.busy, SpreadsheetApp.getUi().ButtonSet.OK);
    return;
  }
  try {
    const summary = setupWorkbook(exec);
    ensureEditTrigger(ss);
    store.save();
    ss.toast(t.setupDone(t.setupSummary(summary)), t.title, 8);
  } finally {
    lock.releaseLock();
  }
}
