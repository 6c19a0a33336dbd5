import type {
  ReviewApplyRequest,
  ReviewApplyResult,
  ReviewChange,
  ReviewState,
  ReviewWritten,
} from '../../shared/review-protocol';
import { reviewText } from '../i18n/review-text';
import { uiText } from '../i18n/ui-text';
import { openSession, rereadStages } from '../pipeline/session';
import { columnLetter } from '../sheets/sheets-io';
import { beginExecution, type Execution } from '../storage/execution';
import { appendChangeLog, changeLogSheet } from './change-log';
import { type Review, reviewOf, stateOf } from './review-state';
import { planWrites, readBackSafe, type StagesWrite, writeStages } from './stages-cells';

/**
 * Review win probabilities (SPEC §4): a dialog beside Stages that shows, per
 * open stage, the probability and stale threshold in Stages next to what the
 * history estimates, and applies only the values the user ticks.
 */

/** Menu: opens the dialog (560 px: room for the two values of a stage side by side). */
export function showReview(): void {
  const t = uiText(beginExecution().language);
  const html = HtmlService.createHtmlOutputFromFile('Review').setWidth(560).setHeight(640);
  SpreadsheetApp.getUi().showModalDialog(html, t.reviewTitle);
}

/** Every open stage with its Stages values and estimates; reads Stages, Deals and the history once each. */
export function reviewGetState(): ReviewState {
  return stateOf(reviewOf(openSession(beginExecution())));
}

/**
 * Applies the ticked values. Under the document lock Stages and the history
 * are read again, and the whole apply is refused, naming the stages, when a
 * value the dialog showed has changed since (in Stages, or the estimate).
 * Otherwise it writes only the ticked Stages cells and one Stage changes
 * log row per cell, and answers with what it wrote and the review as it now
 * is (Stages read back; the history and deals, unchanged, as read).
 */
export function reviewApply(input: unknown): ReviewApplyResult {
  const exec = beginExecution();
  const t = reviewText(exec.language);
  const request = requestOf(input);
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(10_000)) throw new Error(uiText(exec.language).busy);
  try {
    const review = reviewOf(openSession(exec));
    if (!request) return refused(review, t.invalidRequest);
    if (request.changes.length === 0) return refused(review, t.nothingTicked);
    const plan = planWrites(review, request.changes, t);
    if (plan.refusals.length > 0) return refused(review, [...plan.refusals, t.nothingWritten].join(' '));
    const writes = readBackSafe(review, plan.writes);
    if (!writes) {
      // Only a probability can change how its column reads (SPEC §2); name the first one.
      const probability = plan.writes.find((w) => w.field === 'probability');
      return refused(review, t.unsafeWrite(probability?.stage.row.stage ?? ''));
    }
    writeStages(review, writes);
    const log = changeLogSheet(exec.ss, review.session.own, exec.language);
    appendChangeLog(log, writes, {
      when: review.session.now,
      who: Session.getActiveUser().getEmail(),
      locale: exec.locale,
      language: exec.language,
    });
    exec.store.save();
    return {
      ok: true,
      message: t.applied(writes.length, log.getName()),
      written: writes.map((w) => writtenOf(review, w, exec)),
      state: stateOf(reviewOf(rereadStages(review.session))),
    };
  } finally {
    lock.releaseLock();
  }
}

function refused(review: Review, message: string): ReviewApplyResult {
  return { ok: false, message, written: [], state: stateOf(review) };
}

function writtenOf(review: Review, w: StagesWrite, exec: Execution): ReviewWritten {
  const shown = w.stage.shown;
  return {
    pipeline: shown.pipeline,
    stage: shown.stage,
    field: w.field,
    label: reviewText(exec.language).fields[w.field],
    cell: `${review.session.stagesSheet.sheet.getName()}!${columnLetter(w.column + 1)}${w.row}`,
    oldText: shown[w.field].currentText,
    newText: shown[w.field].proposedText,
    evidence: shown.evidence,
  };
}

const MAX_CHANGES = 200;
const MAX_NAME = 200;
const isName = (v: unknown): v is string => typeof v === 'string' && v.length <= MAX_NAME;
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/**
 * The dialog's request, checked: everything from the browser is untrusted.
 * A request that does not fit, or ticks one value twice, is refused whole.
 */
function requestOf(input: unknown): ReviewApplyRequest | null {
  const list = (typeof input === 'object' && input !== null ? input : {}) as { changes?: unknown };
  if (!Array.isArray(list.changes) || list.changes.length > MAX_CHANGES) return null;
  const changes: ReviewChange[] = [];
  for (const item of list.changes) {
    const o = (typeof item === 'object' && item !== null ? item : {}) as Record<string, unknown>;
    const { pipeline, stage, field, current, proposed } = o;
    if (!isName(pipeline) || !isName(stage) || (field !== 'probability' && field !== 'staleAfter'))
      return null;
    if (!(current === null || isNumber(current)) || !isNumber(proposed)) return null;
    changes.push({ pipeline, stage, field, current, proposed });
  }
  const keys = new Set(changes.map((c) => `${c.pipeline}\u0000${c.stage}\u0000${c.field}`));
  return keys.size === changes.length ? { changes } : null;
}
