import { rectToA1 } from './a1';
import { instrument } from './calls';
import { type Cell, isDate } from './cells';
import { Service, type StandInContext } from './context';
import { DataValidationCriteria, type DataValidationCriteriaName, type EnumValue } from './enums';
import { Range } from './range';

/**
 * Data validation: `SpreadsheetApp.newDataValidation()` builders and the rules
 * they build. A rule is immutable data shared by every cell it was set on;
 * `DataValidation` objects are fresh views of it, as in Sheets.
 */
export interface ValidationRule {
  readonly criteria: DataValidationCriteriaName;
  /** As getCriteriaValues returns them: a Range for VALUE_IN_RANGE, a string[] for VALUE_IN_LIST, then showDropdown. */
  readonly values: readonly unknown[];
  readonly allowInvalid: boolean;
  readonly helpText: string;
}

/** A rule as tests read it: the range argument as `'Sheet'!A1` text. */
export interface RuleDescription {
  criteria: DataValidationCriteriaName;
  args: unknown[];
  allowInvalid: boolean;
  helpText: string;
}

const rules = new WeakMap<object, ValidationRule>();

/** The data behind a DataValidation the bundle passes back (throws on anything else, as Sheets would). */
export function ruleOf(ctx: StandInContext, rule: unknown): ValidationRule {
  const data = typeof rule === 'object' && rule !== null ? rules.get(rule) : undefined;
  if (!data)
    throw ctx.exception(
      "The parameters (Object) don't match the method signature for SpreadsheetApp.Range.setDataValidation.",
    );
  return data;
}

export function describeRule(rule: ValidationRule): RuleDescription {
  return {
    criteria: rule.criteria,
    args: rule.values.map((v) => {
      const inner = Range.internals(v);
      if (!inner) return Array.isArray(v) ? [...v] : v;
      return `${inner.sheet.name}!${inner.notation ?? rectToA1(inner.rect)}`;
    }),
    allowInvalid: rule.allowInvalid,
    helpText: rule.helpText,
  };
}

/**
 * Whether a person may type `value` into a cell with this rule (scripts may
 * write anything: Sheets applies validation to user input only).
 * `rangeValues` reads a VALUE_IN_RANGE source without counting calls.
 */
export function ruleAccepts(
  rule: ValidationRule,
  value: Cell,
  rangeValues: (range: unknown) => Cell[][],
): boolean {
  if (rule.allowInvalid || value === '') return true;
  switch (rule.criteria) {
    case 'CHECKBOX':
      return rule.values.length === 0
        ? typeof value === 'boolean'
        : rule.values.some((v) => String(v) === String(value));
    case 'VALUE_IN_LIST':
      return ((rule.values[0] as unknown[]) ?? []).some((v) => String(v) === String(value));
    case 'VALUE_IN_RANGE':
      return rangeValues(rule.values[0]).some((row) =>
        row.some((v) => v !== '' && String(v) === String(value)),
      );
    case 'DATE_IS_VALID_DATE':
      return isDate(value);
    default:
      return true;
  }
}

function dataOf(view: DataValidation): ValidationRule {
  const data = rules.get(view);
  if (!data) throw new Error('Sheets stand-in: not a DataValidation');
  return data;
}

/** SpreadsheetApp.DataValidation: read-only view of a rule. */
export class DataValidation extends Service {
  constructor(ctx: StandInContext, data: ValidationRule) {
    super(ctx);
    rules.set(this, data);
  }

  getCriteriaType(): EnumValue {
    return DataValidationCriteria[dataOf(this).criteria];
  }

  getCriteriaValues(): unknown[] {
    return dataOf(this).values.map((v) => (Array.isArray(v) ? [...v] : v));
  }

  getAllowInvalid(): boolean {
    return dataOf(this).allowInvalid;
  }

  getHelpText(): string {
    return dataOf(this).helpText;
  }

