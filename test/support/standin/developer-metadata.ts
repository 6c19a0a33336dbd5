import { columnLetters, type Rect } from './a1';
import { instrument } from './calls';
import { typeLabel } from './cells';
import { Service, type StandInContext } from './context';
import {
  DeveloperMetadataLocationType,
  type DeveloperMetadataLocationTypeName,
  DeveloperMetadataVisibility,
  type DeveloperMetadataVisibilityName,
  type EnumValue,
} from './enums';
import type { Book, MetadataLocation, MetadataRecord, SheetModel } from './model';
import { MESSAGES, Range } from './range';
import { Sheet } from './sheet';
import { Spreadsheet } from './spreadsheet';

/**
 * Developer metadata (key, optional value, visibility) attached to the
 * spreadsheet, a sheet, or one entire row or column, as Apps Script's
 * Spreadsheet service has it. Row and column metadata moves with its row or
 * column when others are inserted or deleted before it, and goes when its row,
 * column or sheet is deleted (Sheets API: "If the associated object is deleted
 * its metadata is deleted too"). Cell edits, clears and sorts leave it alone:
 * it belongs to the row or column, not to the cells' contents.
 *
 * Where the reference is silent the stand-in takes the stricter reading; each
 * such place says so.
 */

/** Apps Script's message for Range.addDeveloperMetadata on anything but one entire row or column. */
export const ARBITRARY_RANGE =
  'Adding developer metadata to arbitrary ranges is not currently supported. Developer metadata may only be added to the top-level spreadsheet, an individual sheet, or an entire row or column.';

/** Not Sheets' wording (unknown): a handle used after its metadata went away. */
const GONE =
  'Sheets stand-in: this developer metadata no longer exists (it was removed, or its sheet, row or column was deleted).';

/** Not Sheets' wording (unknown): the Sheets API requires every metadata to have a key. */
const EMPTY_KEY = 'Sheets stand-in: developer metadata needs a non-empty key.';

const records = new WeakMap<object, MetadataRecord>();

function visibilityName(value: unknown): DeveloperMetadataVisibilityName | null {
  if (value === DeveloperMetadataVisibility.DOCUMENT) return 'DOCUMENT';
  if (value === DeveloperMetadataVisibility.PROJECT) return 'PROJECT';
  return null;
}

function locationTypeName(value: unknown): DeveloperMetadataLocationTypeName | null {
  for (const name of Object.keys(DeveloperMetadataLocationType) as DeveloperMetadataLocationTypeName[]) {
    if (value === DeveloperMetadataLocationType[name]) return name;
  }
  return null;
}

/**
 * A String parameter as Apps Script takes it: numbers and booleans convert (as
 * Properties.setProperty does), anything else is a signature mismatch. Enum
 * parameters need the enum itself: a string such as 'PROJECT' is a value, not
 * a visibility.
 */
function text(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return null;
}

/**
 * An empty value is stored as none: the Sheets API drops empty strings, so the
 * stand-in answers null for it (the stricter reading: code must handle null anyway).
 */
const storedValue = (value: string): string | null => (value === '' ? null : value);

function mismatch(ctx: StandInContext, args: readonly unknown[], method: string): Error {
  return ctx.exception(MESSAGES.signature(args.map(typeLabel).join(','), method));
}

/** `(key)`, `(key, visibility)`, `(key, value)`, `(key, value, visibility)`, checked as Apps Script does. */
function parseAdd(
  ctx: StandInContext,
  args: readonly unknown[],
  method: string,
): { key: string; value: string | null; visibility: DeveloperMetadataVisibilityName } {
  if (args.length < 1 || args.length > 3) throw mismatch(ctx, args, method);
  const key = text(args[0]);
  if (key === null) throw mismatch(ctx, args, method);
  let value: string | null = null;
  let visibility: DeveloperMetadataVisibilityName = 'DOCUMENT';
  if (args.length === 2) {
    const asVisibility = visibilityName(args[1]);
    if (asVisibility) visibility = asVisibility;
    else {
      value = text(args[1]);
      if (value === null) throw mismatch(ctx, args, method);
    }
  } else if (args.length === 3) {
    value = text(args[1]);
    const asVisibility = visibilityName(args[2]);
    if (value === null || !asVisibility) throw mismatch(ctx, args, method);
    visibility = asVisibility;
  }
  if (key === '') throw ctx.exception(EMPTY_KEY);
  return { key, value: value === null ? null : storedValue(value), visibility };
}

