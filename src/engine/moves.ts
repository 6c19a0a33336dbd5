import { type Cell, isBlankCell } from './cells';
import type { Deal } from './deals';
import { type ColumnSpec, DEALS, type DealField } from './schema';
import type { Stage } from './stages';
import { normalizeHeader, type Table } from './table';
import { keyStay, type TaskRow, taskKey } from './tasks';
import { sameStage } from './values';
import { type DayNumber, isoDate } from './zone';

/** How a move relates to the pipeline's order; only `forward` is held to exit criteria. */
export type MoveKind = 'forward' | 'back' | 'lost' | 'reopen' | 'same';

export function moveKind(from: Stage, to: Stage): MoveKind {
  if (from === to) return 'same';
  if (to.outcome === 'lost') return 'lost';
  if (from.outcome !== 'open') return 'reopen';
  if (to.outcome === 'won') return 'forward';
  return to.index > from.index ? 'forward' : 'back';
}

export interface ChecklistItem {
  readonly criterion: string;
  readonly done: boolean;
  /** The Tasks row that holds it, when there is one. */
  readonly taskRow: number | null;
}

export interface ExitCheck {
  readonly checklist: readonly ChecklistItem[];
  readonly requiredFields: readonly { field: string; filled: boolean }[];
  /** What stops a forward move, in words: unticked criteria and empty required fields. */
  readonly missing: readonly string[];
}

/**
 * What the deal still owes before leaving its stage: every exit criterion
 * needs a Done Required task of this stay (a deal that entered before the
 * add-on has none, so its criteria show unticked), every other Required task
 * of this stay must be Done too, and every Required field must be filled in
 * the deal's row (named by its header or any of its aliases). Closed tasks
 * belong to stays that have ended: they count for nothing here.
 */
export function exitCheck(
  deal: Deal,
  enteredDay: DayNumber | null,
  tasks: readonly TaskRow[],
  deals: Table<DealField>,
): ExitCheck {
  const stage = deal.stage;
  const mine =
    deal.id === '' ? [] : tasks.filter((t) => t.dealId === deal.id && t.required && t.closed === null);
  const criteria = stage.exitCriteria.map((criterion) => {
    const task = findCriterionTask(mine, deal, criterion, enteredDay);
    return { criterion, done: task?.done ?? false, taskRow: task?.row ?? null };
  });
  // Required tasks added by hand (or for a criterion since removed from Stages) hold the deal too.
  const ordinal = stayOrdinal(mine, deal, enteredDay);
  const others = mine
    .filter((t) => !stage.exitCriteria.includes(t.task) && inStay(t, deal, enteredDay, ordinal))
    .map((t) => ({ criterion: t.task, done: t.done, taskRow: t.row }));
  const checklist = [...criteria, ...others];
  const requiredFields = stage.requiredFields.map((field) => {
    const c = dealColumn(deals, field);
    const cell: Cell = c === undefined ? '' : (deal.cells[c] ?? '');
    return { field, filled: !isBlankCell(cell) };
  });
  const missing = [
    ...checklist.filter((c) => !c.done).map((c) => c.criterion),
    ...requiredFields.filter((f) => !f.filled).map((f) => f.field),
  ];
  return { checklist, requiredFields, missing };
}

/** A Required field names a Deals column by its header as written, or by any alias (`금액` = `수주 예정 금액`). */
function dealColumn(deals: Table<DealField>, field: string): number | undefined {
  const key = normalizeHeader(field);
  const direct = deals.headers.findIndex((h) => normalizeHeader(h) === key);
  if (direct >= 0) return direct;
  for (const [name, spec] of Object.entries(DEALS.columns) as [DealField, ColumnSpec][]) {
    if (spec.aliases.some((a) => normalizeHeader(a) === key)) return deals.columns[name];
  }
  return undefined;
}

/**
 * Which stay of its entry day the deal's current one is (see taskKey): the
 * highest `#n` among the keys of its tasks for the stage and that day, since
 * a later stay that day always has a higher one; 1 when none says.
 */
function stayOrdinal(tasks: readonly TaskRow[], deal: Deal, enteredDay: DayNumber | null): number {
  if (enteredDay === null) return 1;
  const day = isoDate(enteredDay);
  let ordinal = 1;
  for (const t of tasks) {
    const stay = keyStay(t.key, deal.id, deal.stage.name);
    if (stay !== null && stay.day === day) ordinal = Math.max(ordinal, stay.ordinal);
  }
  return ordinal;
}

/** A task of the deal's current stay: same stage, and keyed by this stay (or typed without a key). */
function inStay(task: TaskRow, deal: Deal, enteredDay: DayNumber | null, ordinal: number): boolean {
  if (!sameStage(task.stage, deal.stage.name)) return false;
  if (task.key === '' || enteredDay === null) return true;
  const stay = keyStay(task.key, deal.id, deal.stage.name) ?? keyStay(task.key, deal.id, task.stage);
  return stay !== null && stay.day === isoDate(enteredDay) && stay.ordinal === ordinal;
}

/**
 * The Required task of a criterion for this stay: by key when the stay's day
 * is known, otherwise (or for tasks typed by hand, without a key) the latest
 * one of this stage with the same text. Pass the deal's tasks that are not
 * Closed (exitCheck does): a Closed task is of a stay that has ended.
 */
export function findCriterionTask(
  tasks: readonly TaskRow[],
  deal: Deal,
  criterion: string,
  enteredDay: DayNumber | null,
): TaskRow | undefined {
  const ordinal = stayOrdinal(tasks, deal, enteredDay);
  if (enteredDay !== null) {
    const key = taskKey(deal.id, deal.stage.name, enteredDay, criterion, ordinal);
    const byKey = tasks.find((t) => t.key === key);
    if (byKey) return byKey;
  }
  const candidates = tasks.filter(
    (t) => t.required && t.task === criterion && inStay(t, deal, enteredDay, ordinal),
  );
  return candidates[candidates.length - 1];
}

export interface MoveRequest {
  readonly to: Stage;
  readonly override: boolean;
  readonly note: string;
}

export type MoveDecision =
  | { ok: true; kind: MoveKind; note: string }
  | { ok: false; reason: 'same' | 'criteria' | 'note'; missing: readonly string[] };

/**
 * Whether a deal may move: forward needs its exit criteria and required
 * fields, unless overridden with a note; a loss, or reopening a lost or won
 * deal, needs a reason; moving back needs nothing.
 */
export function decideMove(kind: MoveKind, check: ExitCheck, request: MoveRequest): MoveDecision {
  const note = request.note.trim();
  if (kind === 'same') return { ok: false, reason: 'same', missing: [] };
  // Losing a deal, or reopening a lost or won one, is rare enough to need a reason on record.
  if ((kind === 'lost' || kind === 'reopen') && note === '')
    return { ok: false, reason: 'note', missing: [] };
  if (kind === 'forward' && check.missing.length > 0) {
    if (!request.override) return { ok: false, reason: 'criteria', missing: check.missing };
    if (note === '') return { ok: false, reason: 'note', missing: check.missing };
  }
  return { ok: true, kind, note };
}

/**
 * The history row a stage change writes, as data. Its tasks (the stay left
 * closed, the new stay's added) are planTaskLifecycle's, over the whole batch.
 */
export interface StageChangePlan {
  readonly history: { dealId: string; from: string; to: string; by: string; note: string };
}

export function planStageChange(
  deal: { id: string; owner: string },
  from: string,
  to: Stage,
  by: string,
  note: string,
): StageChangePlan {
  return { history: { dealId: deal.id, from, to: to.name, by, note } };
}
