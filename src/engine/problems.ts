import { isDateCell } from './cells';

/** The four tables a pipeline is made of, named as their sheets are. */
export type TableName = 'Stages' | 'Deals' | 'Stage history' | 'Tasks';

/**
 * One bad value: where it is (sheet, row as the sheet numbers it, column
 * header as the user wrote it) and what is wrong, in words a user acts on.
 */
export interface Problem {
  table: TableName;
  row: number;
  column: string;
  value: string;
  message: string;
}

/**
 * An error that stops the whole computation (a missing required column, an
 * unknown stage asked for by name). Its message is shown to the user as is.
 */
export class PipelineError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PipelineError';
  }
}

/**
 * How much of a cell a message quotes. A cell holds up to 50,000 characters;
 * a Health text, an error tooltip or a terminal line that repeats all of them
 * is unreadable, so longer text is cut here and says how long it was.
 */
export const MAX_QUOTED_CHARACTERS = 100;

// What `shortText` appends; recognised so that shortening twice changes nothing.
const CUT_MARK = /… \(\d{1,3}(?:,\d{3})* characters\)$/;

/**
 * Text as a message quotes it: unchanged up to 100 characters, else its first
 * 100 characters, `…` and the full length (`aaaa… (50,000 characters)`).
 * Counts code points, so a Korean or emoji character is never cut in half.
 * Shortening an already shortened text returns it as it is.
 */
export function shortText(text: string, max = MAX_QUOTED_CHARACTERS): string {
  if (text.length <= max) return text;
  let length = 0;
  let cutAt = -1;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // A high surrogate and the low one after it are one character.
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
    length++;
    if (length === max) cutAt = i + 1;
  }
  if (length <= max) return text;
  if (CUT_MARK.test(text) && length <= max + 40) return text;
  return `${text.slice(0, cutAt)}… (${length.toLocaleString('en-US')} characters)`;
}

/**
 * A value as a message names it, in quotes and shortened: `'TBD'`; booleans
 * as Sheets shows them (`TRUE`), a Date as its ISO instant, a range as such.
 */
export function quoted(value: unknown): string {
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (Array.isArray(value)) return 'a range of cells';
  if (isDateCell(value)) return Number.isNaN(value.getTime()) ? 'Invalid Date' : `'${value.toISOString()}'`;
  if (value === null || value === undefined) return "''";
  return `'${shortText(String(value))}'`;
}

export function describeProblem(p: Problem): string {
  const value = p.value === '' ? '' : ` '${shortText(p.value)}'`;
  return `${p.table} row ${p.row}, column ${shortText(p.column)}${value}: ${p.message}`;
}

/**
 * The message a custom function throws for a list of problems: the first few
 * in full, then how many more, so the cell's error tooltip stays readable.
 */
export function problemsMessage(problems: readonly Problem[], shown = 3): string {
  const head = problems.slice(0, shown).map(describeProblem).join('; ');
  const rest = problems.length - shown;
  return rest > 0 ? `${head}; and ${rest} more` : head;
}