/** Adds a record for `add...DeveloperMetadata(args)` at `location`. */
export function addMetadata(
  ctx: StandInContext,
  location: MetadataLocation,
  args: readonly unknown[],
  method: string,
): void {
  const { key, value, visibility } = parseAdd(ctx, args, method);
  ctx.book.metadata.push({ id: ctx.book.metadataId(), key, value, visibility, location });
}

/**
 * The row or column a range stands for, or null. Only one entire row (all
 * columns) or one entire column (all rows) qualifies: the Sheets API says a
 * metadata DimensionRange "must represent a single row or column", so `3:5`
 * and `A:C` are refused like any other range (the stand-in assumes Apps
 * Script's arbitrary-range message for them). On a sheet one row high or one
 * column wide a range can be both; its A1 form decides.
 */
export function wholeDimension(
  sheet: SheetModel,
  rect: Rect,
  notation: string | null,
): { type: 'ROW' | 'COLUMN'; index: number } | null {
  const { maxRows, maxColumns } = sheet.grid;
  const row = rect.numRows === 1 && rect.column === 1 && rect.numColumns === maxColumns;
  const column = rect.numColumns === 1 && rect.row === 1 && rect.numRows === maxRows;
  if (row && (!column || /^\$?\d+:\$?\d+$/.test(notation ?? ''))) return { type: 'ROW', index: rect.row };
  if (column) return { type: 'COLUMN', index: rect.column };
  return null;
}

/** Where `range.addDeveloperMetadata` attaches, or Apps Script's refusal. */
export function rangeLocation(
  ctx: StandInContext,
  sheet: SheetModel,
  rect: Rect,
  notation: string | null,
): MetadataLocation {
  const dim = wholeDimension(sheet, rect, notation);
  if (!dim) throw ctx.exception(ARBITRARY_RANGE);
  return { type: dim.type, sheet, index: dim.index };
}

/** Records whose sheet still exists (a replaced or deleted sheet takes its metadata along). */
function live(book: Book): MetadataRecord[] {
  return book.metadata.filter(
    (r) => r.location.type === 'SPREADSHEET' || book.sheets.includes(r.location.sheet),
  );
}

/** `Spreadsheet.getDeveloperMetadata()`: "associated with the top-level spreadsheet", nothing below it. */
export function spreadsheetMetadata(ctx: StandInContext): DeveloperMetadata[] {
  return live(ctx.book)
    .filter((r) => r.location.type === 'SPREADSHEET')
    .map((r) => new DeveloperMetadata(ctx, r));
}

/** `Sheet.getDeveloperMetadata()`: the sheet's own metadata, not its rows' or columns'. */
export function sheetMetadata(ctx: StandInContext, sheet: SheetModel): DeveloperMetadata[] {
  return live(ctx.book)
    .filter((r) => r.location.type === 'SHEET' && r.location.sheet === sheet)
    .map((r) => new DeveloperMetadata(ctx, r));
}

/**
 * `Range.getDeveloperMetadata()`: metadata on exactly this row or column. A
 * cell or block inside a column does not see the column's metadata (observed
 * in Sheets for a single cell); for a multi-row or multi-column range the
 * reference is unclear and the stand-in answers nothing (the stricter reading;
 * a range finder finds what lies within).
 */
export function rangeMetadata(
  ctx: StandInContext,
  sheet: SheetModel,
  rect: Rect,
  notation: string | null,
): DeveloperMetadata[] {
  const dim = wholeDimension(sheet, rect, notation);
  if (!dim) return [];
  return live(ctx.book)
    .filter((r) => {
      const at = r.location;
      return at.type === dim.type && at.sheet === sheet && at.index === dim.index;
    })
    .map((r) => new DeveloperMetadata(ctx, r));
}

// Structure changes -------------------------------------------------------------

/** Rows or columns were inserted after `after`: metadata past it moves down or right with its row or column. */
export function metadataAfterInsert(
  book: Book,
  sheet: SheetModel,
  type: 'ROW' | 'COLUMN',
  after: number,
  count: number,
): void {
  for (const record of book.metadata) {
    const at = record.location;
    if (
      (at.type === 'ROW' || at.type === 'COLUMN') &&
      at.type === type &&
      at.sheet === sheet &&
      at.index > after
    )
      at.index += count;
  }
}

