import type { PreviewWorkbook } from './workbook';
import { sheetTabs } from './workbook';

/**
 * The sheets as a person would see them: getDisplayValues of the used area
 * (dates as the locale writes them, `₩48,000,000`), checkboxes as ☑/☐.
 * These reads go through the stand-in like any script's, so they show up in
 * its call counter; nothing in the preview asserts on that counter.
 */
export interface SheetView {
  name: string;
  rows: string[][];
}

export interface WorkbookView {
  language: string;
  /** The sheet whose rows select a deal. */
  dealsSheet: string;
  sheets: SheetView[];
  selection: { sheet: string; row: number };
}

export function viewOf(workbook: PreviewWorkbook): WorkbookView {
  const ss = workbook.standIn.spreadsheet;
  const sheets: SheetView[] = [];
  for (const name of sheetTabs(workbook)) {
    const sheet = ss.getSheetByName(name);
    if (!sheet) continue;
    const range = sheet.getDataRange();
    const values = range.getValues();
    const display = range.getDisplayValues();
    const rows = values.map((row, r) =>
      row.map((value, c) => (typeof value === 'boolean' ? (value ? '☑' : '☐') : (display[r]?.[c] ?? ''))),
    );
    sheets.push({ name: sheet.getName(), rows });
  }
  const active = ss.getActiveSheet();
  const range = active.getActiveRange();
  return {
    language: workbook.language,
    dealsSheet: workbook.dealsSheet,
    sheets,
    selection: { sheet: active.getName(), row: range ? range.getRow() : 0 },
  };
}
