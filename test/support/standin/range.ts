import { isOpen, openA1, parseA1, type Rect, rectToA1 } from './a1';
import { instrument } from './calls';
import { type Cell, copyCell, isGrid, typeLabel } from './cells';
import { Service, type StandInContext } from './context';
import {
  addMetadata,
  type DeveloperMetadata,
  DeveloperMetadataFinder,
  rangeLocation,
  rangeMetadata,
} from './developer-metadata';
import { displayValue } from './display';
import { AUTOMATIC_FORMAT, type CellRecord, DEFAULT_BACKGROUND, DEFAULT_FONT_COLOR } from './grid';
import type { SheetModel } from './model';
import { Sheet } from './sheet';
import { DataValidation, ruleOf, type ValidationRule } from './validation';
import { normalizeColor, storeInput } from './values';

/** Sheets' own messages, so the add-on's error handling sees what it would in Sheets. */
export const MESSAGES = {
  outside: 'The coordinates of the range are outside the dimensions of the sheet.',
  notFound: 'Range not found',
  rows: (data: number, range: number) =>
    `The number of rows in the data does not match the number of rows in the range. The data has ${data} but the range has ${range}.`,
  columns: (data: number, range: number) =>
    `The number of columns in the data does not match the number of columns in the range. The data has ${data} but the range has ${range}.`,
  signature: (types: string, method: string) =>
    `The parameters (${types}) don't match the method signature for ${method}.`,
};

const internals = new WeakMap<Range, { sheet: SheetModel; rect: Rect; notation: string | null }>();

/** Builds a Range for `getRange(...)` arguments on a sheet, checking them as Sheets does. */
export function rangeFromArgs(
  ctx: StandInContext,
  sheet: SheetModel,
  args: readonly unknown[],
  method: string,
): Range {
  if (args.length === 1 && typeof args[0] === 'string') return rangeFromA1(ctx, sheet, args[0]);
  const nums = args.filter((a) => typeof a === 'number');
  if (args.length < 2 || args.length > 4 || nums.length !== args.length) {
    throw ctx.exception(MESSAGES.signature(args.map(typeLabel).join(','), method));
  }
  const [row, column, numRows = 1, numColumns = 1] = nums as number[];
  for (const n of nums) {
    if (!Number.isInteger(n)) throw ctx.exception(`Cannot convert ${n} to int.`);
  }
  if ((numRows as number) < 1) throw ctx.exception('The number of rows in the range must be at least 1.');
  if ((numColumns as number) < 1)
    throw ctx.exception('The number of columns in the range must be at least 1.');
  const rect = {
    row: row as number,
    column: column as number,
    numRows: numRows as number,
    numColumns: numColumns as number,
  };
  checkInside(ctx, sheet, rect);
  return new Range(ctx, sheet, rect, null);
}

/** `A1`, `A1:C9`, `A:L`, `A2:C`, `2:5` on this sheet (a sheet prefix must name this sheet). */
export function rangeFromA1(ctx: StandInContext, sheet: SheetModel, a1: string): Range {
  const ref = parseA1(a1);
  if (!ref || (ref.sheetName !== null && ref.sheetName.toLowerCase() !== sheet.name.toLowerCase())) {
    throw ctx.exception(MESSAGES.notFound);
  }
  const { maxRows, maxColumns } = sheet.grid;
  const r1 = ref.startRow ?? 1;
  const r2 = ref.endRow ?? maxRows;
  const c1 = ref.startColumn ?? 1;
  const c2 = ref.endColumn ?? maxColumns;
  const rect = {
    row: Math.min(r1, r2),
    column: Math.min(c1, c2),
    numRows: Math.abs(r2 - r1) + 1,
    numColumns: Math.abs(c2 - c1) + 1,
  };
  checkInside(ctx, sheet, rect);
  return new Range(ctx, sheet, rect, isOpen(ref) ? openA1(ref, rect) : null);
}

function checkInside(ctx: StandInContext, sheet: SheetModel, rect: Rect): void {
  const { maxRows, maxColumns } = sheet.grid;
  const inside =
    rect.row >= 1 &&
    rect.column >= 1 &&
    rect.row + rect.numRows - 1 <= maxRows &&
    rect.column + rect.numColumns - 1 <= maxColumns;
  if (!inside) throw ctx.exception(MESSAGES.outside);
}

