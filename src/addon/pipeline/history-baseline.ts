import { readDeals } from '../../engine/deals';
import { changesByDeal, readHistory } from '../../engine/history';
import { HISTORY } from '../../engine/schema';
import { readPipeline } from '../../engine/stages';
import { type Language, readTable } from '../../engine/table';
import { Zone } from '../../engine/zone';
import { historyNotes } from '../i18n/history-notes';
import { rowLayout } from '../sheets/row-layout';
import { appendRows, readGrid } from '../sheets/sheets-io';
import type { ColumnMap } from '../storage/column-map';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/**
 * Deals adopted by setup that have no Stage history get one starting row: the
 * stage they are in, dated by their Stage entered (or now). Without it a paste
 * of the same stages over them would look like a change, reset Stage entered
 * and hide how long they have been sitting. Deals without an id or a known
 * stage are left alone; a second run finds every deal already has a row.
 *
 * @returns how many rows were added
 */
export function recordAdoptedDeals(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  sheets: { stages: Sheet; deals: Sheet; history: Sheet },
  language: Language,
  now: Date,
  map: ColumnMap = {},
): number {
  const zone = new Zone(ss.getSpreadsheetTimeZone());
  const pipeline = readPipeline(readGrid(sheets.stages), { map: map.Stages ?? {} });
  const ctx = { zone, locale: ss.getSpreadsheetLocale() };
  const deals = readDeals(readGrid(sheets.deals), pipeline, ctx, { map: map.Deals ?? {} }).deals;
  if (deals.length === 0) return 0;
  const historyGrid = readGrid(sheets.history);
  const read = readHistory(historyGrid, pipeline, ctx, { map: map['Stage history'] ?? {} });
  const known = changesByDeal(read.changes);
  const layout = rowLayout(readTable(historyGrid, HISTORY, { map: map['Stage history'] ?? {} }));
  const rows = deals
    .filter((d) => d.id !== '' && !known.has(d.id) && !read.unreadableDeals.has(d.id))
    .map((d) =>
      layout.row({
        when: d.stageEntered === null ? now : new Date(zone.instant(d.stageEntered)),
        dealId: d.id,
        from: '',
        to: d.stage.name,
        by: '',
        note: historyNotes(language).setupBaseline,
      }),
    );
  appendRows(sheets.history, layout.firstColumn, rows);
  return rows.length;
}
