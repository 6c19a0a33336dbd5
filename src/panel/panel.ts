import type {
  ActionResult,
  AttentionItem,
  AttentionList,
  PanelLanguage,
  PanelSelection,
  PanelState,
  PanelTask,
} from '../shared/panel-protocol';
import { el, replaceChildren } from './dom';
import { localeTag } from './format';
import { guessLanguage, type Strings, strings } from './i18n';
import { type AttentionHandlers, attentionCard } from './render-attention';
import { dealFacts, dealHeader, problemsBox, stagePath } from './render-deal';
import { flashBox, moveForm } from './render-move';
import { timeline } from './render-timeline';
import { checklist, entryEmails, openTasks, requiredFields } from './render-work';
import { call, inFlight, messageOf } from './server';
import type { Draft, Flash, Handlers, PanelView } from './view';

/**
 * The deal panel: shows the deal on the selected Deals row and follows the
 * selection. Every action re-renders from the state the server returns, so
 * the panel never guesses what the sheet now says.
 *
 * SPEC §4: within 2 s of a selection change the panel says it is loading the
 * new row and takes no action until that deal is shown. A poll every second
 * plus its round trip (well under a second) keeps inside that; the server
 * also refuses an action whose deal is not the selected row, for the clicks
 * that land before the poll.
 */
const POLL_MS = 1000;

const content = document.getElementById('content') as HTMLElement;
const status = document.getElementById('status') as HTMLElement;
const reloadButton = document.getElementById('reload') as HTMLButtonElement;
const attentionButton = document.getElementById('attention-toggle') as HTMLButtonElement;

interface Model {
  language: PanelLanguage;
  state: PanelState | null;
  draft: Draft;
  flash: Flash | null;
  busy: boolean;
  /** The row the selection moved to, while its deal is being fetched: nothing can be acted on. */
  loading: PanelSelection | null;
  /** Needs attention: whether the card is open, and the list as last fetched. */
  attention: { open: boolean; list: AttentionList | null };
  /** A call that failed outright (google.script.run's failure handler). */
  error: string | null;
}

const model: Model = {
  language: guessLanguage(),
  state: null,
  draft: { dealId: '', to: '', note: '', override: false, reason: '' },
  flash: null,
  busy: false,
  loading: null,
  attention: { open: false, list: null },
  error: null,
};

let selection: PanelSelection | null = null;
// Answers can arrive out of order (a poll started just before a click): only the newest request's state is shown.
let issued = 0;
let applied = 0;

