import { type Cell, copyCell } from './cells';
import { type ChartDescription, describeChart } from './charts';
import { type ConditionalRuleDescription, describeConditionalRule } from './conditional-format';
import type { CellRecord } from './grid';
import type { SheetModel } from './model';
import { describeRule, type RuleDescription } from './validation';

/**
 * A deep copy of everything on a sheet, over its full size, for byte-for-byte
 * comparisons ("the daily check wrote one column and nothing else").
 */
export interface SheetSnapshot {
  name: string;
  maxRows: number;
  maxColumns: number;
  frozenRows: number;
  frozenColumns: number;
  hidden: boolean;
  values: Cell[][];
  formulas: string[][];
  numberFormats: string[][];
  backgrounds: string[][];
  fontWeights: string[][];
  fontColors: string[][];
  notes: string[][];
  validations: (RuleDescription | null)[][];
  conditionalFormats: ConditionalRuleDescription[];
  charts: ChartDescription[];
}

function grid<T>(sheet: SheetModel, pick: (cell: Readonly<CellRecord>) => T): T[][] {
  const out: T[][] = [];
  for (let r = 1; r <= sheet.grid.maxRows; r++) {
    const row: T[] = [];
    for (let c = 1; c <= sheet.grid.maxColumns; c++) row.push(pick(sheet.grid.get(r, c)));
    out.push(row);
  }
  return out;
}

export function snapshotSheet(sheet: SheetModel): SheetSnapshot {
  return {
    name: sheet.name,
    maxRows: sheet.grid.maxRows,
    maxColumns: sheet.grid.maxColumns,
    frozenRows: sheet.frozenRows,
    frozenColumns: sheet.frozenColumns,
    hidden: sheet.hidden,
    values: grid(sheet, (c) => copyCell(c.value)),
    formulas: grid(sheet, (c) => c.formula),
    numberFormats: grid(sheet, (c) => c.numberFormat),
    backgrounds: grid(sheet, (c) => c.background),
    fontWeights: grid(sheet, (c) => c.fontWeight),
    fontColors: grid(sheet, (c) => c.fontColor),
    notes: grid(sheet, (c) => c.note),
    validations: grid(sheet, (c) => (c.validation ? describeRule(c.validation) : null)),
    conditionalFormats: sheet.conditionalRules.map(describeConditionalRule),
    charts: sheet.charts.map(describeChart),
  };
}

/** The values of the used area only (1..lastRow × 1..lastColumn): what a person sees as "the table". */
export function usedValues(sheet: SheetModel): Cell[][] {
  const rows = sheet.grid.lastRow();
  const columns = sheet.grid.lastColumn();
  const out: Cell[][] = [];
  for (let r = 1; r <= rows; r++) {
    const row: Cell[] = [];
    for (let c = 1; c <= columns; c++) row.push(copyCell(sheet.grid.get(r, c).value));
    out.push(row);
  }
  return out;
}
