import type { ConversionRow } from './conversion';
import type { Pipeline } from './stages';

/**
 * Review win probabilities (SPEC §4) and the CLI's `calibration` section: per
 * open stage, what Stages says beside what the history estimates, so a team
 * moves from judged probabilities to measured ones where the data allows.
 */
export interface CalibrationRow {
  /** The stage's pipeline as Stages spells it; `''` without a Pipeline column. */
  readonly pipeline: string;
  readonly stage: string;
  /** The stage's row in Stages: what applying a change writes to. */
  readonly stagesRow: number;
  /** Win probability in Stages. */
  readonly probability: number;
  /** The estimated win rate and its 95% interval; `null` where the history cannot say. */
  readonly winRate: number | null;
  readonly winRateLow: number | null;
  readonly winRateHigh: number | null;
  /** What the estimate rests on: closed deals that reached the stage, stays in it, and those still running. */
  readonly closed: number;
  readonly stays: number;
  readonly running: number;
  /**
   * The Stages probability lies outside the interval: the history says, at 95%,
   * that it is not the stage's win rate. `false` when there is no interval.
   */
  readonly outsideInterval: boolean;
  /** Stale after in Stages, and the one the stays suggest. */
  readonly staleAfter: number | null;
  readonly suggestedStaleAfter: number | null;
}

/**
 * Joins the conversion rows of one pipeline (`stages`' open stages, in
 * order, as `stageConversion` returns them) with the Stages values.
 *
 * @example
 * const p = readPipeline([['Stage', 'Probability', 'Stale after'], ['Demo', '30%', 14], ['Won', '100%', ''], ['Lost', '0%', '']])
 * const row = { stage: 'Demo', winRate: 0.6, winRateLow: 0.45, winRateHigh: 0.74, closed: 20, stays: 30, running: 10, suggestedStaleAfter: 21 }
 * calibration([row], p).map((r) => [r.probability, r.winRate, r.outsideInterval, r.staleAfter, r.suggestedStaleAfter])
 * // → [[0.3, 0.6, true, 14, 21]]
 */
export function calibration(
  rows: readonly Pick<
    ConversionRow,
    'winRate' | 'winRateLow' | 'winRateHigh' | 'closed' | 'stays' | 'running' | 'suggestedStaleAfter'
  >[],
  stages: Pipeline,
): CalibrationRow[] {
  return stages.open.map((stage, s) => {
    const r = rows[s];
    const low = r?.winRateLow ?? null;
    const high = r?.winRateHigh ?? null;
    return {
      pipeline: stage.pipeline,
      stage: stage.name,
      stagesRow: stage.row,
      probability: stage.probability,
      winRate: r?.winRate ?? null,
      winRateLow: low,
      winRateHigh: high,
      closed: r?.closed ?? 0,
      stays: r?.stays ?? 0,
      running: r?.running ?? 0,
      // Compared on whole tenths of a percent: a Stages 30% is not "outside" an interval ending at 29.996%.
      outsideInterval:
        low !== null &&
        high !== null &&
        (roundPermille(stage.probability) < roundPermille(low) ||
          roundPermille(stage.probability) > roundPermille(high)),
      staleAfter: stage.staleAfter,
      suggestedStaleAfter: r?.suggestedStaleAfter ?? null,
    };
  });
}

const roundPermille = (p: number): number => Math.round(p * 1000);
