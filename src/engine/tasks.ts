import { fitCell, type Grid } from './cells';
import { type DateContext, parseDate } from './dates';
import { emailTaskTitle } from './entry-email';
import type { StaleDeal } from './health';
import type { Problem } from './problems';
import { problemAt } from './row-problems';
import { TASKS, type TaskField } from './schema';
import type { Stage } from './stages';
import { cellOf, type Language, type ReadOptions, readTable, sheetRow, type Table } from './table';
import { cellTexts } from './texts';
import { parseBoolean, textOf } from './values';
import { DAY_MS, type DayNumber, isoDate } from './zone';

/** Why a task exists, exactly as the Tasks sheet's Source column says. */
export type TaskSource = 'entry' | 'exit' | 'stale' | 'manual';
const SOURCES: readonly TaskSource[] = ['entry', 'exit', 'stale', 'manual'];

/** A row of the Tasks sheet. */
export interface TaskRow {
  readonly row: number;
  readonly taskId: string;
  readonly dealId: string;
  readonly task: string;
  readonly due: DayNumber | null;
  readonly owner: string;
  readonly done: boolean;
  readonly required: boolean;
  readonly stage: string;
  readonly source: TaskSource;
  readonly key: string;
  /** Created, as a local time (`null` when blank or unreadable: it decides nothing then). */
  readonly created: number | null;
  /** The day the task's stay ended while it was not Done; `null` while it is open (SPEC §1). */
  readonly closed: DayNumber | null;
}

/** A task the add-on would add, with the key that keeps it from being added twice. */
export interface PlannedTask {
  readonly dealId: string;
  readonly task: string;
  readonly due: DayNumber;
  readonly owner: string;
  readonly source: TaskSource;
  readonly required: boolean;
  readonly stage: string;
  readonly key: string;
  /** Starts Done (a criterion carried over from the deal's previous stay in the stage); default not. */
  readonly done?: boolean;
  /** Starts Closed on this day (its stay ended in the same run that began it); default open. */
  readonly closed?: DayNumber;
}

export interface TasksRead {
  readonly table: Table<TaskField>;
  readonly tasks: readonly TaskRow[];
  readonly keys: ReadonlySet<string>;
  readonly problems: readonly Problem[];
}

/**
 * Reads the Tasks table; its keys are what the add-on has already created.
 * A row's Closed date (SPEC §1: its stay ended while it was not Done) is
 * `closed`: such a task is no longer open or overdue anywhere (see isOpenTask).
 */
export function readTasks(grid: Grid, ctx: DateContext, options: ReadOptions = {}): TasksRead {
  const table = readTable(grid, TASKS, options);
  const tasks: TaskRow[] = [];
  const problems: Problem[] = [];
  const keys = new Set<string>();
  for (const i of table.dataRows) {
    const key = textOf(cellOf(table, i, 'key'));
    // A key is remembered even on a row with a bad value: that task exists.
    if (key !== '') keys.add(key);
    const rowProblems: Problem[] = [];
    const flag = (field: TaskField) => {
      const value = parseBoolean(cellOf(table, i, field));
      if (value === null)
        rowProblems.push(problemAt(table, i, field, cellOf(table, i, field), 'is not TRUE or FALSE'));
      return value === true;
    };
    const done = flag('done');
    const required = flag('required');
    const due = parseDate(cellOf(table, i, 'due'), ctx);
    if (!due.ok) rowProblems.push(problemAt(table, i, 'due', cellOf(table, i, 'due'), due.message));
    const closed = parseDate(cellOf(table, i, 'closed'), ctx);
    if (!closed.ok)
      rowProblems.push(problemAt(table, i, 'closed', cellOf(table, i, 'closed'), closed.message));
    const created = parseDate(cellOf(table, i, 'created'), ctx);
    const sourceText = textOf(cellOf(table, i, 'source')).toLowerCase();
    const source = sourceText === '' ? 'manual' : SOURCES.find((s) => s === sourceText);
    if (!source) {
      rowProblems.push(
        problemAt(table, i, 'source', cellOf(table, i, 'source'), 'is not one of entry, exit, stale, manual'),
      );
    }
    if (rowProblems.length > 0 || !source) {
      problems.push(...rowProblems);
      continue;
    }
    tasks.push({
      row: sheetRow(table, i),
      taskId: textOf(cellOf(table, i, 'taskId')),
      dealId: textOf(cellOf(table, i, 'dealId')),
      task: textOf(cellOf(table, i, 'task')),
      due: due.ok && due.value !== null ? Math.floor(due.value / DAY_MS) : null,
      owner: textOf(cellOf(table, i, 'owner')),
      done,
      required,
      stage: textOf(cellOf(table, i, 'stage')),
      source,
      key,
      created: created.ok ? created.value : null,
      closed: closed.ok && closed.value !== null ? Math.floor(closed.value / DAY_MS) : null,
    });
  }
  return { table, tasks, keys, problems };
}

