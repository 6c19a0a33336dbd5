import { assessHealth } from '../../engine/health';
import { textOf } from '../../engine/values';
import type { AttentionItem, AttentionReason } from '../../shared/panel-protocol';
import type { PipelineSession } from '../pipeline/session';
import { isOverrideNote } from './timeline';

/**
 * The deals that need attention (SPEC §4 *Needs attention*), in sheet
 * order: stale, overdue, in a stay entered by an override, or with a bad
 * cell. `owner` keeps only the deals whose Owner is that email (case
 * ignored); `null` is everyone's.
 */
export function attentionList(session: PipelineSession, owner: string | null): AttentionItem[] {
  const { deals } = session;
  const findings = assessHealth(deals.deals, session.history(), session.today);
  const reasons = new Map<number, Set<AttentionReason>>();
  const add = (row: number, reason: AttentionReason) => {
    const set = reasons.get(row) ?? new Set<AttentionReason>();
    set.add(reason);
    reasons.set(row, set);
  };
  for (const s of findings.stale) add(s.deal.row, 'stale');
  for (const o of findings.overdue) add(o.deal.row, 'overdue');
  for (const p of deals.problems) add(p.row, 'problem');
  for (const deal of deals.deals) {
    if (deal.id === '' || deal.outcome !== 'open') continue;
    const history = session.history().get(deal.id) ?? [];
    const into = [...history].reverse().find((c) => c.to.name === deal.stage.name);
    if (into && isOverrideNote(into.note)) add(deal.row, 'override');
  }
  const wanted = owner?.trim().toLowerCase() ?? null;
  const items: AttentionItem[] = [];
  for (const row of [...reasons.keys()].sort((a, b) => a - b)) {
    const cells = session.dealsSheet.grid[row - 1] ?? [];
    const cell = (column: number | undefined) => (column === undefined ? '' : textOf(cells[column] ?? ''));
    const columns = deals.table.columns;
    if (wanted !== null && cell(columns.owner).toLowerCase() !== wanted) continue;
    const order: AttentionReason[] = ['problem', 'stale', 'overdue', 'override'];
    const has = reasons.get(row) as Set<AttentionReason>;
    items.push({
      row,
      dealId: cell(columns.dealId),
      name: cell(columns.deal) || cell(columns.dealId),
      reasons: order.filter((r) => has.has(r)),
    });
  }
  return items;
}
