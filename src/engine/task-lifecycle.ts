import type { Stage } from './stages';
import { keyStay, type PlannedTask, STALE_KEY_SUFFIX, stageEntryTasks, type TaskRow, taskKey } from './tasks';
import { sameStage } from './values';
import { DAY_MS, type DayNumber, isoDate } from './zone';

/**
 * Tasks follow the stays they belong to (SPEC §1, §4): what a stage change
 * does to the Tasks sheet, as data. The add-on writes what this says; it
 * decides nothing about tasks itself.
 */

/** One deal leaving a stay and entering a stage: a panel move, a typed or pasted stage, one logged late. */
export interface StayChange {
  readonly dealId: string;
  readonly owner: string;
  /** The stage left, as the history names it; `''` for a new deal (nothing to close). */
  readonly from: string;
  /**
   * The day the stay left began, as each record says it: Stage entered as the
   * row held it before the move, and the day of the history row that entered
   * the stage. They differ only when a person edited one of them; a key with
   * either day names the stay. Empty when neither says.
   */
  readonly fromEntered: readonly DayNumber[];
  readonly to: Stage;
  /** The day of the move: Closed of the stay left, and the first day of the new stay. */
  readonly day: DayNumber;
  /** The new stage's tasks are created (default true); a deal first seen in a stage gets none. */
  readonly withTasks?: boolean;
}

export interface TaskLifecyclePlan {
  /** Tasks sheet rows to close → their Closed day. Only rows not Done and not Closed yet. */
  readonly close: ReadonlyMap<number, DayNumber>;
  /**
   * The new stays' tasks, in order, every key new: `done` when the criterion
   * is carried over, `closed` when its stay ended within the same batch.
   */
  readonly add: readonly PlannedTask[];
}

/** A task planned in this batch: Done decided now, Closed set if its stay ends later in the batch. */
type Fresh = { -readonly [K in keyof PlannedTask]: PlannedTask[K] } & { done: boolean };

/** What a task needs to be placed in a stay, for sheet rows and tasks planned earlier in the batch alike. */
type StayTask = Pick<TaskRow, 'key' | 'task' | 'required' | 'source' | 'done'>;

/**
 * The task writes of a batch of stage changes, in order (the same deal may
 * change twice in one batch; the second change leaves the stay the first
 * began).
 *
 * - **Closing.** When a deal leaves a stay, every task of that deal for the
 *   stage left that is neither Done nor Closed, and whose Key names that stay
 *   (its day is one of `fromEntered`, any `#n` of that day) or that has no Key
 *   and was Created between the stay's first day and the move, gets Closed =
 *   the day of the move. Done tasks, other deals' and other stays' tasks are
 *   untouched. When neither record says when the stay began, every open task
 *   of the deal for that stage closes: whichever stay it was of, it has ended.
 * - **Re-entry.** Each exit-criterion task (Required, Source `exit`) of the
 *   new stay starts Done when the same criterion was Done in the deal's most
 *   recent earlier stay in that stage (the latest day, then the highest `#n`,
 *   among the keys of the deal's tasks for that stage): facts about the buyer
 *   do not expire. Entry tasks start afresh.
 * - **Keys.** A second stay in the same stage on the same day is `#2` (see
 *   taskKey): one more than the highest of that day's stays, and higher still
 *   while any of its keys is taken. So a stay never reuses an earlier stay's
 *   keys, and keys stay unique. A row repeating the stage the deal entered
 *   earlier in the batch opens no stay (nothing closed, nothing added).
 *
 * O(tasks + changes · tasks per deal).
 *
 * @example
 * const [demo, trial] = readPipeline([['Stage', 'Probability', 'Exit criteria', 'Entry tasks'], ['Demo', '30%', 'Budget known', 'Send deck'], ['Trial', '50%', '', '']]).stages
 * const day = (d) => localOf(2023, 11, d) / DAY_MS
 * const { tasks, keys } = readTasks([
 *   ['Deal ID', 'Task', 'Done', 'Required', 'Stage', 'Source', 'Key'],
 *   ['D-1', 'Budget known', true, true, 'Demo', 'exit', 'D-1|Demo|2023-11-01|Budget known'],
 *   ['D-1', 'Send deck', false, false, 'Demo', 'entry', 'D-1|Demo|2023-11-01|Send deck'],
 * ], { zone: new Zone('UTC') })
 * const leave = { dealId: 'D-1', owner: '', from: 'Demo', fromEntered: [day(1)], to: trial, day: day(15) }
 * [...planTaskLifecycle(tasks, keys, [leave]).close] // → [[3, localOf(2023, 11, 15) / DAY_MS]]
 * const back = { dealId: 'D-1', owner: '', from: 'Trial', fromEntered: [day(15)], to: demo, day: day(20) }
 * planTaskLifecycle(tasks, keys, [back]).add.map((t) => [t.key, t.done])
 * // → [['D-1|Demo|2023-11-20|Budget known', true], ['D-1|Demo|2023-11-20|Send deck', false]]
 */
