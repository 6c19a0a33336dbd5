import { parseA1 } from './a1';
import { instrument } from './calls';
import { typeLabel } from './cells';
import { ConditionalFormatRuleBuilder } from './conditional-format';
import { Service, type StandInContext } from './context';
import {
  addMetadata,
  type DeveloperMetadata,
  DeveloperMetadataFinder,
  forgetSheet,
  spreadsheetMetadata,
} from './developer-metadata';
import {
  BooleanCriteria,
  ChartHiddenDimensionStrategy,
  DataValidationCriteria,
  DeveloperMetadataLocationType,
  DeveloperMetadataVisibility,
  Dimension,
  WrapStrategy,
} from './enums';
import { MESSAGES, Range, rangeFromA1 } from './range';
import { Sheet } from './sheet';
import { isTimeZone } from './time-zone';
import type { Ui } from './ui';
import { DataValidationBuilder } from './validation';

/**
 * A stand-in for SpreadsheetApp.Spreadsheet: the one spreadsheet the add-on
 * runs in (its scope is `spreadsheets.currentonly`, so there is no other).
 */
export class Spreadsheet extends Service {
  getId(): string {
    return this.ctx.book.id;
  }

  getName(): string {
    return this.ctx.book.name;
  }

  rename(newName: string): void {
    this.ctx.book.name = String(newName);
  }

  getUrl(): string {
    return this.ctx.book.url;
  }

  getSpreadsheetTimeZone(): string {
    return this.ctx.book.timeZone;
  }

  setSpreadsheetTimeZone(timezone: string): void {
    if (!isTimeZone(timezone)) throw this.ctx.exception(`Invalid argument: ${timezone}`);
    this.ctx.book.timeZone = timezone;
  }

  getSpreadsheetLocale(): string {
    return this.ctx.book.locale;
  }

  setSpreadsheetLocale(locale: string): void {
    this.ctx.book.locale = String(locale);
  }

  getSheets(): Sheet[] {
    return this.ctx.book.sheets.map((s) => new Sheet(this.ctx, s));
  }

  getNumSheets(): number {
    return this.ctx.book.sheets.length;
  }

  /** Sheet names ignore case in Sheets; null when there is no such sheet. */
  getSheetByName(name: string): Sheet | null {
    const model = this.ctx.book.find(String(name));
    return model ? new Sheet(this.ctx, model) : null;
  }

  getSheetById(id: number): Sheet | null {
    const model = this.ctx.book.byId(id);
    return model ? new Sheet(this.ctx, model) : null;
  }

  /**
   * insertSheet(), (index), (name), (name, index), (name, index, options), (index, options), (options).
   * The index is 0-based; the new sheet becomes the active sheet, as in Sheets.
   */
  insertSheet(...args: unknown[]): Sheet {
    const book = this.ctx.book;
    const [a, b] = args;
    let name: string | null = null;
    let index = book.sheets.length;
    if (typeof a === 'string') {
      name = a;
      if (typeof b === 'number') index = b;
    } else if (typeof a === 'number') {
      index = a;
    } else if (a !== undefined && (typeof a !== 'object' || a === null)) {
      throw this.ctx.exception(
        MESSAGES.signature(args.map(typeLabel).join(','), 'SpreadsheetApp.Spreadsheet.insertSheet'),
      );
    }
    if (!Number.isInteger(index) || index < 0 || index > book.sheets.length) {
      throw this.ctx.exception(`Sheets stand-in: sheet index ${index} is out of range.`);
    }
    if (name !== null && book.find(name)) {
      throw this.ctx.exception(`A sheet with the name "${name}" already exists. Please enter another name.`);
    }
    const model = book.add(name ?? book.freshName(), index);
    book.active = { sheet: model, rect: { row: 1, column: 1, numRows: 1, numColumns: 1 } };
    return new Sheet(this.ctx, model);
  }

  deleteSheet(sheet: Sheet): void {
    const book = this.ctx.book;
    const model = Sheet.modelOf(sheet);
    if (!model || !book.sheets.includes(model))
      throw this.ctx.exception('Sheets stand-in: that sheet is not in this spreadsheet.');
    if (book.sheets.length === 1) throw this.ctx.exception('A spreadsheet must contain at least one sheet.');
    book.sheets.splice(book.sheets.indexOf(model), 1);
    forgetSheet(book, model);
    if (book.active?.sheet === model) book.active = null;
  }

  getActiveSheet(): Sheet {
    return new Sheet(this.ctx, this.ctx.book.activeSheet());
  }

  setActiveSheet(sheet: Sheet): Sheet {
    const model = Sheet.modelOf(sheet);
    if (!model || !this.ctx.book.sheets.includes(model))
      throw this.ctx.exception('Sheets stand-in: that sheet is not in this spreadsheet.');
    model.hidden = false;
    this.ctx.book.active = { sheet: model, rect: { row: 1, column: 1, numRows: 1, numColumns: 1 } };
    return sheet;
  }

