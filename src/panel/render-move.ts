import type { PanelDeal, PanelStage } from '../shared/panel-protocol';
import { el, section } from './dom';
import type { Flash, Handlers, PanelView } from './view';

/**
 * Moving the deal: one form whose primary button says where the deal goes
 * ("Move to <next>" until another stage is chosen). The server decides
 * whether the move is allowed and what kind it is; the form only labels what
 * it will need (a reason for a loss, a note for an override).
 */
export function moveForm(deal: PanelDeal, view: PanelView, on: Handlers): HTMLElement {
  const { t, state, draft } = view;
  const target = state.stages.find((s) => s.name === draft.to);
  const needsOverride = target?.move === 'forward' && state.missing.length > 0;
  const override = el('input', { type: 'checkbox', id: 'move-override', checked: draft.override });
  override.addEventListener('change', () => on.editDraft({ override: override.checked }, true));
  const lost = target?.outcome === 'lost';
  // Each label says whether the note is required: a reopen needs one, a loss a reason from the list.
  const noteLabel = lost
    ? t.detailOptional
    : target?.move === 'reopen'
      ? t.reopenWhy
      : draft.override && needsOverride
        ? t.noteRequired
        : t.noteOptional;

  const form = el(
    'form',
    { class: 'move', novalidate: true },
    el('label', { for: 'move-to' }, t.targetStage),
    stageSelect(deal, view, on),
    needsOverride
      ? el(
          'div',
          { class: 'override' },
          el('label', { class: 'check', for: 'move-override' }, override, el('span', {}, t.override)),
          el('p', { class: 'hint' }, t.overrideHint),
        )
      : null,
    lost ? el('label', { for: 'move-reason' }, t.reasonRequired) : null,
    lost ? reasonSelect(view, on) : null,
    el('label', { for: 'move-note' }, noteLabel),
    noteField(view, on, () => form.requestSubmit()),
    el('p', { class: 'visually-hidden', id: 'move-hint' }, t.enterHint),
    submitButton(target, view),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (target) on.move();
  });
  return section('move', deal.open ? t.move : t.reopen, flashBox(view.flash, 'move', view), form);
}

/** The Settings lost reasons; none is preselected, so a loss is never filed under a reason nobody chose. */
function reasonSelect(view: PanelView, on: Handlers): HTMLSelectElement {
  const { t, state, draft } = view;
  const select = el('select', { id: 'move-reason', name: 'reason' });
  select.appendChild(el('option', { value: '' }, t.chooseReason));
  for (const reason of state.lostReasons) {
    const option = el('option', { value: reason }, reason);
    option.selected = reason === draft.reason;
    select.appendChild(option);
  }
  select.addEventListener('change', () => on.editDraft({ reason: select.value }, false));
  return select;
}

/** Every other stage, the next one, lost and won ones marked. */
function stageSelect(deal: PanelDeal, view: PanelView, on: Handlers): HTMLSelectElement {
  const { t, state, draft } = view;
  const select = el('select', { id: 'move-to', name: 'to' });
  if (state.next === null) select.appendChild(el('option', { value: '' }, t.chooseStage));
  for (const stage of state.stages) {
    if (stage.name === deal.stage) continue;
    const mark =
      stage.name === state.next
        ? t.nextMark
        : stage.name === state.reopenTo
          ? t.beforeMark
          : stage.outcome === 'lost'
            ? t.lostMark
            : stage.outcome === 'won'
              ? t.wonMark
              : '';
    const option = el('option', { value: stage.name }, mark ? `${stage.name} · ${mark}` : stage.name);
    option.selected = stage.name === draft.to;
    select.appendChild(option);
  }
  select.addEventListener('change', () => on.editDraft({ to: select.value }, true));
  return select;
}

/** The note: Enter submits, Shift+Enter is a new line, and Enter that ends a Korean IME composition is neither. */
function noteField(view: PanelView, on: Handlers, submit: () => void): HTMLTextAreaElement {
  // The hint is the placeholder for sighted users and a description for screen readers.
  const note = el('textarea', {
    id: 'move-note',
    name: 'note',
    rows: 2,
    placeholder: view.t.enterHint,
    'aria-describedby': 'move-hint',
  });
  note.value = view.draft.note;
  note.addEventListener('input', () => on.editDraft({ note: note.value }, false));
  note.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter' || event.shiftKey || event.isComposing || event.keyCode === 229) return;
    event.preventDefault();
    submit();
  });
  return note;
}

/** The primary button, saying where the deal goes. */
function submitButton(target: PanelStage | undefined, view: PanelView): HTMLButtonElement {
  const { t, state } = view;
  const label =
    target === undefined
      ? t.chooseStage
      : target.outcome === 'lost'
        ? t.moveToLost(target.name)
        : target.move === 'reopen'
          ? t.reopenIn(target.name)
          : target.name === state.next
            ? t.moveTo(target.name)
            : t.moveToOther(target.name);
  return el(
    'button',
    {
      type: 'submit',
      id: 'move-submit',
      class: `primary${target?.outcome === 'lost' ? ' danger' : ''}`,
      disabled: !target,
    },
    label,
  );
}

/** The last action's outcome: the server's message and, on a refusal, exactly what is missing. */
export function flashBox(flash: Flash | null, near: Flash['near'], view: PanelView): HTMLElement | null {
  if (!flash || flash.near !== near) return null;
  const box = el(
    'div',
    { class: `flash ${flash.kind}`, role: flash.kind === 'error' ? 'alert' : 'status', id: 'flash' },
    el('p', { class: 'flash-message' }, flash.message),
  );
  if (flash.missing.length > 0) {
    box.appendChild(el('p', { class: 'flash-heading' }, view.t.missingHeading));
    box.appendChild(
      el('ul', { class: 'missing', id: 'missing' }, ...flash.missing.map((item) => el('li', {}, item))),
    );
  }
  return box;
}
