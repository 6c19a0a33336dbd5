import type { Cell } from '../engine/cells';
import { cellText, isBlankCell } from '../engine/cells';
import { DEALS, HISTORY, STAGES, TASKS, type TableSchema } from '../engine/schema';
import { findColumns, headersLanguage, type Language } from '../engine/table';
import { parseProbability } from '../engine/values';
import { defaultStages, outcomeWord } from './default-pipeline';
import { DocumentStore } from './document-store';
import { recordAdoptedDeals } from './history-baseline';
import { IdSequence } from './ids';
import { readSettings, resolveLanguage } from './settings';
import { sheetNameFor } from './sheet-names';
import { columnLetter, findSheet, writeColumnRuns } from './sheets-io';
import { ensureEditTrigger } from './triggers';
import { uiText } from './ui-text';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type TableKey = 'Stages' | 'Deals' | 'Stage history' | 'Tasks';

const SCHEMAS: Record<TableKey, TableSchema<string>> = {
  Stages: STAGES,
  Deals: DEALS,
  'Stage history': HISTORY,
  Tasks: TASKS,
};

/**
 * Number formats for the columns setup creates, by the spreadsheet's locale:
 * Korean sheets show `2023. 11. 5` and ₩, US sheets `11/5/2023` and $, any
 * other locale ISO dates and plain thousands. A user's own columns keep theirs.
 */
