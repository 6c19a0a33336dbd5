import { type CalibrationRow, calibration } from '../../engine/calibration';
import { stageConversion } from '../../engine/conversion';
import type { StageChange } from '../../engine/history';
import { isPercentColumn } from '../../engine/probabilities';
import { STAGES, type StageField } from '../../engine/schema';
import type { Pipeline } from '../../engine/stages';
import { cellOf, readTable, type Table } from '../../engine/table';
import { cellTexts } from '../../engine/texts';
import { stageKey } from '../../engine/values';
import { isoDate } from '../../engine/zone';
import type { ReviewStage, ReviewState, ReviewValue } from '../../shared/review-protocol';
import { percentText, type ReviewText, reviewText } from '../i18n/review-text';
import type { PipelineSession } from '../pipeline/session';

/** One open stage under review: the engine's row, and the stage as the dialog shows it. */
export interface StageReview {
  readonly row: CalibrationRow;
  readonly shown: ReviewStage;
}

/** Everything one review reads, once: what the dialog shows and what an apply checks and writes. */
export interface Review {
  readonly session: PipelineSession;
  /** Stages' header positions: where a probability or a stale threshold is written. */
  readonly table: Table<StageField>;
  /** Stages writes percents as plain numbers (`20` = 20%, SPEC §2), so a new one is written the same way. */
  readonly percentColumn: boolean;
  readonly groups: readonly { readonly name: string; readonly stages: readonly StageReview[] }[];
}

/**
 * The review of every open stage, as of today in the spreadsheet's zone:
 * per pipeline, the engine's estimates from that pipeline's history beside
 * the Stages values, and for each value whether it can be applied.
 */
export function reviewOf(session: PipelineSession): Review {
  const table = readTable(session.stagesSheet.grid, STAGES, { map: session.exec.columnMap.Stages ?? {} });
  const percentColumn = isPercentColumn(table.dataRows.map((i) => cellOf(table, i, 'probability')));
  const t = reviewText(session.language);
  const writable = {
    outcome: table.columns.outcome !== undefined,
    staleAfter: table.columns.staleAfter !== undefined,
  };
  const changes = [...session.history().values()].flat();
  const groups = pipelineGroups(session.pipeline, changes).map(({ name, view, rows }) => ({
    name,
    stages: calibration(stageConversion(rows, view, session.today), view).map(
      (row): StageReview => ({ row, shown: shownStage(row, t, session, writable) }),
    ),
  }));
  return { session, table, percentColumn, groups };
}

/**
 * One group per pipeline Stages names, each with its own stages and the
 * history rows into them (the rule STAGE_CONVERSION and the CLI follow, so
 * the figures match); one group of the whole table without a Pipeline column.
 */
function pipelineGroups(
  pipeline: Pipeline,
  changes: readonly StageChange[],
): { name: string; view: Pipeline; rows: readonly StageChange[] }[] {
  if (pipeline.names.length === 0) return [{ name: '', view: pipeline, rows: changes }];
  return pipeline.names.flatMap((name) => {
    const view = pipeline.of(name);
    const key = stageKey(name);
    return view ? [{ name, view, rows: changes.filter((c) => stageKey(c.to.pipeline) === key) }] : [];
  });
}

function shownStage(
  row: CalibrationRow,
  t: ReviewText,
  session: PipelineSession,
  writable: { outcome: boolean; staleAfter: boolean },
): ReviewStage {
  const { winRate, winRateLow: low, winRateHigh: high } = row;
  return {
    pipeline: row.pipeline,
    stage: row.stage,
    row: row.stagesRow,
    probability: probabilityValue(row, t, writable.outcome),
    staleAfter: staleValue(row, t, writable.staleAfter),
    estimateText: winRate === null ? t.noEstimate : percentText(winRate),
    intervalText: low === null || high === null ? '' : t.interval(percentText(low), percentText(high)),
    evidence: cellTexts(session.language).evidence(row.stays, row.running, row.closed),
    outsideInterval: row.outsideInterval,
    flag: row.outsideInterval ? t.flag : null,
  };
}

/**
 * The probability to apply: the estimate rounded to a whole percent (the
 * interval is far wider than that, and Stages holds judged round numbers).
 * Without an Outcome column, 0% and 100% would turn the stage into a lost
 * or won one (SPEC §1), so those are offered but cannot be ticked.
 */
function probabilityValue(row: CalibrationRow, t: ReviewText, hasOutcome: boolean): ReviewValue {
  const proposed = row.winRate === null ? null : Math.round(row.winRate * 100) / 100;
  const proposedText = proposed === null ? t.noEstimate : percentText(proposed);
  const unavailable =
    proposed === null
      ? t.whyNoEstimate
      : Math.abs(proposed - row.probability) < 1e-9
        ? t.whySame
        : !hasOutcome && (proposed === 0 || proposed === 1)
          ? t.whyOutcomeFlip(proposedText)
          : null;
  return {
    field: 'probability',
    current: row.probability,
    currentText: percentText(row.probability),
    proposed,
    proposedText,
    unavailable,
  };
}

/** The stale threshold to apply: the suggested one, where Stages has a column to hold it. */
function staleValue(row: CalibrationRow, t: ReviewText, hasColumn: boolean): ReviewValue {
  const proposed = row.suggestedStaleAfter;
  const unavailable = !hasColumn
    ? t.whyNoStaleColumn
    : proposed === null
      ? t.whyNoSuggestion
      : proposed === row.staleAfter
        ? t.whySame
        : null;
  return {
    field: 'staleAfter',
    current: row.staleAfter,
    currentText: row.staleAfter === null ? t.blankStale : t.days(row.staleAfter),
    proposed,
    proposedText: proposed === null ? t.noEstimate : t.days(proposed),
    unavailable,
  };
}

/** What the dialog receives. */
export function stateOf(review: Review): ReviewState {
  const { session } = review;
  return {
    language: session.language,
    asOf: isoDate(session.today),
    stagesSheet: session.stagesSheet.sheet.getName(),
    grouped: session.pipeline.names.length > 0,
    pipelines: review.groups.map((g) => ({ name: g.name, stages: g.stages.map((s) => s.shown) })),
    logSheet: session.own.rememberedName('Stage changes log'),
    unreadHistoryRows: new Set(session.historyProblems().map((p) => p.row)).size,
  };
}

/** The stage a change names, matched as stage names match (SPEC §2), or `undefined` when it is gone. */
export function findStage(review: Review, pipeline: string, stage: string): StageReview | undefined {
  const p = stageKey(pipeline);
  const s = stageKey(stage);
  for (const group of review.groups)
    for (const found of group.stages)
      if (stageKey(found.row.pipeline) === p && stageKey(found.row.stage) === s) return found;
  return undefined;
}