  copy(): DataValidationBuilder {
    return new DataValidationBuilder(this.ctx, dataOf(this));
  }
}

/** SpreadsheetApp.DataValidationBuilder. */
export class DataValidationBuilder extends Service {
  #criteria: DataValidationCriteriaName | null = null;
  #values: unknown[] = [];
  #allowInvalid = true;
  #helpText = '';

  constructor(ctx: StandInContext, from?: ValidationRule) {
    super(ctx);
    if (from) {
      this.#criteria = from.criteria;
      this.#values = [...from.values];
      this.#allowInvalid = from.allowInvalid;
      this.#helpText = from.helpText;
    }
  }

  #set(criteria: DataValidationCriteriaName, values: unknown[]): this {
    this.#criteria = criteria;
    this.#values = values;
    return this;
  }

  requireCheckbox(checkedValue?: unknown, uncheckedValue?: unknown): this {
    const values = [checkedValue, uncheckedValue].filter((v) => v !== undefined);
    return this.#set('CHECKBOX', values);
  }

  requireValueInList(values: readonly unknown[], showDropdown = true): this {
    if (!Array.isArray(values))
      throw this.ctx.exception(
        "The parameters (String) don't match the method signature for SpreadsheetApp.DataValidationBuilder.requireValueInList.",
      );
    return this.#set('VALUE_IN_LIST', [values.map(String), showDropdown]);
  }

  requireValueInRange(range: Range, showDropdown = true): this {
    if (!Range.internals(range))
      throw this.ctx.exception(
        "The parameters (Object) don't match the method signature for SpreadsheetApp.DataValidationBuilder.requireValueInRange.",
      );
    return this.#set('VALUE_IN_RANGE', [range, showDropdown]);
  }

  requireDate(): this {
    return this.#set('DATE_IS_VALID_DATE', []);
  }

  requireFormulaSatisfied(formula: string): this {
    return this.#set('CUSTOM_FORMULA', [String(formula)]);
  }

  requireNumberBetween(start: number, end: number): this {
    return this.#set('NUMBER_BETWEEN', [start, end]);
  }

  requireNumberGreaterThanOrEqualTo(number: number): this {
    return this.#set('NUMBER_GREATER_THAN_OR_EQUAL_TO', [number]);
  }

  requireTextIsEmail(): this {
    return this.#set('TEXT_IS_VALID_EMAIL', []);
  }

  withCriteria(criteria: EnumValue, args: unknown[]): this {
    return this.#set(criteria.name() as DataValidationCriteriaName, [...args]);
  }

  setAllowInvalid(allowInvalidData: boolean): this {
    this.#allowInvalid = Boolean(allowInvalidData);
    return this;
  }

  setHelpText(helpText: string): this {
    this.#helpText = String(helpText);
    return this;
  }

  getCriteriaType(): EnumValue | null {
    return this.#criteria ? DataValidationCriteria[this.#criteria] : null;
  }

  getCriteriaValues(): unknown[] {
    return [...this.#values];
  }

  getAllowInvalid(): boolean {
    return this.#allowInvalid;
  }

  getHelpText(): string {
    return this.#helpText;
  }

  build(): DataValidation {
    if (!this.#criteria)
      throw this.ctx.exception('Sheets stand-in: build() before any require...() criteria.');
    const data: ValidationRule = Object.freeze({
      criteria: this.#criteria,
      values: Object.freeze([...this.#values]),
      allowInvalid: this.#allowInvalid,
      helpText: this.#helpText,
    });
    return new DataValidation(this.ctx, data);
  }

  copy(): DataValidationBuilder {
    const copy = new DataValidationBuilder(this.ctx);
    copy.#criteria = this.#criteria;
    copy.#values = [...this.#values];
    copy.#allowInvalid = this.#allowInvalid;
    copy.#helpText = this.#helpText;
    return copy;
  }
}

instrument(DataValidation, 'DataValidation');
instrument(DataValidationBuilder, 'DataValidationBuilder');
