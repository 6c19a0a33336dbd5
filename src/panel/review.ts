import type {
  ReviewApplyResult,
  ReviewChange,
  ReviewField,
  ReviewStage,
  ReviewState,
  ReviewValue,
} from '../shared/review-protocol';
import { dialogPage, disableWhileBusy, type Flash, fetchState, flashBox } from './dialog';
import { el } from './dom';
import { type ReviewStrings, reviewStrings } from './review-i18n';
import { callReview } from './review-server';
import { REVIEW_CSS } from './review-style';
import { messageOf } from './server';

/**
 * The Review win probabilities dialog (SPEC §4): per open stage, the Stages
 * probability and stale threshold beside the history's estimates, with a
 * tick box per value. Nothing is ticked at first; Apply sends the ticked
 * values with what the dialog showed, and shows what the server wrote.
 */
const content = document.getElementById('content') as HTMLElement;
document.head.appendChild(el('style', {}, REVIEW_CSS));

let current: ReviewState | null = null;
let busy: 'loading' | 'applying' | null = 'loading';
let flash: (Flash & { readonly result: ReviewApplyResult | null }) | null = null;
// The ticked values by stage and field, with the values they were ticked at.
const ticked = new Map<string, ReviewChange>();

const keyOf = (pipeline: string, stage: string, field: ReviewField) =>
  `${pipeline}\u0000${stage}\u0000${field}`;

const page = dialogPage({
  content,
  textsOf: reviewStrings,
  now: () => ({ state: current, flash }),
  status: (t) => (busy ? t[busy] : ''),
  form,
});
const s = page.texts;
const render = page.render;

function form(t: ReviewStrings, state: ReviewState): HTMLFormElement {
  const stages = state.pipelines.reduce((n, p) => n + p.stages.length, 0);
  const node = el(
    'form',
    { class: 'settings review', novalidate: true, 'aria-busy': String(busy !== null) },
    flash ? appliedBox(t, flash) : null,
    el('p', { class: 'muted' }, t.intro),
    el('p', { class: 'hint', id: 'as-of' }, t.asOf(state.asOf, state.stagesSheet)),
    state.unreadHistoryRows > 0
      ? el('p', { class: 'flash warn', id: 'unread' }, t.unread(state.unreadHistoryRows))
      : null,
    stages === 0 ? el('p', { class: 'card notice', id: 'no-stages' }, t.noStages) : null,
    ...state.pipelines.map((p, g) => pipelineGroup(t, state, p, g)),
    actions(t),
  );
  node.addEventListener('submit', (event) => {
    event.preventDefault();
    void apply();
  });
  return disableWhileBusy(node, busy !== null);
}

/** The apply's message, and the cells it wrote, so a lead can check each one. */
function appliedBox(t: ReviewStrings, f: NonNullable<typeof flash>): HTMLElement {
  const written = f.result?.written ?? [];
  return flashBox(
    f,
    written.length === 0
      ? []
      : [
          el('p', { class: 'flash-heading' }, t.written),
          el(
            'ul',
            { class: 'written', id: 'written' },
            ...written.map((w) =>
              el('li', {}, `${w.cell} · ${w.stage} · ${w.label}: ${w.oldText} → ${w.newText}`),
            ),
          ),
        ],
  );
}

/** The stages of one pipeline; under a heading only when Stages names pipelines. */
function pipelineGroup(t: ReviewStrings, state: ReviewState, p: ReviewState['pipelines'][number], g: number) {
  const cards = p.stages.map((stage, i) => stageCard(t, stage, `${g}-${i}`));
  if (!state.grouped) return el('div', { class: 'pipeline-group' }, ...cards);
  return el(
    'section',
    { class: 'pipeline-group', 'aria-labelledby': `pipeline-${g}-h`, 'data-pipeline': p.name },
    el('h2', { id: `pipeline-${g}-h` }, t.pipeline(p.name)),
    ...cards,
  );
}

function stageCard(t: ReviewStrings, stage: ReviewStage, id: string): HTMLElement {
  return el(
    'fieldset',
    {
      class: 'card review-stage',
      id: `stage-${id}`,
      'data-stage': stage.stage,
      'data-pipeline': stage.pipeline,
    },
    el(
      'legend',
      {},
      el('span', { class: 'stage-name' }, stage.stage),
      stage.flag
        ? el(
            'span',
            { class: 'badge danger review-flag', 'data-flag': 'outside' },
            el('span', { 'aria-hidden': 'true' }, '⚠ '),
            stage.flag,
          )
        : null,
    ),
    el(
      'div',
      { class: 'review-values' },
      valueBlock(t, stage, stage.probability, `${id}-probability`, [
        [t.inStages, stage.probability.currentText, 'current'],
        [t.estimated, stage.estimateText, 'estimate'],
      ]),
      valueBlock(t, stage, stage.staleAfter, `${id}-staleAfter`, [
        [t.inStages, stage.staleAfter.currentText, 'current'],
        [t.suggested, stage.staleAfter.proposedText, 'suggested'],
      ]),
    ),
    el('p', { class: 'hint evidence' }, `${t.basis}: ${stage.evidence}`),
  );
}

