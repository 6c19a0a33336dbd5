import type { Deal } from '../../engine/deals';
import type { StageChange } from '../../engine/history';
import { reasonOf } from '../../engine/lost-reasons';
import type { Pipeline } from '../../engine/stages';
import { sameStage } from '../../engine/values';

/**
 * What a won or lost deal's story says (SPEC §4): the row that took it into
 * its won or lost stage holds the lost reason (its Note starts with it) and
 * the stage it was in before, which Reopen proposes.
 */
export interface ClosedStory {
  /** The reason picked when it was lost; the whole Note when it names none of today's reasons; '' when won or unknown. */
  readonly lostReason: string;
  /** The From of that row when it is an open stage of the deal's pipeline, else `null`. */
  readonly reopenTo: string | null;
}

export function closedStory(
  deal: Deal,
  history: readonly StageChange[] | undefined,
  stages: Pipeline,
  reasons: readonly string[],
): ClosedStory {
  if (deal.outcome === 'open') return { lostReason: '', reopenTo: null };
  let into: StageChange | undefined;
  for (let i = (history?.length ?? 0) - 1; i >= 0 && !into; i--) {
    const change = history?.[i];
    if (change && sameStage(change.to.name, deal.stage.name)) into = change;
  }
  const from = into?.from ? stages.find(into.from.name) : undefined;
  const note = into?.note.trim() ?? '';
  return {
    lostReason: deal.outcome === 'lost' ? (reasonOf(note, reasons) ?? note) : '',
    reopenTo: from && from.outcome === 'open' ? from.name : null,
  };
}
