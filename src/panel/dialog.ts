import type { BilingualLanguage } from '../shared/bilingual';
import { type Child, el, replaceChildren } from './dom';
import { guessLanguage } from './i18n';
import { messageOf } from './server';

/** What a dialog says after an action: saved (`ok`), saved with a caution (`warn`), or refused (`error`). */
export interface Flash {
  readonly kind: 'ok' | 'warn' | 'error';
  readonly message: string;
}

/**
 * The message box at the top of a dialog's form. Errors are alerts so a
 * screen reader interrupts; the rest are polite status. It takes focus after
 * an action (id `flash`), so it must be focusable. With `details` the
 * message is a paragraph above them.
 */
export function flashBox(flash: Flash, details?: readonly Child[]): HTMLElement {
  return el(
    'div',
    {
      class: `flash ${flash.kind}`,
      role: flash.kind === 'error' ? 'alert' : 'status',
      id: 'flash',
      tabindex: -1,
    },
    ...(details ? [el('p', {}, flash.message), ...details] : [flash.message]),
  );
}

/**
 * A dialog's page: before its state has arrived, the loading line or the
 * error that stopped it; after, the form; `lead` (a heading) first either
 * way, and the status line saying what it is busy with. The texts are in the
 * state's language once it has come, the browser's before.
 */
export function dialogPage<
  S extends { readonly language: BilingualLanguage },
  T extends { readonly loading: string },
>(spec: {
  readonly content: HTMLElement;
  readonly textsOf: (language: BilingualLanguage) => T;
  /** What the dialog holds now: the server's state (`null` until it has come) and its message. */
  readonly now: () => { readonly state: S | null; readonly flash: Flash | null };
  readonly status?: (t: T) => string;
  readonly lead?: (t: T) => Child;
  readonly form: (t: T, state: S) => HTMLElement;
}): { texts: () => T; render: () => void } {
  const texts = () => spec.textsOf(spec.now().state?.language ?? guessLanguage());
  const render = () => {
    const { state, flash } = spec.now();
    const t = texts();
    document.documentElement.lang = state?.language ?? guessLanguage();
    const status = document.getElementById('status');
    if (status && spec.status) status.textContent = spec.status(t);
    const body = state
      ? spec.form(t, state)
      : flash
        ? el('div', { class: 'flash error', role: 'alert', id: 'flash' }, flash.message)
        : el('p', { class: 'settings muted' }, t.loading);
    replaceChildren(spec.content, [spec.lead?.(t), body]);
  };
  return { texts, render };
}

/** The dialog's state from the server, or the error to show instead. */
export async function fetchState<S>(
  fetch: () => Promise<S>,
  serverError: (message: string) => string,
): Promise<{ state: S | null; flash: Flash | null }> {
  try {
    return { state: await fetch(), flash: null };
  } catch (error) {
    return { state: null, flash: { kind: 'error', message: serverError(messageOf(error)) } };
  }
}

/** While a request runs, nothing in the form can be pressed twice. */
export function disableWhileBusy(form: HTMLFormElement, busy: boolean): HTMLFormElement {
  if (busy)
    for (const control of form.querySelectorAll<HTMLInputElement>('input, select, textarea, button'))
      control.disabled = true;
  return form;
}
