import { latestLostNote, lostByReason } from '../../engine/lost-reasons';
import { isoDateTime } from '../../engine/zone';
import { dashboardText } from '../i18n/dashboard-text';
import { openSession } from '../pipeline/session';
import { setBlock } from '../sheets/sheets-io';
import type { Execution } from '../storage/execution';
import { lostReasonsOf, MAX_LOST_REASONS } from '../storage/settings';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Where the block starts (its title one row above), right of the funnel's 13 columns (H–T). */
export const LOST_AT = { row: 6, column: 22 };
// Header, every reason Settings allow, and the no-reason line: what a rebuild clears first.
const LOST_ROWS = MAX_LOST_REASONS + 2;

/**
 * Lost deals by reason, written as values with the time they were computed.
 * Not a live formula: the custom functions are fixed (SPEC §3) and none reads
 * reasons, and a plain-formula version (latest row into a lost stage per deal,
 * longest reason first, joined to Deals' amounts) would be long, slow and
 * wrong on ties. So the block says when it was computed, and a rebuild refreshes it.
 */
export function writeLostBlock(sheet: Sheet, exec: Execution): void {
  const { language, settings } = exec;
  const l = dashboardText(language);
  const session = openSession(exec, { logsOptional: true });
  const history = session.history();
  const lost = session.deals.deals
    .filter((deal) => deal.outcome === 'lost')
    .map((deal) => ({ amount: deal.amount, note: latestLostNote(history.get(deal.id) ?? []) }));
  const rows = lostByReason(lost, lostReasonsOf(settings, language));
  const at = isoDateTime(session.zone.local(exec.now.getTime()));

  // One clear for the old block: a shorter list of reasons leaves no stale lines behind.
  sheet.getRange(LOST_AT.row - 1, LOST_AT.column, LOST_ROWS + 1, 3).clearContent();
  setBlock(sheet.getRange(LOST_AT.row - 1, LOST_AT.column), [[l.lost(at, session.zone.id)]]);
  sheet.getRange(LOST_AT.row - 1, LOST_AT.column).setFontWeight('bold');
  const block = [l.lostHeader, ...rows.map((r) => [r.reason ?? l.noReason, r.deals, r.amount])];
  setBlock(sheet.getRange(LOST_AT.row, LOST_AT.column, block.length, 3), block);
  sheet.getRange(LOST_AT.row + 1, LOST_AT.column + 2, rows.length, 1).setNumberFormat('#,##0');
}
