import type { Grid } from './cells';
import type { Problem } from './problems';
import { PipelineError, quoted, shortText } from './problems';
import { problemAt } from './row-problems';
import { STAGES, type StageField } from './schema';
import { cellOf, type Language, type ReadOptions, readTable, sheetRow, type Table } from './table';
import { parseProbability, parseWholeDays, stageKey, textOf } from './values';

export type Outcome = 'open' | 'won' | 'lost';

export interface EntryTask {
  readonly title: string;
  /** Days after entering the stage that the task is due; 0 = on entry day. */
  readonly dueInDays: number;
}

export interface Stage {
  readonly name: string;
  readonly key: string;
  /** Position in the Stages sheet (0-based), pipeline order. */
  readonly index: number;
  /** Position among open stages, or -1 for won and lost stages. */
  readonly openIndex: number;
  readonly probability: number;
  readonly staleAfter: number | null;
  readonly outcome: Outcome;
  readonly exitCriteria: readonly string[];
  readonly entryTasks: readonly EntryTask[];
  readonly requiredFields: readonly string[];
  /** Row in the Stages sheet. */
  readonly row: number;
}

export interface Pipeline {
  readonly stages: readonly Stage[];
  readonly open: readonly Stage[];
  readonly language: Language;
  readonly problems: readonly Problem[];
  /** The stage a name refers to, matched as the SPEC says; `undefined` when unknown. */
  find(name: string): Stage | undefined;
  /** The Stages row of a stage that exists but could not be read, for messages. */
  brokenRow(name: string): number | undefined;
}

const OUTCOME_WORDS: Record<string, Outcome> = {
  '': 'open',
  open: 'open',
  진행: 'open',
  진행중: 'open',
  won: 'won',
  win: 'won',
  수주: 'won',
  성공: 'won',
  lost: 'lost',
  lose: 'lost',
  실주: 'lost',
  실패: 'lost',
};

/**
 * Reads the Stages table. Stages with a bad value are left out and listed as
 * problems; a deal in such a stage is then refused with a pointer to the row.
 */
export function readPipeline(grid: Grid, options: ReadOptions = {}): Pipeline {
  const table = readTable(grid, STAGES, options);
  const problems: Problem[] = [];
  const stages: Stage[] = [];
  const byKey = new Map<string, Stage>();
  const broken = new Map<string, number>();
  const hasOutcome = table.columns.outcome !== undefined;

  for (const i of table.dataRows) {
    const rowProblems: Problem[] = [];
    const bad = (field: StageField, message: string) =>
      rowProblems.push(problemAt(table, i, field, cellOf(table, i, field), message));
    const name = textOf(cellOf(table, i, 'stage')).replace(/\s+/g, ' ');
    const key = stageKey(name);
    if (name === '') bad('stage', 'is blank; every stage needs a name');
    else if (byKey.has(key) || broken.has(key)) bad('stage', 'is listed twice; stage names must be unique');
    const probability = parseProbability(cellOf(table, i, 'probability'));
    if (!probability.ok) bad('probability', `of stage ${quoted(name)} ${probability.message}`);
    const stale = parseWholeDays(cellOf(table, i, 'staleAfter'));
    if (!stale.ok) bad('staleAfter', stale.message);
    const outcome = readOutcome(table, i, hasOutcome, probability.ok ? probability.value : null);
    if (outcome === null) bad('outcome', 'is not one of open, won (수주), lost (실주)');
    const entryTasks = lines(textOf(cellOf(table, i, 'entryTasks'))).map(parseEntryTask);
    // Refused here, when Stages is read, so nothing is written for a task due in 270,000 years.
    const tooLate = entryTasks.find((t) => !(t.dueInDays <= MAX_ENTRY_TASK_OFFSET_DAYS));
    if (tooLate) {
      bad(
        'entryTasks',
        `of stage ${quoted(name)} has the task ${quoted(tooLate.title)} due ${dueText(tooLate.dueInDays)} days after entry; ` +
          `a task may be due at most ${MAX_ENTRY_TASK_OFFSET_DAYS} days (10 years) after entry`,
      );
    }

    if (rowProblems.length > 0 || !probability.ok || !stale.ok || outcome === null) {
      for (const p of rowProblems) problems.push(p);
      if (name !== '' && !byKey.has(key)) broken.set(key, sheetRow(table, i));
      continue;
    }
    const stage: Stage = {
      name,
      key,
      index: stages.length,
      openIndex: -1,
      probability: probability.value,
      staleAfter: outcome === 'open' ? stale.value : null,
      outcome,
      exitCriteria: lines(textOf(cellOf(table, i, 'exitCriteria'))),
      entryTasks,
      requiredFields: textOf(cellOf(table, i, 'requiredFields'))
        .split(/[,，、\n]/)
        .map((s) => s.trim())
        .filter((s) => s !== ''),
      row: sheetRow(table, i),
    };
    stages.push(stage);
    byKey.set(key, stage);
  }

  let openIndex = 0;
  const withOpenIndex = stages.map((s) => (s.outcome === 'open' ? { ...s, openIndex: openIndex++ } : s));
  for (const s of withOpenIndex) byKey.set(s.key, s);
  return makePipeline(withOpenIndex, byKey, broken, problems, table.language);
}

