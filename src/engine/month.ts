import { type Cell, cellText, isDateCell } from './cells';
import { parseDate } from './dates';
import { PipelineError } from './problems';
import { DAY_MS, monthIndexOf, type Zone } from './zone';

const YEAR_MONTH = /^(\d{4})\s*[-/.년]\s*(\d{1,2})\s*[.월]?$/;

/**
 * The month a custom function is asked about: a date cell (its month in the
 * spreadsheet's zone), text `2023-11` / `2023.11` / `2023년 11월`, or a full
 * date. Returns `year * 12 + month - 1`.
 */
export function parseMonthArgument(cell: Cell, zone: Zone): number {
  if (isDateCell(cell)) {
    if (Number.isNaN(cell.getTime())) throw new PipelineError('month is not a valid date.');
    return monthIndexOf(zone.day(cell.getTime()));
  }
  const text = typeof cell === 'string' ? cell.trim() : '';
  const m = YEAR_MONTH.exec(text);
  if (m) {
    const month = Number(m[2]);
    if (month >= 1 && month <= 12) return Number(m[1]) * 12 + month - 1;
  }
  if (typeof cell === 'number' || text !== '') {
    const date = parseDate(cell, { zone });
    if (date.ok && date.value !== null) return monthIndexOf(Math.floor(date.value / DAY_MS));
  }
  throw new PipelineError(`month '${cellText(cell)}' is not a month; use a date or text such as 2023-11.`);
}
