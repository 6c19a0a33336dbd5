import type {
  ActionResult,
  PanelLanguage,
  PanelSelection,
  PanelState,
  PanelTask,
} from '../shared/panel-protocol';
import { el, replaceChildren } from './dom';
import { localeTag } from './format';
import { guessLanguage, type Strings, strings } from './i18n';
import { dealFacts, dealHeader, stagePath } from './render-deal';
import { flashBox, moveForm } from './render-move';
import { checklist, openTasks, requiredFields } from './render-work';
import { call, inFlight, messageOf } from './server';
import type { Draft, Flash, Handlers, PanelView } from './view';

/**
 * The deal panel: shows the deal on the selected Deals row and follows the
 * selection. Every action re-renders from the state the server returns, so
 * the panel never guesses what the sheet now says.
 */
const POLL_MS = 1500;

const content = document.getElementById('content') as HTMLElement;
const status = document.getElementById('status') as HTMLElement;
const reloadButton = document.getElementById('reload') as HTMLButtonElement;

interface Model {
  language: PanelLanguage;
  state: PanelState | null;
  draft: Draft;
  flash: Flash | null;
  busy: boolean;
  /** A call that failed outright (google.script.run's failure handler). */
  error: string | null;
}

const model: Model = {
  language: guessLanguage(),
  state: null,
  draft: { dealId: '', to: '', note: '', override: false },
  flash: null,
  busy: false,
  error: null,
};

let selection: PanelSelection | null = null;
// Answers can arrive out of order (a poll started just before a click): only the newest request's state is shown.
let issued = 0;
let applied = 0;

const handlers: Handlers = {
  tickCriterion(criterion, done) {
    const deal = model.state?.deal;
    if (!deal) return;
    void act('top', () =>
      call('panelSetChecklistItem', { dealId: deal.id, stage: deal.stage, criterion, done }),
    );
  },
  tickTask(task: PanelTask, done) {
    const deal = model.state?.deal;
    if (!deal) return;
    void act('top', () => call('panelSetTaskDone', { dealId: deal.id, key: task.key, row: task.row, done }));
  },
  move() {
    const deal = model.state?.deal;
    if (!deal) return;
    const { to, note, override } = model.draft;
    void act('move', () =>
      call('panelMoveDeal', { dealId: deal.id, expectedStage: deal.stage, toStage: to, override, note }),
    );
  },
  editDraft(change, rerender) {
    Object.assign(model.draft, change);
    if (rerender) render();
  },
  reload() {
    model.flash = null;
    selection = null;
    void refresh();
  },
};

reloadButton.addEventListener('click', () => handlers.reload());

function render(): void {
  const focused = document.activeElement?.id ?? '';
  const t = strings(model.language);
  document.documentElement.lang = model.language;
  reloadButton.textContent = t.reload;
  status.textContent = model.busy ? t.saving : model.state === null && model.error === null ? t.loading : '';
  replaceChildren(content, body(t));
  setDisabled(model.busy);
  content.setAttribute('aria-busy', String(model.busy));
  if (focused) document.getElementById(focused)?.focus();
}

function body(t: Strings): (Node | null)[] {
  const error = model.error
    ? el('div', { class: 'flash error', role: 'alert' }, t.serverError(model.error))
    : null;
  const state = model.state;
  if (!state) return [error];
  const deal = state.deal;
  if (!deal) return [error, el('p', { class: 'card notice', id: 'notice' }, state.notice ?? '')];
  const view: PanelView = { state, draft: model.draft, flash: model.flash, t, tag: localeTag(state.locale) };
  // A won or lost deal owes nothing: its exit checklist would only be noise.
  const open = deal.open;
  return [
    error,
    dealHeader(deal, view),
    flashBox(model.flash, 'top', view),
    stagePath(deal, view),
    dealFacts(deal, view),
    open ? checklist(view, handlers) : null,
    open ? requiredFields(state, view) : null,
    moveForm(deal, view, handlers),
    openTasks(view, handlers),
  ];
}

/**
 * While a call runs nothing can be clicked twice; the status line says why.
 * The form is left as the user left it (a ticked box stays ticked) until the
 * server's answer replaces it.
 */
function showBusy(): void {
  status.textContent = strings(model.language).saving;
  content.setAttribute('aria-busy', 'true');
  for (const old of content.querySelectorAll('.flash')) old.remove();
  setDisabled(true);
}

function setDisabled(disabled: boolean): void {
  for (const control of content.querySelectorAll<
    HTMLButtonElement | HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement
  >('button, input, select, textarea')) {
    if (disabled) control.disabled = true;
  }
  reloadButton.disabled = disabled;
}

function applyState(state: PanelState): void {
  const dealId = state.deal?.id ?? '';
  if (dealId !== model.draft.dealId) {
    model.draft = { dealId, to: state.next ?? '', note: '', override: false };
  } else if (!state.stages.some((s) => s.name === model.draft.to && s.name !== state.deal?.stage)) {
    // The stage chosen before is gone or is where the deal is now: offer the next one again.
    model.draft.to = state.next ?? '';
  }
  model.state = state;
  model.language = state.language;
}

async function refresh(dealId?: string): Promise<void> {
  const token = ++issued;
  try {
    if (selection === null) selection = await call('panelGetSelection');
    // An absent argument, not `undefined`: the server then reads the selected row.
    const state = await (dealId ? call('panelGetState', dealId) : call('panelGetState'));
    if (token < applied) return;
    applied = token;
    if (state.deal?.id !== model.state?.deal?.id) model.flash = null;
    applyState(state);
    model.error = null;
  } catch (error) {
    model.error = messageOf(error);
  }
  render();
}

/** Runs one action: controls disabled, then the server's answer (or refusal) rendered. */
async function act(near: Flash['near'], call: () => Promise<ActionResult>): Promise<void> {
  if (model.busy) return;
  const focusId = document.activeElement?.id ?? '';
  const token = ++issued;
  model.busy = true;
  model.flash = null;
  showBusy();
  try {
    const result = await call();
    applied = Math.max(applied, token);
    if (result.ok) {
      model.flash = result.message ? { kind: 'ok', message: result.message, missing: [], near } : null;
      const moved = result.state.deal?.stage !== model.state?.deal?.stage;
      applyState(result.state);
      if (moved)
        model.draft = { dealId: model.draft.dealId, to: result.state.next ?? '', note: '', override: false };
    } else {
      model.flash = { kind: 'error', message: result.message, missing: result.missing, near };
      if (result.state) applyState(result.state);
    }
    model.error = null;
  } catch (error) {
    model.flash = {
      kind: 'error',
      message: strings(model.language).serverError(messageOf(error)),
      missing: [],
      near,
    };
  }
  model.busy = false;
  render();
  if (focusId) document.getElementById(focusId)?.focus();
}

/** Follows the selection: a cheap call every 1.5 s, the full state only when the row changes or the last one failed. */
async function poll(): Promise<void> {
  try {
    if (!model.busy && inFlight() === 0 && document.visibilityState !== 'hidden') {
      const now = await call('panelGetSelection');
      const changed = !selection || now.sheet !== selection.sheet || now.row !== selection.row;
      // After a failed answer (no Stages sheet yet) it asks again, so the panel recovers once the sheets are set up or connected.
      if ((changed || model.error !== null) && !model.busy) {
        selection = now;
        await refresh();
      }
    }
  } catch (error) {
    model.error = messageOf(error);
    render();
  } finally {
    setTimeout(poll, POLL_MS);
  }
}

render();
void refresh().then(() => setTimeout(poll, POLL_MS));
