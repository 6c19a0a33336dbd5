import type { Cell, Grid } from '../../engine/cells';
import { currencyOfLocale } from '../../engine/currencies';
import type { DateContext } from '../../engine/dates';
import { type DealsRead, readDeals } from '../../engine/deals';
import { changesByDeal, type HistoryRead, readHistory, type StageChange } from '../../engine/history';
import { PipelineError, type Problem } from '../../engine/problems';
import { type DealField, HISTORY, type HistoryField, TASKS } from '../../engine/schema';
import { currencyProblem, inScope } from '../../engine/scope';
import { type Pipeline, readPipeline } from '../../engine/stages';
import { type Language, MissingColumnsError, readTable, type Table } from '../../engine/table';
import { readTasks, type TasksRead } from '../../engine/tasks';
import { textOf } from '../../engine/values';
import { type DayNumber, Zone } from '../../engine/zone';
import { messages } from '../i18n/messages';
import { claimHealthColumn, findHealthColumn, type HealthColumnFound } from '../sheets/health-column';
import { Ownership } from '../sheets/ownership';
import { readGrid } from '../sheets/sheets-io';
import { type LoadedSheet, loadSheet, requireSheet } from '../sheets/workbook';
import type { DocumentStore } from '../storage/document-store';
import type { Execution } from '../storage/execution';

/**
 * Everything one panel action, edit or daily check needs, read once: each
 * sheet is one `getSheetValues`, and the engine reads the grids the same way
 * the CLI does.
 */
export interface PipelineSession {
  /** The execution this session belongs to: open it again after a write with `openSession(session.exec)`. */
  readonly exec: Execution;
  readonly ss: GoogleAppsScript.Spreadsheet.Spreadsheet;
  readonly zone: Zone;
  readonly ctx: DateContext;
  readonly store: DocumentStore;
  readonly language: Language;
  readonly now: Date;
  readonly today: DayNumber;
  /** Where the add-on's own sheets and columns are. */
  readonly own: Ownership;
  readonly stagesSheet: LoadedSheet;
  readonly dealsSheet: LoadedSheet;
  /** `null` only for a daily check in a spreadsheet that was never set up (see SessionOptions.logsOptional). */
  readonly historySheet: LoadedSheet | null;
  /** Stage history's header positions, for laying out appended rows. */
  readonly historyTable: Table<HistoryField>;
  readonly tasksSheet: LoadedSheet | null;
  /** The add-on's Health column in Deals, if it has one (a team's own `Health` column is not it). */
  readonly health: HealthColumnFound;
  readonly pipeline: Pipeline;
  readonly deals: DealsRead;
  readonly tasks: TasksRead;
  /** Each deal's history in time order (parsed once, when first asked for). */
  history(): ReadonlyMap<string, readonly StageChange[]>;
  /** Stage history rows that could not be read. */
  historyProblems(): readonly Problem[];
  /** Deal IDs with a Stage history row that could not be read. */
  unreadableHistory(): ReadonlySet<string>;
  /** The Health column to write into, tagged now if it was found untagged; `null` when Deals has none yet. */
  healthColumnForWrite(): number | null;
}

export interface SessionOptions {
  /**
   * A daily check still flags stale and overdue deals in a spreadsheet whose
   * Stage history or Tasks sheet does not exist yet; everything else needs them.
   */
  readonly logsOptional?: boolean;
}

// Without a Stage history sheet, a history with no rows: the fallback for a blank Stage entered is all that is lost.
const NO_HISTORY = [
  [HISTORY.columns.when.en, HISTORY.columns.dealId.en, HISTORY.columns.from.en, HISTORY.columns.to.en],
];
const NO_TASKS = [[TASKS.columns.dealId.en, TASKS.columns.task.en]];

/** Reads the pipeline's sheets for one action of `exec` (read again after a write: `openSession(exec)`). */
export function openSession(exec: Execution, options: SessionOptions = {}): PipelineSession {
  const { ss, language } = exec;
  const zone = new Zone(ss.getSpreadsheetTimeZone());
  const own = new Ownership(ss, exec.store);
  const log = (table: 'Stage history' | 'Tasks') =>
    options.logsOptional ? loadSheet(ss, table, own) : requireSheet(ss, table, language, own);
  return sessionOf(exec, {
    zone,
    own,
    stagesSheet: requireSheet(ss, 'Stages', language, own),
    dealsSheet: requireSheet(ss, 'Deals', language, own),
    historySheet: log('Stage history'),
    tasksSheet: log('Tasks'),
  });
}

