import { instrument } from './calls';
import { type Cell, copyCell, typeLabel } from './cells';
import { type ChartData, chartDataOf, EmbeddedChart, EmbeddedChartBuilder } from './charts';
import { ConditionalFormatRule, conditionalRuleOf } from './conditional-format';
import { Service, type StandInContext } from './context';
import {
  addMetadata,
  type DeveloperMetadata,
  DeveloperMetadataFinder,
  metadataAfterDelete,
  metadataAfterInsert,
  sheetMetadata,
} from './developer-metadata';
import { AUTOMATIC_FORMAT, type CellRecord, DEFAULT_BACKGROUND, DEFAULT_FONT_COLOR } from './grid';
import type { SheetModel } from './model';
import { MESSAGES, Range, rangeFromA1, rangeFromArgs } from './range';
import { Spreadsheet } from './spreadsheet';
import { storeInput } from './values';

const models = new WeakMap<Sheet, SheetModel>();

/**
 * A stand-in for SpreadsheetApp.Sheet. Like Range, it is a handle: the data
 * lives in the sheet model, so every Sheet object for the same sheet agrees.
 */
export class Sheet extends Service {
  constructor(ctx: StandInContext, model: SheetModel) {
    super(ctx);
    models.set(this, model);
  }

  /** The model behind a Sheet (for the stand-in's own use; not an Apps Script method). */
  static modelOf(sheet: unknown): SheetModel | null {
    return sheet instanceof Sheet ? (models.get(sheet) ?? null) : null;
  }

