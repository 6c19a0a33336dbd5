import type {
  RunLog as RunLogWire,
  SettingsSaveRequest,
  SettingsState as SettingsStateWire,
  Settings as SettingsWire,
} from '../shared/settings-protocol';
import { el, replaceChildren } from './dom';
import { formatInstant } from './format';
import { guessLanguage, type Strings, strings } from './i18n';
import { call, messageOf } from './server';

/**
 * The settings dialog: the team's notification and schedule settings, and
 * what the last daily check did (triggers send no failure emails, so this is
 * where a failed run shows). The server validates; its message is shown as is.
 */
const content = document.getElementById('content') as HTMLElement;

let current: SettingsStateWire | null = null;
let busy = false;
let flash: { kind: 'ok' | 'error'; message: string } | null = null;
// What the user submitted, kept when the server refuses it so nothing typed is lost.
let draft: SettingsSaveRequest | null = null;

function t(): Strings {
  return strings(current?.language ?? guessLanguage());
}

function render(): void {
  const s = t();
  document.documentElement.lang = current?.language ?? guessLanguage();
  if (!current) {
    replaceChildren(content, [
      flash
        ? el('div', { class: 'flash error', role: 'alert' }, flash.message)
        : el('p', { class: 'settings muted' }, s.loading),
    ]);
    return;
  }
  replaceChildren(content, [form(s, current)]);
}

/** The dialog's inputs, filled from what the user typed last (a refused save) or the stored settings. */
interface Controls {
  notifications: HTMLInputElement;
  email: HTMLTextAreaElement;
  runDaily: HTMLInputElement;
  hour: HTMLSelectElement;
  language: HTMLSelectElement;
  /** Kept as loaded until the dialog edits them. */
  lostReasons: string[];
}

function controls(s: Strings, state: SettingsStateWire): Controls {
  const settings = draft ?? state.settings;
  const notifications = el('input', {
    type: 'checkbox',
    id: 'notifications',
    checked: settings.notifications,
  });
  const email = el('textarea', { id: 'manager-email', rows: 2, autocomplete: 'email', spellcheck: false });
  email.value = settings.managerEmail.split(/,\s*/).join('\n');
  const runDaily = el('input', {
    type: 'checkbox',
    id: 'daily-checks',
    checked: draft?.dailyChecksOn ?? state.dailyChecksOn,
  });
  const hour = el('select', { id: 'daily-hour' });
  for (let h = 0; h < 24; h++) {
    const option = el('option', { value: h }, s.hour(h));
    option.selected = h === settings.dailyHour;
    hour.appendChild(option);
  }
  const language = el('select', { id: 'language' });
  for (const [value, label] of [
    ['auto', s.languageAuto],
    ['ko', '한국어'],
    ['en', 'English'],
  ] as const) {
    const option = el('option', { value }, label);
    option.selected = value === settings.languageChoice;
    language.appendChild(option);
  }
  return { notifications, email, runDaily, hour, language, lostReasons: settings.lostReasons ?? [] };
}

function requestOf(c: Controls, takeOver: boolean): SettingsSaveRequest {
  return {
    notifications: c.notifications.checked,
    managerEmail: c.email.value,
    dailyHour: Number(c.hour.value),
    languageChoice: c.language.value as SettingsWire['languageChoice'],
    lostReasons: c.lostReasons,
    dailyChecksOn: c.runDaily.checked || takeOver,
    ...(takeOver ? { takeOver: true } : {}),
  };
}

/** The daily check: on or off, its hour in the spreadsheet's zone, whose account runs it, and what does nothing. */
function scheduleRows(s: Strings, state: SettingsStateWire, c: Controls): (HTMLElement | null)[] {
  const run = state.dailyRun;
  const takeOver = run && !run.mine ? el('button', { type: 'button', id: 'take-over' }, s.takeOver) : null;
  takeOver?.addEventListener('click', () => void save(requestOf(c, true)));
  const notifications = (draft ?? state.settings).notifications;
  const warnNoChecks = notifications && !(draft?.dailyChecksOn ?? state.dailyChecksOn);
  return [
    el(
      'div',
      { class: 'row' },
      el('label', { class: 'check', for: 'daily-checks' }, c.runDaily, el('span', {}, s.runDaily)),
    ),
    el('div', { class: 'row' }, el('label', { for: 'daily-hour' }, s.dailyHour(state.timeZone)), c.hour),
    run
      ? el(
          'p',
          { class: 'muted', id: 'daily-owner' },
          s.runsFrom(run.owner, s.hour(run.hour), run.mine),
          run.mine ? null : ` ${s.takeOverHint}`,
        )
      : null,
    takeOver ? el('div', { class: 'row' }, takeOver) : null,
    warnNoChecks
      ? el('p', { class: 'flash warn', role: 'status', id: 'warn-no-checks' }, s.digestsWithoutChecks)
      : null,
  ];
}

