import { type Child, el, replaceChildren } from './dom';

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
 * Fills a dialog's page: before its state has arrived, the loading line or
 * the error that stopped it; after, the form. `lead` (a heading) comes first
 * either way.
 */
export function renderDialog(
  content: HTMLElement,
  page: { readonly language: string; readonly lead?: Child; readonly loading: string },
  flash: Flash | null,
  form: (() => HTMLElement) | null,
): void {
  document.documentElement.lang = page.language;
  const body = form
    ? form()
    : flash
      ? el('div', { class: 'flash error', role: 'alert', id: 'flash' }, flash.message)
      : el('p', { class: 'settings muted' }, page.loading);
  replaceChildren(content, [page.lead, body]);
}

/** While a request runs, nothing in the form can be pressed twice. */
export function disableWhileBusy(form: HTMLFormElement, busy: boolean): HTMLFormElement {
  if (busy)
    for (const control of form.querySelectorAll<HTMLInputElement>('input, select, textarea, button'))
      control.disabled = true;
  return form;
}