/**
 * The session again after this execution's own writes, without reading a
 * sheet: the grids it holds were kept equal to what was written (grid-mirror).
 */
export function reopenSession(session: PipelineSession): PipelineSession {
  return sessionOf(session.exec, session);
}

/**
 * The session again after this execution wrote into Stages: Stages read
 * anew (the answer shows what Sheets now holds there, the check that the
 * write read back as meant), the other sheets as read, nothing having been
 * written into them.
 */
export function rereadStages(session: PipelineSession): PipelineSession {
  const sheet = session.stagesSheet.sheet;
  return sessionOf(session.exec, { ...session, stagesSheet: { sheet, grid: readGrid(sheet) } });
}

interface LoadedSheets {
  readonly zone: Zone;
  readonly own: Ownership;
  readonly stagesSheet: LoadedSheet;
  readonly dealsSheet: LoadedSheet;
  readonly historySheet: LoadedSheet | null;
  readonly tasksSheet: LoadedSheet | null;
}

/** The session parsed from sheets already read (only the Health column's tag is looked up). */
function sessionOf(exec: Execution, loaded: LoadedSheets): PipelineSession {
  const { ss, store, language, now } = exec;
  const { zone, own, stagesSheet, dealsSheet, historySheet, tasksSheet } = loaded;
  // Text numbers and dates read as the spreadsheet's locale writes them (SPEC §2: `12.500` in de_DE is 12,500).
  const ctx: DateContext = { zone, locale: exec.locale };
  const historyGrid = historySheet?.grid ?? NO_HISTORY;
  const map = exec.columnMap;
  const fixable = <T>(sheet: LoadedSheet, read: () => T) => withFixStep(sheet, language, read);
  const pipeline = fixable(stagesSheet, () => readPipeline(stagesSheet.grid, { map: map.Stages ?? {} }));
  if (pipeline.stages.length === 0) throw new PipelineError(messages(language).noStages);
  // Stage history's header must be there before anything is written: rows are laid out by it.
  // (Tasks' header is checked by readTasks below.)
  const historyTable = historySheet
    ? fixable(historySheet, () => readTable(historyGrid, HISTORY, { map: map['Stage history'] ?? {} }))
    : readTable(historyGrid, HISTORY);
  let health = findHealthColumn(dealsSheet.sheet, dealsSheet.grid, own, map.Deals ?? {});
  const dealOptions = { map: map.Deals ?? {}, positions: { health: health.column } };
  const read = fixable(dealsSheet, () => readDeals(dealsSheet.grid, pipeline, ctx, dealOptions));
  const deals = inSpreadsheetCurrency(read, ctx.locale ?? '');
  let historyRead: HistoryRead | null = null;
  let byDeal: ReadonlyMap<string, readonly StageChange[]> | null = null;
  const readHistoryOnce = () => {
    historyRead ??= readHistory(historyGrid, pipeline, ctx, {
      map: map['Stage history'] ?? {},
      pipelineOf: pipelineOfDeal(dealsSheet.grid, deals.table),
    });
    return historyRead;
  };
  return {
    exec,
    ss,
    zone,
    ctx,
    store,
    language,
    now,
    today: zone.day(now.getTime()),
    own,
    stagesSheet,
    dealsSheet,
    historySheet,
    historyTable,
    tasksSheet,
    get health() {
      return health;
    },
    pipeline,
    deals,
    tasks: tasksSheet
      ? fixable(tasksSheet, () => readTasks(tasksSheet.grid, ctx, { map: map.Tasks ?? {} }))
      : readTasks(NO_TASKS, ctx),
    history() {
      byDeal ??= changesByDeal(readHistoryOnce().changes);
      return byDeal;
    },
    historyProblems: () => readHistoryOnce().problems,
    unreadableHistory: () => readHistoryOnce().unreadableDeals,
    healthColumnForWrite() {
      if (health.column !== null && health.untagged) health = tagHealth(dealsSheet, this.deals, health, own);
      return health.column;
    },
  };
}

