import type { AttentionItem, AttentionList } from '../shared/panel-protocol';
import { el } from './dom';
import type { Strings } from './i18n';

/** What the Needs attention card needs to draw itself, and what its controls do. */
export interface AttentionView {
  open: boolean;
  list: AttentionList | null;
  /** The deal on screen, to say where in the list it is. */
  dealId: string;
  t: Strings;
}

export interface AttentionHandlers {
  setMine(mine: boolean): void;
  /** −1 previous, +1 next: selects that deal's row in the sheet. */
  step(delta: number): void;
  pick(item: AttentionItem): void;
}

/**
 * Needs attention (SPEC §4): the deals that are stale, overdue, overridden
 * or have a bad cell, everyone's by default, with previous/next that select
 * the deal's row in the sheet, so a lead can work through them in order.
 */
export function attentionCard(view: AttentionView, on: AttentionHandlers): HTMLElement | null {
  const { t, list, open } = view;
  // Opened from the top bar's button, so a closed list takes no room above the deal.
  if (!open || !list) return null;
  const card = el(
    'section',
    { class: 'card attention', id: 'attention', 'aria-labelledby': 'attention-h' },
    el('h2', { id: 'attention-h' }, t.attentionCount(list.items.length)),
  );
  const mine = el('input', { type: 'checkbox', id: 'attention-mine', checked: list.mine });
  mine.addEventListener('change', () => on.setMine(mine.checked));
  const at = list.items.findIndex((item) => item.dealId !== '' && item.dealId === view.dealId);
  const prev = el(
    'button',
    { type: 'button', id: 'attention-prev', disabled: list.items.length === 0 },
    t.previous,
  );
  const next = el(
    'button',
    { type: 'button', id: 'attention-next', disabled: list.items.length === 0 },
    t.next,
  );
  prev.addEventListener('click', () => on.step(-1));
  next.addEventListener('click', () => on.step(1));
  card.append(
    el('label', { class: 'check', for: 'attention-mine' }, mine, el('span', {}, t.onlyMine(list.user))),
    el(
      'p',
      { class: 'attention-nav' },
      prev,
      el(
        'span',
        { id: 'attention-position', class: 'muted' },
        at >= 0 ? t.position(at + 1, list.items.length) : '',
      ),
      next,
    ),
    list.items.length === 0
      ? el('p', { class: 'muted', id: 'attention-empty' }, t.noAttention)
      : itemsList(list.items, at, t, on),
  );
  return card;
}

function itemsList(items: AttentionItem[], at: number, t: Strings, on: AttentionHandlers): HTMLElement {
  const list = el('ol', { class: 'attention-list', id: 'attention-list' });
  items.forEach((item, i) => {
    const pick = el(
      'button',
      { type: 'button', class: 'link', 'aria-current': i === at ? 'true' : undefined },
      item.name,
    );
    pick.addEventListener('click', () => on.pick(item));
    list.appendChild(
      el(
        'li',
        {},
        pick,
        ...item.reasons.map((r) =>
          el('span', { class: `badge ${r === 'override' ? 'warn' : 'danger'}` }, t.reason[r]),
        ),
      ),
    );
  });
  return list;
}
