import { columnLetter } from './sheets-io';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const HEALTH_COLOR = '#fce8e6';

/** `=LEN($K2)>0`: the rule's formula, relative to the first data row under the header. */
export function healthFormula(healthColumn: number, firstDataRow: number): string {
  return `=LEN($${columnLetter(healthColumn + 1)}${firstDataRow})>0`;
}

/**
 * Flagged deals are highlighted by a conditional-format rule keyed on Health,
 * so the daily check writes one column and never a user's formatting. Added
 * once; the rows at and above the header row are never in its range.
 */
export function addHealthHighlight(deals: Sheet, healthColumn: number, headerRow: number): void {
  const firstDataRow = headerRow + 1;
  const formula = healthFormula(healthColumn, firstDataRow);
  const rules = deals.getConditionalFormatRules();
  const exists = rules.some((r) => r.getBooleanCondition()?.getCriteriaValues()[0] === formula);
  if (exists) return;
  const lastColumn = Math.max(deals.getLastColumn(), healthColumn + 1);
  const range = deals.getRange(firstDataRow, 1, Math.max(1, deals.getMaxRows() - headerRow), lastColumn);
  const rule = SpreadsheetApp.newConditionalFormatRule()
    .whenFormulaSatisfied(formula)
    .setBackground(HEALTH_COLOR)
    .setRanges([range])
    .build();
  deals.setConditionalFormatRules([...rules, rule]);
}
