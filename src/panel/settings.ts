import type {
  SettingsSaveRequest,
  SettingsState as SettingsStateWire,
  Settings as SettingsWire,
} from '../shared/settings-protocol';
import { dialogPage, disableWhileBusy, type Flash, fetchState, flashBox } from './dialog';
import { el } from './dom';
import { guessLanguage, type Strings, strings } from './i18n';
import { call, messageOf } from './server';
import {
  type Choices,
  idleChoices,
  idleText,
  lostReasonsField,
  lostReasonsToSave,
  showWarnings,
  type WarningSlot,
  warningSlot,
} from './settings-choices';
import { type SettingsStrings, settingsStrings } from './settings-i18n';
import { lastRun } from './settings-last-run';

/**
 * The settings dialog: the team's notification and schedule settings, and
 * what the last daily check did (triggers send no failure emails, so this is
 * where a failed run shows). The server validates; its message is shown as is.
 */
const content = document.getElementById('content') as HTMLElement;

let current: SettingsStateWire | null = null;
let busy = false;
let flash: Flash | null = null;
// What the user submitted, kept when the server refuses it so nothing typed is lost.
let draft: SettingsSaveRequest | null = null;

const page = dialogPage({
  content,
  textsOf: strings,
  now: () => ({ state: current, flash }),
  // The host's title bar names the dialog visually; the page still needs its own h1 (axe page-has-heading-one).
  lead: (s) => el('h1', { class: 'visually-hidden' }, s.settings),
  form,
});
const t = page.texts;
const render = page.render;

function ts(): SettingsStrings {
  return settingsStrings(current?.language ?? guessLanguage());
}

/** The dialog's inputs, filled from what the user typed last (a refused save) or the stored settings. */
interface Controls {
  notifications: HTMLInputElement;
  email: HTMLTextAreaElement;
  runDaily: HTMLInputElement;
  hour: HTMLSelectElement;
  language: HTMLSelectElement;
  lostReasons: HTMLTextAreaElement;
  lostReasonsField: HTMLElement;
  autoSend: HTMLInputElement;
  /** The warnings next to choices that do nothing, kept up to date as the user changes them. */
  warnings: WarningSlot[];
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
  const lost = lostReasonsField(ts(), settings.lostReasons ?? [], state.defaultLostReasons);
  const autoSend = el('input', {
    type: 'checkbox',
    id: 'auto-send',
    checked: settings.autoSendEntryEmails === true,
  });
  const warnings = [
    warningSlot('warn-no-checks', notifications, runDaily),
    warningSlot('warn-managers', email, notifications),
    warningSlot('warn-hour', hour, runDaily),
  ];
  const c: Controls = {
    notifications,
    email,
    runDaily,
    hour,
    language,
    lostReasons: lost.box,
    lostReasonsField: lost.field,
    autoSend,
    warnings,
  };
  const refresh = () => showWarnings(ts(), warnings, choicesOf(c));
  for (const control of [notifications, runDaily]) control.addEventListener('change', refresh);
  email.addEventListener('input', refresh);
  refresh();
  return c;
}

function choicesOf(c: Controls): Choices {
  return {
    notifications: c.notifications.checked,
    dailyChecksOn: c.runDaily.checked,
    managerEmail: c.email.value,
  };
}

function requestOf(c: Controls, takeOver: boolean): SettingsSaveRequest {
  return {
    notifications: c.notifications.checked,
    managerEmail: c.email.value,
    dailyHour: Number(c.hour.value),
    languageChoice: c.language.value as SettingsWire['languageChoice'],
    lostReasons: lostReasonsToSave(c.lostReasons.value, current?.defaultLostReasons ?? []),
    autoSendEntryEmails: c.autoSend.checked,
    dailyChecksOn: c.runDaily.checked || takeOver,
    ...(takeOver ? { takeOver: true } : {}),
  };
}