function form(s: Strings, state: SettingsStateWire): HTMLFormElement {
  const c = controls(s, state);
  const close = el('button', { type: 'button', id: 'close' }, s.close);
  close.addEventListener('click', () => google.script.host.close());
  const node = el(
    'form',
    { class: 'settings', novalidate: true, 'aria-busy': String(busy) },
    flash
      ? el(
          'div',
          {
            class: `flash ${flash.kind}`,
            role: flash.kind === 'error' ? 'alert' : 'status',
            id: 'flash',
            tabindex: -1,
          },
          flash.message,
        )
      : null,
    el(
      'div',
      { class: 'row' },
      el('label', { class: 'check', for: 'notifications' }, c.notifications, el('span', {}, s.notifications)),
    ),
    el('div', { class: 'row' }, el('label', { for: 'manager-email' }, s.managerEmail), c.email),
    ...scheduleRows(s, state, c),
    state.settingsProblem
      ? el('p', { class: 'flash error', role: 'alert', id: 'settings-problem' }, state.settingsProblem)
      : null,
    el('div', { class: 'row' }, el('label', { for: 'language' }, s.language), c.language),
    lastRun(s, state),
    el(
      'div',
      { class: 'actions' },
      busy ? el('span', { class: 'status', role: 'status' }, s.saving) : null,
      close,
      el('button', { type: 'submit', class: 'primary', id: 'save' }, s.save),
    ),
  );
  node.addEventListener('submit', (event) => {
    event.preventDefault();
    void save(requestOf(c, false));
  });
  if (busy)
    for (const control of node.querySelectorAll<HTMLInputElement>('input, select, button'))
      control.disabled = true;
  return node;
}

/** Whether the daily check is scheduled, and what its last run did. */
function lastRun(s: Strings, state: SettingsStateWire): HTMLElement {
  const log: RunLogWire | null = state.lastRun;
  const tag = state.language === 'ko' ? 'ko-KR' : 'en-US';
  const rows: [string, Node | string][] = [[s.dailyChecks, state.dailyChecksOn ? s.checksOn : s.checksOff]];
  if (!log && state.lastRunProblem)
    rows.push([s.lastRun, el('span', { class: 'late', id: 'last-run-problem' }, state.lastRunProblem)]);
  else if (!log) rows.push([s.lastRun, s.never]);
  else {
    rows.push([s.lastRun, `${formatInstant(log.at, tag)} (${s.trigger[log.trigger] ?? log.trigger})`]);
    rows.push(['', el('span', { class: log.ok ? '' : 'late' }, log.ok ? s.runOk : s.runFailed)]);
    const counts = s.counts({
      deals: log.deals,
      stale: log.stale,
      overdue: log.overdue,
      tasks: log.tasksCreated,
      emails: log.emailsSent,
    });
    if (counts) rows.push(['', counts]);
    if (log.emailsSkipped) rows.push(['', el('span', { class: 'late' }, s.emailsSkipped(log.emailsSkipped))]);
    if (log.emailsFailed)
      rows.push([
        '',
        el('span', { class: 'late' }, s.emailsFailed(log.emailsFailed, (log.emailFailures ?? []).join('; '))),
      ]);
    if (log.loggedLate) rows.push(['', s.loggedLate(log.loggedLate)]);
    for (const warning of log.warnings ?? []) rows.push(['', el('span', { class: 'late' }, warning)]);
    if (log.error) rows.push(['', el('span', { class: 'flash error' }, log.error)]);
  }
  if (state.mailQuota !== null) rows.push(['', s.mailQuota(state.mailQuota)]);
  return el(
    'section',
    { class: 'card run', 'aria-labelledby': 'run-h' },
    el('h2', { id: 'run-h' }, s.runSection),
    el('dl', {}, ...rows.flatMap(([label, value]) => [el('dt', {}, label), el('dd', {}, value)])),
  );
}

async function save(settings: SettingsSaveRequest): Promise<void> {
  busy = true;
  flash = null;
  draft = settings;
  render();
  try {
    current = await call('settingsSave', settings);
    draft = null;
    flash = { kind: 'ok', message: t().saved };
  } catch (error) {
    flash = { kind: 'error', message: messageOf(error) };
  }
  busy = false;
  render();
  document.getElementById(flash?.kind === 'error' ? 'flash' : 'save')?.focus();
}

async function load(): Promise<void> {
  render();
  try {
    current = await call('settingsGetState');
  } catch (error) {
    flash = { kind: 'error', message: t().serverError(messageOf(error)) };
  }
  render();
}

void load();
