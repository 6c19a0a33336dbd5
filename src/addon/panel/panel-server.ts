import type { Cell } from '../../engine/cells';
import type { Deal } from '../../engine/deals';
import { weightedAmount } from '../../engine/forecast';
import { enteredDayOf } from '../../engine/health';
import { decideMove, type ExitCheck, exitCheck, moveKind } from '../../engine/moves';
import type { Stage } from '../../engine/stages';
import { stageEntryTasks } from '../../engine/tasks';
import { cellTexts } from '../../engine/texts';
import { stageKey, textOf } from '../../engine/values';
import { isoDate } from '../../engine/zone';
import { DocumentStore } from '../storage/document-store';
import { logStageEdits } from '../pipeline/stage-log';
import type {
  ActionResult,
  ChecklistRequest,
  MoveRequest,
  PanelSelection,
  PanelState,
  RefusalReason,
  TaskDoneRequest,
} from '../../shared/panel-protocol';
import { panelText } from '../i18n/panel-text';
import { logSheets, openSession, type PipelineSession, rowOfDeal } from '../pipeline/session';
import { readSettings, resolveLanguage } from '../storage/settings';
import { SHEET_NAMES } from '../sheets/sheet-names';
import { setBlock } from '../sheets/sheets-io';
import { applyStageChanges } from '../pipeline/stage-changes';
import { appendTasks } from '../pipeline/task-append';

/** Cheap: which sheet and row the user has selected, polled while the panel is open. */
export function panelGetSelection(): PanelSelection {
  const sheet = SpreadsheetApp.getActive().getActiveSheet();
  const range = sheet.getActiveRange();
  return { sheet: sheet.getName(), row: range ? range.getRow() : 0 };
}

/** The panel's whole view of one deal: by id after an action, else the selected Deals row. */
export function panelGetState(dealId?: unknown): PanelState {
  const session = openSession();
  if (typeof dealId === 'string' && dealId !== '') {
    const i = rowOfDeal(session, dealId);
    if (i >= 0) return stateForRow(session, i);
  }
  const selection = panelGetSelection();
  const t = panelText(session.language);
  if (!isDealsSheet(selection.sheet)) return emptyState(session, t.selectDeal);
  if (selection.row <= session.deals.table.firstRow + session.deals.table.headerIndex)
    return emptyState(session, t.selectDeal);
  return stateForRow(session, selection.row - 1);
}

export function panelMoveDeal(input: unknown): ActionResult {
  const request = validateMove(input);
  if (!request) return refuse('invalid', panelTextFor().invalidRequest, [], null);
  return withDealUnderLock(request.dealId, request.expectedStage, (session, deal, gridRow) => {
    const t = panelText(session.language);
    const to = session.pipeline.find(request.toStage);
    if (!to) return refuse('invalid', t.unknownStage(request.toStage), [], stateForRow(session, gridRow));
    const check = checkOf(session, deal);
    const decision = decideMove(moveKind(deal.stage, to), check, {
      to,
      override: request.override,
      note: request.note,
    });
    if (!decision.ok) {
      const message =
        decision.reason === 'criteria'
          ? t.criteriaUnmet(deal.stage.name)
          : decision.reason === 'note'
            ? to.outcome === 'lost'
              ? t.lostNeedsReason
              : deal.stage.outcome !== 'open'
                ? t.reopenNeedsReason
                : t.overrideNeedsNote
            : t.sameStage;
      return refuse(decision.reason, message, [...decision.missing], stateForRow(session, gridRow));
    }
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
    const after = reopen(session);
    return { ok: true, message: t.moved(deal.name || deal.id, to.name), state: stateForRow(after, gridRow) };
  });
}

/** Ticks or unticks an exit criterion: its Required task's Done cell, created when the deal has none. */
export function panelSetChecklistItem(input: unknown): ActionResult {
  const request = validateChecklist(input);
  if (!request) return refuse('invalid', panelTextFor().invalidRequest, [], null);
  return withDealUnderLock(request.dealId, request.stage, (session, deal, gridRow) => {
    const t = panelText(session.language);
    // The checklist the panel showed: the exit criteria and the stay's other Required tasks.
    const item = checkOf(session, deal).checklist.find((c) => c.criterion === request.criterion);
    if (!item) {
      return refuse('invalid', t.unknownCriterion(request.criterion), [], stateForRow(session, gridRow));
    }
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
    const after = reopen(session);
    return { ok: true, message: '', state: stateForRow(after, gridRow) };
  });
}