export function planTaskLifecycle(
  tasks: readonly TaskRow[],
  keys: ReadonlySet<string>,
  changes: readonly StayChange[],
): TaskLifecyclePlan {
  const ids = new Set(changes.map((c) => c.dealId));
  const rowsOf = new Map<string, TaskRow[]>();
  for (const t of tasks) if (ids.has(t.dealId)) push(rowsOf, t.dealId, t);
  const close = new Map<number, DayNumber>();
  const add: Fresh[] = [];
  const addedOf = new Map<string, Fresh[]>();
  const taken = new Set(keys);
  // The stay each deal entered earlier in this batch, with the tasks planned for it.
  const opened = new Map<string, { stage: string; tasks: Fresh[] }>();
  for (const c of changes) {
    const earlier = opened.get(c.dealId);
    if (earlier && sameStage(earlier.stage, c.to.name)) continue;
    const rows = rowsOf.get(c.dealId) ?? [];
    if (earlier) {
      for (const t of earlier.tasks) if (!t.done) t.closed = c.day;
    } else if (c.from !== '') {
      for (const t of rows) if (ofStayLeft(t, c)) close.set(t.row, c.day);
    }
    const known: StayTask[] = [...rows, ...(addedOf.get(c.dealId) ?? [])];
    const fresh = c.withTasks === false ? [] : newStayTasks(c, known, taken);
    for (const t of fresh) push(addedOf, c.dealId, t);
    add.push(...fresh);
    opened.set(c.dealId, { stage: c.to.name, tasks: fresh });
  }
  return { close, add };
}

/** Whether a Tasks row is an open task of the stay `change` leaves (see planTaskLifecycle). */
function ofStayLeft(t: TaskRow, change: StayChange): boolean {
  if (t.done || t.closed !== null || !sameStage(t.stage, change.from)) return false;
  const days = change.fromEntered;
  if (days.length === 0) return true;
  if (t.key !== '') {
    const stay = keyStay(t.key, t.dealId, change.from) ?? keyStay(t.key, t.dealId, t.stage);
    return stay !== null && days.some((d) => isoDate(d) === stay.day);
  }
  if (t.created === null) return false;
  const created = Math.floor(t.created / DAY_MS);
  return created >= Math.min(...days) && created <= change.day;
}

/** The new stay's tasks: keyed apart from every earlier stay, criteria Done in the previous stay there carried over. */
function newStayTasks(change: StayChange, known: readonly StayTask[], taken: Set<string>): Fresh[] {
  const stage = change.to.name;
  const stays = known.map((t) => ({ t, stay: keyStay(t.key, change.dealId, stage) }));
  const today = isoDate(change.day);
  let ordinal = 1;
  let latest: { day: string; ordinal: number } | null = null;
  for (const { stay } of stays) {
    if (stay === null) continue;
    if (stay.day === today) ordinal = Math.max(ordinal, stay.ordinal + 1);
    if (
      latest === null ||
      stay.day > latest.day ||
      (stay.day === latest.day && stay.ordinal > latest.ordinal)
    )
      latest = stay;
  }
  const titles = [...change.to.exitCriteria, ...change.to.entryTasks.map((e) => e.title), STALE_KEY_SUFFIX];
  while (titles.some((title) => taken.has(taskKey(change.dealId, stage, change.day, title, ordinal))))
    ordinal++;
  const carried = new Set(
    stays
      .filter(
        ({ t, stay }) =>
          stay !== null &&
          latest !== null &&
          stay.day === latest.day &&
          stay.ordinal === latest.ordinal &&
          t.required &&
          t.source === 'exit' &&
          t.done,
      )
      .map(({ t }) => t.task),
  );
  const planned = stageEntryTasks({ id: change.dealId, owner: change.owner }, change.to, change.day, ordinal);
  const fresh: Fresh[] = [];
  for (const p of planned) {
    if (taken.has(p.key)) continue;
    taken.add(p.key);
    fresh.push({ ...p, done: p.source === 'exit' && carried.has(p.task) });
  }
  return fresh;
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