/** The daily check: on or off, its hour in the spreadsheet's zone, whose account runs it, and what does nothing. */
function scheduleRows(s: Strings, state: SettingsStateWire, c: Controls): (HTMLElement | null)[] {
  const run = state.dailyRun;
  const takeOver = run && !run.mine ? el('button', { type: 'button', id: 'take-over' }, s.takeOver) : null;
  takeOver?.addEventListener('click', () => void save(requestOf(c, true)));
  const [noChecks, , hourUnused] = c.warnings;
  return [
    el(
      'div',
      { class: 'row' },
      el('label', { class: 'check', for: 'daily-checks' }, c.runDaily, el('span', {}, s.runDaily)),
    ),
    noChecks?.region ?? null,
    el(
      'div',
      { class: 'row' },
      el('label', { for: 'daily-hour' }, s.dailyHour(state.timeZone)),
      c.hour,
      el('p', { class: 'hint', id: 'zone-hint' }, ts().checksTimeZone(state.timeZone)),
    ),
    hourUnused?.region ?? null,
    run
      ? el(
          'p',
          { class: 'muted', id: 'daily-owner' },
          // The zone beside the hour: the owner's account may be set to another zone than the spreadsheet.
          s.runsFrom(run.owner, `${s.hour(run.hour)} (${run.timeZone})`, run.mine),
          run.mine ? null : ` ${s.takeOverHint}`,
        )
      : null,
    takeOver ? el('div', { class: 'row' }, takeOver) : null,
  ];
}

function form(s: Strings, state: SettingsStateWire): HTMLFormElement {
  const c = controls(s, state);
  const close = el('button', { type: 'button', id: 'close' }, s.close);
  close.addEventListener('click', () => google.script.host.close());
  const node = el(
    'form',
    { class: 'settings', novalidate: true, 'aria-busy': String(busy) },
    flash ? flashBox(flash) : null,
    el(
      'div',
      { class: 'row' },
      el('label', { class: 'check', for: 'notifications' }, c.notifications, el('span', {}, s.notifications)),
    ),
    el('div', { class: 'row' }, el('label', { for: 'manager-email' }, s.managerEmail), c.email),
    c.warnings[1]?.region,
    ...scheduleRows(s, state, c),
    c.lostReasonsField,
    el(
      'div',
      { class: 'row' },
      el('label', { class: 'check', for: 'auto-send' }, c.autoSend, el('span', {}, s.autoSendEntryEmails)),
    ),
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
  return disableWhileBusy(node, busy);
}

async function save(settings: SettingsSaveRequest): Promise<void> {
  busy = true;
  flash = null;
  draft = settings;
  render();
  try {
    current = await call('settingsSave', settings);
    draft = null;
    flash = savedFlash(current);
  } catch (error) {
    flash = { kind: 'error', message: messageOf(error) };
  }
  busy = false;
  render();
  document.getElementById(flash?.kind === 'error' ? 'flash' : 'save')?.focus();
}

/**
 * What a save did, from the server's answer (what is stored and scheduled
 * now, not what was asked): the schedule, and every choice that does nothing.
 */
function savedFlash(state: SettingsStateWire): { kind: 'ok' | 'warn'; message: string } {
  const s = ts();
  const run = state.dailyRun;
  const parts = [s.saved, run ? s.savedChecksOn(t().hour(run.hour), run.timeZone) : s.savedChecksOff];
  const idle = idleChoices({
    notifications: state.settings.notifications,
    dailyChecksOn: state.dailyChecksOn,
    managerEmail: state.settings.managerEmail,
  }).filter((choice) => choice !== 'warn-hour'); // "The daily check is off." says it already
  if (idle.length === 0) return { kind: 'ok', message: parts.join(' ') };
  return { kind: 'warn', message: [...parts, s.savedButNote, ...idle.map((i) => idleText(s, i))].join(' ') };
}

async function load(): Promise<void> {
  render();
  ({ state: current, flash } = await fetchState(() => call('settingsGetState'), t().serverError));
  render();
}

void load();
