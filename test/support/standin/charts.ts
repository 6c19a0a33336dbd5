import { rectToA1 } from './a1';
import { instrument } from './calls';
import { Service, type StandInContext } from './context';
import { ChartType, type EnumValue, enumName } from './enums';
import { Range } from './range';

/**
 * Embedded charts: `sheet.newChart()` builders, charts as stored data, and the
 * views Sheets hands back. Charts are never drawn; tests read their type,
 * ranges, options and position.
 */
export interface ChartData {
  readonly id: number;
  readonly type: string;
  readonly ranges: readonly Range[];
  readonly options: Readonly<Record<string, unknown>>;
  readonly position: { row: number; column: number; offsetX: number; offsetY: number };
  readonly numHeaders: number;
  readonly transpose: boolean;
}

/** A chart as tests read it, ranges as `Sheet!A1` text. */
export interface ChartDescription {
  id: number;
  type: string;
  ranges: string[];
  options: Record<string, unknown>;
  position: { row: number; column: number; offsetX: number; offsetY: number };
  numHeaders: number;
}

export function describeChart(chart: ChartData): ChartDescription {
  return {
    id: chart.id,
    type: chart.type,
    ranges: chart.ranges.map((r) => {
      const inner = Range.internals(r);
      return inner ? `${inner.sheet.name}!${inner.notation ?? rectToA1(inner.rect)}` : '?';
    }),
    options: { ...chart.options },
    position: { ...chart.position },
    numHeaders: chart.numHeaders,
  };
}

const charts = new WeakMap<object, ChartData>();

export function chartDataOf(ctx: StandInContext, chart: unknown): ChartData {
  const d = typeof chart === 'object' && chart !== null ? charts.get(chart) : undefined;
  if (!d)
    throw ctx.exception(
      "The parameters (Object) don't match the method signature for SpreadsheetApp.Sheet.insertChart.",
    );
  return d;
}

function dataOf(view: object): ChartData {
  const d = charts.get(view);
  if (!d) throw new Error('Sheets stand-in: not a chart');
  return d;
}

/** Charts.ChartOptions. */
export class ChartOptions extends Service {
  readonly #options: Readonly<Record<string, unknown>>;

  constructor(ctx: StandInContext, options: Readonly<Record<string, unknown>>) {
    super(ctx);
    this.#options = options;
  }

  get(option: string): unknown {
    return this.#options[option] ?? null;
  }

  getOrDefault(option: string): unknown {
    return this.#options[option] ?? null;
  }
}

/** SpreadsheetApp.ContainerInfo: where a chart sits. */
export class ContainerInfo extends Service {
  readonly #position: ChartData['position'];

  constructor(ctx: StandInContext, position: ChartData['position']) {
    super(ctx);
    this.#position = position;
  }

  getAnchorRow(): number {
    return this.#position.row;
  }

  getAnchorColumn(): number {
    return this.#position.column;
  }

  getOffsetX(): number {
    return this.#position.offsetX;
  }

  getOffsetY(): number {
    return this.#position.offsetY;
  }
}

/** SpreadsheetApp.EmbeddedChart. */
export class EmbeddedChart extends Service {
  constructor(ctx: StandInContext, chart: ChartData) {
    super(ctx);
    charts.set(this, chart);
  }

  getId(): string {
    return `stand-in-chart-${dataOf(this).id}`;
  }

  getChartId(): number {
    return dataOf(this).id;
  }

  getRanges(): Range[] {
    return [...dataOf(this).ranges];
  }

  getOptions(): ChartOptions {
    return new ChartOptions(this.ctx, dataOf(this).options);
  }

  getContainerInfo(): ContainerInfo {
    return new ContainerInfo(this.ctx, dataOf(this).position);
  }

  getNumHeaders(): number {
    return dataOf(this).numHeaders;
  }

  getTransposeRowsAndColumns(): boolean {
    return dataOf(this).transpose;
  }

  modify(): EmbeddedChartBuilder {
    return new EmbeddedChartBuilder(this.ctx, dataOf(this));
  }
}

