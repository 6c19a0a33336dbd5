import { instrument } from './calls';
import { Service, type StandInContext } from './context';
import { Button, type ButtonName, ButtonSet, type EnumValue, enumName } from './enums';
import { HtmlOutput } from './html';
import type { MenuItem, MenuRecord } from './records';

/**
 * SpreadsheetApp.getUi(): menus, alerts, prompts, sidebars and dialogs are
 * recorded on `standIn.ui`; alerts and prompts answer from
 * `standIn.ui.responses` (OK/YES and '' when none is queued).
 */
export class Menu extends Service {
  readonly #record: MenuRecord;

  constructor(ctx: StandInContext, record: MenuRecord) {
    super(ctx);
    this.#record = record;
  }

  static recordOf(menu: unknown): MenuRecord | null {
    return menu instanceof Menu ? menu.#record : null;
  }

  addItem(caption: string, functionName: string): this {
    if (typeof caption !== 'string' || typeof functionName !== 'string') {
      throw this.ctx.exception("The parameters don't match the method signature for Menu.addItem.");
    }
    this.#record.items.push({ caption, functionName });
    return this;
  }

  addSeparator(): this {
    this.#record.items.push('separator');
    return this;
  }

  addSubMenu(menu: Menu): this {
    const sub = Menu.recordOf(menu);
    if (!sub)
      throw this.ctx.exception("The parameters don't match the method signature for Menu.addSubMenu.");
    this.#record.items.push({ caption: sub.title, submenu: sub.items });
    return this;
  }

  /** Adds (or replaces, when one with the same title exists) the menu. */
  addToUi(): void {
    const menus = this.ctx.ui.menus;
    const copy: MenuRecord = { ...this.#record, items: [...this.#record.items] };
    const i = menus.findIndex((m) => m.title === copy.title && m.addOn === copy.addOn);
    if (i >= 0) menus[i] = copy;
    else menus.push(copy);
  }
}

/** Ui.prompt's answer. */
export class PromptResponse extends Service {
  readonly #button: ButtonName;
  readonly #text: string;

  constructor(ctx: StandInContext, button: ButtonName, text: string) {
    super(ctx);
    this.#button = button;
    this.#text = text;
  }

  getResponseText(): string {
    return this.#text;
  }

  getSelectedButton(): EnumValue {
    return Button[this.#button];
  }
}

/** Splits alert/prompt overloads: (prompt), (prompt, buttons), (title, prompt, buttons). */
function dialogArgs(args: unknown[]): { title: string; prompt: string; buttons: string } {
  const [a, b, c] = args;
  if (args.length >= 3) return { title: String(a), prompt: String(b), buttons: enumName(c) };
  if (args.length === 2 && typeof b !== 'string')
    return { title: '', prompt: String(a), buttons: enumName(b) };
  if (args.length === 2) return { title: String(a), prompt: String(b), buttons: 'OK' };
  return { title: '', prompt: String(a ?? ''), buttons: 'OK' };
}

export class Ui extends Service {
  readonly Button = Button;
  readonly ButtonSet = ButtonSet;

  createMenu(caption: string): Menu {
    return new Menu(this.ctx, { title: String(caption), addOn: false, items: [] });
  }

  createAddonMenu(): Menu {
    return new Menu(this.ctx, { title: this.ctx.addOnName, addOn: true, items: [] });
  }

  #answer(buttons: string): { button: ButtonName; text: string } {
    const next = this.ctx.ui.responses.shift();
    if (next) return next;
    return { button: buttons.startsWith('YES') ? 'YES' : 'OK', text: '' };
  }

  alert(...args: unknown[]): EnumValue {
    const { prompt, buttons } = dialogArgs(args);
    this.ctx.ui.alerts.push(prompt);
    return Button[this.#answer(buttons).button];
  }

  prompt(...args: unknown[]): PromptResponse {
    const { prompt, buttons } = dialogArgs(args);
    this.ctx.ui.prompts.push(prompt);
    const answer = this.#answer(buttons);
    return new PromptResponse(this.ctx, answer.button, answer.text);
  }

  showSidebar(userInterface: HtmlOutput): void {
    const view = HtmlOutput.view(userInterface);
    if (!view)
      throw this.ctx.exception("The parameters don't match the method signature for Ui.showSidebar.");
    this.ctx.ui.sidebars.push({ title: view.title, html: view.html });
  }

  showModalDialog(userInterface: HtmlOutput, title: string): void {
    this.#dialog(userInterface, title, true);
  }

  showModelessDialog(userInterface: HtmlOutput, title: string): void {
    this.#dialog(userInterface, title, false);
  }

  #dialog(userInterface: HtmlOutput, title: string, modal: boolean): void {
    const view = HtmlOutput.view(userInterface);
    if (!view)
      throw this.ctx.exception("The parameters don't match the method signature for Ui.showModalDialog.");
    this.ctx.ui.dialogs.push({
      title: String(title),
      html: view.html,
      modal,
      width: view.width,
      height: view.height,
    });
  }
}

export type { MenuItem };

instrument(Menu, 'Menu');
instrument(PromptResponse, 'PromptResponse');
instrument(Ui, 'Ui');