function makePipeline(
  stages: Stage[],
  byKey: Map<string, Stage>,
  broken: Map<string, number>,
  problems: Problem[],
  language: Language,
): Pipeline {
  // Deal sheets repeat a handful of stage names thousands of times: match each spelling once.
  const bySpelling = new Map<string, Stage | null>();
  return {
    stages,
    open: stages.filter((s) => s.outcome === 'open'),
    language,
    problems,
    find(name: string): Stage | undefined {
      const known = bySpelling.get(name);
      if (known !== undefined) return known ?? undefined;
      const stage = byKey.get(stageKey(name));
      bySpelling.set(name, stage ?? null);
      return stage;
    },
    brokenRow: (name: string) => broken.get(stageKey(name)),
  };
}

/** How many stage names an error lists before "and N more". */
const MAX_NAMED_STAGES = 20;

/** The named stage, or a PipelineError that says which names exist. */
export function requireStage(pipeline: Pipeline, name: string): Stage {
  const stage = pipeline.find(name);
  if (stage) return stage;
  const shown = pipeline.stages.slice(0, MAX_NAMED_STAGES).map((s) => shortText(s.name));
  const more = pipeline.stages.length - shown.length;
  const names = more > 0 ? `${shown.join(', ')} and ${more} more` : shown.join(', ');
  throw new PipelineError(`There is no stage ${quoted(name)} in Stages (stages: ${names}).`);
}

function readOutcome(
  table: Table<StageField>,
  i: number,
  hasOutcome: boolean,
  probability: number | null,
): Outcome | null {
  if (!hasOutcome) {
    // Without an Outcome column the probability says it: 100% won, 0% lost.
    if (probability === 1) return 'won';
    if (probability === 0) return 'lost';
    return 'open';
  }
  const word = textOf(cellOf(table, i, 'outcome'))
    .toLowerCase()
    .replace(/\s+/g, '');
  return OUTCOME_WORDS[word] ?? null;
}

/** One item per line; bullets and numbering a person typed are dropped. */
function lines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.replace(/^\s*(?:[-*•·▪◦]|\d+[.)])\s+/, '').trim())
    .filter((l) => l !== '');
}

const DUE_SUFFIX = /\s*\(\+\s*(\d+)\s*(?:d|days?|일)\)\s*$/i;

/**
 * The latest an entry task may fall due: 3,650 days (10 years) after entry.
 * No sales task is planned further out; a larger `(+Nd)` is a typo, and a due
 * date past the year 9999 (or past what a Date holds) cannot be written to
 * Tasks. A Stages row with one is a problem, like a bad Stale after value.
 */
export const MAX_ENTRY_TASK_OFFSET_DAYS = 3650;

/** `100,000,000`; a 400-digit typo is not spelled out. */
function dueText(days: number): string {
  return days < 1e15 ? days.toLocaleString('en-US') : 'more than a quadrillion';
}

/** `Send the proposal (+3d)` is due three days after entering the stage. *
 * @example
 * parseEntryTask('계약 조건 확인 콜 (+3d)') // → { title: '계약 조건 확인 콜', dueInDays: 3 }
 */
export function parseEntryTask(line: string): EntryTask {
  const m = DUE_SUFFIX.exec(line);
  if (!m) return { title: line, dueInDays: 0 };
  return { title: line.slice(0, m.index).trim(), dueInDays: Number(m[1]) };
}