  #m(): SheetModel {
    const model = models.get(this);
    if (!model) throw new Error('Sheets stand-in: not a Sheet');
    if (!this.ctx.book.sheets.includes(model)) throw this.ctx.exception('The sheet has been deleted.');
    return model;
  }

  #rowsOutOfBounds(first: number, count: number): void {
    const { maxRows } = this.#m().grid;
    if (
      !Number.isInteger(first) ||
      !Number.isInteger(count) ||
      first < 1 ||
      count < 1 ||
      first + count - 1 > maxRows
    ) {
      throw this.ctx.exception('Those rows are out of bounds.');
    }
  }

  #columnsOutOfBounds(first: number, count: number): void {
    const { maxColumns } = this.#m().grid;
    if (
      !Number.isInteger(first) ||
      !Number.isInteger(count) ||
      first < 1 ||
      count < 1 ||
      first + count - 1 > maxColumns
    ) {
      throw this.ctx.exception('Those columns are out of bounds.');
    }
  }

  // Identity ------------------------------------------------------------------

  getName(): string {
    return this.#m().name;
  }

  getSheetName(): string {
    return this.#m().name;
  }

  setName(name: string): this {
    const model = this.#m();
    const other = this.ctx.book.find(String(name));
    if (other && other !== model) {
      throw this.ctx.exception(`A sheet with the name "${name}" already exists. Please enter another name.`);
    }
    model.name = String(name);
    return this;
  }

  getSheetId(): number {
    return this.#m().id;
  }

  getIndex(): number {
    return this.ctx.book.sheets.indexOf(this.#m()) + 1;
  }

  getParent(): Spreadsheet {
    return new Spreadsheet(this.ctx);
  }

  activate(): this {
    const model = this.#m();
    model.hidden = false;
    this.ctx.book.active = { sheet: model, rect: { row: 1, column: 1, numRows: 1, numColumns: 1 } };
    return this;
  }

  hideSheet(): this {
    const model = this.#m();
    const visible = this.ctx.book.sheets.filter((s) => !s.hidden && s !== model);
    if (visible.length === 0) throw this.ctx.exception("You can't hide all the sheets in a document.");
    model.hidden = true;
    return this;
  }

  showSheet(): this {
    this.#m().hidden = false;
    return this;
  }

  isSheetHidden(): boolean {
    return this.#m().hidden;
  }

  setTabColor(color: string | null): this {
    this.#m();
    void color;
    return this;
  }

  // Ranges --------------------------------------------------------------------

  getRange(a1Notation: string): Range;
  getRange(row: number, column: number, numRows?: number, numColumns?: number): Range;
  getRange(...args: unknown[]): Range {
    return rangeFromArgs(this.ctx, this.#m(), args, 'SpreadsheetApp.Sheet.getRange');
  }

  getDataRange(): Range {
    const model = this.#m();
    const rows = Math.max(1, model.grid.lastRow());
    const columns = Math.max(1, model.grid.lastColumn());
    return new Range(this.ctx, model, { row: 1, column: 1, numRows: rows, numColumns: columns }, null);
  }

  /**
   * Values of a block in one call. Sheets: "A -1 value given as the row or
   * column position is equivalent to getting the very last row or column that
   * has data in the sheet." On an empty sheet that leaves no rows, and the
   * stand-in refuses as getRange does (the stricter reading).
   */
  getSheetValues(startRow: number, startColumn: number, numRows: number, numColumns: number): Cell[][] {
    const model = this.#m();
    const rows = numRows === -1 ? model.grid.lastRow() - startRow + 1 : numRows;
    const columns = numColumns === -1 ? model.grid.lastColumn() - startColumn + 1 : numColumns;
    if (rows < 1) throw this.ctx.exception('The number of rows in the range must be at least 1.');
    if (columns < 1) throw this.ctx.exception('The number of columns in the range must be at least 1.');
    const out: Cell[][] = [];
    for (let r = 0; r < rows; r++) {
      const row: Cell[] = [];
      for (let c = 0; c < columns; c++)
        row.push(copyCell(model.grid.get(startRow + r, startColumn + c).value));
      out.push(row);
    }
    return out;
  }

  getActiveRange(): Range | null {
    const active = this.ctx.book.active;
    if (!active || active.sheet !== this.#m()) return null;
    return new Range(this.ctx, active.sheet, active.rect, null);
  }

  getActiveCell(): Range | null {
    const active = this.ctx.book.active;
    if (!active || active.sheet !== this.#m()) return null;
    return new Range(this.ctx, active.sheet, { ...active.rect, numRows: 1, numColumns: 1 }, null);
  }

  setActiveRange(range: Range): Range {
    const inner = Range.internals(range);
    if (!inner || inner.sheet !== this.#m())
      throw this.ctx.exception('The range must be on the sheet being activated.');
    this.ctx.book.active = { sheet: inner.sheet, rect: { ...inner.rect } };
    return range;
  }

  setActiveSelection(a1OrRange: string | Range): Range {
    const model = this.#m();
    const range = typeof a1OrRange === 'string' ? rangeFromA1(this.ctx, model, a1OrRange) : a1OrRange;
    const inner = Range.internals(range);
    if (!inner || inner.sheet !== model)
      throw this.ctx.exception('The range must be on the sheet being activated.');
    this.ctx.book.active = { sheet: model, rect: { ...inner.rect } };
    return range;
  }

  // Size ----------------------------------------------------------------------

  getLastRow(): number {
    return this.#m().grid.lastRow();
  }

  getLastColumn(): number {
    return this.#m().grid.lastColumn();
  }

  getMaxRows(): number {
    return this.#m().grid.maxRows;
  }

  getMaxColumns(): number {
    return this.#m().grid.maxColumns;
  }

  /**
   * Writes after the last row with content, growing the sheet when full, as
   * Sheets does. Strings convert as typed text; `=...` becomes a formula.
   */
  appendRow(rowContents: unknown[]): this {
    const model = this.#m();
    if (!Array.isArray(rowContents)) {
      throw this.ctx.exception(MESSAGES.signature(typeLabel(rowContents), 'SpreadsheetApp.Sheet.appendRow'));
    }
    const row = model.grid.lastRow() + 1;
    model.grid.ensureRows(row);
    if (rowContents.length > model.grid.maxColumns) {
      model.grid.insertColumns(model.grid.maxColumns, rowContents.length - model.grid.maxColumns);
    }
    rowContents.forEach((value, i) => {
      storeInput(this.ctx, model.grid.edit(row, i + 1), value);
    });
    return this;
  }

  insertRowAfter(afterPosition: number): this {
    return this.#insertRows(afterPosition, afterPosition, 1);
  }

  insertRowsAfter(afterPosition: number, howMany: number): this {
    return this.#insertRows(afterPosition, afterPosition, howMany);
  }

  insertRowBefore(beforePosition: number): this {
    return this.#insertRows(beforePosition, beforePosition - 1, 1);
  }

  insertRowsBefore(beforePosition: number, howMany: number): this {
    return this.#insertRows(beforePosition, beforePosition - 1, howMany);
  }

  #insertRows(position: number, after: number, howMany: number): this {
    this.#rowsOutOfBounds(position, 1);
    if (!Number.isInteger(howMany) || howMany < 1) throw this.ctx.exception('Those rows are out of bounds.');
    const model = this.#m();
    model.grid.insertRows(after, howMany);
    metadataAfterInsert(this.ctx.book, model, 'ROW', after, howMany);
    return this;
  }

  insertColumnAfter(afterPosition: number): this {
    return this.#insertColumns(afterPosition, afterPosition, 1);
  }

  insertColumnsAfter(afterPosition: number, howMany: number): this {
    return this.#insertColumns(afterPosition, afterPosition, howMany);
  }

  insertColumnBefore(beforePosition: number): this {
    return this.#insertColumns(beforePosition, beforePosition - 1, 1);
  }

  insertColumnsBefore(beforePosition: number, howMany: number): this {
    return this.#insertColumns(beforePosition, beforePosition - 1, howMany);
  }

  #insertColumns(position: number, after: number, howMany: number): this {
    this.#columnsOutOfBounds(position, 1);
    if (!Number.isInteger(howMany) || howMany < 1)
      throw this.ctx.exception('Those columns are out of bounds.');
    const model = this.#m();
    model.grid.insertColumns(after, howMany);
    metadataAfterInsert(this.ctx.book, model, 'COLUMN', after, howMany);
    return this;
  }

  /** Present so tests can catch the add-on deleting a user's rows (it never should). */
  deleteRow(rowPosition: number): this {
    return this.#deleteRows(rowPosition, 1);
  }

  deleteRows(rowPosition: number, howMany: number): this {
    return this.#deleteRows(rowPosition, howMany);
  }

  #deleteRows(rowPosition: number, howMany: number): this {
    const model = this.#m();
    this.#rowsOutOfBounds(rowPosition, howMany);
    if (model.grid.maxRows - howMany <= model.frozenRows) {
      throw this.ctx.exception('Sorry, it is not possible to delete all non-frozen rows.');
    }
    model.grid.deleteRows(rowPosition, howMany);
    metadataAfterDelete(this.ctx.book, model, 'ROW', rowPosition, howMany);
    return this;
  }

  deleteColumn(columnPosition: number): this {
    return this.#deleteColumns(columnPosition, 1);
  }

  deleteColumns(columnPosition: number, howMany: number): this {
    return this.#deleteColumns(columnPosition, howMany);
  }

  #deleteColumns(columnPosition: number, howMany: number): this {
    const model = this.#m();
    this.#columnsOutOfBounds(columnPosition, howMany);
    if (model.grid.maxColumns - howMany <= model.frozenColumns) {
      throw this.ctx.exception('Sorry, it is not possible to delete all non-frozen columns.');
    }
    model.grid.deleteColumns(columnPosition, howMany);
    metadataAfterDelete(this.ctx.book, model, 'COLUMN', columnPosition, howMany);
    return this;
  }

  // Layout --------------------------------------------------------------------

  setFrozenRows(rows: number): this {
    const model = this.#m();
    if (!Number.isInteger(rows) || rows < 0 || rows >= model.grid.maxRows) {
      throw this.ctx.exception('Sorry, it is not possible to freeze that many rows.');
    }
    model.frozenRows = rows;
    return this;
  }

  getFrozenRows(): number {
    return this.#m().frozenRows;
  }

  setFrozenColumns(columns: number): this {
    const model = this.#m();
    if (!Number.isInteger(columns) || columns < 0 || columns >= model.grid.maxColumns) {
      throw this.ctx.exception('Sorry, it is not possible to freeze that many columns.');
    }
    model.frozenColumns = columns;
    return this;
  }

  getFrozenColumns(): number {
    return this.#m().frozenColumns;
  }

  setColumnWidth(columnPosition: number, width: number): this {
    this.#columnsOutOfBounds(columnPosition, 1);
    this.#m().columnWidths.set(columnPosition, width);
    return this;
  }

  setColumnWidths(startColumn: number, numColumns: number, width: number): this {
    this.#columnsOutOfBounds(startColumn, numColumns);
    for (let c = startColumn; c < startColumn + numColumns; c++) this.#m().columnWidths.set(c, width);
    return this;
  }

  getColumnWidth(columnPosition: number): number {
    return this.#m().columnWidths.get(columnPosition) ?? 100;
  }

  autoResizeColumn(columnPosition: number): this {
    this.#columnsOutOfBounds(columnPosition, 1);
    return this;
  }

  autoResizeColumns(startColumn: number, numColumns: number): this {
    this.#columnsOutOfBounds(startColumn, numColumns);
    return this;
  }

  /** Clears contents and formats of the whole sheet (validation and notes stay, as with Range.clear). */
  clear(): this {
    this.#everyCell((cell) => {
      cell.value = '';
      cell.formula = '';
      cell.numberFormat = AUTOMATIC_FORMAT;
      cell.background = DEFAULT_BACKGROUND;
      cell.fontWeight = 'normal';
      cell.fontColor = DEFAULT_FONT_COLOR;
      cell.style = {};
    });
    return this;
  }

  clearContents(): this {
    this.#everyCell((cell) => {
      cell.value = '';
      cell.formula = '';
    });
    return this;
  }

  clearFormats(): this {
    this.#everyCell((cell) => {
      cell.numberFormat = AUTOMATIC_FORMAT;
      cell.background = DEFAULT_BACKGROUND;
      cell.fontWeight = 'normal';
      cell.fontColor = DEFAULT_FONT_COLOR;
      cell.style = {};
    });
    return this;
  }

  #everyCell(change: (cell: CellRecord) => void): void {
    const { grid } = this.#m();
    for (let r = 1; r <= grid.maxRows; r++) {
      for (let c = 1; c <= grid.maxColumns; c++) change(grid.edit(r, c));
    }
  }

  // Developer metadata ------------------------------------------------------------

  /** `(key)`, `(key, visibility)`, `(key, value)`, `(key, value, visibility)`; attached to the sheet itself. */
  addDeveloperMetadata(...args: unknown[]): this {
    const model = this.#m();
    addMetadata(this.ctx, { type: 'SHEET', sheet: model }, args, 'SpreadsheetApp.Sheet.addDeveloperMetadata');
    return this;
  }

  /** The sheet's own metadata; its rows' and columns' need a finder (see developer-metadata.ts). */
  getDeveloperMetadata(): DeveloperMetadata[] {
    return sheetMetadata(this.ctx, this.#m());
  }

  createDeveloperMetadataFinder(): DeveloperMetadataFinder {
    return new DeveloperMetadataFinder(this.ctx, { kind: 'sheet', sheet: this.#m() });
  }

  // Conditional formats -----------------------------------------------------------

  getConditionalFormatRules(): ConditionalFormatRule[] {
    return this.#m().conditionalRules.map((rule) => new ConditionalFormatRule(this.ctx, rule));
  }

  /** Replaces all of the sheet's rules, as Sheets does; each rule's ranges must be on this sheet. */
  setConditionalFormatRules(rules: ConditionalFormatRule[]): void {
    const model = this.#m();
    if (!Array.isArray(rules)) {
      throw this.ctx.exception(
        MESSAGES.signature(typeLabel(rules), 'SpreadsheetApp.Sheet.setConditionalFormatRules'),
      );
    }
    const data = rules.map((rule) => conditionalRuleOf(this.ctx, rule));
    for (const rule of data) {
      for (const range of rule.ranges) {
        if (Range.internals(range)?.sheet !== model) {
          throw this.ctx.exception(
            'Sheets stand-in: a conditional format rule on this sheet has a range on another sheet.',
          );
        }
      }
    }
    model.conditionalRules = data;
  }

  clearConditionalFormatRules(): void {
    this.#m().conditionalRules = [];
  }

  // Charts ----------------------------------------------------------------------

  newChart(): EmbeddedChartBuilder {
    this.#m();
    return new EmbeddedChartBuilder(this.ctx);
  }

  insertChart(chart: EmbeddedChart): void {
    const model = this.#m();
    const data = chartDataOf(this.ctx, chart);
    if (model.charts.some((c) => c.id === data.id))
      throw this.ctx.exception('Sheets stand-in: that chart is already on this sheet; use updateChart.');
    model.charts.push(data);
  }

  getCharts(): EmbeddedChart[] {
    return this.#m().charts.map((c) => new EmbeddedChart(this.ctx, c));
  }

  removeChart(chart: EmbeddedChart): void {
    const model = this.#m();
    const data = chartDataOf(this.ctx, chart);
    const before = model.charts.length;
    model.charts = model.charts.filter((c) => c.id !== data.id);
    if (model.charts.length === before)
      throw this.ctx.exception('Sheets stand-in: that chart is not on this sheet.');
  }

  updateChart(chart: EmbeddedChart): void {
    const model = this.#m();
    const data: ChartData = chartDataOf(this.ctx, chart);
    const i = model.charts.findIndex((c) => c.id === data.id);
    if (i < 0) throw this.ctx.exception('Sheets stand-in: that chart is not on this sheet; use insertChart.');
    model.charts[i] = data;
  }
}

instrument(Sheet, 'Sheet');
