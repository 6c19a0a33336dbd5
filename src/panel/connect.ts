import type {
  ConnectField,
  ConnectSaveRequest,
  ConnectStage,
  ConnectState,
} from '../shared/connect-protocol';
import { type ConnectStrings, connectStrings } from './connect-i18n';
import { dialogPage, disableWhileBusy, type Flash, fetchState, flashBox } from './dialog';
import { el, section } from './dom';
import { call, messageOf } from './server';

/**
 * The Connect your sheet dialog (SPEC §4): the team's sheet, every field
 * with the header it maps to and how its values read, and, without a Stages
 * sheet, the stages its deals propose. Every change asks the server how the
 * sheet reads now; nothing is saved until Connect.
 */
const content = document.getElementById('content') as HTMLElement;

let current: ConnectState | null = null;
let busy: 'loading' | 'previewing' | 'saving' | null = 'loading';
let flash: Flash | null = null;
// The user's stage choices by stage name, kept across previews so nothing typed is lost.
const stageEdits = new Map<string, { outcome: ConnectStage['outcome']; probability: string }>();
// Answers to an earlier preview are dropped once a newer one was asked.
let asked = 0;

const page = dialogPage({
  content,
  textsOf: connectStrings,
  now: () => ({ state: current, flash }),
  status: (t) => (busy ? t[busy] : ''),
  form,
});
const s = page.texts;
const render = page.render;

function form(t: ConnectStrings, state: ConnectState): HTMLFormElement {
  const node = el(
    'form',
    { class: 'settings connect', novalidate: true, 'aria-busy': String(busy !== null) },
    flash ? flashBox(flash) : null,
    el('p', { class: 'muted' }, t.intro),
    sheetPicker(t, state),
    columnsCard(t, state),
    readingCard(t, state),
    stagesCard(t, state),
    actions(t, state),
  );
  node.addEventListener('submit', (event) => {
    event.preventDefault();
    void save();
  });
  return disableWhileBusy(node, busy === 'saving');
}

function sheetPicker(t: ConnectStrings, state: ConnectState): HTMLElement {
  const select = el('select', { id: 'sheet' });
  for (const sheet of state.sheets) {
    const option = el('option', { value: sheet.name }, `${sheet.name} — ${t.fits(sheet.score)}`);
    option.selected = sheet.name === state.sheet;
    select.appendChild(option);
  }
  // Another sheet starts from its own headers: the earlier sheet's choices do not apply to it.
  select.addEventListener('change', () => void preview(select.value, {}));
  return el(
    'div',
    { class: 'row' },
    el('label', { for: 'sheet' }, t.sheet),
    select,
    el('p', { class: 'hint', id: 'header-row' }, t.headerRow(state.headerRow)),
  );
}

/**
 * The map the dialog shows: every field with the header it reads, and `''`
 * for a field the user set to "(none)". A field no header matched is left
 * out, so a column the team adds later under a known name is still found.
 */
function mapOf(state: ConnectState): Record<string, string> {
  const map: Record<string, string> = {};
  for (const f of state.fields) {
    if (f.header !== null) map[f.field] = f.header;
    else if (f.unmapped) map[f.field] = '';
  }
  return map;
}

function columnsCard(t: ConnectStrings, state: ConnectState): HTMLElement {
  const rows = state.fields.map((f) => fieldRow(t, state, f));
  return section(
    'columns',
    t.columnsSection,
    el(
      'table',
      { class: 'map', id: 'fields' },
      el('thead', {}, el('tr', {}, el('th', {}, t.field), el('th', {}, t.column), el('th', {}, t.samples))),
      el('tbody', {}, ...rows),
    ),
    state.problem ? el('p', { class: 'flash error', role: 'alert', id: 'problem' }, state.problem) : null,
    state.fields.some((f) => f.field === 'dealId' && f.header === null)
      ? el('p', { class: 'flash warn', id: 'no-deal-id' }, t.noDealId)
      : null,
  );
}

function fieldRow(t: ConnectStrings, state: ConnectState, f: ConnectField): HTMLElement {
  const id = `field-${f.field}`;
  const select = el('select', { id, 'data-field': f.field });
  const choices = ['', ...state.headers.filter((h) => h !== '')];
  for (const header of choices) {
    const option = el('option', { value: header }, header === '' ? t.none : header);
    option.selected = header === (f.header ?? '');
    select.appendChild(option);
  }
  select.addEventListener('change', () => {
    const map = mapOf(state);
    map[f.field] = select.value;
    void preview(state.sheet, map);
  });
  const samples =
    f.samples.length === 0
      ? el('span', { class: 'muted' }, f.header === null ? '' : t.noValues)
      : el(
          'ul',
          { class: 'samples' },
          ...f.samples.map((v) => el('li', {}, el('span', { class: 'raw' }, v.raw), ' → ', v.read)),
        );
  return el(
    'tr',
    { class: f.problem ? 'has-problem' : '' },
    el(
      'th',
      { scope: 'row' },
      el('label', { for: id }, f.label),
      f.required ? el('span', { class: 'muted' }, ` (${t.required})`) : null,
    ),
    el('td', {}, select),
    el('td', {}, samples, f.problem ? el('p', { class: 'late', 'data-problem': f.field }, f.problem) : null),
  );
}

function readingCard(t: ConnectStrings, state: ConnectState): HTMLElement {
  return section(
    'reading',
    t.readingSection,
    el('p', { id: 'amount-unit' }, t.amountUnit(state.amountUnit)),
    el('p', { id: 'currency' }, state.currency ? t.currency(state.currency) : t.noCurrency),
    el('p', { id: 'date-order' }, t.dateOrder[state.dateOrder] ?? state.dateOrder),
  );
}