/** SpreadsheetApp.EmbeddedChartBuilder (the `as...Chart()` variants return the same builder). */
export class EmbeddedChartBuilder extends Service {
  #id: number | null;
  #type = 'LINE';
  #ranges: Range[] = [];
  #options: Record<string, unknown> = {};
  #position = { row: 1, column: 1, offsetX: 0, offsetY: 0 };
  #numHeaders = -1;
  #transpose = false;

  constructor(ctx: StandInContext, from?: ChartData) {
    super(ctx);
    this.#id = from?.id ?? null;
    if (from) {
      this.#type = from.type;
      this.#ranges = [...from.ranges];
      this.#options = { ...from.options };
      this.#position = { ...from.position };
      this.#numHeaders = from.numHeaders;
      this.#transpose = from.transpose;
    }
  }

  setChartType(type: EnumValue): this {
    const name = enumName(type);
    if (!(name in ChartType)) throw this.ctx.exception(`Sheets stand-in: unknown chart type ${name}.`);
    this.#type = name;
    return this;
  }

  getChartType(): EnumValue {
    return ChartType[this.#type as keyof typeof ChartType];
  }

  asLineChart(): this {
    this.#type = 'LINE';
    return this;
  }

  asColumnChart(): this {
    this.#type = 'COLUMN';
    return this;
  }

  asBarChart(): this {
    this.#type = 'BAR';
    return this;
  }

  asAreaChart(): this {
    this.#type = 'AREA';
    return this;
  }

  asComboChart(): this {
    this.#type = 'COMBO';
    return this;
  }

  asPieChart(): this {
    this.#type = 'PIE';
    return this;
  }

  addRange(range: Range): this {
    if (!Range.internals(range))
      throw this.ctx.exception(
        "The parameters (Object) don't match the method signature for SpreadsheetApp.EmbeddedChartBuilder.addRange.",
      );
    this.#ranges.push(range);
    return this;
  }

  removeRange(range: Range): this {
    const target = Range.internals(range);
    this.#ranges = this.#ranges.filter((r) => {
      const inner = Range.internals(r);
      return !(
        inner &&
        target &&
        inner.sheet === target.sheet &&
        rectToA1(inner.rect) === rectToA1(target.rect)
      );
    });
    return this;
  }

  clearRanges(): this {
    this.#ranges = [];
    return this;
  }

  getRanges(): Range[] {
    return [...this.#ranges];
  }

  setPosition(anchorRowPos: number, anchorColPos: number, offsetX: number, offsetY: number): this {
    this.#position = { row: anchorRowPos, column: anchorColPos, offsetX, offsetY };
    return this;
  }

  setOption(option: string, value: unknown): this {
    this.#options[String(option)] = value;
    return this;
  }

  setTitle(title: string): this {
    this.#options.title = title;
    return this;
  }

  setNumHeaders(headers: number): this {
    this.#numHeaders = headers;
    return this;
  }

  setTransposeRowsAndColumns(transpose: boolean): this {
    this.#transpose = transpose;
    return this;
  }

  setHiddenDimensionStrategy(strategy: unknown): this {
    this.#options.hiddenDimensionStrategy = enumName(strategy);
    return this;
  }

  setMergeStrategy(strategy: unknown): this {
    this.#options.mergeStrategy = enumName(strategy);
    return this;
  }

  build(): EmbeddedChart {
    if (this.#id === null) this.#id = this.ctx.id();
    const chart: ChartData = Object.freeze({
      id: this.#id,
      type: this.#type,
      ranges: Object.freeze([...this.#ranges]),
      options: Object.freeze({ ...this.#options }),
      position: Object.freeze({ ...this.#position }),
      numHeaders: this.#numHeaders,
      transpose: this.#transpose,
    });
    return new EmbeddedChart(this.ctx, chart);
  }
}

instrument(ChartOptions, 'ChartOptions');
instrument(ContainerInfo, 'ContainerInfo');
instrument(EmbeddedChart, 'EmbeddedChart');
instrument(EmbeddedChartBuilder, 'EmbeddedChartBuilder');
