import type { PanelDeal, PanelStage } from '../shared/panel-protocol';
import { el } from './dom';
import { formatDay, formatMoney } from './format';
import type { PanelView } from './view';

/** Name, company and owner: who and what this deal is. */
export function dealHeader(deal: PanelDeal, view: PanelView): HTMLElement {
  const { t } = view;
  return el(
    'header',
    { class: 'deal-head' },
    el('p', { class: 'deal-id' }, deal.id),
    el('h1', { class: 'deal-name', id: 'deal-name' }, deal.name || deal.id),
    deal.company !== '' || deal.owner !== ''
      ? el(
          'p',
          { class: 'deal-meta' },
          deal.company !== '' ? el('span', { title: t.company }, deal.company) : null,
          deal.owner !== '' ? el('span', { title: t.owner }, deal.owner) : null,
        )
      : null,
  );
}

/**
 * The open and won stages as steps, each by its full name as visible text
 * (SPEC §4: a bar alone says nothing to someone who does not know the
 * pipeline by heart), the current one marked; a lost deal shows the lost
 * stage beside the path instead, since "lost" is not a step on the way.
 */
export function stagePath(deal: PanelDeal, view: PanelView): HTMLElement {
  const { t, state } = view;
  const steps = state.stages.filter((s) => s.outcome !== 'lost');
  const currentIndex = steps.findIndex((s) => s.name === deal.stage);
  const lostStage = state.stages.find((s) => s.name === deal.stage && s.outcome === 'lost');
  const list = el('ol', { class: `path${lostStage ? ' is-lost' : ''}`, 'aria-label': t.stagePath });
  steps.forEach((stage, i) => {
    const position = i < currentIndex ? 'done' : i === currentIndex ? 'current' : 'todo';
    list.appendChild(
      el(
        'li',
        {
          class: `step ${position}`,
          title: stage.name,
          'aria-current': position === 'current' ? 'step' : undefined,
        },
        el('span', { class: 'bar', 'aria-hidden': 'true' }),
        el('span', { class: 'step-name' }, stage.name),
      ),
    );
  });
  return el(
    'div',
    { class: 'stage' },
    list,
    el(
      'p',
      { class: 'stage-now' },
      el('span', { class: `stage-pill ${outcomeClass(lostStage ?? steps[currentIndex])}` }, deal.stage),
      currentIndex >= 0 ? el('span', { class: 'muted' }, t.stepOf(currentIndex + 1, steps.length)) : null,
      state.next ? el('span', { class: 'muted next' }, t.nextStage(state.next)) : null,
    ),
    daysLine(deal, view),
  );
}

function outcomeClass(stage: PanelStage | undefined): string {
  return stage ? `is-${stage.outcome}` : '';
}

/** `17일째 / 기준 14일`, red (and labelled) once the deal is at or past its stale threshold. */
function daysLine(deal: PanelDeal, view: PanelView): HTMLElement {
  const { t, tag } = view;
  // A won or lost deal's days keep counting without meaning anything: it shows the day it got there.
  if (!deal.open && deal.stageEntered !== '')
    return el(
      'p',
      { class: 'days', id: 'days' },
      el('span', { class: 'days-text' }, t.enteredOn(deal.stage, formatDay(deal.stageEntered, tag))),
    );
  if (deal.daysInStage === null) return el('p', { class: 'days warn' }, t.noEnteredDate);
  const stale = deal.staleAfter !== null && deal.daysInStage >= deal.staleAfter;
  const text =
    deal.staleAfter === null
      ? t.daysInStage(deal.daysInStage)
      : `${t.daysInStage(deal.daysInStage)} / ${t.staleLimit(deal.staleAfter)}`;
  return el(
    'p',
    { class: `days${stale ? ' is-stale' : ''}`, id: 'days' },
    el('span', { class: 'days-text' }, text),
    stale ? el('span', { class: 'badge danger' }, t.stale) : null,
  );
}

/** The row's unreadable cells, each named with its value: the rest of the deal is shown below them. */
export function problemsBox(view: PanelView): HTMLElement | null {
  const { t, state } = view;
  if (state.problems.length === 0) return null;
  return el(
    'div',
    { class: 'flash warn', id: 'problems', role: 'status' },
    el('p', { class: 'flash-heading' }, t.problemsHeading),
    el('ul', { class: 'missing' }, ...state.problems.map((p) => el('li', {}, p))),
  );
}

/** Amount, weighted amount, expected close and Health as a definition list. */
export function dealFacts(deal: PanelDeal, view: PanelView): HTMLElement {
  const { t, tag } = view;
  const overdue = deal.overdue;
  const bad = deal.unreadable;
  const unreadable = () => el('span', { class: 'warn unreadable' }, t.unreadable);
  const row = (label: string, ...value: (Node | string | null)[]) =>
    el('div', { class: 'fact' }, el('dt', {}, label), el('dd', {}, ...value));
  const health = el('div', { class: `fact${deal.health === '' ? '' : ' wide'}` });
  health.append(
    el('dt', {}, t.health),
    el(
      'dd',
      {},
      deal.health === ''
        ? el('span', { class: 'muted', title: t.healthBlank }, t.none)
        : el('span', { class: 'health', id: 'health' }, deal.health),
    ),
  );
  return el(
    'dl',
    { class: 'facts' },
    row(
      t.amount,
      el('span', { id: 'amount' }, bad.amount ? unreadable() : formatMoney(deal.amount, deal.currency, tag)),
    ),
    row(
      t.weighted,
      el(
        'span',
        { id: 'weighted' },
        bad.amount ? unreadable() : formatMoney(deal.weighted, deal.currency, tag),
      ),
    ),
    row(
      t.expectedClose,
      bad.expectedClose
        ? unreadable()
        : deal.expectedClose === ''
          ? t.none
          : formatDay(deal.expectedClose, tag),
      overdue ? el('span', { class: 'badge danger', id: 'overdue' }, t.overdueBy(deal.overdueDays)) : null,
    ),
    health,
    deal.lostReason !== ''
      ? el(
          'div',
          { class: 'fact wide' },
          el('dt', {}, t.lostReason),
          el('dd', { id: 'lost-reason' }, deal.lostReason),
        )
      : null,
  );
}