/** One value of a stage: what Stages says, what the history says, and its tick box (or why there is none). */
function valueBlock(
  t: ReviewStrings,
  stage: ReviewStage,
  value: ReviewValue,
  id: string,
  facts: [string, string, string][],
): HTMLElement {
  const probability = value.field === 'probability';
  const rows = facts.flatMap(([label, text, cls]) => [el('dt', {}, label), el('dd', { class: cls }, text)]);
  return el(
    'div',
    {
      class: `review-value${probability && stage.outsideInterval ? ' is-outside' : ''}`,
      role: 'group',
      'aria-labelledby': `h-${id}`,
      'data-field': value.field,
    },
    el('h3', { id: `h-${id}` }, probability ? t.probability : t.staleAfter),
    el('dl', {}, ...rows),
    probability && stage.intervalText !== '' ? el('p', { class: 'hint interval' }, stage.intervalText) : null,
    tick(t, stage, value, id),
    value.unavailable ? el('p', { class: 'hint why', id: `why-${id}` }, value.unavailable) : null,
  );
}

function tick(t: ReviewStrings, stage: ReviewStage, value: ReviewValue, id: string): HTMLElement {
  const key = keyOf(stage.pipeline, stage.stage, value.field);
  const box = el('input', {
    type: 'checkbox',
    id: `apply-${id}`,
    'data-field': value.field,
    'aria-describedby': value.unavailable ? `why-${id}` : undefined,
  });
  box.checked = ticked.has(key);
  box.disabled = value.unavailable !== null || value.proposed === null;
  box.addEventListener('change', () => {
    if (box.checked && value.proposed !== null)
      ticked.set(key, {
        pipeline: stage.pipeline,
        stage: stage.stage,
        field: value.field,
        current: value.current,
        proposed: value.proposed,
      });
    else ticked.delete(key);
    updateApply();
  });
  return el(
    'label',
    { class: `review-tick${box.disabled ? ' is-unavailable' : ''}`, for: `apply-${id}` },
    box,
    el('span', {}, t.change(value.proposedText)),
  );
}

function actions(t: ReviewStrings): HTMLElement {
  const close = el('button', { type: 'button', id: 'close' }, t.close);
  close.addEventListener('click', () => google.script.host.close());
  const apply = el('button', { type: 'submit', class: 'primary', id: 'apply' }, t.apply(ticked.size));
  apply.disabled = ticked.size === 0 || busy !== null;
  return el(
    'div',
    { class: 'actions' },
    el(
      'span',
      { class: 'hint', id: 'apply-hint', 'aria-live': 'polite' },
      ticked.size === 0 ? t.noneTicked : '',
    ),
    close,
    apply,
  );
}

/** Ticking changes only the Apply button and its hint: a re-render would move the keyboard focus. */
function updateApply(): void {
  const t = s();
  const button = document.getElementById('apply') as HTMLButtonElement | null;
  if (button) {
    button.textContent = t.apply(ticked.size);
    button.disabled = ticked.size === 0 || busy !== null;
  }
  const hint = document.getElementById('apply-hint');
  if (hint) hint.textContent = ticked.size === 0 ? t.noneTicked : '';
}

/** After the server answers: keep only the ticks whose value the new state still offers, unchanged. */
function keepValidTicks(state: ReviewState): void {
  const offered = new Map<string, ReviewValue>();
  for (const p of state.pipelines)
    for (const stage of p.stages)
      for (const value of [stage.probability, stage.staleAfter])
        offered.set(keyOf(stage.pipeline, stage.stage, value.field), value);
  for (const [key, change] of ticked) {
    const value = offered.get(key);
    if (
      !value ||
      value.unavailable !== null ||
      value.current !== change.current ||
      value.proposed !== change.proposed
    )
      ticked.delete(key);
  }
}

async function apply(): Promise<void> {
  if (!current || busy || ticked.size === 0) return;
  busy = 'applying';
  flash = null;
  render();
  try {
    const result = await callReview('reviewApply', { changes: [...ticked.values()] });
    if (result.ok) ticked.clear();
    current = result.state;
    keepValidTicks(result.state);
    flash = { kind: result.ok ? 'ok' : 'error', message: result.message, result };
  } catch (error) {
    flash = { kind: 'error', message: messageOf(error), result: null };
  }
  busy = null;
  render();
  document.getElementById('flash')?.focus();
}

async function load(): Promise<void> {
  render();
  const loaded = await fetchState(() => callReview('reviewGetState'), s().serverError);
  current = loaded.state;
  flash = loaded.flash && { ...loaded.flash, result: null };
  busy = null;
  render();
}

void load();
