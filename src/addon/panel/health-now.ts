import { assessDeals } from '../../engine/assess';
import type { Deal } from '../../engine/deals';
import type { PipelineSession } from '../pipeline/session';

/**
 * The Health text a daily check run now would write for this deal (SPEC §4:
 * never the cell's old text, which speaks of last night): the same
 * assessment, on this one deal and its row's problems, so the panel and the
 * column cannot word it differently.
 */
export function healthNow(session: PipelineSession, deal: Deal): string {
  const deals = session.deals;
  const assessment = assessDeals({
    deals: { ...deals, deals: [deal], problems: deals.problems.filter((p) => p.row === deal.row) },
    historyByDeal: session.history(),
    taskKeys: session.tasks.keys,
    today: session.today,
    language: session.language,
  });
  return assessment.health.get(deal.row) ?? '';
}
