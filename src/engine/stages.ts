import type { Cell, Grid } from './cells';
import type { Parsed } from './dates';
import { type EmailTemplate, parseEmailTemplate } from './entry-email';
import { isPercentColumn, readProbability } from './probabilities';
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
  /** The pipeline it belongs to, as Stages spells it; `''` when Stages has no Pipeline column. */
  readonly pipeline: string;
  /** Position among its pipeline's stages (0-based), pipeline order. */
  readonly index: number;
  /** Position among its pipeline's open stages, or -1 for won and lost stages. */
  readonly openIndex: number;
  readonly probability: number;
  readonly staleAfter: number | null;
  readonly outcome: Outcome;
  readonly exitCriteria: readonly string[];
  readonly entryTasks: readonly EntryTask[];
  readonly requiredFields: readonly string[];
  /** The email drafted for the deal's contact when it enters the stage (Entry email); `null` for none. */
  readonly entryEmail: EmailTemplate | null;
  /** Row in the Stages sheet. */
  readonly row: number;
}

/**
 * The Stages table: every stage, and each pipeline's own (SPEC §1: the same
 * stage name may exist in two pipelines). Without a Pipeline column there is
 * one pipeline whose stages serve every pipeline a deal names.
 */
export interface Pipeline {
  /** In Stages order; in the whole table, every pipeline's. */
  readonly stages: readonly Stage[];
  readonly open: readonly Stage[];
  readonly language: Language;
  readonly problems: readonly Problem[];
  /** The pipelines Stages names, in order of first appearance; empty without a Pipeline column. */
  readonly names: readonly string[];
  /**
   * One pipeline's stages, by its name as Stages spells it (case and spaces
   * ignored); `''` is the first. `undefined` for a name Stages does not have.
   * Without a Pipeline column every name gives the whole table.
   */
  of(pipeline: string): Pipeline | undefined;
  /** The stage a name refers to, matched as the SPEC says (in the whole table, the first pipeline's); `undefined` when unknown. */
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
  const names = pipelineNames(table);
  const problems: Problem[] = [];
  const stages: Stage[] = [];
  const taken = new Set<string>();
  const broken = new Map<string, number>();
  const hasOutcome = table.columns.outcome !== undefined;
  const percents = isPercentColumn(table.dataRows.map((i) => cellOf(table, i, 'probability')));

  for (const i of table.dataRows) {
    const rowProblems: Problem[] = [];
    const bad = (field: StageField, message: string) =>
      rowProblems.push(problemAt(table, i, field, cellOf(table, i, field), message));
    const name = textOf(cellOf(table, i, 'stage')).replace(/\s+/g, ' ');
    const pipeline = textOf(cellOf(table, i, 'pipeline')).replace(/\s+/g, ' ') || (names[0] ?? '');
    const key = pipelineStageKey(pipeline, name);
    if (name === '') bad('stage', 'is blank; every stage needs a name');
    else if (taken.has(key) || broken.has(key))
      bad(
        'stage',
        `is listed twice${pipeline ? ` in pipeline ${quoted(pipeline)}` : ''}; stage names must be unique`,
      );
    const probability = stageProbability(cellOf(table, i, 'probability'), percents);
    if (!probability.ok) bad('probability', `of stage ${quoted(name)} ${probability.message}`);
    const stale = parseWholeDays(cellOf(table, i, 'staleAfter'));
    if (!stale.ok) bad('staleAfter', stale.message);
    const outcome = readOutcome(table, i, hasOutcome, probability.ok ? probability.value : null);
    if (outcome === null) bad('outcome', 'is not one of open, won (수주), lost (실주)');
    const entryTasks = entryTasksOf(table, i, name, bad);

    if (rowProblems.length > 0 || !probability.ok || !stale.ok || outcome === null) {
      for (const p of rowProblems) problems.push(p);
      if (name !== '' && !taken.has(key)) broken.set(key, sheetRow(table, i));
      continue;
    }
    taken.add(key);
    stages.push({
      name,
      key: stageKey(name),
      pipeline,
      index: -1,
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
      entryEmail: parseEmailTemplate(textOf(cellOf(table, i, 'entryEmail'))),
      row: sheetRow(table, i),
    });
  }
  return wholeTable(numbered(stages), broken, problems, table.language, names);
}

