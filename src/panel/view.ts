import type { PanelEmail, PanelState, PanelTask } from '../shared/panel-protocol';
import type { Strings } from './i18n';

/** What the user has typed into the move form, kept across re-renders of the same deal. */
export interface Draft {
  dealId: string;
  to: string;
  note: string;
  override: boolean;
  /** The lost reason picked from the list ('' = none yet: none is preselected). */
  reason: string;
}

/** The outcome of the last action: a refusal lists exactly what the server says is missing. */
export interface Flash {
  kind: 'ok' | 'error';
  message: string;
  missing: readonly string[];
  /** Where it shows: beside the move form, or at the top for everything else. */
  near: 'move' | 'top';
}

/** Everything one render needs; rendering reads this and nothing else. */
export interface PanelView {
  state: PanelState;
  draft: Draft;
  flash: Flash | null;
  t: Strings;
  /** BCP 47 tag of the spreadsheet's locale, for Intl. */
  tag: string;
}

export interface Handlers {
  tickCriterion(criterion: string, done: boolean): void;
  tickTask(task: PanelTask, done: boolean): void;
  sendEmail(email: PanelEmail): void;
  move(): void;
  /** `rerender` is false for typing, so the textarea keeps its caret. */
  editDraft(change: Partial<Omit<Draft, 'dealId'>>, rerender: boolean): void;
  reload(): void;
}
