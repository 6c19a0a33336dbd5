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

export interface HistoryReadOptions extends ReadOptions {
  /**
   * The pipeline a deal is in (from Deals), so its rows name that pipeline's
   * stages when two pipelines share a stage name. For a deal it does not
   * know, the deal's own rows decide: the first pipeline that has every
   * stage they name.
   */
  readonly pipelineOf?: (dealId: string) => string | undefined;
}

/** Reads the Stage history log. Rows that cannot be read are listed, never guessed. */
export function readHistory(
  grid: Grid,
  pipeline: Pipeline,
  ctx: DateContext,
  options: HistoryReadOptions = {},
): HistoryRead {
  const table = readTable(grid, HISTORY, options);
  const inferred = pipeline.names.length > 1 ? pipelinesByRows(table, pipeline) : new Map<string, string>();
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
    const known = dealId === '' ? undefined : (options.pipelineOf?.(dealId) ?? inferred.get(dealId));
    const stages = (known === undefined ? undefined : pipeline.of(known)) ?? pipeline;
    const to = findStage(stages, textOf(cellOf(table, i, 'to')), 'to', bad, true);
    const from = findStage(stages, textOf(cellOf(table, i, 'from')), 'from', bad, false);
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

/**
 * For Stages with several pipelines: each deal's pipeline as its rows tell
 * it, the first (in Stages order) that has every stage the deal's rows name.
 * A deal whose rows fit no single pipeline is left to row-by-row lookup.
 */
function pipelinesByRows(table: Table<HistoryField>, pipeline: Pipeline): Map<string, string> {
  const names = new Map<string, Set<string>>();
  for (const i of table.dataRows) {
    const dealId = textOf(cellOf(table, i, 'dealId'));
    if (dealId === '') continue;
    const set = names.get(dealId) ?? new Set<string>();
    names.set(dealId, set);
    for (const field of ['from', 'to'] as const) {
      const name = textOf(cellOf(table, i, field));
      if (name !== '') set.add(name);
    }
  }
  const views = pipeline.names.map((n) => [n, pipeline.of(n)] as const);
  const found = new Map<string, string>();
  for (const [dealId, set] of names) {
    const fit = views.find(
      ([, v]) => v !== undefined && [...set].every((name) => v.find(name) !== undefined),
    );
    if (fit) found.set(dealId, fit[0]);
  }
  return found;
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
 * Each deal's changes in the order they happened (SPEC §3), every row kept
 * (the panel's timeline shows them all). By When first; rows logged at the
 * same When are untied along the From → To chain: next comes the first whose
 * From is the deal's stage so far (blank before its first row), else the
 * first whose From is no other remaining tied row's To, else the first in
 * sheet order. Sheet order alone is not trusted: a sorted or pasted sheet can
 * list a move before the row that opened the deal.
 *
 * O(rows · log rows); a tie of k rows costs O(k²), and ties are a few rows.
 *
 * @example
 * const A = { name: 'A', key: 'a', pipeline: '' }
 * const B = { name: 'B', key: 'b', pipeline: '' }
 * const at = Date.UTC(2024, 0, 5, 9)
 * const rows = [
 *   { row: 2, when: at, dealId: 'x', from: A, to: B },
 *   { row: 3, when: at, dealId: 'x', from: null, to: A },
 * ]
 * changesByDeal(rows).get('x').map((c) => c.row) // → [3, 2]
 */
export function changesByDeal(changes: readonly StageChange[]): Map<string, StageChange[]> {
  const byDeal = new Map<string, StageChange[]>();
  for (const c of changes) {
    const list = byDeal.get(c.dealId);
    if (list) list.push(c);
    else byDeal.set(c.dealId, [c]);
  }
  const earlier = (a: StageChange, b: StageChange) => a.when - b.when || a.row - b.row;
  // Two spellings of one stage are one object; a copied Stage still names the same stage.
  const same = (a: Stage | null, b: Stage | null) =>
    a === b || (a !== null && b !== null && a.key === b.key && a.pipeline === b.pipeline);
  const untie = (tied: StageChange[], stageSoFar: Stage | null): StageChange[] => {
    const ordered: StageChange[] = [];
    let stage = stageSoFar;
    while (tied.length > 0) {
      let k = tied.findIndex((c) => same(c.from, stage));
      if (k < 0) k = tied.findIndex((c) => !tied.some((o) => o !== c && same(o.to, c.from)));
      const next = tied.splice(Math.max(k, 0), 1)[0] as StageChange;
      ordered.push(next);
      stage = next.to;
    }
    return ordered;
  };
  for (const list of byDeal.values()) {
    // Logs are mostly appended in time order: sort only the deals that are not.
    if (list.some((c, i) => i > 0 && earlier(list[i - 1] as StageChange, c) > 0)) list.sort(earlier);
    let stage: Stage | null = null;
    for (let i = 0; i < list.length; ) {
      const when = (list[i] as StageChange).when;
      let end = i + 1;
      while (end < list.length && (list[end] as StageChange).when === when) end++;
      if (end - i > 1) list.splice(i, end - i, ...untie(list.slice(i, end), stage));
      stage = (list[end - 1] as StageChange).to;
      i = end;
    }
  }
  return byDeal;
}