/** An untagged Health column (an earlier version's, or an empty one adopted), tagged for writing. */
function tagHealth(
  dealsSheet: LoadedSheet,
  deals: DealsRead,
  health: HealthColumnFound,
  own: Ownership,
): HealthColumnFound {
  const { table } = deals;
  const column = claimHealthColumn(
    dealsSheet.sheet,
    health,
    {
      headerRow: table.firstRow + table.headerIndex,
      lastColumn: dealsSheet.grid[0]?.length ?? 0,
      language: table.language,
      headerAt: (c) => table.headers[c] ?? '',
    },
    own,
  ).column;
  return { column, untagged: false };
}

/**
 * A sheet read by the engine; when a column is missing, the engine's message
 * (the headers it saw, the closest one) gains the step in Sheets that fixes
 * it, as the CLI's gains the `--map` to type.
 */
function withFixStep<T>(sheet: LoadedSheet, language: Language, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (!(error instanceof MissingColumnsError)) throw error;
    const step = messages(language).fixMissing(
      error.table,
      sheet.sheet.getName(),
      error.missing.map((m) => m.name),
    );
    throw new PipelineError(`${sheet.sheet.getName()}: ${error.message} ${step}`);
  }
}

/**
 * The deals in the spreadsheet's currency (SPEC §2: one currency, no rate
 * guessed); a deal in another is a problem on its row, so the daily check
 * writes it into Health and the panel names it, and no figure counts it.
 */
function inSpreadsheetCurrency(read: DealsRead, locale: string): DealsRead {
  const currency = currencyOfLocale(locale);
  if (currency === null) return read;
  const scoped = inScope(read.deals, { currency });
  if (scoped.otherCurrency.length === 0) return read;
  const problems = [
    ...read.problems,
    ...scoped.otherCurrency.map((d) => currencyProblem(read.table, d, currency)),
  ];
  return { ...read, deals: scoped.deals, problems: problems.sort((a, b) => a.row - b.row) };
}

/** Each Deal ID's Pipeline cell, for reading Stage history in the deal's own pipeline. */
function pipelineOfDeal(grid: Grid, table: Table<DealField>): (dealId: string) => string | undefined {
  const id = table.columns.dealId;
  const pipelineColumn = table.columns.pipeline;
  if (id === undefined || pipelineColumn === undefined) return () => undefined;
  const byId = new Map<string, string>();
  for (const i of table.dataRows)
    byId.set(textOf(grid[i]?.[id] ?? ''), textOf(grid[i]?.[pipelineColumn] ?? ''));
  return (dealId) => byId.get(dealId);
}

/**
 * The stages a Deals row may be in: its pipeline's (by its Pipeline cell;
 * blank is the first), or the whole table when Stages names no pipelines.
 */
export function stagesOfRow(session: PipelineSession, gridRow: number): Pipeline {
  const c = session.deals.table.columns.pipeline;
  const name = c === undefined ? '' : textOf(session.dealsSheet.grid[gridRow]?.[c] ?? '');
  return session.pipeline.of(name) ?? session.pipeline;
}

/** The grid row index of a deal by its id, or -1. Users sort and filter: never trust a remembered row. */
export function rowOfDeal(session: PipelineSession, dealId: string): number {
  const table = session.deals.table;
  const c = table.columns.dealId;
  if (c === undefined || dealId === '') return -1;
  const grid = session.dealsSheet.grid;
  for (let i = table.headerIndex + 1; i < grid.length; i++) {
    const cell: Cell = grid[i]?.[c] ?? '';
    if (String(cell).trim() === dealId) return i;
  }
  return -1;
}

/** The two logs an action appends to; an error saying to run setup when one is missing. */
export function logSheets(session: PipelineSession): { history: LoadedSheet; tasks: LoadedSheet } {
  const { historySheet: history, tasksSheet: tasks } = session;
  if (history && tasks) return { history, tasks };
  return {
    history: history ?? requireSheet(session.ss, 'Stage history', session.language, session.own),
    tasks: tasks ?? requireSheet(session.ss, 'Tasks', session.language, session.own),
  };
}