/** Checks a 2-D write against the range's size with Sheets' messages. */
function checkShape(ctx: StandInContext, data: unknown, rect: Rect, method: string): unknown[][] {
  if (!isGrid(data))
    throw ctx.exception(MESSAGES.signature(typeLabel(data), `SpreadsheetApp.Range.${method}`));
  if (data.length !== rect.numRows) throw ctx.exception(MESSAGES.rows(data.length, rect.numRows));
  for (const row of data) {
    if (row.length !== rect.numColumns) throw ctx.exception(MESSAGES.columns(row.length, rect.numColumns));
  }
  return data;
}

/**
 * A stand-in for SpreadsheetApp.Range: a rectangle on a sheet. It holds no
 * cell data; every read goes to the sheet, so two Range objects over the same
 * cells always agree, as in Sheets.
 */
export class Range extends Service {
  constructor(ctx: StandInContext, sheet: SheetModel, rect: Rect, notation: string | null) {
    super(ctx);
    internals.set(this, { sheet, rect: { ...rect }, notation });
  }

  /** The sheet and rectangle behind a Range (for the stand-in's own use; not an Apps Script method). */
  static internals(range: unknown): { sheet: SheetModel; rect: Rect; notation: string | null } | null {
    return range instanceof Range ? (internals.get(range) ?? null) : null;
  }

