import { rectToA1 } from './a1';
import { instrument } from './calls';
import { Service, type StandInContext } from './context';
import { BooleanCriteria, type BooleanCriteriaName, type EnumValue } from './enums';
import { Range } from './range';
import { normalizeColor } from './values';

/**
 * Conditional formatting: highlights with no writes at all, which is why the
 * daily checks use a rule keyed on Health instead of painting rows. Rules are
 * stored per sheet as data; the stand-in never evaluates them.
 */
export interface ConditionalRuleData {
  readonly criteria: BooleanCriteriaName | null;
  readonly values: readonly unknown[];
  readonly background: string | null;
  readonly fontColor: string | null;
  readonly bold: boolean | null;
  readonly italic: boolean | null;
  /** Range objects, as getRanges returns them. */
  readonly ranges: readonly Range[];
}

/** A rule as tests read it. */
export interface ConditionalRuleDescription {
  criteria: BooleanCriteriaName | null;
  values: unknown[];
  /** The formula of a CUSTOM_FORMULA rule, else null. */
  formula: string | null;
  background: string | null;
  fontColor: string | null;
  bold: boolean | null;
  /** A1 text of each range, e.g. `A2:L1000` or `A:L`. */
  ranges: string[];
}

const data = new WeakMap<object, ConditionalRuleData>();

export function conditionalRuleOf(ctx: StandInContext, rule: unknown): ConditionalRuleData {
  const d = typeof rule === 'object' && rule !== null ? data.get(rule) : undefined;
  if (!d)
    throw ctx.exception(
      "The parameters (Object[]) don't match the method signature for SpreadsheetApp.Sheet.setConditionalFormatRules.",
    );
  return d;
}

export function describeConditionalRule(rule: ConditionalRuleData): ConditionalRuleDescription {
  return {
    criteria: rule.criteria,
    values: [...rule.values],
    formula: rule.criteria === 'CUSTOM_FORMULA' ? String(rule.values[0] ?? '') : null,
    background: rule.background,
    fontColor: rule.fontColor,
    bold: rule.bold,
    ranges: rule.ranges.map((r) => {
      const inner = Range.internals(r);
      return inner ? (inner.notation ?? rectToA1(inner.rect)) : '?';
    }),
  };
}

function dataOf(view: object): ConditionalRuleData {
  const d = data.get(view);
  if (!d) throw new Error('Sheets stand-in: not a conditional format rule');
  return d;
}

/** SpreadsheetApp.BooleanCondition: the "when" and the format of a rule. */
export class BooleanCondition extends Service {
  constructor(ctx: StandInContext, rule: ConditionalRuleData) {
    super(ctx);
    data.set(this, rule);
  }

  getCriteriaType(): EnumValue | null {
    const c = dataOf(this).criteria;
    return c ? BooleanCriteria[c] : null;
  }

  getCriteriaValues(): unknown[] {
    return [...dataOf(this).values];
  }

  getBackground(): string | null {
    return dataOf(this).background;
  }

  getFontColor(): string | null {
    return dataOf(this).fontColor;
  }

  getBold(): boolean | null {
    return dataOf(this).bold;
  }

  getItalic(): boolean | null {
    return dataOf(this).italic;
  }
}

/** SpreadsheetApp.ConditionalFormatRule. */
export class ConditionalFormatRule extends Service {
  constructor(ctx: StandInContext, rule: ConditionalRuleData) {
    super(ctx);
    data.set(this, rule);
  }

  getRanges(): Range[] {
    return [...dataOf(this).ranges];
  }

  getBooleanCondition(): BooleanCondition | null {
    const rule = dataOf(this);
    return rule.criteria ? new BooleanCondition(this.ctx, rule) : null;
  }

  getGradientCondition(): null {
    return null;
  }

  copy(): ConditionalFormatRuleBuilder {
    return new ConditionalFormatRuleBuilder(this.ctx, dataOf(this));
  }
}

/** SpreadsheetApp.ConditionalFormatRuleBuilder. */
export class ConditionalFormatRuleBuilder extends Service {
  #rule: {
    criteria: BooleanCriteriaName | null;
    values: unknown[];
    background: string | null;
    fontColor: string | null;
    bold: boolean | null;
    italic: boolean | null;
    ranges: Range[];
  };

  constructor(ctx: StandInContext, from?: ConditionalRuleData) {
    super(ctx);
    this.#rule = {
      criteria: from?.criteria ?? null,
      values: [...(from?.values ?? [])],
      background: from?.background ?? null,
      fontColor: from?.fontColor ?? null,
      bold: from?.bold ?? null,
      italic: from?.italic ?? null,
      ranges: [...(from?.ranges ?? [])],
    };
  }

  #when(criteria: BooleanCriteriaName, values: unknown[]): this {
    this.#rule.criteria = criteria;
    this.#rule.values = values;
    return this;
  }

  whenFormulaSatisfied(formula: string): this {
    return this.#when('CUSTOM_FORMULA', [String(formula)]);
  }

  whenCellEmpty(): this {
    return this.#when('CELL_EMPTY', []);
  }

  whenCellNotEmpty(): this {
    return this.#when('CELL_NOT_EMPTY', []);
  }

  whenTextEqualTo(text: string): this {
    return this.#when('TEXT_EQUAL_TO', [String(text)]);
  }

  whenTextContains(text: string): this {
    return this.#when('TEXT_CONTAINS', [String(text)]);
  }

  whenTextStartsWith(text: string): this {
    return this.#when('TEXT_STARTS_WITH', [String(text)]);
  }

  whenNumberGreaterThan(number: number): this {
    return this.#when('NUMBER_GREATER_THAN', [number]);
  }

  whenNumberLessThan(number: number): this {
    return this.#when('NUMBER_LESS_THAN', [number]);
  }

  setBackground(color: string | null): this {
    this.#rule.background = color === null ? null : normalizeColor(color, '');
    return this;
  }

  setFontColor(color: string | null): this {
    this.#rule.fontColor = color === null ? null : normalizeColor(color, '');
    return this;
  }

  setBold(bold: boolean | null): this {
    this.#rule.bold = bold;
    return this;
  }

  setItalic(italic: boolean | null): this {
    this.#rule.italic = italic;
    return this;
  }

  setRanges(ranges: readonly Range[]): this {
    if (!Array.isArray(ranges) || !ranges.every((r) => Range.internals(r))) {
      throw this.ctx.exception(
        "The parameters (Object) don't match the method signature for SpreadsheetApp.ConditionalFormatRuleBuilder.setRanges.",
      );
    }
    this.#rule.ranges = [...ranges];
    return this;
  }

  getRanges(): Range[] {
    return [...this.#rule.ranges];
  }

  getBooleanCondition(): BooleanCondition | null {
    return this.#rule.criteria ? new BooleanCondition(this.ctx, { ...this.#rule }) : null;
  }

  build(): ConditionalFormatRule {
    const r = this.#rule;
    const frozen: ConditionalRuleData = Object.freeze({
      ...r,
      values: Object.freeze([...r.values]),
      ranges: Object.freeze([...r.ranges]),
    });
    return new ConditionalFormatRule(this.ctx, frozen);
  }

  copy(): ConditionalFormatRuleBuilder {
    return new ConditionalFormatRuleBuilder(this.ctx, { ...this.#rule });
  }
}

instrument(BooleanCondition, 'BooleanCondition');
instrument(ConditionalFormatRule, 'ConditionalFormatRule');
instrument(ConditionalFormatRuleBuilder, 'ConditionalFormatRuleBuilder');
