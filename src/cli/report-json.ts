import { type CalibrationRow, calibration } from '../engine/calibration';
import type { ConversionRow } from '../engine/conversion';
import type { ForecastRow } from '../engine/forecast';
import type { Problem } from '../engine/problems';
import type { ProposedStage } from '../engine/proposed-stages';
import type { CheckOptions, PipelineReport } from '../engine/report';
import type { Language } from '../engine/table';
import { isoDate } from '../engine/zone';
import type { TablesSummary } from './summary';

/** The CLI's `--json` object, in the SPEC's field names; dates as `YYYY-MM-DD`. */
export interface ReportJson {
  asOf: string;
  timeZone: string;
  language: Language;
  /** The forecast's currency (`--currency`, else the one most deals name), `null` when none is named. */
  currency: string | null;
  /** The FORECAST_WEIGHTED rows; with pipelines, each pipeline's rows in turn, carrying `pipeline`. */
  forecast: (ForecastRow & { pipeline?: string })[];
  /** The STAGE_CONVERSION rows; with pipelines, each pipeline's, carrying `pipeline`. */
  conversion: (ConversionRow & { pipeline?: string })[];
  /**
   * Per open stage, Stages' probability and stale threshold beside what the
   * history estimates (the Review win probabilities dialog's rows); empty
   * without a Stage history.
   */
  calibration: CalibrationRow[];
  stale: { dealId: string; deal: string; owner: string; stage: string; days: number; limit: number }[];
  overdue: { dealId: string; deal: string; owner: string; expectedClose: string; daysOverdue: number }[];
  tasks: {
    dealId: string;
    task: string;
    due: string;
    owner: string;
    source: string;
    required: boolean;
    key: string;
    stage: string;
  }[];
  problems: Problem[];
  /** Which file was read as which table and how (the `columns --json` objects). */
  tables?: TablesSummary;
  /** Files that are no table, and what they lack. */
  otherFiles?: { file: string; reason: string }[];
  /** Without a Stages table: the stages built from the deals (SPEC §4), else `null`. */
  proposedStages?: readonly ProposedStage[] | null;
  /** What the report could not do or decided for itself (no Stage history, stages built, day-first dates). */
  notes?: string[];
}

/** Each pipeline's conversion rows joined with its own Stages rows. */
function calibrationOf(check: PipelineReport): CalibrationRow[] {
  if (check.pipelines.length === 0)
    return check.conversion.length === 0 ? [] : calibration(check.conversion, check.pipeline);
  return check.pipelines.flatMap((p) => {
    const stages = check.pipeline.of(p.pipeline);
    return stages && p.conversion.length > 0 ? calibration(p.conversion, stages) : [];
  });
}

export function reportJson(check: PipelineReport, options: CheckOptions): ReportJson {
  return {
    asOf: isoDate(options.today),
    timeZone: options.zone.id,
    language: check.language,
    currency: check.currency,
    forecast:
      check.pipelines.length > 0
        ? check.pipelines.flatMap((p) => p.forecast.map((r) => ({ pipeline: p.pipeline, ...r })))
        : [...check.forecast],
    conversion:
      check.pipelines.length > 0
        ? check.pipelines.flatMap((p) => p.conversion.map((r) => ({ pipeline: p.pipeline, ...r })))
        : [...check.conversion],
    calibration: calibrationOf(check),
    stale: check.findings.stale.map((s) => ({
      dealId: s.deal.id,
      deal: s.deal.name,
      owner: s.deal.owner,
      stage: s.deal.stage.name,
      days: s.days,
      limit: s.limit,
    })),
    overdue: check.findings.overdue.map((o) => ({
      dealId: o.deal.id,
      deal: o.deal.name,
      owner: o.deal.owner,
      expectedClose: isoDate(o.deal.expectedClose as number),
      daysOverdue: o.daysOverdue,
    })),
    tasks: check.tasks.map((t) => ({
      dealId: t.dealId,
      task: t.task,
      due: isoDate(t.due),
      owner: t.owner,
      source: t.source,
      required: t.required,
      key: t.key,
      stage: t.stage,
    })),
    problems: [...check.problems],
  };
}
