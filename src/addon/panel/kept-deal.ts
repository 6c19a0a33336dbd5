import { type Deal, readDealKeepingBadValues } from '../../engine/deals';
import { shortText } from '../../engine/problems';
import { headerOf } from '../../engine/table';
import { cellTexts } from '../../engine/texts';
import type { PipelineSession } from '../pipeline/session';

/**
 * The deal on a Deals row, even when one of its cells cannot be read (SPEC
 * §4: `TBD` in Amount or an unknown stage names itself and hides nothing
 * else). The session's deal when the row reads cleanly; else the row read
 * again, on its own, keeping the bad values at their empty reading.
 */
export function dealOnRow(session: PipelineSession, gridRow: number): Deal | null {
  const sheetRow = gridRow + 1;
  const clean = session.deals.deals.find((d) => d.row === sheetRow);
  if (clean) return clean;
  if (!session.deals.problems.some((p) => p.row === sheetRow)) return null;
  return readDealKeepingBadValues(session.dealsSheet.grid, session.pipeline, session.ctx, gridRow, {
    map: session.exec.columnMap.Deals ?? {},
    positions: { health: session.health.column },
  });
}

/** Which of the figures the panel shows could not be read on the row (shown as unreadable, never as 0). */
export function unreadableFields(
  session: PipelineSession,
  sheetRow: number,
): { amount: boolean; expectedClose: boolean; stageEntered: boolean } {
  const table = session.deals.table;
  const columns = new Set(session.deals.problems.filter((p) => p.row === sheetRow).map((p) => p.column));
  const bad = (field: 'amount' | 'expectedClose' | 'stageEntered') => {
    // Named as problemAt names it, so the two can be compared.
    return table.columns[field] !== undefined && columns.has(shortText(headerOf(table, field)));
  };
  return { amount: bad('amount'), expectedClose: bad('expectedClose'), stageEntered: bad('stageEntered') };
}

/** The row's unreadable values, each named with its column and value as the Health column words it. */
export function rowProblems(session: PipelineSession, sheetRow: number): string[] {
  const texts = cellTexts(session.language);
  return session.deals.problems.filter((p) => p.row === sheetRow).map((p) => texts.problem(p));
}
