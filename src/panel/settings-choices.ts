import { el, replaceChildren } from './dom';
import type { SettingsStrings } from './settings-i18n';

/**
 * The parts of the Settings dialog that say what a choice does: the
 * warnings next to a choice that does nothing as things stand, and the lost
 * reasons editor. Pure where it can be, so the save message and the live
 * warnings say the same thing.
 */

/** What decides whether a choice does anything. */
export interface Choices {
  readonly notifications: boolean;
  readonly dailyChecksOn: boolean;
  readonly managerEmail: string;
}

/** A choice that does nothing, by the id of the warning shown next to it. */
export type IdleChoice = 'warn-no-checks' | 'warn-managers' | 'warn-hour';

/**
 * The choices that do nothing: digests without the daily check that sends
 * them; manager addresses while no digest goes out; an hour for a check
 * that does not run.
 */
export function idleChoices(c: Choices): IdleChoice[] {
  const idle: IdleChoice[] = [];
  if (c.notifications && !c.dailyChecksOn) idle.push('warn-no-checks');
  if (!c.notifications && c.managerEmail.trim() !== '') idle.push('warn-managers');
  if (!c.dailyChecksOn) idle.push('warn-hour');
  return idle;
}

export function idleText(s: SettingsStrings, idle: IdleChoice): string {
  if (idle === 'warn-no-checks') return s.warnDigestsNoChecks;
  if (idle === 'warn-managers') return s.warnManagersNoDigests;
  return s.warnHourNoChecks;
}

/**
 * Where a warning appears: a polite live region that is always in the page
 * (a region inserted with its text is often not announced), and the
 * control it is about, described by the warning while it shows.
 */
export interface WarningSlot {
  readonly id: IdleChoice;
  readonly region: HTMLElement;
  readonly controls: readonly HTMLElement[];
}

export function warningSlot(id: IdleChoice, ...controls: HTMLElement[]): WarningSlot {
  return { id, region: el('div', { class: 'warn-slot', 'aria-live': 'polite' }), controls };
}

/** Shows the warnings that hold now and clears the others, leaving focus where it is. */
export function showWarnings(s: SettingsStrings, slots: readonly WarningSlot[], c: Choices): void {
  const idle = new Set(idleChoices(c));
  for (const slot of slots) {
    const on = idle.has(slot.id);
    const shown = slot.region.firstElementChild;
    if (on && !shown)
      replaceChildren(slot.region, [el('p', { class: 'flash warn', id: slot.id }, idleText(s, slot.id))]);
    if (!on && shown) replaceChildren(slot.region, []);
    for (const control of slot.controls) {
      const others = (control.getAttribute('aria-describedby') ?? '')
        .split(/\s+/)
        .filter((id) => id !== '' && id !== slot.id);
      const ids = on ? [...others, slot.id] : others;
      if (ids.length > 0) control.setAttribute('aria-describedby', ids.join(' '));
      else control.removeAttribute('aria-describedby');
    }
  }
}

/** The lines of the lost-reasons box: trimmed, blank lines dropped, order kept. */
export function reasonLines(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/**
 * What is saved for the box: the defaults as shown are saved as "the
 * defaults" (an empty list), so they keep following the spreadsheet's
 * language; anything else is the team's own list, in its order.
 */
export function lostReasonsToSave(text: string, defaults: readonly string[]): string[] {
  const lines = reasonLines(text);
  const same = lines.length === defaults.length && lines.every((line, i) => line === defaults[i]);
  return same ? [] : lines;
}

/** The lost-reasons box, filled with the team's reasons or else the defaults, and its reset button. */
export function lostReasonsField(
  s: SettingsStrings,
  reasons: readonly string[],
  defaults: readonly string[],
): { box: HTMLTextAreaElement; field: HTMLElement } {
  const box = el('textarea', {
    id: 'lost-reasons',
    rows: 6,
    spellcheck: false,
    'aria-describedby': 'lost-reasons-hint',
  });
  box.value = (reasons.length > 0 ? reasons : defaults).join('\n');
  const reset = el('button', { type: 'button', id: 'reset-lost-reasons' }, s.resetLostReasons);
  reset.addEventListener('click', () => {
    box.value = defaults.join('\n');
    box.focus();
  });
  const field = el(
    'div',
    { class: 'row' },
    el('label', { for: 'lost-reasons' }, s.lostReasons),
    box,
    el('p', { class: 'hint', id: 'lost-reasons-hint' }, s.lostReasonsHint),
    reset,
  );
  return { box, field };
}