/** Ticks or unticks one of the deal's other tasks, found by key (or by row when it has none). */
export function panelSetTaskDone(input: unknown): ActionResult {
  const o = asRecord(input);
  const request: TaskDoneRequest | null =
    o &&
    typeof o.dealId === 'string' &&
    typeof o.key === 'string' &&
    typeof o.done === 'boolean' &&
    Number.isInteger(o.row)
      ? { dealId: o.dealId, key: o.key, row: o.row as number, done: o.done }
      : null;
  if (!request) return refuse('invalid', panelTextFor().invalidRequest, [], null);
  return underLock((session) => {
    const t = panelText(session.language);
    const found = findDeal(session, request.dealId);
    if (!found) return refuse('missing', t.dealGone(request.dealId), [], null);
    const task = session.tasks.tasks.find((x) =>
      request.key !== '' ? x.key === request.key : x.row === request.row && x.dealId === request.dealId,
    );
    if (!task) return refuse('changed', t.taskGone, [], stateForRow(session, found.gridRow));
    setDone(session, task.row, request.done);
    const after = reopen(session);
    return { ok: true, message: '', state: stateForRow(after, found.gridRow) };
  });
}

function stateForRow(session: PipelineSession, gridRow: number): PanelState {
  const t = panelText(session.language);
  const sheetRow = gridRow + 1;
  const deal = session.deals.deals.find((d) => d.row === sheetRow);
  if (!deal) {
    const problems = session.deals.problems.filter((p) => p.row === sheetRow);
    if (problems.length > 0)
      return emptyState(session, problems.map((p) => cellTexts(session.language).problem(p)).join('\n'));
    const stageCell = textOf(cellAt(session, gridRow, session.deals.table.columns.stage));
    return emptyState(session, stageCell === '' ? t.noStage : t.selectDeal);
  }
  const entered = enteredDayOf(deal, session.history().get(deal.id));
  const check = checkOf(session, deal);
  const openTasks = session.tasks.tasks
    .filter(
      (task) =>
        task.dealId === deal.id &&
        deal.id !== '' &&
        !task.done &&
        !(task.required && task.stage === deal.stage.name),
    )
    .map((task) => ({
      key: task.key,
      row: task.row,
      task: task.task,
      due: task.due === null ? '' : isoDate(task.due),
      done: task.done,
      source: task.source,
    }));
  return {
    ...baseState(session),
    deal: {
      id: deal.id,
      row: deal.row,
      name: deal.name,
      company: deal.company,
      owner: deal.owner,
      amount: deal.amount,
      weighted: weightedAmount(deal),
      expectedClose: deal.expectedClose === null ? '' : isoDate(deal.expectedClose),
      health: deal.health,
      stage: deal.stage.name,
      stageEntered: entered === null ? '' : isoDate(entered),
      daysInStage: entered === null ? null : session.today - entered,
      staleAfter: deal.stage.staleAfter,
    },
    checklist: check.checklist.map((c) => ({ criterion: c.criterion, done: c.done })),
    requiredFields: [...check.requiredFields],
    missing: [...check.missing],
    openTasks,
    next: nextStage(session, deal.stage)?.name ?? null,
  };
}

function baseState(session: PipelineSession): PanelState {
  return {
    language: session.language,
    locale: session.ss.getSpreadsheetLocale(),
    today: isoDate(session.today),
    stages: session.pipeline.stages.map((s) => ({
      name: s.name,
      outcome: s.outcome,
      probability: s.probability,
    })),
    deal: null,
    notice: null,
    checklist: [],
    requiredFields: [],
    missing: [],
    openTasks: [],
    next: null,
  };
}

function emptyState(session: PipelineSession, notice: string): PanelState {
  return { ...baseState(session), notice };
}

/** The next open stage, or the first won stage after the last open one. */
function nextStage(session: PipelineSession, stage: Stage): Stage | undefined {
  if (stage.outcome !== 'open') return undefined;
  const later = session.pipeline.stages.filter((s) => s.index > stage.index && s.outcome !== 'lost');
  return later.find((s) => s.outcome === 'open') ?? later.find((s) => s.outcome === 'won');
}

