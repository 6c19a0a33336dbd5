import { type Cell, isBlankCell } from './cells';
import { currencyOf } from './currencies';
import type { TableName } from './problems';
import type { Table } from './table';

export { currencyOf };

/**
 * How the values of a table are read, as the CLI's `columns` command and the
 * Connect-your-sheet dialog show it (SPEC §4, §6): which header each field
 * maps to, the Amount's unit and currency, and the order of its dates.
 */

/** The order of day, month and year in a table's date text. */
export type DateOrder = 'day-first' | 'month-first' | 'year-first';

// 11/15/2023 or 15-11-2023 (slashes or dashes, year last): the order is the column's, or --day-first.
const SLASHED_YEAR_LAST = /^(\d{1,2})\s*([-/])\s*(\d{1,2})\s*\2\s*\d{4}(?:\s|$)/;
// 15.11.2023 (dots, year last) is always day-first (SPEC §2).
const DOTTED_YEAR_LAST = /^\d{1,2}\s*\.\s*\d{1,2}\s*\.\s*\d{4}(?:\s|$)/;
// 2023-11-15, 2023/11/15, 2023. 11. 5, 2023년 11월 15일.
const YEAR_FIRST = /^\d{4}\s*(?:[-/.]|년)\s*\d{1,2}/;

/** What a column's text says about its date order. */
interface DateEvidence {
  slashed: number;
  firstOver12: number;
  dotted: number;
  yearFirst: number;
}

function dateEvidence(values: Iterable<Cell>): DateEvidence {
  const seen: DateEvidence = { slashed: 0, firstOver12: 0, dotted: 0, yearFirst: 0 };
  for (const value of values) {
    if (typeof value !== 'string') continue;
    const text = value.trim();
    const slashed = SLASHED_YEAR_LAST.exec(text);
    if (slashed) {
      seen.slashed++;
      if (Number(slashed[1]) > 12) seen.firstOver12++;
    } else if (DOTTED_YEAR_LAST.test(text)) seen.dotted++;
    else if (YEAR_FIRST.test(text)) seen.yearFirst++;
  }
  return seen;
}

/**
 * Whether a column's own values show day-first dates: a year-last date
 * whose first part is over 12 (`15/11/2023`), or dotted year-last dates
 * (`15.11.2023`), which are always day-first.
 *
 * @example
 * showsDayFirst(['11/05/2023', '15/11/2023']) // → true
 * showsDayFirst(['05.11.2023']) // → true
 * showsDayFirst(['11/05/2023', '2023-11-15']) // → false
 */
export function showsDayFirst(values: Iterable<Cell>): boolean {
  const seen = dateEvidence(values);
  return seen.firstOver12 > 0 || (seen.dotted > 0 && seen.slashed === 0);
}

/**
 * The order a column's date text is read in (SPEC §2): year-last dates with
 * slashes are month-first as US Sheets writes them unless `dayFirst` (the
 * CLI's `--day-first`) or the values show day-first; dotted year-last dates
 * are day-first; `2023-11-15` and `2023년 11월 15일` are year-first. `null`
 * when no value is date text (blank, or Date cells that need no order).
 *
 * @example
 * dateOrderOf(['11/05/2023', '15/11/2023']) // → 'day-first'
 * dateOrderOf(['11/05/2023']) // → 'month-first'
 * dateOrderOf(['11/05/2023'], true) // → 'day-first'
 * dateOrderOf(['15.11.2023']) // → 'day-first'
 * dateOrderOf(['2023-04-04 11:48', '2023. 11. 5']) // → 'year-first'
 * dateOrderOf(['', 45000]) // → null
 */
export function dateOrderOf(values: Iterable<Cell>, dayFirst = false): DateOrder | null {
  const seen = dateEvidence(values);
  if (seen.slashed > 0) return dayFirst || seen.firstOver12 > 0 ? 'day-first' : 'month-first';
  if (seen.dotted > 0) return 'day-first';
  return seen.yearFirst > 0 ? 'year-first' : null;
}

/** Fields holding dates, by table: where the date order is read from. */
export const DATE_FIELDS: Readonly<Record<TableName, readonly string[]>> = {
  Deals: ['stageEntered', 'expectedClose'],
  Stages: [],
  'Stage history': ['when'],
  Tasks: ['due', 'created', 'closed'],
};

/** The filled values under one column of a table, data rows only. */
export function columnValues(table: Table<string>, field: string): Cell[] {
  const c = table.columns[field];
  if (c === undefined) return [];
  const values: Cell[] = [];
  for (const i of table.dataRows) {
    const cell = table.grid[i]?.[c];
    if (!isBlankCell(cell)) values.push(cell);
  }
  return values;
}

/** How a table's columns and values are read: what `columns` prints for it (SPEC §6). */
export interface ColumnReading {
  /** The header row as the sheet numbers it. */
  readonly headerRow: number;
  /** Every field of the table → the header it maps to, `null` when missing. */
  readonly fields: Readonly<Record<string, string | null>>;
  /** Non-blank headers no field took, refused ones included. */
  readonly ignored: readonly string[];
  /** Headers whose values said they are not the field they look like (a `Status` of notes). */
  readonly refused: readonly string[];
  /** What every Amount number is multiplied by; `null` for a table without an Amount. */
  readonly amountUnit: number | null;
  /** The Amount's currency: the unit's, else the most common in its values (or a Currency column). */
  readonly currency: string | null;
  readonly dateOrder: DateOrder | null;
}

/**
 * How the engine reads a table, for a person to check before trusting the
 * figures: fields and their headers, what is ignored, the Amount's unit
 * multiplier and currency, and the order dates are read in.
 *
 * @example
 * const deals = readTable([['(단위: 천원)'], ['딜 이름', '금액', '단계', '메모'], ['A', '1,200', '미팅', '']], DEALS);
 * const reading = readingOf(deals);
 * [reading.headerRow, reading.fields.amount, reading.fields.company, reading.amountUnit, reading.currency]
 * // → [2, '금액', null, 1000, 'KRW']
 * reading.ignored // → ['메모']
 */
export function readingOf(table: Table<string>, dayFirst = false): ColumnReading {
  const fields: Record<string, string | null> = {};
  for (const field of Object.keys(table.schema.columns)) {
    const c = table.columns[field];
    fields[field] = c === undefined ? null : (table.headers[c] ?? null);
  }
  const taken = new Set(Object.values(table.columns));
  const ignored = table.headers.filter((h, c) => h !== '' && !taken.has(c));
  const hasAmount = 'amount' in table.schema.columns;
  const dates = DATE_FIELDS[table.schema.name].flatMap((f) => columnValues(table, f));
  return {
    headerRow: table.firstRow + table.headerIndex,
    fields,
    ignored,
    refused: [...table.refused],
    amountUnit: hasAmount ? (table.units.amount?.multiplier ?? table.titleUnit?.multiplier ?? 1) : null,
    currency: hasAmount
      ? (table.units.amount?.currency ??
        table.titleUnit?.currency ??
        currencyOf(columnValues(table, 'amount')) ??
        currencyOf(columnValues(table, 'currency')))
      : null,
    dateOrder: dateOrderOf(dates, dayFirst),
  };
}