export function numberFormats(locale: string): Partial<Record<TableKey, Record<string, string>>> {
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

export const DEAL_ID_KEY = 'sheetsPipeline.lastDealNumber';
const HEALTH_COLOR = '#fce8e6';

export interface SetupSummary {
  created: string[];
  columnsAdded: string[];
  dealIdsFilled: number;
  /** Adopted deals that got a first Stage history row. */
  historyStarted: number;
}

/**
 * Creates the four sheets, or adopts existing ones by their headers and adds
 * only the missing columns at the end. Never reorders, rewrites or deletes a
 * user's cells; a second run finds nothing to do.
 */
export function setupWorkbook(ss: Spreadsheet, language: Language, store: DocumentStore): SetupSummary {
  const summary: SetupSummary = { created: [], columnsAdded: [], dealIdsFilled: 0, historyStarted: 0 };
  const sheets = {} as Record<TableKey, { sheet: Sheet; columns: Record<string, number> }>;
  const formats = numberFormats(ss.getSpreadsheetLocale());
  for (const table of ['Stages', 'Deals', 'Stage history', 'Tasks'] as const) {
    sheets[table] = ensureTable(ss, table, language, formats[table] ?? {}, summary);
  }
  const deals = sheets.Deals;
  const stages = sheets.Stages;
  addStageDropDown(deals.sheet, deals.columns.stage as number, stages.sheet, stages.columns.stage as number);
  const tasks = sheets.Tasks;
  for (const field of ['done', 'required']) addCheckboxes(tasks.sheet, tasks.columns[field] as number);
  addHealthHighlight(deals.sheet, deals.columns.health as number);
  summary.dealIdsFilled = fillDealIds(deals.sheet, deals.columns, store);
  const history = sheets['Stage history'].sheet;
  summary.historyStarted = recordAdoptedDeals(
    ss,
    { stages: stages.sheet, deals: deals.sheet, history },
    language,
    new Date(),
  );
  return summary;
}

function ensureTable(
  ss: Spreadsheet,
  table: TableKey,
  language: Language,
  formats: Record<string, string>,
  summary: SetupSummary,
): { sheet: Sheet; columns: Record<string, number> } {
  const schema = SCHEMAS[table];
  const fields = Object.keys(schema.columns);
  let sheet = findSheet(ss, table);
  if (!sheet) {
    sheet = ss.insertSheet(sheetNameFor(table, language));
    summary.created.push(sheet.getName());
  }
  const lastColumn = sheet.getLastColumn();
  const headers =
    lastColumn === 0
      ? []
      : (sheet
          .getRange(1, 1, 1, lastColumn)
          .getValues()[0]
          ?.map((h) => cellText(h as Cell).trim()) ?? []);
  const sheetLanguage = headersLanguage(headers) ?? language;
  const found = findColumns(headers, schema) as Record<string, number>;
  const missing = fields.filter((f) => found[f] === undefined);
  const isNew = headers.length === 0;
  if (missing.length > 0) {
    const start = headers.length;
    const needed = start + missing.length - sheet.getMaxColumns();
    if (needed > 0) sheet.insertColumnsAfter(sheet.getMaxColumns(), needed);
    const header = missing.map((f) => schema.columns[f]?.[sheetLanguage] ?? f);
    sheet.getRange(1, start + 1, 1, missing.length).setValues([header]);
    missing.forEach((f, i) => {
      found[f] = start + i;
    });
    if (!isNew) summary.columnsAdded.push(`${sheet.getName()}: ${header.join(', ')}`);
    formatColumns(sheet, formats, missing, found);
    if (isNew) sheet.getRange(1, 1, 1, missing.length).setFontWeight('bold');
  }
  if (sheet.getFrozenRows() === 0) sheet.setFrozenRows(1);
  if (table === 'Stages') {
    if (isNew) prefillStages(sheet, found, sheetLanguage);
    else if (missing.includes('outcome')) fillOutcomes(sheet, found, sheetLanguage);
  }
  return { sheet, columns: found };
}

function formatColumns(
  sheet: Sheet,
  formats: Record<string, string>,
  added: readonly string[],
  columns: Record<string, number>,
): void {
  const rows = sheet.getMaxRows() - 1;
  if (rows <= 0) return;
  for (const field of added) {
    const format = formats[field];
    if (format) sheet.getRange(2, (columns[field] as number) + 1, rows, 1).setNumberFormat(format);
  }
}

/** A new Stages sheet starts with the buyer-centric pipeline, in the sheet's language. */
function prefillStages(sheet: Sheet, columns: Record<string, number>, language: Language): void {
  const order = [
    'stage',
    'probability',
    'staleAfter',
    'outcome',
    'exitCriteria',
    'entryTasks',
    'requiredFields',
  ];
  const width = Math.max(...order.map((f) => columns[f] as number)) + 1;
  const rows = defaultStages(language).map((values) => {
    const row: Cell[] = new Array(width).fill('');
    order.forEach((field, i) => {
      row[columns[field] as number] = values[i] as Cell;
    });
    return row;
  });
  sheet.getRange(2, 1, rows.length, width).setValues(rows);
}

/**
 * An Outcome column added to an existing Stages sheet is filled by the rule
 * that held without it (100% won, 0% lost), so no stage changes meaning.
 */
function fillOutcomes(sheet: Sheet, columns: Record<string, number>, language: Language): void {
  const last = sheet.getLastRow();
  if (last < 2) return;
  const probabilities = sheet.getRange(2, (columns.probability as number) + 1, last - 1, 1).getValues();
  const outcomes = probabilities.map(([cell]) => {
    const p = parseProbability(cell as Cell);
    if (!p.ok) return [''];
    return [
      p.value === 1 ? outcomeWord('won', language) : p.value === 0 ? outcomeWord('lost', language) : '',
    ];
  });
  sheet.getRange(2, (columns.outcome as number) + 1, outcomes.length, 1).setValues(outcomes);
}

/** The Stage column offers the stage names as a drop-down; unknown names warn, not block. */
function addStageDropDown(deals: Sheet, stageColumn: number, stages: Sheet, stagesColumn: number): void {
  const rows = deals.getMaxRows() - 1;
  if (rows <= 0) return;
  const target = deals.getRange(2, stageColumn + 1, rows, 1);
  if (deals.getRange(2, stageColumn + 1).getDataValidation()) return;
  const letter = columnLetter(stagesColumn + 1);
  const source = stages.getRange(`${letter}2:${letter}`);
  const rule = SpreadsheetApp.newDataValidation()
    .requireValueInRange(source, true)
    .setAllowInvalid(true)
    .build();
  target.setDataValidation(rule);
}

function addCheckboxes(sheet: Sheet, column: number): void {
  const rows = sheet.getMaxRows() - 1;
  if (rows <= 0 || sheet.getRange(2, column + 1).getDataValidation()) return;
  sheet
    .getRange(2, column + 1, rows, 1)
    .setDataValidation(SpreadsheetApp.newDataValidation().requireCheckbox().build());
}

/**
 * Flagged deals are highlighted by a conditional-format rule keyed on Health,
 * so the daily check writes one column and never a user's formatting.
 */
export function healthFormula(healthColumn: number): string {
  return `=LEN($${columnLetter(healthColumn + 1)}2)>0`;
}

function addHealthHighlight(deals: Sheet, healthColumn: number): void {
  const formula = healthFormula(healthColumn);
  const rules = deals.getConditionalFormatRules();
  const exists = rules.some((r) => r.getBooleanCondition()?.getCriteriaValues()[0] === formula);
  if (exists) return;
  const lastColumn = Math.max(deals.getLastColumn(), healthColumn + 1);
  const range = deals.getRange(2, 1, Math.max(1, deals.getMaxRows() - 1), lastColumn);
  const rule = SpreadsheetApp.newConditionalFormatRule()
    .whenFormulaSatisfied(formula)
    .setBackground(HEALTH_COLOR)
    .setRanges([range])
    .build();
  deals.setConditionalFormatRules([...rules, rule]);
}

/**
 * Deals with data but no Deal ID get one; ids are never reused.
 *
 * Fix: cells holding a formula are not "data" — a commission formula filled
 * down past the last deal made empty rows look like deals and get ids — and an
 * id cell with a formula (even one showing blank) is the team's, never
 * overwritten. The ids are written run by run (writeColumnRuns) so the cells
 * between two blank ids, e.g. an id made by a formula, are not rewritten as
 * plain values.
 */
function fillDealIds(deals: Sheet, columns: Record<string, number>, store: DocumentStore): number {
  const last = deals.getLastRow();
  if (last < 2) return 0;
  const width = deals.getLastColumn();
  const range = deals.getRange(2, 1, last - 1, width);
  const values = range.getValues() as Cell[][];
  const formulas = range.getFormulas();
  const idColumn = columns.id as number;
  const current = values.map((row) => row[idColumn] ?? '');
  const ids = new IdSequence('D-', DEAL_ID_KEY, current, store);
  const next = values.map((row, i) => {
    const typed = (c: number) => (formulas[i]?.[c] ?? '') === '';
    const hasData = row.some(
      (cell, c) => c !== idColumn && c !== columns.health && typed(c) && !isBlankCell(cell),
    );
    return isBlankCell(current[i] ?? '') && typed(idColumn) && hasData ? ids.take() : (current[i] ?? '');
  });
  const filled = writeColumnRuns(deals, idColumn + 1, 2, current, next);
  if (filled > 0) ids.remember();
  return filled;
}

/** Menu: Set up pipeline sheets. */
export function setupPipeline(): void {
  const ss = SpreadsheetApp.getActive();
  const store = new DocumentStore();
  const language = resolveLanguage(readSettings(store), ss);
  const summary = setupWorkbook(ss, language, store);
  ensureEditTrigger(ss);
  store.save();
  const t = uiText(language);
  ss.toast(t.setupDone(t.setupSummary(summary)), t.title, 8);
}
