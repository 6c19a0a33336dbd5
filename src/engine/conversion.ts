import { medianSorted, quantileSorted } from 'simple-statistics';
import { changesByDeal, type StageChange } from './history';
import { PipelineError } from './problems';
import type { Pipeline, Stage } from './stages';
import { wilsonInterval } from './wilson';
import { DAY_MS } from './zone';

/** One row of the STAGE_CONVERSION table; `null` where the sheet shows a blank. */
export interface ConversionRow {
  readonly stage: string;
  readonly reached: number;
  readonly advanced: number;
  readonly dropped: number;
  readonly conversion: number | null;
  readonly won: number;
  readonly closed: number;
  readonly winRate: number | null;
  readonly winRateLow: number | null;
  readonly winRateHigh: number | null;
  readonly medianDays: number | null;
  readonly suggestedStaleAfter: number | null;
}

/** What one deal's history says, reduced to what the funnel counts. */
interface DealPath {
  /**
   * The furthest open stage entered, as its open index + 1; one past the last
   * open stage once the deal entered a won stage (it passed them all).
   */
  readonly reachedCount: number;
  readonly current: Stage;
}

/**
 * The funnel from Stage history, one row per open stage in pipeline order.
 *
 * Per deal: every To and From stage counts as entered; the furthest open stage
 * entered is never undone by moving back; entering a won stage passes every
 * open stage; the current stage is the To of the latest row. Conversion leaves
 * out deals still open in the stage, because their outcome is not known yet.
 * O(rows·log rows).
 */
export function stageConversion(changes: readonly StageChange[], pipeline: Pipeline): ConversionRow[] {
  const open = pipeline.open;
  const paths: DealPath[] = [];
  const stays = open.map(() => [] as number[]);
  for (const list of changesByDeal(changes).values()) {
    paths.push(pathOf(list, open.length));
    collectStays(list, stays);
  }
  return open.map((stage, s) => {
    let reached = 0;
    let advanced = 0;
    let dropped = 0;
    let won = 0;
    let closed = 0;
    for (const p of paths) {
      const outcome = p.current.outcome;
      if (outcome === 'lost' && p.reachedCount === s + 1) dropped++;
      if (p.reachedCount < s + 1) continue;
      reached++;
      if (p.reachedCount > s + 1) advanced++;
      if (outcome === 'won') won++;
      if (outcome !== 'open') closed++;
    }
    const days = (stays[s] ?? []).sort((a, b) => a - b);
    const interval = closed > 0 ? wilsonInterval(won, closed) : null;
    return {
      stage: stage.name,
      reached,
      advanced,
      dropped,
      conversion: advanced + dropped > 0 ? advanced / (advanced + dropped) : null,
      won,
      closed,
      winRate: closed > 0 ? won / closed : null,
      winRateLow: interval ? interval.low : null,
      winRateHigh: interval ? interval.high : null,
      medianDays: days.length > 0 ? medianSorted(days) : null,
      // Rounded up: a threshold of 11.2 days means "on the 12th day".
      suggestedStaleAfter: days.length > 0 ? Math.ceil(quantileSorted(days, 0.8) - 1e-9) : null,
    };
  });
}

function pathOf(list: readonly StageChange[], openCount: number): DealPath {
  let reachedCount = 0;
  const see = (stage: Stage | null) => {
    if (!stage) return;
    if (stage.outcome === 'won') reachedCount = openCount + 1;
    else if (stage.outcome === 'open') reachedCount = Math.max(reachedCount, stage.openIndex + 1);
  };
  for (const c of list) {
    see(c.from);
    see(c.to);
  }
  return { reachedCount, current: (list[list.length - 1] as StageChange).to };
}

/** Whole days of every finished stay in an open stage (entered by a row, ended by the next). */
function collectStays(list: readonly StageChange[], stays: number[][]): void {
  for (let i = 0; i + 1 < list.length; i++) {
    const c = list[i] as StageChange;
    const next = list[i + 1] as StageChange;
    if (c.to.outcome !== 'open') continue;
    stays[c.to.openIndex]?.push(Math.floor(next.when / DAY_MS) - Math.floor(c.when / DAY_MS));
  }
}

/**
 * Win rate of one open stage, or `null` when fewer than `minClosed` closed
 * deals reached it (too few to trust). A won, lost or unknown stage is an error.
 */
export function winRate(
  changes: readonly StageChange[],
  pipeline: Pipeline,
  stage: Stage,
  minClosed = 5,
): number | null {
  if (stage.outcome !== 'open') {
    throw new PipelineError(
      `'${stage.name}' is a ${stage.outcome} stage; a win rate is asked of an open stage.`,
    );
  }
  if (!Number.isInteger(minClosed) || minClosed < 0) {
    throw new PipelineError(`min_closed must be a whole number of deals, not ${minClosed}.`);
  }
  const row = stageConversion(changes, pipeline)[stage.openIndex] as ConversionRow;
  return row.closed < Math.max(minClosed, 1) ? null : row.winRate;
}
