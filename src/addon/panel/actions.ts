import { type Deal, isKnownStage } from '../../engine/deals';
import { enteredDayOf } from '../../engine/health';
import { decideMove, type MoveDecision, moveKind } from '../../engine/moves';
import type { Stage } from '../../engine/stages';
import { stageEntryTasks } from '../../engine/tasks';
import { sameStage } from '../../engine/values';
import type {
  ActionResult,
  AttentionList,
  MoveRequest,
  PanelSelection,
  PanelState,
  RefusalReason,
} from '../../shared/panel-protocol';
import { panelText } from '../i18n/panel-text';
import { sendEntryEmail } from '../pipeline/entry-emails';
import {
  logSheets,
  openSession,
  type PipelineSession,
  reopenSession,
  rowOfDeal,
  stagesOfRow,
} from '../pipeline/session';
import { applyStageChanges } from '../pipeline/stage-changes';
import { logStageEdits } from '../pipeline/stage-log';
import { appendTasks } from '../pipeline/task-append';
import { writeColumnCells } from '../sheets/sheets-io';
import { beginExecution, type Execution } from '../storage/execution';
import { attentionList } from './attention';
import { validateChecklist, validateEmailSend, validateMove, validateTaskDone } from './requests';
import { checkOf, findDeal, lostReasonsOfSession, stateForRow, stateForSelection } from './state';

/** Cheap: which sheet and row the user has selected, polled while the panel is open. */
export function panelGetSelection(): PanelSelection {
  const sheet = SpreadsheetApp.getActive().getActiveSheet();
  const range = sheet.getActiveRange();
  return { sheet: sheet.getName(), row: range ? range.getRow() : 0 };
}

/**
 * The panel's whole view of one deal, in one call per selection change:
 * by id when asked, else the selected Deals row (each sheet read once).
 */
export function panelGetState(dealId?: unknown): PanelState {
  const session = openSession(beginExecution());
  if (typeof dealId === 'string' && dealId !== '') {
    const found = findDeal(session, dealId);
    if (found) return stateForRow(session, found.gridRow);
  }
  return stateForSelection(session, panelGetSelection());
}

/** Needs attention: the deals that are stale, overdue, overridden or have a bad cell; `mine` keeps the user's own. */
export function panelGetAttention(mine?: unknown): AttentionList {
  const session = openSession(beginExecution());
  const user = Session.getActiveUser().getEmail();
  const own = mine === true;
  return { mine: own, user, items: attentionList(session, own ? user : null) };
}

/**
 * Selects a deal's row in Deals (by its ID: rows move when people sort) and
 * answers with its state, so next/previous costs one call. A deal no longer
 * there leaves the selection alone and answers with the selected row's state.
 */
export function panelSelectDeal(dealId?: unknown): PanelState {
  const session = openSession(beginExecution());
  const gridRow = typeof dealId === 'string' ? rowOfDeal(session, dealId.trim()) : -1;
  if (gridRow < 0) return stateForSelection(session, panelGetSelection());
  const sheet = session.dealsSheet.sheet;
  sheet.activate();
  sheet.getRange(gridRow + 1, 1).activate();
  return stateForRow(session, gridRow);
}

