import { type Cell, isDateCell } from './cells';
import { AFTER_LAST_YEAR, BEFORE_FIRST_YEAR, FIRST_YEAR, LAST_YEAR, parseDate } from './dates';
import { PipelineError, quoted } from './problems';
import { DAY_MS, monthIndexOf, type Zone } from './zone';

const YEAR_MONTH = /^(\d{4})\s*[-/.년]\s*(\d{1,2})\s*[.월]?$/;
// `10000-01`, `12345-06-01`: a year of five digits or more, past 9999.
const LONG_YEAR = /^\d{5,}\s*[-/.년]/;
const WHAT_TO_TYPE = 'use a date or text such as 2023-11.';

/**
 * The month a custom function is asked about: a date cell (its month in the
 * spreadsheet's zone), text `2023-11` / `2023.11` / `2023년 11월`, or a full
 * date, in the years 1900–9999. Returns `year * 12 + month - 1`. Anything
 * else is a PipelineError that says what is wrong and what to type.
 *
 * @example
 * parseMonthArgument('2023-11', new Zone('Asia/Seoul')) // → 2023 * 12 + 10
 */
export function parseMonthArgument(value: unknown, zone: Zone): number {
  const cell = singleCell(value);
  if (isDateCell(cell) && Number.isNaN(cell.getTime())) {
    throw new PipelineError(`month is not a valid date; ${WHAT_TO_TYPE}`);
  }
  const text = typeof cell === 'string' ? cell.trim() : '';
  const m = YEAR_MONTH.exec(text);
  if (m) {
    const year = Number(m[1]);
    const month = Number(m[2]);
    if (month >= 1 && month <= 12) {
      if (year < FIRST_YEAR || year > LAST_YEAR) throw outside(cell);
      return year * 12 + month - 1;
    }
  }
  if (LONG_YEAR.test(text)) throw outside(cell);
  if (isDateCell(cell) || typeof cell === 'number' || text !== '') {
    const date = parseDate(cell, { zone });
    if (date.ok && date.value !== null) return monthIndexOf(Math.floor(date.value / DAY_MS));
    if (!date.ok && (date.message === BEFORE_FIRST_YEAR || date.message === AFTER_LAST_YEAR)) {
      throw outside(cell);
    }
  }
  throw new PipelineError(`month ${quoted(cell)} is not a month; ${WHAT_TO_TYPE}`);
}

function outside(cell: Cell): PipelineError {
  return new PipelineError(
    `month ${quoted(cell)} is outside the years ${FIRST_YEAR}–${LAST_YEAR}; ${WHAT_TO_TYPE}`,
  );
}

/** A month argument is one cell; a one-cell range may arrive as `[[v]]` or `[v]`. */
function singleCell(value: unknown): Cell {
  let v = value;
  while (Array.isArray(v)) {
    if (v.length !== 1) {
      throw new PipelineError(`month must be one cell, not a range of cells; ${WHAT_TO_TYPE}`);
    }
    v = v[0];
  }
  if (
    v === null ||
    v === undefined ||
    typeof v === 'string' ||
    typeof v === 'number' ||
    typeof v === 'boolean' ||
    isDateCell(v)
  ) {
    return v as Cell;
  }
  throw new PipelineError(`month is not a month; ${WHAT_TO_TYPE}`);
}