function stagesCard(t: ConnectStrings, state: ConnectState): HTMLElement | null {
  if (state.stagesSheet !== null)
    return section(
      'stages',
      t.stagesSection,
      el('p', { id: 'uses-stages' }, t.usesStages(state.stagesSheet)),
    );
  if (!state.proposedStages) return null;
  const blank = state.proposedStages
    .map(stageEdit)
    .filter((e) => e.outcome === 'open' && e.probability.trim() === '').length;
  return section(
    'stages',
    t.stagesSection,
    el('p', { class: 'muted' }, t.proposedIntro),
    el(
      'table',
      { class: 'map', id: 'proposed-stages' },
      el(
        'thead',
        {},
        el(
          'tr',
          {},
          el('th', {}, t.stage),
          el('th', {}, t.outcome),
          el('th', {}, t.probability),
          el('th', {}, t.deals),
          el('th', {}, t.basis),
        ),
      ),
      el('tbody', {}, ...state.proposedStages.map((stage, i) => stageRow(t, stage, i))),
    ),
    blank > 0
      ? el('p', { class: 'flash warn', id: 'blank-probabilities' }, t.blankProbabilities(blank))
      : null,
  );
}

function stageEdit(stage: ConnectStage): { outcome: ConnectStage['outcome']; probability: string } {
  return (
    stageEdits.get(stage.stage) ?? {
      outcome: stage.outcome,
      probability: stage.probability === null ? '' : String(Math.round(stage.probability * 1000) / 10),
    }
  );
}

function stageRow(t: ConnectStrings, stage: ConnectStage, i: number): HTMLElement {
  const edit = stageEdit(stage);
  const outcome = el('select', { id: `outcome-${i}`, 'aria-label': `${t.outcome}: ${stage.stage}` });
  for (const value of ['open', 'won', 'lost'] as const) {
    const option = el('option', { value }, t.outcomes[value] ?? value);
    option.selected = value === edit.outcome;
    outcome.appendChild(option);
  }
  const probability = el('input', {
    id: `probability-${i}`,
    type: 'text',
    inputmode: 'decimal',
    size: 5,
    value: edit.probability,
    'aria-label': `${t.probability}: ${stage.stage}`,
    'data-stage': stage.stage,
  });
  probability.disabled = edit.outcome !== 'open';
  const remember = () =>
    stageEdits.set(stage.stage, {
      outcome: outcome.value as ConnectStage['outcome'],
      probability: probability.value,
    });
  outcome.addEventListener('change', () => {
    remember();
    render();
  });
  probability.addEventListener('input', remember);
  return el(
    'tr',
    {},
    el('th', { scope: 'row' }, stage.stage),
    el('td', {}, outcome),
    el('td', {}, probability),
    el('td', { class: 'count' }, stage.deals),
    el('td', { class: 'muted' }, stage.basis),
  );
}

/** The proposed stages as the user left them; a probability that is not 0..100 is refused by name. */
function proposedRequest(state: ConnectState): NonNullable<ConnectSaveRequest['stages']> {
  return (state.proposedStages ?? []).map((stage) => {
    const edit = stageEdit(stage);
    // A won stage is certain and a lost one hopeless: their probabilities are not the user's to pick.
    if (edit.outcome !== 'open')
      return { stage: stage.stage, outcome: edit.outcome, probability: edit.outcome === 'won' ? 1 : 0 };
    const text = edit.probability.replace('%', '').trim();
    const percent = Number(text.replace(',', '.'));
    if (text !== '' && (!Number.isFinite(percent) || percent < 0 || percent > 100))
      throw new Error(s().probabilityInvalid(stage.stage));
    return {
      stage: stage.stage,
      outcome: 'open',
      probability: text === '' ? null : Math.round(percent * 10) / 1000,
    };
  });
}

function actions(t: ConnectStrings, state: ConnectState): HTMLElement {
  const close = el('button', { type: 'button', id: 'close' }, t.close);
  close.addEventListener('click', () => google.script.host.close());
  const save = el(
    'button',
    { type: 'submit', class: 'primary', id: 'save' },
    state.connected ? t.reconnect : t.connect,
  );
  save.disabled = state.problem !== null || busy !== null;
  return el(
    'div',
    { class: 'actions' },
    state.connected ? el('span', { class: 'muted', id: 'is-connected' }, t.isConnected) : null,
    close,
    save,
  );
}

async function preview(sheet: string, map: Record<string, string>): Promise<void> {
  const mine = ++asked;
  busy = 'previewing';
  flash = null;
  render();
  try {
    const next = await call('connectPreview', { sheet, map });
    if (mine !== asked) return;
    current = next;
  } catch (error) {
    if (mine !== asked) return;
    flash = { kind: 'error', message: messageOf(error) };
  }
  busy = null;
  render();
}

async function save(): Promise<void> {
  if (!current || busy) return;
  let stages: ConnectSaveRequest['stages'];
  try {
    stages = current.stagesSheet === null && current.proposedStages ? proposedRequest(current) : null;
  } catch (error) {
    flash = { kind: 'error', message: messageOf(error) };
    render();
    document.getElementById('flash')?.focus();
    return;
  }
  busy = 'saving';
  flash = null;
  render();
  try {
    current = await call('connectSave', { sheet: current.sheet, map: mapOf(current), stages });
    flash = { kind: 'ok', message: s().connected };
  } catch (error) {
    flash = { kind: 'error', message: messageOf(error) };
  }
  busy = null;
  render();
  document.getElementById('flash')?.focus();
}

async function load(): Promise<void> {
  render();
  ({ state: current, flash } = await fetchState(() => call('connectGetState'), s().serverError));
  busy = null;
  render();
}

void load();