export function panelMoveDeal(input: unknown): ActionResult {
  return panelAction(input, validateMove, (exec, request) =>
    withDealUnderLock(exec, request.dealId, request.expectedStage, (session, deal, gridRow) => {
      const t = panelText(session.language);
      // A move starts from a stage of Stages: from one that is not, the Stage cell is what to fix.
      if (!isKnownStage(deal.stage))
        return refuse('invalid', t.unknownStage(deal.stage.name), [], stateForRow(session, gridRow));
      // Only the deal's own pipeline's stages (SPEC §4).
      const to = stagesOfRow(session, gridRow).find(request.toStage);
      if (!to) return refuse('invalid', t.unknownStage(request.toStage), [], stateForRow(session, gridRow));
      const check = checkOf(session, deal);
      const lost = to.outcome === 'lost' ? lostNote(session, request) : null;
      if (lost === '') return refuse('reason', t.lostNeedsReason, [], stateForRow(session, gridRow));
      const decision = decideMove(moveKind(deal.stage, to), check, {
        to,
        ...request,
        note: lost ?? request.note,
      });
      if (!decision.ok)
        return refuse(
          decision.reason,
          refusalMessage(session, decision, deal.stage, to),
          [...decision.missing],
          stateForRow(session, gridRow),
        );
      const note =
        decision.kind === 'forward' && check.missing.length > 0
          ? t.overrideNote(check.missing, decision.note)
          : decision.note;
      applyStageChanges(session, [
        {
          gridRow,
          dealId: deal.id,
          owner: deal.owner,
          from: deal.stage.name,
          to,
          by: Session.getActiveUser().getEmail(),
          note,
          writeStage: true,
        },
      ]);
      return {
        ok: true,
        message: t.moved(deal.name || deal.id, to.name),
        state: stateForRow(reopenSession(session), gridRow),
      };
    }),
  );
}

/** Ticks or unticks an exit criterion: its Required task's Done cell, created when the deal has none. */
export function panelSetChecklistItem(input: unknown): ActionResult {
  return panelAction(input, validateChecklist, (exec, request) =>
    withDealUnderLock(exec, request.dealId, request.stage, (session, deal, gridRow) => {
      const t = panelText(session.language);
      // The checklist the panel showed: the exit criteria and the stay's other Required tasks.
      const item = checkOf(session, deal).checklist.find((c) => c.criterion === request.criterion);
      if (!item)
        return refuse('invalid', t.unknownCriterion(request.criterion), [], stateForRow(session, gridRow));
      if (item.taskRow !== null) {
        setDone(session, item.taskRow, request.done);
      } else {
        // A criterion with no task yet (the deal entered before the add-on): ticking creates it.
        const day = enteredDayOf(deal, session.history().get(deal.id)) ?? session.today;
        const planned = stageEntryTasks(deal, deal.stage, day).filter(
          (p) => p.task === request.criterion && p.required,
        );
        const { tasks } = logSheets(session);
        appendTasks(tasks.sheet, tasks.grid, planned, session, request.done);
        session.store.save();
      }
      return { ok: true, message: '', state: stateForRow(reopenSession(session), gridRow) };
    }),
  );
}

/** Ticks or unticks one of the deal's other tasks, found by key (or by row when it has none). */
export function panelSetTaskDone(input: unknown): ActionResult {
  return panelAction(input, validateTaskDone, (exec, request) =>
    withDealUnderLock(exec, request.dealId, null, (session, _deal, gridRow) => {
      const task = session.tasks.tasks.find((x) =>
        request.key !== '' ? x.key === request.key : x.row === request.row && x.dealId === request.dealId,
      );
      if (!task)
        return refuse('changed', panelText(session.language).taskGone, [], stateForRow(session, gridRow));
      setDone(session, task.row, request.done);
      return { ok: true, message: '', state: stateForRow(reopenSession(session), gridRow) };
    }),
  );
}

/**
 * Sends one of the deal's drafted entry emails (SPEC §4), from the person
 * clicking, to its Contact email; the task is then Done and says so, so a
 * second click finds nothing to send.
 */
export function panelSendEntryEmail(input: unknown): ActionResult {
  return panelAction(input, validateEmailSend, (exec, request) =>
    withDealUnderLock(exec, request.dealId, null, (session, deal, gridRow) => {
      const sent = sendEntryEmail(session, deal, gridRow, request.key);
      const state = stateForRow(sent.ok ? reopenSession(session) : session, gridRow);
      return sent.ok
        ? { ok: true, message: sent.message, state }
        : refuse('changed', sent.message, [], state);
    }),
  );
}

/**
 * A loss's Note: the reason picked from the Settings list, then the free
 * text after a colon (`경쟁사 선택: 가격 비교 후 결정`), so the reason can be
 * counted from the history. '' when no listed reason was picked.
 */