/** A Stages probability, by its column's rule; blank is refused (a stage needs one). */
function stageProbability(cell: Cell, percents: boolean): Parsed<number> {
  const read = readProbability(cell, percents);
  if (!read.ok) return read;
  return read.value === null ? (parseProbability('') as Parsed<number>) : { ok: true, value: read.value };
}

function pipelineStageKey(pipeline: string, stage: string): string {
  return `${stageKey(pipeline)}\u0000${stageKey(stage)}`;
}

/** The distinct Pipeline values of Stages, as first spelt, in order. */
function pipelineNames(table: Table<StageField>): string[] {
  if (table.columns.pipeline === undefined) return [];
  const seen = new Map<string, string>();
  for (const i of table.dataRows) {
    const name = textOf(cellOf(table, i, 'pipeline')).replace(/\s+/g, ' ');
    if (name !== '' && !seen.has(stageKey(name))) seen.set(stageKey(name), name);
  }
  return [...seen.values()];
}

/** The stage's entry tasks; one due too late is refused here, so nothing is written for a task due in 270,000 years. */
function entryTasksOf(
  table: Table<StageField>,
  i: number,
  name: string,
  bad: (field: StageField, message: string) => void,
): EntryTask[] {
  const entryTasks = lines(textOf(cellOf(table, i, 'entryTasks'))).map(parseEntryTask);
  const tooLate = entryTasks.find((t) => !(t.dueInDays <= MAX_ENTRY_TASK_OFFSET_DAYS));
  if (tooLate) {
    bad(
      'entryTasks',
      `of stage ${quoted(name)} has the task ${quoted(tooLate.title)} due ${dueText(tooLate.dueInDays)} days after entry; ` +
        `a task may be due at most ${MAX_ENTRY_TASK_OFFSET_DAYS} days (10 years) after entry`,
    );
  }
  return entryTasks;
}

/** Each stage's position in its own pipeline, and among its pipeline's open stages. */
function numbered(stages: readonly Stage[]): Stage[] {
  const counts = new Map<string, { all: number; open: number }>();
  return stages.map((s) => {
    const key = stageKey(s.pipeline);
    const n = counts.get(key) ?? { all: 0, open: 0 };
    counts.set(key, n);
    return { ...s, index: n.all++, openIndex: s.outcome === 'open' ? n.open++ : -1 };
  });
}

/** The whole table, and a view per pipeline; every view can reach the others through `of`. */
function wholeTable(
  stages: readonly Stage[],
  broken: ReadonlyMap<string, number>,
  problems: readonly Problem[],
  language: Language,
  names: readonly string[],
): Pipeline {
  const views = new Map<string, Pipeline>();
  const of = (pipeline: string): Pipeline | undefined => {
    if (names.length === 0) return whole;
    return views.get(stageKey(pipeline === '' ? (names[0] as string) : pipeline));
  };
  const whole = view(stages, broken, { problems, language, names, of });
  for (const name of names) {
    const key = stageKey(name);
    const ownBroken = new Map([...broken].filter(([k]) => k.startsWith(`${key}\u0000`)));
    const own = stages.filter((s) => stageKey(s.pipeline) === key);
    views.set(key, view(own, ownBroken, { problems, language, names, of }));
  }
  return whole;
}

function view(
  stages: readonly Stage[],
  broken: ReadonlyMap<string, number>,
  shared: Pick<Pipeline, 'problems' | 'language' | 'names' | 'of'>,
): Pipeline {
  const byKey = new Map<string, Stage>();
  for (const s of stages) if (!byKey.has(s.key)) byKey.set(s.key, s);
  const brokenByName = new Map<string, number>();
  for (const [k, row] of broken) {
    const name = k.slice(k.indexOf('\u0000') + 1);
    if (!brokenByName.has(name)) brokenByName.set(name, row);
  }
  // Deal sheets repeat a handful of stage names thousands of times: match each spelling once.
  const bySpelling = new Map<string, Stage | null>();
  return {
    ...shared,
    stages,
    open: stages.filter((s) => s.outcome === 'open'),
    find(name: string): Stage | undefined {
      const known = bySpelling.get(name);
      if (known !== undefined) return known ?? undefined;
      const stage = byKey.get(stageKey(name));
      bySpelling.set(name, stage ?? null);
      return stage;
    },
    brokenRow: (name: string) => brokenByName.get(stageKey(name)),
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
