/**
 * What the Review win probabilities dialog and the server exchange (SPEC §4):
 * plain objects only. The server estimates, decides what may be applied and
 * words every figure in the dialog's language, so the dialog, the Stage
 * changes log and a refusal all say the same number; the dialog lays it out
 * and sends back the user's ticks with the values it showed.
 */
export type ReviewField = 'probability' | 'staleAfter';

/** One Stages value of a stage beside what the history suggests for it. */
export interface ReviewValue {
  field: ReviewField;
  /** What Stages holds now: a probability 0..1, or whole days; `null` for a blank Stale after. */
  current: number | null;
  currentText: string;
  /** What applying writes (a probability rounded to a whole percent, whole days); `null` when the history gives none. */
  proposed: number | null;
  proposedText: string;
  /** Why it cannot be ticked (no estimate, already so, no such column…), or `null` when it can. */
  unavailable: string | null;
}

export interface ReviewStage {
  /** The stage's pipeline as Stages spells it; `''` without a Pipeline column. */
  pipeline: string;
  stage: string;
  /** Its row in Stages, as the sheet numbers it (changes are matched by name: people sort). */
  row: number;
  probability: ReviewValue;
  staleAfter: ReviewValue;
  /** The estimated win rate (`53.3%`, or `—` when the history cannot say). */
  estimateText: string;
  /** Its 95% interval in words, or `''` without one. */
  intervalText: string;
  /** What the estimate rests on: stays, still running, closed deals. */
  evidence: string;
  /** The Stages probability lies outside the 95% interval. */
  outsideInterval: boolean;
  /** The flag in words (shown as text, never as colour alone), or `null`. */
  flag: string | null;
}

export interface ReviewState {
  language: 'ko' | 'en';
  /** The day the estimates are as of: today in the spreadsheet's time zone, `YYYY-MM-DD`. */
  asOf: string;
  stagesSheet: string;
  /** Stages names pipelines: the dialog shows one group per pipeline. */
  grouped: boolean;
  pipelines: { name: string; stages: ReviewStage[] }[];
  /** Where applied changes are logged, once the log exists; `null` before the first apply. */
  logSheet: string | null;
  /** Stage history rows that could not be read and are left out of the estimates. */
  unreadHistoryRows: number;
}

/** One ticked value, with what the dialog showed, so a cell changed meanwhile is refused. */
export interface ReviewChange {
  pipeline: string;
  stage: string;
  field: ReviewField;
  /** The Stages value the dialog showed (`ReviewValue.current`). */
  current: number | null;
  /** The value the dialog offered (`ReviewValue.proposed`). */
  proposed: number;
}

export interface ReviewApplyRequest {
  changes: ReviewChange[];
}

/** A Stages cell written, as the dialog lists it afterwards. */
export interface ReviewWritten {
  pipeline: string;
  stage: string;
  field: ReviewField;
  /** The field's name in the dialog's language. */
  label: string;
  /** `Stages!B3`. */
  cell: string;
  oldText: string;
  newText: string;
  evidence: string;
}

export interface ReviewApplyResult {
  /** `false`: nothing was written (a value changed since the dialog showed it); `message` names the stages. */
  ok: boolean;
  message: string;
  written: ReviewWritten[];
  /** The review as it stands after the apply (or the refusal), read again. */
  state: ReviewState;
}

/**
 * The dialog's server functions. Checked against the bundle's exports by
 * src/addon/review/review-api.check.ts and typing the dialog's client
 * (src/panel/review-server.ts), like ServerApi for the other dialogs.
 */
export interface ReviewApi {
  reviewGetState(): ReviewState;
  reviewApply(request: ReviewApplyRequest): ReviewApplyResult;
}