const handlers: Handlers = {
  tickCriterion(criterion, done) {
    const deal = shownDeal();
    if (!deal) return;
    void act('top', () =>
      call('panelSetChecklistItem', { dealId: deal.id, stage: deal.stage, criterion, done }),
    );
  },
  tickTask(task: PanelTask, done) {
    const deal = shownDeal();
    if (!deal) return;
    void act('top', () => call('panelSetTaskDone', { dealId: deal.id, key: task.key, row: task.row, done }));
  },
  sendEmail(email) {
    const deal = shownDeal();
    if (!deal) return;
    void act('top', () => call('panelSendEntryEmail', { dealId: deal.id, key: email.key }));
  },
  move() {
    const deal = shownDeal();
    if (!deal) return;
    const { to, note, override, reason } = model.draft;
    const target = model.state?.stages.find((s) => s.name === to);
    void act('move', () =>
      call('panelMoveDeal', {
        dealId: deal.id,
        expectedStage: deal.stage,
        toStage: to,
        override,
        note,
        reason: target?.outcome === 'lost' ? reason : '',
      }),
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

attentionButton.addEventListener('click', () => {
  model.attention.open = !model.attention.open;
  if (model.attention.open) void loadAttention(model.attention.list?.mine ?? false);
  else render();
});

const attentionHandlers: AttentionHandlers = {
  setMine(mine) {
    void loadAttention(mine);
  },
  step(delta) {
    const items = model.attention.list?.items ?? [];
    if (items.length === 0) return;
    const at = items.findIndex((item) => item.dealId !== '' && item.dealId === model.state?.deal?.id);
    const target = at < 0 ? (delta > 0 ? 0 : items.length - 1) : (at + delta + items.length) % items.length;
    const item = items[target];
    if (item) attentionHandlers.pick(item);
  },
  pick(item) {
    void selectDeal(item);
  },
};

/** The list afresh (deals change while it is open): one call, everyone's or the user's own. */
async function loadAttention(mine: boolean): Promise<void> {
  try {
    model.attention.list = await call('panelGetAttention', mine);
    model.error = null;
  } catch (error) {
    model.error = messageOf(error);
  }
  render();
}

/**
 * Next/previous: the server selects the deal's row in the sheet and answers
 * with its state (one call); meanwhile the panel is loading that row.
 */
async function selectDeal(item: AttentionItem): Promise<void> {
  if (model.busy || model.loading) return;
  model.loading = { sheet: model.state?.selection.sheet ?? '', row: item.row };
  model.flash = null;
  render();
  const token = ++issued;
  try {
    const state = await call('panelSelectDeal', item.dealId);
    if (token < applied) return;
    applied = token;
    applyState(state);
    model.error = null;
  } catch (error) {
    model.error = messageOf(error);
    model.loading = null;
  }
  render();
}

/** The deal on screen, or `null` while another row loads: an action then goes nowhere. */
function shownDeal() {
  return model.loading ? null : (model.state?.deal ?? null);
}

function render(): void {
  const focused = document.activeElement?.id ?? '';
  const t = strings(model.language);
  document.documentElement.lang = model.language;
  reloadButton.textContent = t.reload;
  attentionButton.textContent = t.attention;
  attentionButton.setAttribute('aria-expanded', String(model.attention.open));
  status.textContent = model.busy
    ? t.saving
    : model.loading
      ? t.loadingRow(model.loading.row)
      : model.state === null && model.error === null
        ? t.loading
        : '';
  const attention = attentionCard(
    { ...model.attention, dealId: model.state?.deal?.id ?? '', t },
    attentionHandlers,
  );
  replaceChildren(content, [attention, ...(model.loading ? [loadingCard(t, model.loading)] : body(t))]);
  setDisabled(model.busy || model.loading !== null);
  content.setAttribute('aria-busy', String(model.busy || model.loading !== null));
  if (focused) document.getElementById(focused)?.focus();
}

/** Instead of the old deal: it is no longer the selected one, so nothing of it can be acted on. */
function loadingCard(t: Strings, row: PanelSelection): HTMLElement {
  return el('p', { class: 'card notice', id: 'loading', role: 'status' }, t.loadingRow(row.row));
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
  // A won or lost deal owes nothing: its exit checklist would only be noise. A stage Stages
  // does not know has no checklist and no moves: what is left of the deal is still shown.
  const open = deal.open && deal.stageKnown;
  return [
    error,
    dealHeader(deal, view),
    problemsBox(view),
    flashBox(model.flash, 'top', view),
    stagePath(deal, view),
    dealFacts(deal, view),
    open ? checklist(view, handlers) : null,
    open ? requiredFields(state, view) : null,
    deal.stageKnown
      ? moveForm(deal, view, handlers)
      : el('p', { class: 'card notice', id: 'fix-stage' }, t.fixStage),
    entryEmails(view, handlers),
    openTasks(view, handlers),
    timeline(view),
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
  attentionButton.disabled = disabled;
}

function applyState(state: PanelState): void {
  const dealId = state.deal?.id ?? '';
  if (dealId !== model.draft.dealId) {
    model.draft = freshDraft(state);
  } else if (!state.stages.some((s) => s.name === model.draft.to && s.name !== state.deal?.stage)) {
    // The stage chosen before is gone or is where the deal is now: offer the next one again.
    model.draft.to = proposedStage(state);
  }
  model.state = state;
  model.language = state.language;
  // Every answer says which row it is for: the panel now shows that row, so it is loading nothing.
  selection = state.selection;
  model.loading = null;
}

/** Where the form proposes to move: the next stage; for a won or lost deal, the stage it was in before. */
function proposedStage(state: PanelState): string {
  return state.deal && !state.deal.open ? (state.reopenTo ?? '') : (state.next ?? '');
}

function freshDraft(state: PanelState): Draft {
  return { dealId: state.deal?.id ?? '', to: proposedStage(state), note: '', override: false, reason: '' };
}

/** One call: the selected row's whole state (the server reads the selection itself). */
async function refresh(): Promise<void> {
  const token = ++issued;
  try {
    const state = await call('panelGetState');
    if (token < applied) return;
    applied = token;
    if (state.deal?.id !== model.state?.deal?.id) model.flash = null;
    applyState(state);
    model.error = null;
  } catch (error) {
    model.error = messageOf(error);
    // The row it was loading is not shown, and the old deal is no longer the selected one: show neither.
    if (model.loading) model.state = null;
    model.loading = null;
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
      if (moved) model.draft = freshDraft(result.state);
    } else {
      // Refused because another row is selected: the message belongs above the deal now shown.
      const where = result.reason === 'selection' ? 'top' : near;
      model.flash = { kind: 'error', message: result.message, missing: result.missing, near: where };
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

/** Follows the selection: a cheap call every second, the full state only when the row changes or the last one failed. */
async function poll(): Promise<void> {
  try {
    if (!model.busy && inFlight() === 0 && document.visibilityState !== 'hidden') {
      const now = await call('panelGetSelection');
      const changed = !selection || now.sheet !== selection.sheet || now.row !== selection.row;
      // After a failed answer (no Stages sheet yet) it asks again, so the panel recovers once the sheets are set up or connected.
      if ((changed || model.error !== null) && !model.busy) {
        if (changed) {
          model.loading = now;
          model.flash = null;
          render();
        }
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