/** Rows or columns `start..start+count-1` were deleted: their metadata goes, later metadata moves back. */
export function metadataAfterDelete(
  book: Book,
  sheet: SheetModel,
  type: 'ROW' | 'COLUMN',
  start: number,
  count: number,
): void {
  const end = start + count - 1;
  for (let i = book.metadata.length - 1; i >= 0; i--) {
    const at = book.metadata[i]?.location;
    if (!at || at.type !== type || at.sheet !== sheet) continue;
    if (at.index >= start && at.index <= end) book.metadata.splice(i, 1);
    else if (at.index > end) at.index -= count;
  }
}

/** A sheet was deleted: its metadata (sheet, rows, columns) is deleted too. */
export function forgetSheet(book: Book, sheet: SheetModel): void {
  for (let i = book.metadata.length - 1; i >= 0; i--) {
    const at = book.metadata[i]?.location;
    if (at && at.type !== 'SPREADSHEET' && at.sheet === sheet) book.metadata.splice(i, 1);
  }
}

// What tests read ------------------------------------------------------------------

/** A metadata as tests read it (uncounted): location `''` (spreadsheet), `Deals`, `Deals!E:E`, `Deals!3:3`. */
export interface MetadataDescription {
  id: number;
  key: string;
  value: string | null;
  visibility: DeveloperMetadataVisibilityName;
  locationType: DeveloperMetadataLocationTypeName;
  location: string;
}

export function describeMetadata(book: Book): MetadataDescription[] {
  return live(book).map((r) => {
    const at = r.location;
    let location = '';
    if (at.type === 'SHEET') location = at.sheet.name;
    else if (at.type === 'ROW') location = `${at.sheet.name}!${at.index}:${at.index}`;
    else if (at.type === 'COLUMN')
      location = `${at.sheet.name}!${columnLetters(at.index)}:${columnLetters(at.index)}`;
    return {
      id: r.id,
      key: r.key,
      value: r.value,
      visibility: r.visibility,
      locationType: at.type,
      location,
    };
  });
}

// Apps Script objects ----------------------------------------------------------------

/**
 * SpreadsheetApp.DeveloperMetadata: a handle on one record. Getters read the
 * record on every call (as the stand-in's Range and Sheet do), so two handles
 * agree; once the metadata is gone every call throws. Whether Sheets' objects
 * answer from a stale copy instead is not documented; refusing is stricter.
 */
export class DeveloperMetadata extends Service {
  constructor(ctx: StandInContext, record: MetadataRecord) {
    super(ctx);
    records.set(this, record);
  }

  #r(): MetadataRecord {
    const record = records.get(this);
    if (!record) throw new Error('Sheets stand-in: not a DeveloperMetadata');
    if (!live(this.ctx.book).includes(record)) throw this.ctx.exception(GONE);
    return record;
  }

  getId(): number {
    return this.#r().id;
  }

  getKey(): string {
    return this.#r().key;
  }

  /** null when the metadata has no value, as documented. */
  getValue(): string | null {
    return this.#r().value;
  }

  getVisibility(): EnumValue {
    return DeveloperMetadataVisibility[this.#r().visibility];
  }

  /** Where the metadata is now; the location is a value, like a Range (it does not follow later moves). */
  getLocation(): DeveloperMetadataLocation {
    const at = this.#r().location;
    return new DeveloperMetadataLocation(this.ctx, at.type === 'SPREADSHEET' ? at : { ...at });
  }

  setKey(key: string): this {
    const record = this.#r();
    const next = text(key);
    if (next === null) throw mismatch(this.ctx, [key], 'SpreadsheetApp.DeveloperMetadata.setKey');
    if (next === '') throw this.ctx.exception(EMPTY_KEY);
    record.key = next;
    return this;
  }

  setValue(value: string): this {
    const record = this.#r();
    const next = text(value);
    if (next === null) throw mismatch(this.ctx, [value], 'SpreadsheetApp.DeveloperMetadata.setValue');
    record.value = storedValue(next);
    return this;
  }

  setVisibility(visibility: EnumValue): this {
    const record = this.#r();
    const next = visibilityName(visibility);
    if (!next) throw mismatch(this.ctx, [visibility], 'SpreadsheetApp.DeveloperMetadata.setVisibility');
    record.visibility = next;
    return this;
  }

  /** The column must be one entire column (`sheet.getRange('E:E')`), on any sheet of the spreadsheet. */
  moveToColumn(column: Range): this {
    return this.#moveToDimension(column, 'COLUMN', 'moveToColumn');
  }

  /** The row must be one entire row (`sheet.getRange('3:3')`), on any sheet of the spreadsheet. */
  moveToRow(row: Range): this {
    return this.#moveToDimension(row, 'ROW', 'moveToRow');
  }

  #moveToDimension(range: Range, type: 'ROW' | 'COLUMN', method: string): this {
    const record = this.#r();
    const inner = Range.internals(range);
    if (!inner) throw mismatch(this.ctx, [range], `SpreadsheetApp.DeveloperMetadata.${method}`);
    if (!this.ctx.book.sheets.includes(inner.sheet)) throw this.ctx.exception('The sheet has been deleted.');
    const dim = wholeDimension(inner.sheet, inner.rect, inner.notation);
    if (!dim || dim.type !== type) {
      // Sheets' wording here is unknown; the arbitrary-range refusal is the closest it has.
      throw this.ctx.exception(ARBITRARY_RANGE);
    }
    record.location = { type, sheet: inner.sheet, index: dim.index };
    return this;
  }

  moveToSheet(sheet: Sheet): this {
    const record = this.#r();
    const model = Sheet.modelOf(sheet);
    if (!model) throw mismatch(this.ctx, [sheet], 'SpreadsheetApp.DeveloperMetadata.moveToSheet');
    if (!this.ctx.book.sheets.includes(model)) throw this.ctx.exception('The sheet has been deleted.');
    record.location = { type: 'SHEET', sheet: model };
    return this;
  }

  moveToSpreadsheet(): this {
    this.#r().location = { type: 'SPREADSHEET' };
    return this;
  }

  remove(): void {
    const record = this.#r();
    this.ctx.book.metadata.splice(this.ctx.book.metadata.indexOf(record), 1);
  }
}

