import type { Cell } from '../../engine/cells';
import { isBlankCell } from '../../engine/cells';
import { isTotalsRow } from '../../engine/totals';
import { dealIds } from '../sheets/ids';
import { columnLetter, writeColumnCells } from '../sheets/sheets-io';
import type { DocumentStore } from '../storage/document-store';
import type { PreparedTable } from './tables';

/** The Stage column offers the stage names as a drop-down; unknown names warn, not block. */
export function addStageDropDown(deals: PreparedTable, stages: PreparedTable): void {
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

export function addCheckboxes(table: PreparedTable, column: number): void {
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
export function fillDealIds(deals: PreparedTable, healthColumn: number, store: DocumentStore): number {
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