function checkOf(session: PipelineSession, deal: Deal): ExitCheck {
  const entered = enteredDayOf(deal, session.history().get(deal.id));
  return exitCheck(deal, entered, session.tasks.tasks, session.deals.table);
}

function findDeal(session: PipelineSession, dealId: string): { deal: Deal; gridRow: number } | null {
  const gridRow = rowOfDeal(session, dealId);
  if (gridRow < 0) return null;
  const deal = session.deals.deals.find((d) => d.row === gridRow + 1);
  return deal ? { deal, gridRow } : null;
}

function setDone(session: PipelineSession, row: number, done: boolean): void {
  const c = session.tasks.table.columns.done;
  if (c === undefined) throw new Error('Tasks has no Done column. Run Set up pipeline sheets.');
  setBlock(logSheets(session).tasks.sheet.getRange(row, c + 1), [[done]]);
}

/** The sheets again after a write, in the same execution's language and store. */
function reopen(session: PipelineSession): PipelineSession {
  return openSession({ ss: session.ss, now: session.now, language: session.language, store: session.store });
}

/**
 * Every change happens under the document lock, on a fresh read of the
 * sheets: two reps moving the same deal cannot both win.
 */
function underLock(action: (session: PipelineSession) => ActionResult): ActionResult {
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(10_000)) return refuse('busy', panelTextFor().busy, [], null);
  try {
    const session = openSession();
    // Stage changes the history is missing are logged first, so this action sees the sheet as it is.
    return action(logStageEdits(session) > 0 ? reopen(session) : session);
  } finally {
    lock.releaseLock();
  }
}

/**
 * Runs a change to one deal under the lock, on a fresh read: the deal is found
 * by its id, and the change is refused if its stage is no longer the one the
 * panel showed (someone else moved it meanwhile).
 */
function withDealUnderLock(
  dealId: string,
  shownStage: string,
  action: (session: PipelineSession, deal: Deal, gridRow: number) => ActionResult,
): ActionResult {
  return underLock((session) => {
    const t = panelText(session.language);
    const found = findDeal(session, dealId);
    if (!found) return refuse('missing', t.dealGone(dealId), [], null);
    const { deal, gridRow } = found;
    if (stageKey(deal.stage.name) !== stageKey(shownStage)) {
      return refuse('changed', t.changedBehind(deal.stage.name), [], stateForRow(session, gridRow));
    }
    return action(session, deal, gridRow);
  });
}

function refuse(
  reason: RefusalReason,
  message: string,
  missing: string[],
  state: PanelState | null,
): ActionResult {
  return { ok: false, reason, message, missing, state };
}

function isDealsSheet(name: string): boolean {
  return SHEET_NAMES.Deals.aliases.includes(name);
}

function cellAt(session: PipelineSession, gridRow: number, column: number | undefined): Cell {
  return column === undefined ? '' : (session.dealsSheet.grid[gridRow]?.[column] ?? '');
}

/** The panel's words before a session is open (a bad request, a held lock): a few calls, on those paths only. */
function panelTextFor() {
  return panelText(resolveLanguage(readSettings(new DocumentStore()), SpreadsheetApp.getActive()));
}

function asRecord(input: unknown): Record<string, unknown> | null {
  return typeof input === 'object' && input !== null && !Array.isArray(input)
    ? (input as Record<string, unknown>)
    : null;
}

const MAX_TEXT = 2000;
const isText = (v: unknown, max = MAX_TEXT): v is string => typeof v === 'string' && v.length <= max;

/** Everything from the client is untrusted: shapes and lengths are checked before use. */
function validateMove(input: unknown): MoveRequest | null {
  const o = asRecord(input);
  if (!o) return null;
  const { dealId, expectedStage, toStage, override, note } = o;
  if (!isText(dealId, 200) || dealId.trim() === '' || !isText(expectedStage, 200) || !isText(toStage, 200))
    return null;
  if (typeof override !== 'boolean' || !isText(note)) return null;
  return { dealId: dealId.trim(), expectedStage, toStage, override, note };
}

function validateChecklist(input: unknown): ChecklistRequest | null {
  const o = asRecord(input);
  if (!o) return null;
  const { dealId, stage, criterion, done } = o;
  if (!isText(dealId, 200) || dealId.trim() === '' || !isText(stage, 200) || !isText(criterion)) return null;
  if (typeof done !== 'boolean') return null;
  return { dealId: dealId.trim(), stage, criterion, done };
}