/**
 * SpreadsheetApp.DeveloperMetadataLocation. As documented, each getter answers
 * for its own location type only: getSheet() is null for row and column
 * metadata (use getRow().getSheet()), getSpreadsheet() null below the top level.
 */
export class DeveloperMetadataLocation extends Service {
  readonly #at: MetadataLocation;

  constructor(ctx: StandInContext, at: MetadataLocation) {
    super(ctx);
    this.#at = at;
  }

  #live(sheet: SheetModel): SheetModel {
    if (!this.ctx.book.sheets.includes(sheet)) throw this.ctx.exception('The sheet has been deleted.');
    return sheet;
  }

  getLocationType(): EnumValue {
    return DeveloperMetadataLocationType[this.#at.type];
  }

  getSpreadsheet(): Spreadsheet | null {
    return this.#at.type === 'SPREADSHEET' ? new Spreadsheet(this.ctx) : null;
  }

  getSheet(): Sheet | null {
    return this.#at.type === 'SHEET' ? new Sheet(this.ctx, this.#live(this.#at.sheet)) : null;
  }

  /** The entire row, A1 `3:3`. */
  getRow(): Range | null {
    const at = this.#at;
    if (at.type !== 'ROW') return null;
    const sheet = this.#live(at.sheet);
    return new Range(
      this.ctx,
      sheet,
      { row: at.index, column: 1, numRows: 1, numColumns: sheet.grid.maxColumns },
      `${at.index}:${at.index}`,
    );
  }

  /** The entire column, A1 `E:E`. */
  getColumn(): Range | null {
    const at = this.#at;
    if (at.type !== 'COLUMN') return null;
    const sheet = this.#live(at.sheet);
    const letters = columnLetters(at.index);
    return new Range(
      this.ctx,
      sheet,
      { row: 1, column: at.index, numRows: sheet.grid.maxRows, numColumns: 1 },
      `${letters}:${letters}`,
    );
  }
}

/** What a finder searches: the whole spreadsheet, one sheet (with its rows and columns), or a range. */
export type FinderScope =
  | { readonly kind: 'spreadsheet' }
  | { readonly kind: 'sheet'; readonly sheet: SheetModel }
  | { readonly kind: 'range'; readonly sheet: SheetModel; readonly rect: Rect };

interface Criteria {
  id?: number;
  key?: string;
  value?: string;
  locationType?: DeveloperMetadataLocationTypeName;
  visibility?: DeveloperMetadataVisibilityName;
}

