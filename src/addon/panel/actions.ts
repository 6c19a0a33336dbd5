import type { Deal } from '../../engine/deals';
import { enteredDayOf } from '../../engine/health';
import { decideMove, type MoveDecision, moveKind } from '../../engine/moves';
import type { Stage } from '../../engine/stages';
import { stageEntryTasks } from '../../engine/tasks';
import { sameStage } from '../../engine/values';
import type { ActionResult, PanelSelection, PanelState, RefusalReason } from '../../shared/panel-protocol';
import { panelText } from '../i18n/panel-text';
import { logSheets, openSession, type PipelineSession, stagesOfRow } from '../pipeline/session';
import { applyStageChanges } from '../pipeline/stage-changes';
import { logStageEdits } from '../pipeline/stage-log';
import { appendTasks } from '../pipeline/task-append';
import { setBlock } from '../sheets/sheets-io';
import { beginExecution, type Execution } from '../storage/execution';
import { validateChecklist, validateMove, validateTaskDone } from './requests';
import { checkOf, findDeal, stateForRow, stateForSelection } from './state';

/** Cheap: which sheet and row the user has selected, polled while the panel is open. */
export function panelGetSelection(): PanelSelection {
  const sheet = SpreadsheetApp.getActive().getActiveSheet();
  const range = sheet.getActiveRange();
  return { sheet: sheet.getName(), row: range ? range.getRow() : 0 };
}

/** The panel's whole view of one deal: by id after an action, else the selected Deals row. */
export function panelGetState(dealId?: unknown): PanelState {
  const session = openSession(beginExecution());
  if (typeof dealId === 'string' && dealId !== '') {
    const found = findDeal(session, dealId);
    if (found) return stateForRow(session, found.gridRow);
  }
  return stateForSelection(session, panelGetSelection());
}

export function panelMoveDeal(input: unknown): ActionResult {
  return panelAction(input, validateMove, (exec, request) =>
    withDealUnderLock(exec, request.dealId, request.expectedStage, (session, deal, gridRow) => {
      const t = panelText(session.language);
      // Only the deal's own pipeline's stages (SPEC §4).
      const to = stagesOfRow(session, gridRow).find(request.toStage);
      if (!to) return refuse('invalid', t.unknownStage(request.toStage), [], stateForRow(session, gridRow));
      const check = checkOf(session, deal);
      const decision = decideMove(moveKind(deal.stage, to), check, { to, ...request });
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
        state: stateForRow(openSession(exec), gridRow),
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
      return { ok: true, message: '', state: stateForRow(openSession(exec), gridRow) };
    }),
  );
}

/** Ticks or unticks one of the deal's other tasks, found by key (or by row when it has none). */
export function panelSetTaskDone(input: unknown): ActionResult {
  return panelAction(input, validateTaskDone, (exec, request) =>
    underLock(exec, (session) => {
      const t = panelText(session.language);
      const found = findDeal(session, request.dealId);
      if (!found) return refuse('missing', t.dealGone(request.dealId), [], null);
      const task = session.tasks.tasks.find((x) =>
        request.key !== '' ? x.key === request.key : x.row === request.row && x.dealId === request.dealId,
      );
      if (!task) return refuse('changed', t.taskGone, [], stateForRow(session, found.gridRow));
      setDone(session, task.row, request.done);
      return { ok: true, message: '', state: stateForRow(openSession(exec), found.gridRow) };
    }),
  );
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
  setBlock(logSheets(session).tasks.sheet.getRange(row, c + 1), [[done]]);
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
    return action(logStageEdits(session) > 0 ? openSession(exec) : session);
  } finally {
    lock.releaseLock();
  }
}

/**
 * Runs a change to one deal under the lock: the deal is found by its id, and
 * the change is refused if its stage is no longer the one the panel showed
 * (someone else moved it meanwhile).
 */
function withDealUnderLock(
  exec: Execution,
  dealId: string,
  shownStage: string,
  action: (session: PipelineSession, deal: Deal, gridRow: number) => ActionResult,
): ActionResult {
  return underLock(exec, (session) => {
    const t = panelText(session.language);
    const found = findDeal(session, dealId);
    if (!found) return refuse('missing', t.dealGone(dealId), [], null);
    const { deal, gridRow } = found;
    if (!sameStage(deal.stage.name, shownStage))
      return refuse('changed', t.changedBehind(deal.stage.name), [], stateForRow(session, gridRow));
    return action(session, deal, gridRow);
  });
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