function lostNote(session: PipelineSession, request: MoveRequest): string {
  const reason = lostReasonsOfSession(session).find((r) => r === (request.reason ?? '').trim());
  if (reason === undefined) return '';
  const text = request.note.trim();
  return text === '' ? reason : `${reason}: ${text}`;
}

/** Why a move was refused, in the panel's words. */
function refusalMessage(
  session: PipelineSession,
  decision: Extract<MoveDecision, { ok: false }>,
  from: Stage,
  to: Stage,
): string {
  const t = panelText(session.language);
  if (decision.reason === 'criteria') return t.criteriaUnmet(from.name);
  if (decision.reason === 'same') return t.sameStage;
  if (to.outcome === 'lost') return t.lostNeedsReason;
  return from.outcome !== 'open' ? t.reopenNeedsReason : t.overrideNeedsNote;
}

function setDone(session: PipelineSession, row: number, done: boolean): void {
  const c = session.tasks.table.columns.done;
  if (c === undefined) throw new Error('Tasks has no Done column. Run Set up pipeline sheets.');
  writeColumnCells(logSheets(session).tasks.sheet, c + 1, new Map([[row, done]]));
}

/**
 * Every change happens under the document lock, on a fresh read of the
 * sheets: two reps moving the same deal cannot both win. Stage changes the
 * history is missing are logged first, so the action sees the sheet as it is.
 */
function underLock(exec: Execution, action: (session: PipelineSession) => ActionResult): ActionResult {
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(10_000)) return refuse('busy', panelText(exec.language).busy, [], null);
  try {
    const session = openSession(exec);
    return action(logStageEdits(session) > 0 ? reopenSession(session) : session);
  } finally {
    lock.releaseLock();
  }
}

/**
 * Runs a change to one deal under the lock: the deal is found by its id and
 * must still be the selected row; with `shownStage`, the change is refused if
 * the deal's stage is no longer the one the panel showed (someone else moved
 * it meanwhile).
 */
function withDealUnderLock(
  exec: Execution,
  dealId: string,
  shownStage: string | null,
  action: (session: PipelineSession, deal: Deal, gridRow: number) => ActionResult,
): ActionResult {
  return underLock(exec, (session) => {
    const t = panelText(session.language);
    const elsewhere = selectedElsewhere(session, dealId);
    if (elsewhere) return elsewhere;
    const found = findDeal(session, dealId);
    if (!found) return refuse('missing', t.dealGone(dealId), [], null);
    const { deal, gridRow } = found;
    if (shownStage !== null && !sameStage(deal.stage.name, shownStage))
      return refuse('changed', t.changedBehind(deal.stage.name), [], stateForRow(session, gridRow));
    return action(session, deal, gridRow);
  });
}

/**
 * The refusal of an action for a deal that is no longer the selected row
 * (the user clicked another row and acted before the panel followed),
 * carrying the selected row's state so the panel shows it at once; `null`
 * when the deal is the selected row.
 */
function selectedElsewhere(session: PipelineSession, dealId: string): ActionResult | null {
  const selection = panelGetSelection();
  const gridRow = rowOfDeal(session, dealId);
  const onRow = selection.sheet === session.dealsSheet.sheet.getName() && selection.row === gridRow + 1;
  if (onRow && gridRow >= 0) return null;
  const t = panelText(session.language);
  return refuse('selection', t.selectionMoved(dealId), [], stateForSelection(session, selection));
}

/** The start of every panel action: one execution, the request checked (refused as a whole if it does not fit). */
function panelAction<R>(
  input: unknown,
  validate: (input: unknown) => R | null,
  action: (exec: Execution, request: R) => ActionResult,
): ActionResult {
  const exec = beginExecution();
  const request = validate(input);
  return request
    ? action(exec, request)
    : refuse('invalid', panelText(exec.language).invalidRequest, [], null);
}

function refuse(
  reason: RefusalReason,
  message: string,
  missing: string[],
  state: PanelState | null,
): ActionResult {
  return { ok: false, reason, message, missing, state };
}