  getActiveRange(): Range {
    return activeRange(this.ctx);
  }

  getActiveCell(): Range {
    const sheet = this.ctx.book.activeSheet();
    const rect = this.ctx.book.active?.rect ?? { row: 1, column: 1, numRows: 1, numColumns: 1 };
    return new Range(this.ctx, sheet, { ...rect, numRows: 1, numColumns: 1 }, null);
  }

  setActiveRange(range: Range): Range {
    const inner = Range.internals(range);
    if (!inner)
      throw this.ctx.exception(
        "The parameters (Object) don't match the method signature for SpreadsheetApp.Spreadsheet.setActiveRange.",
      );
    this.ctx.book.active = { sheet: inner.sheet, rect: { ...inner.rect } };
    return range;
  }

  /** `Deals!A:L`, `'Stage history'!A1:F`; without a sheet name, the active sheet. */
  getRange(a1Notation: string): Range {
    const text = String(a1Notation);
    const ref = parseA1(text);
    if (!ref) throw this.ctx.exception(MESSAGES.notFound);
    const model = ref.sheetName === null ? this.ctx.book.activeSheet() : this.ctx.book.find(ref.sheetName);
    if (!model) throw this.ctx.exception(MESSAGES.notFound);
    return rangeFromA1(this.ctx, model, text);
  }

  getRangeByName(_name: string): Range | null {
    return null;
  }

  // Developer metadata ------------------------------------------------------------

  /** `(key)`, `(key, visibility)`, `(key, value)`, `(key, value, visibility)`; attached to the spreadsheet. */
  addDeveloperMetadata(...args: unknown[]): this {
    addMetadata(this.ctx, { type: 'SPREADSHEET' }, args, 'SpreadsheetApp.Spreadsheet.addDeveloperMetadata');
    return this;
  }

  /** The top-level spreadsheet's metadata only; a finder searches the sheets, rows and columns too. */
  getDeveloperMetadata(): DeveloperMetadata[] {
    return spreadsheetMetadata(this.ctx);
  }

  createDeveloperMetadataFinder(): DeveloperMetadataFinder {
    return new DeveloperMetadataFinder(this.ctx, { kind: 'spreadsheet' });
  }

  /** Records the message for tests (`standIn.ui.toasts`); nothing is shown. */
  toast(msg: string, title?: string, timeoutSeconds?: number): void {
    void timeoutSeconds;
    this.ctx.ui.toasts.push(String(msg));
    this.ctx.ui.toastTitles.push(title === undefined ? '' : String(title));
  }
}

function activeRange(ctx: StandInContext): Range {
  const sheet = ctx.book.activeSheet();
  const rect = ctx.book.active?.rect ?? { row: 1, column: 1, numRows: 1, numColumns: 1 };
  return new Range(ctx, sheet, rect, null);
}

/** The SpreadsheetApp global. */
export class SpreadsheetApp extends Service {
  readonly DataValidationCriteria = DataValidationCriteria;
  readonly BooleanCriteria = BooleanCriteria;
  readonly Dimension = Dimension;
  readonly WrapStrategy = WrapStrategy;
  readonly ChartHiddenDimensionStrategy = ChartHiddenDimensionStrategy;
  readonly DeveloperMetadataLocationType = DeveloperMetadataLocationType;
  readonly DeveloperMetadataVisibility = DeveloperMetadataVisibility;

  readonly #makeUi: () => Ui;

  constructor(ctx: StandInContext, makeUi: () => Ui) {
    super(ctx);
    this.#makeUi = makeUi;
  }

  getActive(): Spreadsheet {
    return new Spreadsheet(this.ctx);
  }

  getActiveSpreadsheet(): Spreadsheet {
    return new Spreadsheet(this.ctx);
  }

  getActiveSheet(): Sheet {
    return new Sheet(this.ctx, this.ctx.book.activeSheet());
  }

  getActiveRange(): Range {
    return activeRange(this.ctx);
  }

  getUi(): Ui {
    return this.#makeUi();
  }

  /** Writes are applied at once in the stand-in, so there is nothing to flush; still a call. */
  flush(): void {}

  newDataValidation(): DataValidationBuilder {
    return new DataValidationBuilder(this.ctx);
  }

  newConditionalFormatRule(): ConditionalFormatRuleBuilder {
    return new ConditionalFormatRuleBuilder(this.ctx);
  }

  /** The add-on's scope is spreadsheets.currentonly: opening another file is refused. */
  openById(id: string): never {
    throw this.ctx.exception(
      `You do not have permission to call SpreadsheetApp.openById (${id}). (Sheets stand-in: the add-on has spreadsheets.currentonly.)`,
    );
  }

  openByUrl(url: string): never {
    throw this.ctx.exception(
      `You do not have permission to call SpreadsheetApp.openByUrl (${url}). (Sheets stand-in: the add-on has spreadsheets.currentonly.)`,
    );
  }
}

instrument(Spreadsheet, 'Spreadsheet');
instrument(SpreadsheetApp, 'SpreadsheetApp');
