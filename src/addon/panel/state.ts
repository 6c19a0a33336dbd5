import type { Cell } from '../../engine/cells';
import { currencyOfLocale } from '../../engine/currencies';
import { type Deal, isKnownStage } from '../../engine/deals';
import { weightedAmount } from '../../engine/forecast';
import { enteredDayOf } from '../../engine/health';
import { type ExitCheck, exitCheck, moveKind } from '../../engine/moves';
import type { Pipeline, Stage } from '../../engine/stages';
import { isOpenTask } from '../../engine/tasks';
import { cellTexts } from '../../engine/texts';
import { sameStage, textOf } from '../../engine/values';
import { isoDate } from '../../engine/zone';
import type { PanelDeal, PanelState, PanelTask } from '../../shared/panel-protocol';
import { panelText } from '../i18n/panel-text';
import { entryEmailDrafts } from '../pipeline/entry-emails';
import { type PipelineSession, rowOfDeal, stagesOfRow } from '../pipeline/session';
import { SHEET_NAMES } from '../sheets/sheet-names';
import { lostReasonsOf } from '../storage/settings';
import { closedStory } from './closed-deal';
import { healthNow } from './health-now';
import { dealOnRow, rowProblems, unreadableFields } from './kept-deal';
import { timelineOf } from './timeline';

/**
 * The panel's whole view of one deal, decided here: what each move would be,
 * whether the deal is open or overdue, its weighted amount. The sidebar
 * only shows it.
 */
export function stateForRow(session: PipelineSession, gridRow: number): PanelState {
  const t = panelText(session.language);
  const sheetRow = gridRow + 1;
  const selection = { sheet: session.dealsSheet.sheet.getName(), row: sheetRow };
  const deal = dealOnRow(session, gridRow);
  if (!deal) {
    const problems = session.deals.problems.filter((p) => p.row === sheetRow);
    if (problems.length > 0)
      return emptyState(
        session,
        problems.map((p) => cellTexts(session.language).problem(p)).join('\n'),
        selection,
      );
    const stageCell = textOf(cellAt(session, gridRow, session.deals.table.columns.stage));
    return emptyState(session, stageCell === '' ? t.noStage : t.selectDeal, selection);
  }
  const check = checkOf(session, deal);
  const stages = stagesOfRow(session, gridRow);
  const story = closedStory(deal, session.history().get(deal.id), stages, lostReasonsOfSession(session));
  return {
    ...baseState(session, selection, deal.stage, stages),
    deal: { ...panelDeal(session, deal), lostReason: story.lostReason },
    problems: rowProblems(session, sheetRow),
    reopenTo: story.reopenTo,
    checklist: check.checklist.map((c) => ({ criterion: c.criterion, done: c.done })),
    requiredFields: [...check.requiredFields],
    missing: [...check.missing],
    openTasks: openTasks(session, deal),
    emails: deal.id === '' ? [] : entryEmailDrafts(session, deal, gridRow).map((d) => ({ ...d })),
    timeline: deal.id === '' ? [] : timelineOf(session.history().get(deal.id)),
    next: nextStage(stagesOfRow(session, gridRow), deal)?.name ?? null,
  };
}

/** The state for the selected Deals row (or why no deal is shown). */
export function stateForSelection(
  session: PipelineSession,
  selection: { sheet: string; row: number },
): PanelState {
  const t = panelText(session.language);
  const connected = session.own.rememberedName('Deals');
  if (!SHEET_NAMES.Deals.aliases.includes(selection.sheet) && selection.sheet !== connected)
    return emptyState(session, t.selectDeal, selection);
  if (selection.row <= session.deals.table.firstRow + session.deals.table.headerIndex)
    return emptyState(session, t.selectDeal, selection);
  return stateForRow(session, selection.row - 1);
}

export function emptyState(
  session: PipelineSession,
  notice: string,
  selection: { sheet: string; row: number },
): PanelState {
  return { ...baseState(session, selection, null), notice };
}

/** The exit check of the deal's current stay, as a forward move is judged by. */
export function checkOf(session: PipelineSession, deal: Deal): ExitCheck {
  const entered = enteredDayOf(deal, session.history().get(deal.id));
  const check = exitCheck(deal, entered, session.tasks.tasks, session.deals.table);
  // A Required field whose cell cannot be read (`TBD` in Amount) is not filled: the move depends on it.
  const key = (s: string) => s.trim().toLowerCase();
  const bad = new Set(session.deals.problems.filter((p) => p.row === deal.row).map((p) => key(p.column)));
  const unread = check.requiredFields.filter((f) => f.filled && bad.has(key(f.field)));
  if (unread.length === 0) return check;
  return {
    ...check,
    requiredFields: check.requiredFields.map((f) => (unread.includes(f) ? { ...f, filled: false } : f)),
    missing: [...check.missing, ...unread.map((f) => f.field)],
  };
}

