import { columnLetter } from './sheets-io';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/**
 * What the add-on made, it tags with developer metadata: a tag on a whole
 * column moves with the column when a person inserts or deletes columns, and
 * a tag on a sheet survives renaming it. Ownership is never decided by header
 * text: a team's own `상태`, `Status` or `Health` column is theirs.
 */
const SHEET_KEY = 'sheetsPipeline.sheet';
const COLUMN_KEY = 'sheetsPipeline.column';

/** The sheets the add-on may own. */
export type OwnedSheetName =
  | 'Stages'
  | 'Deals'
  | 'Stage history'
  | 'Tasks'
  | 'Stage changes log'
  | 'Dashboard';

/** The columns the add-on may own, as `<table>.<field>`. */
export type OwnedColumnName = 'Deals.health' | 'Deals.id' | 'Deals.stageEntered';

/** Every sheet the add-on tagged, by what it is. One finder call and a few per tag. */
export function ownedSheets(ss: Spreadsheet): Map<OwnedSheetName, Sheet> {
  const owned = new Map<OwnedSheetName, Sheet>();
  for (const tag of ss.createDeveloperMetadataFinder().withKey(SHEET_KEY).find()) {
    const sheet = tag.getLocation().getSheet();
    const name = tag.getValue() as OwnedSheetName | null;
    if (sheet && name && !owned.has(name)) owned.set(name, sheet);
  }
  return owned;
}

export function tagSheet(sheet: Sheet, name: OwnedSheetName): void {
  sheet.addDeveloperMetadata(SHEET_KEY, name);
}

/** The 0-based position of a column the add-on tagged in `sheet`, or `null`. */
export function ownedColumn(sheet: Sheet, name: OwnedColumnName): number | null {
  const tags = sheet.createDeveloperMetadataFinder().withKey(COLUMN_KEY).withValue(name).find();
  for (const tag of tags) {
    const column = tag.getLocation().getColumn();
    if (column) return column.getColumn() - 1;
  }
  return null;
}

/** Tags the whole column at 0-based `column` as the add-on's. */
export function tagColumn(sheet: Sheet, column: number, name: OwnedColumnName): void {
  const letter = columnLetter(column + 1);
  sheet.getRange(`${letter}:${letter}`).addDeveloperMetadata(COLUMN_KEY, name);
}