  #me(): { sheet: SheetModel; rect: Rect; notation: string | null } {
    const state = internals.get(this);
    if (!state) throw new Error('Sheets stand-in: not a Range');
    return state;
  }

  #read<T>(pick: (cell: Readonly<CellRecord>) => T): T[][] {
    const { sheet, rect } = this.#me();
    const out: T[][] = [];
    for (let r = 0; r < rect.numRows; r++) {
      const row: T[] = [];
      for (let c = 0; c < rect.numColumns; c++) row.push(pick(sheet.grid.get(rect.row + r, rect.column + c)));
      out.push(row);
    }
    return out;
  }

  #each(write: (cell: CellRecord, r: number, c: number) => void): void {
    const { sheet, rect } = this.#me();
    for (let r = 0; r < rect.numRows; r++) {
      for (let c = 0; c < rect.numColumns; c++) write(sheet.grid.edit(rect.row + r, rect.column + c), r, c);
    }
  }

  #first<T>(pick: (cell: Readonly<CellRecord>) => T): T {
    const { sheet, rect } = this.#me();
    return pick(sheet.grid.get(rect.row, rect.column));
  }

  #writeGrid(data: unknown, method: string, write: (cell: CellRecord, value: unknown) => void): this {
    const rows = checkShape(this.ctx, data, this.#me().rect, method);
    this.#each((cell, r, c) => write(cell, rows[r]?.[c]));
    return this;
  }

  // Values ------------------------------------------------------------------

  getValue(): Cell {
    return this.#first((cell) => copyCell(cell.value));
  }

  getValues(): Cell[][] {
    return this.#read((cell) => copyCell(cell.value));
  }

  setValue(value: unknown): this {
    this.#each((cell) => storeInput(this.ctx, cell, value));
    return this;
  }

  setValues(values: unknown[][]): this {
    return this.#writeGrid(values, 'setValues', (cell, v) => storeInput(this.ctx, cell, v));
  }

  getDisplayValue(): string {
    const { timeZone, locale } = this.ctx.book;
    return this.#first((cell) => displayValue(cell.value, cell.numberFormat, locale, timeZone));
  }

  getDisplayValues(): string[][] {
    const { timeZone, locale } = this.ctx.book;
    return this.#read((cell) => displayValue(cell.value, cell.numberFormat, locale, timeZone));
  }

  isBlank(): boolean {
    return this.#read((cell) => cell.value === '' && cell.formula === '').every((row) => row.every(Boolean));
  }

  clearContent(): this {
    this.#each((cell) => {
      cell.value = '';
      cell.formula = '';
    });
    return this;
  }

  clear(options?: {
    contentsOnly?: boolean;
    formatOnly?: boolean;
    validationsOnly?: boolean;
    commentsOnly?: boolean;
  }): this {
    const o = options ?? {};
    const only = o.contentsOnly || o.formatOnly || o.validationsOnly || o.commentsOnly;
    this.#each((cell) => {
      if (!only || o.contentsOnly) {
        cell.value = '';
        cell.formula = '';
      }
      if (!only || o.formatOnly) clearFormat(cell);
      if (o.validationsOnly) cell.validation = null;
      if (o.commentsOnly) cell.note = '';
    });
    return this;
  }

  clearFormat(): this {
    this.#each(clearFormat);
    return this;
  }

  // Formulas ----------------------------------------------------------------

  getFormula(): string {
    return this.#first((cell) => cell.formula);
  }

  getFormulas(): string[][] {
    return this.#read((cell) => cell.formula);
  }

  /** Every cell gets the text as given (Sheets would shift relative references; the stand-in does not). */
  setFormula(formula: string): this {
    this.#each((cell) => {
      cell.formula = String(formula);
      cell.value = '';
    });
    return this;
  }

  setFormulas(formulas: string[][]): this {
    return this.#writeGrid(formulas, 'setFormulas', (cell, f) => {
      const text = f === null || f === undefined ? '' : String(f);
      if (text === '' || text.startsWith('=')) {
        cell.formula = text;
        cell.value = '';
      } else storeInput(this.ctx, cell, text);
    });
  }

  // Formats -----------------------------------------------------------------

  getNumberFormat(): string {
    return this.#first((cell) => cell.numberFormat);
  }

  getNumberFormats(): string[][] {
    return this.#read((cell) => cell.numberFormat);
  }

  setNumberFormat(format: string): this {
    this.#each((cell) => {
      cell.numberFormat = String(format);
    });
    return this;
  }

  setNumberFormats(formats: string[][]): this {
    return this.#writeGrid(formats, 'setNumberFormats', (cell, f) => {
      cell.numberFormat = String(f);
    });
  }

  getBackground(): string {
    return this.#first((cell) => cell.background);
  }

  getBackgrounds(): string[][] {
    return this.#read((cell) => cell.background);
  }

  setBackground(color: string | null): this {
    this.#each((cell) => {
      cell.background = normalizeColor(color, DEFAULT_BACKGROUND);
    });
    return this;
  }

  setBackgrounds(colors: (string | null)[][]): this {
    return this.#writeGrid(colors, 'setBackgrounds', (cell, c) => {
      cell.background = normalizeColor(c, DEFAULT_BACKGROUND);
    });
  }

  getFontWeight(): string {
    return this.#first((cell) => cell.fontWeight);
  }

  getFontWeights(): string[][] {
    return this.#read((cell) => cell.fontWeight);
  }

  setFontWeight(weight: string | null): this {
    this.#each((cell) => {
      cell.fontWeight = weight ?? 'normal';
    });
    return this;
  }

  setFontWeights(weights: (string | null)[][]): this {
    return this.#writeGrid(weights, 'setFontWeights', (cell, w) => {
      cell.fontWeight = w === null || w === undefined ? 'normal' : String(w);
    });
  }

  getFontColor(): string {
    return this.#first((cell) => cell.fontColor);
  }

  getFontColors(): string[][] {
    return this.#read((cell) => cell.fontColor);
  }

  setFontColor(color: string | null): this {
    this.#each((cell) => {
      cell.fontColor = normalizeColor(color, DEFAULT_FONT_COLOR);
    });
    return this;
  }

  setFontColors(colors: (string | null)[][]): this {
    return this.#writeGrid(colors, 'setFontColors', (cell, c) => {
      cell.fontColor = normalizeColor(c, DEFAULT_FONT_COLOR);
    });
  }

  getNote(): string {
    return this.#first((cell) => cell.note);
  }

  getNotes(): string[][] {
    return this.#read((cell) => cell.note);
  }

  setNote(note: string | null): this {
    this.#each((cell) => {
      cell.note = note === null || note === undefined ? '' : String(note);
    });
    return this;
  }

  setNotes(notes: (string | null)[][]): this {
    return this.#writeGrid(notes, 'setNotes', (cell, n) => {
      cell.note = n === null || n === undefined ? '' : String(n);
    });
  }

  clearNote(): this {
    this.#each((cell) => {
      cell.note = '';
    });
    return this;
  }

  // Formatting the stand-in keeps but does not interpret.
  setHorizontalAlignment(alignment: string | null): this {
    return this.#style('horizontalAlignment', alignment);
  }

  setVerticalAlignment(alignment: string | null): this {
    return this.#style('verticalAlignment', alignment);
  }

  setFontSize(size: number): this {
    return this.#style('fontSize', size);
  }

  setFontStyle(style: string | null): this {
    return this.#style('fontStyle', style);
  }

  setFontFamily(family: string | null): this {
    return this.#style('fontFamily', family);
  }

  setWrap(wrap: boolean): this {
    return this.#style('wrap', wrap);
  }

  setWrapStrategy(strategy: unknown): this {
    return this.#style('wrapStrategy', strategy);
  }

  setBorder(...args: unknown[]): this {
    return this.#style('border', args.map(String).join(','));
  }

  #style(key: string, value: unknown): this {
    this.#each((cell) => {
      if (value === null || value === undefined) delete cell.style[key];
      else cell.style[key] = String(value);
    });
    return this;
  }

  // Data validation ------------------------------------------------------------

  getDataValidation(): DataValidation | null {
    const rule = this.#first((cell) => cell.validation);
    return rule ? new DataValidation(this.ctx, rule) : null;
  }

  getDataValidations(): (DataValidation | null)[][] {
    return this.#read((cell) => (cell.validation ? new DataValidation(this.ctx, cell.validation) : null));
  }

  setDataValidation(rule: DataValidation | null): this {
    const data = rule === null || rule === undefined ? null : ruleOf(this.ctx, rule);
    this.#each((cell) => {
      cell.validation = data;
    });
    return this;
  }

  setDataValidations(rules: (DataValidation | null)[][]): this {
    return this.#writeGrid(rules, 'setDataValidations', (cell, rule) => {
      cell.validation = rule === null || rule === undefined ? null : ruleOf(this.ctx, rule);
    });
  }

  clearDataValidations(): this {
    this.#each((cell) => {
      cell.validation = null;
    });
    return this;
  }

  /** As documented: checkboxes in every cell, and every cell's value set to false. */
  insertCheckboxes(): this {
    const rule: ValidationRule = { criteria: 'CHECKBOX', values: [], allowInvalid: false, helpText: '' };
    this.#each((cell) => {
      cell.validation = rule;
      cell.formula = '';
      cell.value = false;
    });
    return this;
  }

  /** As documented: removes the checkboxes, and clears cells holding a checked/unchecked value. */
  removeCheckboxes(): this {
    this.#each((cell) => {
      if (cell.validation?.criteria !== 'CHECKBOX') return;
      cell.validation = null;
      if (typeof cell.value === 'boolean') cell.value = '';
    });
    return this;
  }

  // Geometry ------------------------------------------------------------------

  getRow(): number {
    return this.#me().rect.row;
  }

  getColumn(): number {
    return this.#me().rect.column;
  }

  getNumRows(): number {
    return this.#me().rect.numRows;
  }

  getNumColumns(): number {
    return this.#me().rect.numColumns;
  }

  getHeight(): number {
    return this.#me().rect.numRows;
  }

  getWidth(): number {
    return this.#me().rect.numColumns;
  }

  getLastRow(): number {
    const { rect } = this.#me();
    return rect.row + rect.numRows - 1;
  }

  getLastColumn(): number {
    const { rect } = this.#me();
    return rect.column + rect.numColumns - 1;
  }

  getA1Notation(): string {
    const { rect, notation } = this.#me();
    return notation ?? rectToA1(rect);
  }

  getSheet(): Sheet {
    return new Sheet(this.ctx, this.#me().sheet);
  }

  getGridId(): number {
    return this.#me().sheet.id;
  }

  offset(rowOffset: number, columnOffset: number, numRows?: number, numColumns?: number): Range {
    const { sheet, rect } = this.#me();
    const next = {
      row: rect.row + rowOffset,
      column: rect.column + columnOffset,
      numRows: numRows ?? rect.numRows,
      numColumns: numColumns ?? rect.numColumns,
    };
    checkInside(this.ctx, sheet, next);
    return new Range(this.ctx, sheet, next, null);
  }

  getCell(row: number, column: number): Range {
    const { sheet, rect } = this.#me();
    if (row < 1 || column < 1 || row > rect.numRows || column > rect.numColumns) {
      throw this.ctx.exception('Cell reference out of range');
    }
    return new Range(
      this.ctx,
      sheet,
      { row: rect.row + row - 1, column: rect.column + column - 1, numRows: 1, numColumns: 1 },
      null,
    );
  }

  activate(): this {
    const { sheet, rect } = this.#me();
    this.ctx.book.active = { sheet, rect: { ...rect } };
    return this;
  }

  // Developer metadata ------------------------------------------------------------

  /**
   * `(key)`, `(key, visibility)`, `(key, value)`, `(key, value, visibility)`.
   * Only one entire row (`3:3`) or column (`E:E`, or getRange(1, c, maxRows, 1))
   * takes metadata; any other range throws Apps Script's arbitrary-range message.
   */
  addDeveloperMetadata(...args: unknown[]): this {
    const { sheet, rect, notation } = this.#me();
    const location = rangeLocation(this.ctx, sheet, rect, notation);
    addMetadata(this.ctx, location, args, 'SpreadsheetApp.Range.addDeveloperMetadata');
    return this;
  }

  /** Metadata on exactly this row or column (none for a cell inside it). */
  getDeveloperMetadata(): DeveloperMetadata[] {
    const { sheet, rect, notation } = this.#me();
    return rangeMetadata(this.ctx, sheet, rect, notation);
  }

  createDeveloperMetadataFinder(): DeveloperMetadataFinder {
    const { sheet, rect } = this.#me();
    return new DeveloperMetadataFinder(this.ctx, { kind: 'range', sheet, rect: { ...rect } });
  }

  /**
   * Sorts the range's rows by one or more columns (absolute column numbers),
   * as a user sorting a table would. Blanks go last; numbers and dates before
   * text, text before booleans. Cells move; rows and columns do not, so their
   * developer metadata stays where it was.
   */
  sort(spec: unknown): this {
    const { sheet, rect } = this.#me();
    const keys = (Array.isArray(spec) ? spec : [spec]).map((s) =>
      typeof s === 'number'
        ? { column: s, ascending: true }
        : {
            column: Number((s as { column: unknown }).column),
            ascending: (s as { ascending?: unknown }).ascending !== false,
          },
    );
    const rows = Array.from({ length: rect.numRows }, (_, r) =>
      Array.from({ length: rect.numColumns }, (_, c) => ({
        ...sheet.grid.get(rect.row + r, rect.column + c),
      })),
    );
    rows.sort((a, b) => {
      for (const key of keys) {
        const i = key.column - rect.column;
        const order = compareCells(a[i]?.value ?? '', b[i]?.value ?? '', key.ascending);
        if (order !== 0) return order;
      }
      return 0;
    });
    rows.forEach((row, r) => {
      row.forEach((cell, c) => {
        sheet.grid.put(rect.row + r, rect.column + c, cell);
      });
    });
    return this;
  }
}

function clearFormat(cell: CellRecord): void {
  cell.numberFormat = AUTOMATIC_FORMAT;
  cell.background = DEFAULT_BACKGROUND;
  cell.fontWeight = 'normal';
  cell.fontColor = DEFAULT_FONT_COLOR;
  cell.style = {};
}

function rank(v: Cell): number {
  if (typeof v === 'number' || v instanceof Date || Object.prototype.toString.call(v) === '[object Date]')
    return 0;
  if (typeof v === 'string') return 1;
  return 2;
}

function compareCells(a: Cell, b: Cell, ascending: boolean): number {
  if (a === '' || b === '') return a === b ? 0 : a === '' ? 1 : -1; // blanks last either way
  const dir = ascending ? 1 : -1;
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb) return (ra - rb) * dir;
  if (typeof a === 'string' && typeof b === 'string')
    return a.localeCompare(b, undefined, { sensitivity: 'base' }) * dir;
  return (Number(a) - Number(b)) * dir;
}

instrument(Range, 'Range');
