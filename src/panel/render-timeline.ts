import type { PanelTimelineRow } from '../shared/panel-protocol';
import { el, section } from './dom';
import type { PanelView } from './view';

/**
 * The deal's story: every Stage history row, newest first (what a lead asks
 * about is what happened last), each with when, from → to, by whom and its
 * note; an override is marked in words, not only by colour.
 */
export function timeline(view: PanelView): HTMLElement {
  const { t, state } = view;
  if (state.timeline.length === 0)
    return section('timeline', t.timeline, el('p', { class: 'muted' }, t.noTimeline));
  const list = el('ol', { class: 'timeline', id: 'timeline' });
  for (const row of [...state.timeline].reverse()) list.appendChild(entry(row, view));
  return section('timeline', t.timeline, list);
}

function entry(row: PanelTimelineRow, view: PanelView): HTMLElement {
  const { t } = view;
  return el(
    'li',
    { class: `event${row.override ? ' is-override' : ''}` },
    el(
      'p',
      { class: 'event-head' },
      el('time', { class: 'event-when' }, row.when),
      ' ',
      el(
        'span',
        { class: 'event-move' },
        row.from === '' ? `${t.entered} → ${row.to}` : `${row.from} → ${row.to}`,
      ),
      row.override ? el('span', { class: 'badge warn event-override' }, t.overrideMark) : null,
    ),
    row.by !== '' ? el('p', { class: 'event-by muted' }, t.byWhom(row.by)) : null,
    row.note !== '' ? el('p', { class: 'event-note' }, row.note) : null,
  );
}
