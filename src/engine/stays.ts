import { changesByDeal, type StageChange } from './history';
import type { Pipeline, Stage } from './stages';
import { DAY_MS, type DayNumber } from './zone';

/**
 * Stage history → stays (SPEC §3, STAGE_CONVERSION): what every estimator of
 * the conversion table starts from.
 *
 * A *stay* is the time a deal spends in an open stage: opened by a row whose
 * To is that stage, ended by the deal's next row, or still running on the
 * as-of day (censored there). How it ended is an *outcome code* for a
 * pipeline of n open stages:
 *
 *   0 … n−1  moved to that open stage (a later one, or back to an earlier one)
 *   n        won  (any won stage)          `wonOutcome(n)`
 *   n + 1    lost (any lost stage)         `lostOutcome(n)`
 *   −1       still running at as-of        `RUNNING`
 *
 * Codes instead of Stage objects keep the estimators plain arrays of numbers.
 */

/** The outcome code of a stay still running on the as-of day. */
export const RUNNING = -1;

/** Outcome code of "won", for a pipeline of `openCount` open stages. */
export const wonOutcome = (openCount: number): number => openCount;

/** Outcome code of "lost", for a pipeline of `openCount` open stages. */
export const lostOutcome = (openCount: number): number => openCount + 1;

/** The stays of one open stage, one entry per stay in both arrays. */
export interface StageStays {
  /** Whole calendar days from the row that opened the stay to the one that ended it (or to as-of). */
  readonly days: number[];
  /** How each stay ended: an outcome code, or `RUNNING`. */
  readonly ends: number[];
}

/** What one deal's rows say, reduced to what the deal counts need. */
export interface DealPath {
  readonly dealId: string;
  /**
   * The furthest open stage entered, as its position among the open stages;
   * `openCount` once a won stage was entered (it passed them all); −1 when no
   * open stage was. Moving back never lowers it.
   */
  readonly furthest: number;
  /** The To stage of the deal's latest row: its outcome is the deal's. */
  readonly current: Stage;
}

export interface Stays {
  readonly openCount: number;
  /** Per open stage, pipeline order. */
  readonly stages: readonly StageStays[];
  /** One per deal with a row on or before the as-of day. */
  readonly deals: readonly DealPath[];
}

/** The local calendar day of a change. */
export const dayOf = (change: StageChange): DayNumber => Math.floor(change.when / DAY_MS);

/**
 * Every deal's stays and path from its history rows.
 *
 * Rows after `asOfDay` are left out before anything else, so a stay they
 * would have ended is running. Each deal's rows are ordered as
 * `changesByDeal` says (by When, same-When rows along the From → To chain),
 * then a row whose To is the stage the deal is already in is dropped: it opens
 * no stay and its From is not counted as entered (a repeated row does not
 * split a stay in two). A row naming an open stage outside `pipeline` is not
 * this pipeline's and is left out too.
 *
 * O(rows · log rows) for the ordering, O(rows) after it.
 *
 * @example
 * const p = readPipeline([['Stage', 'Probability'], ['S1', '20%'], ['Won', '100%'], ['Lost', '0%']])
 * const [s1, won] = p.stages
 * const at = (d) => Date.UTC(2024, 0, d, 9)
 * const log = [
 *   { row: 2, when: at(1), dealId: 'A', from: null, to: s1 },
 *   { row: 3, when: at(4), dealId: 'A', from: s1, to: won },
 *   { row: 4, when: at(2), dealId: 'B', from: null, to: s1 },
 * ]
 * // A: 3 days in S1, then won (code 1 with one open stage); B: running 8 days on 10 January.
 * readStays(log, p, Date.UTC(2024, 0, 10) / 86400000).stages[0] // → { days: [3, 8], ends: [1, -1] }
 */
export function readStays(changes: readonly StageChange[], pipeline: Pipeline, asOfDay: DayNumber): Stays {
  const codeOf = outcomeCodes(pipeline);
  const openCount = pipeline.open.length;
  const kept = changes.filter((c) => dayOf(c) <= asOfDay && codeOf(c.to) !== undefined);
  const stages: StageStays[] = pipeline.open.map(() => ({ days: [], ends: [] }));
  const deals: DealPath[] = [];
  for (const [dealId, ordered] of changesByDeal(kept)) {
    const rows = effectiveChanges(ordered);
    const codes = rows.map((c) => codeOf(c.to) as number);
    rows.forEach((row, i) => {
      const stage = codes[i] as number;
      if (stage >= openCount) return; // a won or lost stage: no stay to estimate
      const next = rows[i + 1];
      const into = stages[stage] as StageStays;
      into.days.push((next ? dayOf(next) : asOfDay) - dayOf(row));
      into.ends.push(next ? (codes[i + 1] as number) : RUNNING);
    });
    const last = rows[rows.length - 1] as StageChange;
    deals.push({ dealId, furthest: furthestOf(rows, codeOf, openCount), current: last.to });
  }
  return { openCount, stages, deals };
}

/**
 * A deal's ordered rows without those that change nothing: a row whose To is
 * the stage the deal is already in (before its first row it is in none).
 *
 * @example
 * const [a, b] = [{ key: 'a', pipeline: '' }, { key: 'b', pipeline: '' }]
 * effectiveChanges([{ row: 2, from: null, to: a }, { row: 3, from: a, to: a }, { row: 4, from: a, to: b }]).map((c) => c.row)
 * // → [2, 4]
 */
export function effectiveChanges(ordered: readonly StageChange[]): StageChange[] {
  const kept: StageChange[] = [];
  let stage: Stage | null = null;
  for (const c of ordered) {
    if (stage !== null && sameStage(c.to, stage)) continue;
    kept.push(c);
    stage = c.to;
  }
  return kept;
}

/** Whether two Stage values name one stage (a copied Stage still does). */
function sameStage(a: Stage, b: Stage): boolean {
  return a === b || (a.key === b.key && a.pipeline === b.pipeline);
}

/**
 * The furthest open stage a deal entered: every row's To and From count as
 * entered, and a won stage passes every open stage for good.
 */
function furthestOf(
  rows: readonly StageChange[],
  codeOf: (stage: Stage) => number | undefined,
  openCount: number,
): number {
  let furthest = -1;
  for (const row of rows) {
    for (const stage of [row.from, row.to]) {
      const code = stage === null ? undefined : codeOf(stage);
      if (code === undefined || code === lostOutcome(openCount)) continue;
      // Once won (code = openCount), nothing is further: max keeps it.
      furthest = Math.max(furthest, code);
    }
  }
  return furthest;
}

/**
 * Each stage's outcome code in `pipeline`: an open stage's position among its
 * open stages, won, lost; `undefined` for an open stage of another pipeline.
 * Matched by object first and by name within the pipeline's open stages after,
 * so a Stage from another read of the same table still counts.
 */
function outcomeCodes(pipeline: Pipeline): (stage: Stage) => number | undefined {
  const openCount = pipeline.open.length;
  const position = new Map<Stage, number>(pipeline.open.map((s, i) => [s, i]));
  const byName = new Map<string, number>(pipeline.open.map((s, i) => [`${s.pipeline}\u0000${s.key}`, i]));
  return (stage) => {
    if (stage.outcome === 'won') return wonOutcome(openCount);
    if (stage.outcome === 'lost') return lostOutcome(openCount);
    return position.get(stage) ?? byName.get(`${stage.pipeline}\u0000${stage.key}`);
  };
}
