import type { StageChange } from '../../engine/history';
import { isoDateTime } from '../../engine/zone';
import type { PanelTimelineRow } from '../../shared/panel-protocol';

/** How the add-on begins an override's Note (panel-text's overrideNote), in either language. */
const OVERRIDE = /^(Override|예외 처리)/;

/** Whether a Stage history Note is one the add-on wrote for an override. */
export function isOverrideNote(note: string): boolean {
  return OVERRIDE.test(note.trim());
}

/** The deal's Stage history rows, oldest first, as the panel's timeline shows them. */
export function timelineOf(history: readonly StageChange[] | undefined): PanelTimelineRow[] {
  return (history ?? []).map((change) => ({
    when: isoDateTime(change.when),
    from: change.from?.name ?? '',
    to: change.to.name,
    by: change.by,
    note: change.note,
    override: isOverrideNote(change.note),
  }));
}
