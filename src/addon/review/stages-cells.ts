import type { Cell } from '../../engine/cells';
import { readPipeline, type Stage } from '../../engine/stages';
import type { ReviewChange, ReviewField } from '../../shared/review-protocol';
import { percentText, type ReviewText } from '../i18n/review-text';
import { writeColumnCells } from '../sheets/sheets-io';
import { findStage, type Review, type StageReview } from './review-state';

/** One Stages cell an apply writes. */
export interface StagesWrite {
  readonly stage: StageReview;
  readonly field: ReviewField;
  /** Sheet row and 0-based column of the cell. */
  readonly row: number;
  readonly column: number;
  readonly old: number | null;
  readonly value: number;
  /** What goes into the cell so that Stages reads `value` (see cellFor). */
  readonly cell: Cell;
}

/**
 * Checks each ticked value against the review read under the lock: the stage
 * still exists, its Stages value is the one the dialog showed, and the
 * suggestion is still the one the dialog offered. Any refusal refuses the
 * whole apply (a half-applied review is harder to reason about than none).
 */
export function planWrites(
  review: Review,
  changes: readonly ReviewChange[],
  t: ReviewText,
): { refusals: string[]; writes: StagesWrite[] } {
  const refusals: string[] = [];
  const writes: StagesWrite[] = [];
  for (const change of changes) {
    const found = findStage(review, change.pipeline, change.stage);
    if (!found) {
      refusals.push(t.gone(change.stage));
      continue;
    }
    const shown = found.shown[change.field];
    const label = t.fields[change.field];
    const said = (v: number | null) => valueText(change.field, v, t);
    const stage = found.row.stage;
    if (!sameValue(shown.current, change.current))
      refusals.push(t.changedInStages(stage, label, said(change.current), shown.currentText));
    else if (!sameValue(shown.proposed, change.proposed))
      refusals.push(t.estimateChanged(stage, label, said(change.proposed), shown.proposedText));
    else if (shown.unavailable !== null) refusals.push(t.notApplicable(stage, label, shown.unavailable));
    else writes.push(writeOf(review, found, change.field, shown.current, change.proposed, false));
  }
  return { refusals, writes };
}

function sameValue(a: number | null, b: number | null): boolean {
  return a === null || b === null ? a === b : Math.abs(a - b) < 1e-9;
}

function valueText(field: ReviewField, v: number | null, t: ReviewText): string {
  if (v === null) return field === 'staleAfter' ? t.blankStale : t.noEstimate;
  return field === 'probability' ? percentText(v) : t.days(v);
}

function writeOf(
  review: Review,
  stage: StageReview,
  field: ReviewField,
  old: number | null,
  value: number,
  asText: boolean,
): StagesWrite {
  const column = review.table.columns[field] as number;
  const row = stage.row.stagesRow;
  const held = review.session.stagesSheet.grid[row - 1]?.[column] ?? '';
  return { stage, field, row, column, old, value, cell: cellFor(field, value, held, review, asText) };
}

/**
 * The cell that makes Stages read `value`, written the way its column holds
 * values: a stale threshold as whole days (`10일` text where the cell said
 * `14일`); a probability as a fraction (setup writes those, in a
 * percent-formatted column, so 0.53 shows as 53%), as a plain percent in a
 * column of plain percents (`53` where `20` means 20%), or as `53%` text
 * where the cell held text like that.
 */
function cellFor(field: ReviewField, value: number, held: Cell, review: Review, asText: boolean): Cell {
  if (field === 'staleAfter')
    return typeof held === 'string' && /^\s*\d+\s*\D+$/.test(held)
      ? held.replace(/\d+/, String(value))
      : value;
  const percent = Math.round(value * 1e9) / 1e7;
  if (asText || (typeof held === 'string' && held.includes('%'))) return `${percent}%`;
  return review.percentColumn ? percent : value;
}

/**
 * The writes, made safe to read back: Stages as it would be after them is
 * read by the engine, and every stage must read as before except the values
 * written. A column of plain percents whose every number over 1 is replaced
 * by one of 1 or less would turn into a column of fractions (SPEC §2); those
 * probabilities are written as `x%` text instead. `null` when even that
 * would not read back (nothing is then written).
 */
export function readBackSafe(review: Review, writes: readonly StagesWrite[]): StagesWrite[] | null {
  if (readsBack(review, writes)) return [...writes];
  const asText = writes.map((w) =>
    w.field === 'probability' ? writeOf(review, w.stage, w.field, w.old, w.value, true) : w,
  );
  return readsBack(review, asText) ? asText : null;
}

function readsBack(review: Review, writes: readonly StagesWrite[]): boolean {
  const grid = review.session.stagesSheet.grid.map((r) => [...r]);
  for (const w of writes) {
    const cells = grid[w.row - 1];
    if (!cells) return false;
    while (cells.length <= w.column) cells.push('');
    cells[w.column] = w.cell;
  }
  const before = review.session.pipeline.stages;
  const after = readPipeline(grid, { map: review.session.exec.columnMap.Stages ?? {} }).stages;
  if (after.length !== before.length) return false;
  return before.every((stage, i) => readsAsPlanned(stage, after[i], writes));
}

function readsAsPlanned(stage: Stage, after: Stage | undefined, writes: readonly StagesWrite[]): boolean {
  const mine = (field: ReviewField) => writes.find((w) => w.row === stage.row && w.field === field);
  const probability = mine('probability')?.value ?? stage.probability;
  const staleAfter = mine('staleAfter')?.value ?? stage.staleAfter;
  return (
    after !== undefined &&
    after.row === stage.row &&
    after.outcome === stage.outcome &&
    Math.abs(after.probability - probability) < 1e-9 &&
    after.staleAfter === staleAfter
  );
}

/** Writes the cells: one `setValues` per run of adjacent rows in a column, every other cell untouched. */
export function writeStages(review: Review, writes: readonly StagesWrite[]): void {
  const columns = new Map<number, Map<number, Cell>>();
  for (const w of writes) {
    const cells = columns.get(w.column) ?? new Map<number, Cell>();
    cells.set(w.row, w.cell);
    columns.set(w.column, cells);
  }
  for (const [column, cells] of columns)
    writeColumnCells(review.session.stagesSheet.sheet, column + 1, cells);
}
