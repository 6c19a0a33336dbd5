import type { PanelState } from '../shared/panel-protocol';
import { el, section } from './dom';
import { formatDay } from './format';
import type { Handlers, PanelView } from './view';

/**
 * The current stage's exit criteria as checkboxes. Ids are positional so a
 * re-render can put keyboard focus back where it was.
 */
export function checklist(view: PanelView, on: Handlers): HTMLElement {
  const { t, state } = view;
  const done = state.checklist.filter((c) => c.done).length;
  if (state.checklist.length === 0)
    return section('checklist', t.checklist, el('p', { class: 'muted' }, t.noCriteria));
  const list = el('ul', { class: 'checks' });
  state.checklist.forEach((item, i) => {
    const box = el('input', { type: 'checkbox', id: `crit-${i}`, checked: item.done });
    box.addEventListener('change', () => on.tickCriterion(item.criterion, box.checked));
    list.appendChild(
      el(
        'li',
        {},
        el(
          'label',
          { class: `check${item.done ? ' is-done' : ''}`, for: `crit-${i}` },
          box,
          el('span', {}, item.criterion),
        ),
      ),
    );
  });
  const heading = el(
    'span',
    {},
    t.checklist,
    ' ',
    el('span', { class: 'count' }, t.checklistCount(done, state.checklist.length)),
  );
  return section('checklist', heading, list);
}

/** Deals columns this stage needs before the deal may leave it. */
export function requiredFields(state: PanelState, view: PanelView): HTMLElement | null {
  const { t } = view;
  if (state.requiredFields.length === 0) return null;
  return section(
    'fields',
    t.requiredFields,
    el(
      'ul',
      { class: 'fields' },
      ...state.requiredFields.map((f) =>
        el(
          'li',
          { class: f.filled ? 'is-filled' : 'is-empty' },
          el('span', { class: 'mark', 'aria-hidden': 'true' }, f.filled ? '✓' : '!'),
          el('span', { class: 'field-name' }, f.field),
          el('span', { class: 'field-state' }, f.filled ? t.filled : t.empty),
        ),
      ),
    ),
  );
}

/** The deal's other open tasks, overdue ones first (the server orders them); ticking one marks it Done in Tasks. */
export function openTasks(view: PanelView, on: Handlers): HTMLElement {
  const { t, state, tag } = view;
  if (state.openTasks.length === 0)
    return section('tasks', t.openTasks, el('p', { class: 'muted' }, t.noTasks));
  const list = el('ul', { class: 'checks tasks' });
  state.openTasks.forEach((task, i) => {
    const box = el('input', { type: 'checkbox', id: `task-${i}`, checked: task.done });
    box.addEventListener('change', () => on.tickTask(task, box.checked));
    const late = task.overdueDays > 0;
    list.appendChild(
      el(
        'li',
        {},
        el(
          'label',
          { class: 'check', for: `task-${i}` },
          box,
          el(
            'span',
            {},
            el('span', { class: 'task-name' }, task.task),
            el(
              'span',
              { class: 'task-meta' },
              task.due !== ''
                ? el('span', { class: late ? 'late' : '' }, t.due(formatDay(task.due, tag)))
                : null,
              late ? ' · ' : null,
              late ? el('span', { class: 'late task-overdue' }, t.overdueBy(task.overdueDays)) : null,
              task.due !== '' && t.source[task.source] ? ' · ' : null,
              t.source[task.source] ?? null,
            ),
          ),
        ),
      ),
    );
  });
  return section('tasks', t.openTasks, list);
}

/**
 * The entry emails of this stay, drafted for the deal's contact: who it goes
 * to, the subject and the message as it will be sent, and one Send button
 * (disabled, with the reason, when there is no contact to send to).
 */
export function entryEmails(view: PanelView, on: Handlers): HTMLElement | null {
  const { t, state } = view;
  if (state.emails.length === 0) return null;
  const list = el('ul', { class: 'emails' });
  state.emails.forEach((email, i) => {
    const send = el('button', { type: 'button', id: `email-send-${i}`, class: 'primary' }, t.sendEmail);
    send.disabled = email.problem !== null;
    if (email.problem) send.setAttribute('aria-describedby', `email-problem-${i}`);
    send.addEventListener('click', () => on.sendEmail(email));
    list.appendChild(
      el(
        'li',
        { class: 'email', id: `email-${i}` },
        el('p', { class: 'email-to' }, t.emailTo(email.to === '' ? '—' : email.to)),
        el('p', { class: 'email-subject' }, el('strong', {}, email.subject)),
        el('pre', { class: 'email-body' }, email.body),
        email.problem ? el('p', { class: 'flash error', id: `email-problem-${i}` }, email.problem) : null,
        send,
      ),
    );
  });
  return section('emails', t.entryEmails, list);
}
