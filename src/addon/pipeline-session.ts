import type { Cell } from '../engine/cells';
import type { DateContext } from '../engine/dates';
import { type DealsRead, readDeals } from '../engine/deals';
import { changesByDeal, readHistory, type StageChange } from '../engine/history';
import { PipelineError } from '../engine/problems';
import { HISTORY, type HistoryField } from '../engine/schema';
import { type Pipeline, readPipeline } from '../engine/stages';
import { type Language, readTable, type Table } from '../engine/table';
import { readTasks, type TasksRead } from '../engine/tasks';
import { type DayNumber, Zone } from '../engine/zone';
import { DocumentStore } from './document-store';
import { readSettings, resolveLanguage } from './settings';
import { type LoadedSheet, requireSheet } from './workbook';

/**
 * Everything one panel action or edit needs, read once: each sheet is one
 * `getValues`, and the engine reads the grids the same way the CLI does.
 */
export interface PipelineSession {
  readonly ss: GoogleAppsScript.Spreadsheet.Spreadsheet;
  readonly zone: Zone;
  readonly ctx: DateContext;
  readonly store: DocumentStore;
  readonly language: Language;
  readonly now: Date;
  readonly today: DayNumber;
  readonly stagesSheet: LoadedSheet;
  readonly dealsSheet: LoadedSheet;
  readonly historySheet: LoadedSheet;
  /** Stage history's header positions, for laying out appended rows. */
  readonly historyTable: Table<HistoryField>;
  readonly tasksSheet: LoadedSheet;
  readonly pipeline: Pipeline;
  readonly deals: DealsRead;
  readonly tasks: TasksRead;
  /** Each deal's history in time order (read lazily: only some actions need it). */
  history(): ReadonlyMap<string, readonly StageChange[]>;
}

export function openSession(now: Date = new Date()): PipelineSession {
  const ss = SpreadsheetApp.getActive();
  const zone = new Zone(ss.getSpreadsheetTimeZone());
  const ctx: DateContext = { zone };
  const store = new DocumentStore();
  const language = resolveLanguage(readSettings(store), ss);
  const stagesSheet = requireSheet(ss, 'Stages');
  const dealsSheet = requireSheet(ss, 'Deals');
  const historySheet = requireSheet(ss, 'Stage history');
  const tasksSheet = requireSheet(ss, 'Tasks');
  const pipeline = readPipeline(stagesSheet.grid);
  if (pipeline.stages.length === 0) throw new PipelineError('Stages has no readable stages.');
  // Stage history's header must be there before anything is written: rows are laid out by it.
  // (Tasks' header is checked by readTasks below.)
  const historyTable = readTable(historySheet.grid, HISTORY);
  let byDeal: ReadonlyMap<string, readonly StageChange[]> | null = null;
  return {
    ss,
    zone,
    ctx,
    store,
    language,
    now,
    today: zone.day(now.getTime()),
    stagesSheet,
    dealsSheet,
    historySheet,
    historyTable,
    tasksSheet,
    pipeline,
    deals: readDeals(dealsSheet.grid, pipeline, ctx),
    tasks: readTasks(tasksSheet.grid, ctx),
    history() {
      byDeal ??= changesByDeal(readHistory(historySheet.grid, pipeline, ctx).changes);
      return byDeal;
    },
  };
}

/** The grid row index of a deal by its id, or -1. Users sort and filter: never trust a remembered row. */
export function rowOfDeal(session: PipelineSession, dealId: string): number {
  const c = session.deals.table.columns.id;
  if (c === undefined || dealId === '') return -1;
  const grid = session.dealsSheet.grid;
  for (let i = 1; i < grid.length; i++) {
    const cell: Cell = grid[i]?.[c] ?? '';
    if (String(cell).trim() === dealId) return i;
  }
  return -1;
}
