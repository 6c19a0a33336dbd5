import type { Grid } from './cells';
import { type DateContext, parseDate } from './dates';
import type { Problem } from './problems';
import { problemAt } from './row-problems';
import { HISTORY, type HistoryField } from './schema';
import type { Pipeline, Stage } from './stages';
import { cellOf, type ReadOptions, readTable, sheetRow, type Table } from './table';
import { textOf } from './values';
import type { LocalTime } from './zone';

/** One stage change: a deal moved from one stage (blank for a new deal) to another. */
export interface StageChange {
  readonly row: number;
  readonly when: LocalTime;
  readonly dealId: string;
  readonly from: Stage | null;
  readonly to: Stage;
  readonly by: string;
  readonly note: string;
}

export interface HistoryRead {
  readonly table: Table<HistoryField>;
  readonly changes: readonly StageChange[];
  readonly problems: readonly Problem[];
  /**
   * Deal IDs with a row that could not be read: their latest readable row
   * may not be their latest row, so nothing is inferred from it.
   */
  readonly unreadableDeals: ReadonlySet<string>;
}

/** Reads the Stage history log. Rows that cannot be read are listed, never guessed. */
export function readHistory(
  grid: Grid,
  pipeline: Pipeline,
  ctx: DateContext,
  options: ReadOptions = {},
): HistoryRead {
  const table = readTable(grid, HISTORY, options);
  const changes: StageChange[] = [];
  const problems: Problem[] = [];
  const unreadableDeals = new Set<string>();
  for (const i of table.dataRows) {
    const rowProblems: Problem[] = [];
    const bad = (field: HistoryField, message: string) =>
      rowProblems.push(problemAt(table, i, field, cellOf(table, i, field), message));
    const when = parseDate(cellOf(table, i, 'when'), ctx);
    if (!when.ok) bad('when', when.message);
    else if (when.value === null) bad('when', 'is blank; every change needs its date');
    const dealId = textOf(cellOf(table, i, 'dealId'));
    if (dealId === '') bad('dealId', 'is blank');
    const to = findStage(pipeline, textOf(cellOf(table, i, 'to')), 'to', bad, true);
    const from = findStage(pipeline, textOf(cellOf(table, i, 'from')), 'from', bad, false);
    if (rowProblems.length > 0 || !to || !when.ok || when.value === null) {
      for (const p of rowProblems) problems.push(p);
      if (dealId !== '') unreadableDeals.add(dealId);
      continue;
    }
    changes.push({
      row: sheetRow(table, i),
      when: when.value,
      dealId,
      from,
      to,
      by: textOf(cellOf(table, i, 'by')),
      note: textOf(cellOf(table, i, 'note')),
    });
  }
  return { table, changes, problems, unreadableDeals };
}

function findStage(
  pipeline: Pipeline,
  name: string,
  field: HistoryField,
  bad: (field: HistoryField, message: string) => void,
  required: boolean,
): Stage | null {
  if (name === '') {
    if (required) bad(field, 'is blank');
    return null;
  }
  const stage = pipeline.find(name);
  if (!stage) {
    const brokenRow = pipeline.brokenRow(name);
    bad(
      field,
      brokenRow ? `names a stage whose Stages row ${brokenRow} has a problem` : 'is not a stage in Stages',
    );
    return null;
  }
  return stage;
}

/**
 * Each deal's changes in time order. Of rows logged at the same moment, the
 * one that opened the deal (blank From) comes first, then sheet order, which
 * is the order they were appended in (a sorted or imported sheet may differ).
 */
export function changesByDeal(changes: readonly StageChange[]): Map<string, StageChange[]> {
  const byDeal = new Map<string, StageChange[]>();
  for (const c of changes) {
    const list = byDeal.get(c.dealId);
    if (list) list.push(c);
    else byDeal.set(c.dealId, [c]);
  }
  const opens = (c: StageChange) => (c.from === null ? 0 : 1);
  for (const list of byDeal.values())
    list.sort((a, b) => a.when - b.when || opens(a) - opens(b) || a.row - b.row);
  return byDeal;
}