/** The reasons a loss is picked from: Settings', else the defaults in the spreadsheet's language. */
export function lostReasonsOfSession(session: PipelineSession): string[] {
  return lostReasonsOf(session.exec.settings, session.language);
}

/** A deal and its grid row, by Deal ID (users sort and filter: never by a remembered row). */
export function findDeal(session: PipelineSession, dealId: string): { deal: Deal; gridRow: number } | null {
  const gridRow = rowOfDeal(session, dealId);
  if (gridRow < 0) return null;
  const deal = dealOnRow(session, gridRow);
  return deal ? { deal, gridRow } : null;
}

function panelDeal(session: PipelineSession, deal: Deal): PanelDeal {
  const entered = enteredDayOf(deal, session.history().get(deal.id));
  const open = deal.outcome === 'open';
  const overdueDays =
    open && deal.expectedClose !== null ? Math.max(0, session.today - deal.expectedClose) : 0;
  return {
    id: deal.id,
    row: deal.row,
    name: deal.name,
    company: deal.company,
    owner: deal.owner,
    amount: deal.amount,
    weighted: weightedAmount(deal),
    currency: deal.currency ?? currencyOfLocale(session.ctx.locale ?? ''),
    expectedClose: deal.expectedClose === null ? '' : isoDate(deal.expectedClose),
    health: healthNow(session, deal),
    stage: deal.stage.name,
    stageEntered: entered === null ? '' : isoDate(entered),
    daysInStage: entered === null ? null : session.today - entered,
    staleAfter: deal.stage.staleAfter,
    open,
    overdue: overdueDays > 0,
    overdueDays,
    lostReason: '',
    stageKnown: isKnownStage(deal.stage),
    unreadable: unreadableFields(session, deal.row),
  };
}

/** The deal's other open tasks: neither Done nor Closed, and not a Required task of the stay the checklist shows. */
function openTasks(session: PipelineSession, deal: Deal): PanelTask[] {
  if (deal.id === '') return [];
  return (
    session.tasks.tasks
      .filter(
        (task) =>
          task.dealId === deal.id &&
          isOpenTask(task) &&
          !(task.required && sameStage(task.stage, deal.stage.name)),
      )
      .map((task) => ({
        key: task.key,
        row: task.row,
        task: task.task,
        due: task.due === null ? '' : isoDate(task.due),
        done: task.done,
        source: task.source,
        overdueDays: task.due === null ? 0 : Math.max(0, session.today - task.due),
      }))
      // Overdue first, the longest overdue on top; the rest keep the sheet's order (sort is stable).
      .sort((a, b) => b.overdueDays - a.overdueDays)
  );
}

/** What every panel state shows; `stages` the deal's own pipeline's (SPEC §4: only those are offered). */
function baseState(
  session: PipelineSession,
  selection: { sheet: string; row: number },
  current: Stage | null,
  stages: Pipeline = session.pipeline,
): PanelState {
  return {
    selection: { sheet: selection.sheet, row: selection.row },
    language: session.language,
    locale: session.ctx.locale ?? '',
    today: isoDate(session.today),
    stages: stages.stages.map((s) => ({
      name: s.name,
      outcome: s.outcome,
      probability: s.probability,
      move: current ? moveKind(current, s) : null,
    })),
    deal: null,
    notice: null,
    checklist: [],
    requiredFields: [],
    missing: [],
    openTasks: [],
    emails: [],
    timeline: [],
    problems: [],
    lostReasons: lostReasonsOfSession(session),
    reopenTo: null,
    next: null,
  };
}

/** The next open stage of the deal's pipeline, or the first won stage after the last open one; none once won or lost. */
function nextStage(stages: Pipeline, deal: Deal): Stage | undefined {
  const stage = deal.stage;
  if (deal.outcome !== 'open') return undefined;
  const later = stages.stages.filter((s) => s.index > stage.index && s.outcome !== 'lost');
  return later.find((s) => s.outcome === 'open') ?? later.find((s) => s.outcome === 'won');
}

function cellAt(session: PipelineSession, gridRow: number, column: number | undefined): Cell {
  return column === undefined ? '' : (session.dealsSheet.grid[gridRow]?.[column] ?? '');
}
