import type { DocumentStore } from '../storage/document-store';
import { columnLetter } from './sheets-io';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/**
 * What the add-on made, it tags with developer metadata: a tag on a whole
 * column moves with the column when a person inserts or deletes columns, and
 * a tag on a sheet survives renaming it. Ownership is never decided by header
 * text: a team's own `상태`, `Status` or `Health` column is theirs.
 *
 * Reading tags costs several calls, so where the tags pointed last time is
 * remembered in document properties (read anyway): the common case costs
 * nothing extra, and the tags are asked only when the remembered place no
 * longer holds what it should.
 */
const SHEET_KEY = 'sheetsPipeline.sheet';
const COLUMN_KEY = 'sheetsPipeline.column';
const PLACES_KEY = 'sheetsPipeline.ownedPlaces';

/** The sheets the add-on may own. */
export type OwnedSheetName =
  | 'Stages'
  | 'Deals'
  | 'Stage history'
  | 'Tasks'
  | 'Stage changes log'
  | 'Dashboard';

/** The columns the add-on may own, as `<table>.<field>`. */
export type OwnedColumnName = 'Deals.health';

/** Where the tags pointed when last read: sheet names, and column positions with their headers. */
interface Places {
  sheets: Partial<Record<OwnedSheetName, string>>;
  columns: Partial<Record<OwnedColumnName, { column: number; header: string }>>;
}

export class Ownership {
  private tagged: Map<OwnedSheetName, Sheet> | null = null;
  private readonly places: Places;

  constructor(
    private readonly ss: Spreadsheet,
    private readonly store: DocumentStore,
  ) {
    this.places = readPlaces(store);
  }

  /** The name the sheet had when last seen as `name` (no call), or `null`. */
  rememberedName(name: OwnedSheetName): string | null {
    return this.places.sheets[name] ?? null;
  }

  /** The sheet under the name it had when last seen as `name`, unverified (one call), or `null`. */
  remembered(name: OwnedSheetName): Sheet | null {
    const sheetName = this.places.sheets[name];
    return sheetName ? this.ss.getSheetByName(sheetName) : null;
  }

  /** The sheet tagged as `name`, by the tags themselves (read once per execution), or `null`. */
  taggedSheet(name: OwnedSheetName): Sheet | null {
    if (!this.tagged) {
      this.tagged = new Map();
      for (const tag of this.ss.createDeveloperMetadataFinder().withKey(SHEET_KEY).find()) {
        const sheet = tag.getLocation().getSheet();
        const value = tag.getValue() as OwnedSheetName | null;
        if (sheet && value && !this.tagged.has(value)) this.tagged.set(value, sheet);
      }
    }
    const sheet = this.tagged.get(name) ?? null;
    if (sheet) this.remember(name, sheet);
    return sheet;
  }

  tagSheet(sheet: Sheet, name: OwnedSheetName): void {
    sheet.addDeveloperMetadata(SHEET_KEY, name);
    this.tagged?.set(name, sheet);
    this.remember(name, sheet);
  }

  /** Remembers where a sheet of the add-on is (a log adopted by its name, a tagged sheet). */
  remember(name: OwnedSheetName, sheet: Sheet): void {
    const sheetName = sheet.getName();
    if (this.places.sheets[name] === sheetName) return;
    this.places.sheets[name] = sheetName;
    this.save();
  }

  /**
   * The 0-based column the add-on tagged as `name` in `sheet`: where it was
   * last time when that column still has the same header (no call), else by
   * the tag. `null` when untagged.
   */
  ownedColumn(sheet: Sheet, name: OwnedColumnName, headerAt: (column: number) => string): number | null {
    const last = this.places.columns[name];
    if (last && headerAt(last.column) === last.header && last.header !== '') return last.column;
    const tags = sheet.createDeveloperMetadataFinder().withKey(COLUMN_KEY).withValue(name).find();
    for (const tag of tags) {
      const range = tag.getLocation().getColumn();
      if (!range) continue;
      const column = range.getColumn() - 1;
      this.rememberColumn(name, column, headerAt(column));
      return column;
    }
    return null;
  }

  /** Tags the whole column at 0-based `column` as the add-on's. */
  tagColumn(sheet: Sheet, column: number, name: OwnedColumnName, header: string): void {
    const letter = columnLetter(column + 1);
    sheet.getRange(`${letter}:${letter}`).addDeveloperMetadata(COLUMN_KEY, name);
    this.rememberColumn(name, column, header);
  }

  private rememberColumn(name: OwnedColumnName, column: number, header: string): void {
    const last = this.places.columns[name];
    if (last?.column === column && last.header === header) return;
    this.places.columns[name] = { column, header };
    this.save();
  }

  private save(): void {
    this.store.set(PLACES_KEY, JSON.stringify(this.places));
  }
}

function readPlaces(store: DocumentStore): Places {
  try {
    const places = JSON.parse(store.get(PLACES_KEY) ?? '') as Places;
    if (typeof places === 'object' && places !== null && places.sheets && places.columns) return places;
  } catch {
    // Nothing remembered yet (or an unreadable record): the tags are read instead.
  }
  return { sheets: {}, columns: {} };
}