/**
 * SpreadsheetApp.DeveloperMetadataFinder. Scopes, per the reference:
 * - spreadsheet: all metadata (spreadsheet, sheets, rows, columns);
 * - sheet: the sheet's metadata and its rows' and columns' (not the spreadsheet's);
 * - range: rows and columns wholly inside the range (row `3:3` is inside `1:5`
 *   but not inside `A1:D5`), or, after onIntersectingLocations(), those that
 *   cross it. Sheet and spreadsheet metadata is never in a range's scope (the
 *   reference does not say; the stricter reading).
 * Each `with...` narrows the search; a later call of the same one replaces the
 * earlier. Results come in the order the metadata was added (Sheets does not
 * document an order).
 */
export class DeveloperMetadataFinder extends Service {
  readonly #scope: FinderScope;
  readonly #criteria: Criteria = {};
  #intersecting = false;

  constructor(ctx: StandInContext, scope: FinderScope) {
    super(ctx);
    this.#scope = scope;
  }

  #inScope(record: MetadataRecord): boolean {
    const scope = this.#scope;
    const at = record.location;
    if (scope.kind === 'spreadsheet') return true;
    if (at.type === 'SPREADSHEET' || at.sheet !== scope.sheet) return false;
    if (scope.kind === 'sheet') return true;
    if (at.type === 'SHEET') return false;
    const { rect } = scope;
    const { maxRows, maxColumns } = scope.sheet.grid;
    const [first, count, crossFirst, crossCount, crossMax] =
      at.type === 'ROW'
        ? [rect.row, rect.numRows, rect.column, rect.numColumns, maxColumns]
        : [rect.column, rect.numColumns, rect.row, rect.numRows, maxRows];
    const crosses = at.index >= first && at.index <= first + count - 1;
    if (this.#intersecting) return crosses;
    return crosses && crossFirst === 1 && crossCount === crossMax;
  }

  #matches(record: MetadataRecord): boolean {
    const c = this.#criteria;
    return (
      (c.id === undefined || record.id === c.id) &&
      (c.key === undefined || record.key === c.key) &&
      // A value search never finds metadata without a value (withValue('') included).
      (c.value === undefined || record.value === c.value) &&
      (c.locationType === undefined || record.location.type === c.locationType) &&
      (c.visibility === undefined || record.visibility === c.visibility)
    );
  }

  find(): DeveloperMetadata[] {
    return live(this.ctx.book)
      .filter((r) => this.#inScope(r) && this.#matches(r))
      .map((r) => new DeveloperMetadata(this.ctx, r));
  }

  /**
   * "This option is only valid for range-scoped searches." Whether Sheets
   * ignores it elsewhere or refuses is not documented; the stand-in refuses.
   */
  onIntersectingLocations(): this {
    if (this.#scope.kind !== 'range') {
      throw this.ctx.exception(
        'Sheets stand-in: onIntersectingLocations() is only valid for range-scoped searches (Range.createDeveloperMetadataFinder()).',
      );
    }
    this.#intersecting = true;
    return this;
  }

  withId(id: number): this {
    if (typeof id !== 'number')
      throw mismatch(this.ctx, [id], 'SpreadsheetApp.DeveloperMetadataFinder.withId');
    if (!Number.isInteger(id)) throw this.ctx.exception(`Cannot convert ${id} to int.`);
    this.#criteria.id = id;
    return this;
  }

  withKey(key: string): this {
    const next = text(key);
    if (next === null) throw mismatch(this.ctx, [key], 'SpreadsheetApp.DeveloperMetadataFinder.withKey');
    this.#criteria.key = next;
    return this;
  }

  withValue(value: string): this {
    const next = text(value);
    if (next === null) throw mismatch(this.ctx, [value], 'SpreadsheetApp.DeveloperMetadataFinder.withValue');
    this.#criteria.value = next;
    return this;
  }

  withLocationType(locationType: EnumValue): this {
    const next = locationTypeName(locationType);
    if (!next)
      throw mismatch(this.ctx, [locationType], 'SpreadsheetApp.DeveloperMetadataFinder.withLocationType');
    this.#criteria.locationType = next;
    return this;
  }

  withVisibility(visibility: EnumValue): this {
    const next = visibilityName(visibility);
    if (!next)
      throw mismatch(this.ctx, [visibility], 'SpreadsheetApp.DeveloperMetadataFinder.withVisibility');
    this.#criteria.visibility = next;
    return this;
  }
}

instrument(DeveloperMetadata, 'DeveloperMetadata');
instrument(DeveloperMetadataLocation, 'DeveloperMetadataLocation');
instrument(DeveloperMetadataFinder, 'DeveloperMetadataFinder');