/**
 * What makes a task unique: the deal, the stay (the stage and the day the
 * deal entered it) and the task. Moving away and back is a new stay with new
 * tasks; a rerun of the same check is not.
 *
 * A deal can enter the same stage twice in one day (back, then lost, then
 * reopened): the second stay that day is `#2`, the third `#3`, so its keys
 * never collide with the first's, and the first stay of a day keeps the plain
 * date every key had before (a sheet's existing keys still name their stays).
 *
 * A key is fitted to a cell (fitCell): the Key column holds it whole, so the
 * key read back from Tasks is the key made again, even for a 50,000-character
 * Deal ID, and a rerun finds its task.
 *
 * @example
 * taskKey('D-7', 'Demo', localOf(2023, 11, 8) / DAY_MS, 'Send deck') // → 'D-7|Demo|2023-11-08|Send deck'
 * taskKey('D-7', 'Demo', localOf(2023, 11, 8) / DAY_MS, 'Send deck', 2) // → 'D-7|Demo|2023-11-08#2|Send deck'
 */
export function taskKey(
  dealId: string,
  stage: string,
  enteredDay: DayNumber,
  task: string,
  ordinal = 1,
): string {
  return fitCell(`${dealId}|${stage}|${isoDate(enteredDay)}${ordinal > 1 ? `#${ordinal}` : ''}|${task}`);
}

/** The stay a task key names: the day it began (`YYYY-MM-DD`) and which stay of that day it was. */
export interface KeyStay {
  readonly day: string;
  readonly ordinal: number;
}

const STAY_PART = /^(\d{4}-\d{2}-\d{2})(?:#(\d+))?\|/;

/**
 * The stay a key written by `taskKey` names, for that deal and stage; `null`
 * for a key of another deal or stage, or one typed by hand.
 *
 * @example
 * keyStay('D-7|Demo|2023-11-08#2|Send deck', 'D-7', 'Demo') // → { day: '2023-11-08', ordinal: 2 }
 * keyStay('D-7|Demo|2023-11-08|stale', 'D-7', 'Demo') // → { day: '2023-11-08', ordinal: 1 }
 * keyStay('D-7|Demo|2023-11-08|Send deck', 'D-7', 'Trial') // → null
 */
export function keyStay(key: string, dealId: string, stage: string): KeyStay | null {
  const prefix = `${dealId}|${stage}|`;
  if (!key.startsWith(prefix)) return null;
  const m = STAY_PART.exec(key.slice(prefix.length));
  return m ? { day: m[1] as string, ordinal: m[2] ? Number(m[2]) : 1 } : null;
}

export const STALE_KEY_SUFFIX = 'stale';

/**
 * The tasks a deal gets on entering `stage`: one Required task per exit
 * criterion, one plain task per entry task (due `(+Nd)` after entry), keyed
 * by the stay (`ordinal`: which stay of that day, see taskKey).
 */
export function stageEntryTasks(
  deal: { id: string; owner: string },
  stage: Stage,
  enteredDay: DayNumber,
  ordinal = 1,
): PlannedTask[] {
  const exit = stage.exitCriteria.map((task) => ({
    dealId: deal.id,
    task,
    due: enteredDay,
    owner: deal.owner,
    source: 'exit' as const,
    required: true,
    stage: stage.name,
    key: taskKey(deal.id, stage.name, enteredDay, task, ordinal),
  }));
  const entry = stage.entryTasks.map((t) => ({
    dealId: deal.id,
    task: t.title,
    due: enteredDay + t.dueInDays,
    owner: deal.owner,
    source: 'entry' as const,
    required: false,
    stage: stage.name,
    key: taskKey(deal.id, stage.name, enteredDay, t.title, ordinal),
  }));
  // An entry email is an entry task too: the owner sees it in Tasks, and the panel drafts and sends it.
  const email = stage.entryEmail
    ? [
        {
          dealId: deal.id,
          task: emailTaskTitle(stage.entryEmail),
          due: enteredDay,
          owner: deal.owner,
          source: 'entry' as const,
          required: false,
          stage: stage.name,
          key: taskKey(deal.id, stage.name, enteredDay, emailTaskTitle(stage.entryEmail), ordinal),
        },
      ]
    : [];
  return [...exit, ...entry, ...email];
}

/** One review task per stale stay, due today, for the deal's owner. */
export function staleReviewTasks(
  stale: readonly StaleDeal[],
  today: DayNumber,
  language: Language,
): PlannedTask[] {
  const texts = cellTexts(language);
  return stale
    .filter((s) => s.deal.id !== '')
    .map((s) => ({
      dealId: s.deal.id,
      task: texts.staleReviewTask(s.deal.stage.name, s.limit),
      due: today,
      owner: s.deal.owner,
      source: 'stale' as const,
      required: false,
      stage: s.deal.stage.name,
      key: taskKey(s.deal.id, s.deal.stage.name, s.enteredDay, STALE_KEY_SUFFIX),
    }));
}

/**
 * A task still to do: not Done and not Closed (a Closed one belonged to a stay that has ended).
 *
 * @example
 * isOpenTask({ done: false, closed: null }) // → true
 * isOpenTask({ done: false, closed: localOf(2023, 11, 15) / DAY_MS }) // → false
 * isOpenTask({ done: true, closed: null }) // → false
 */
export function isOpenTask(task: Pick<TaskRow, 'done' | 'closed'>): boolean {
  return !task.done && task.closed === null;
}

/** The planned tasks whose keys are not taken yet (by the sheet or earlier in the list). */
export function newTasks(planned: readonly PlannedTask[], existing: ReadonlySet<string>): PlannedTask[] {
  const seen = new Set(existing);
  return planned.filter((t) => {
    if (seen.has(t.key)) return false;
    seen.add(t.key);
    return true;
  });
}
