import type { ButtonName, EventTypeName } from './enums';

/**
 * What the add-on did that a person would see or that Google would keep:
 * menus, toasts, dialogs, mail, triggers, properties, locks. Plain data that
 * tests read; the services write it.
 */

export type MenuItem =
  | { caption: string; functionName: string }
  | 'separator'
  | { caption: string; submenu: MenuItem[] };

export interface MenuRecord {
  /** The add-on menu's title is the add-on's name (Extensions › name). */
  title: string;
  addOn: boolean;
  items: MenuItem[];
}

export interface DialogRecord {
  title: string;
  html: string;
  modal: boolean;
  width: number;
  height: number;
}

export interface UiRecord {
  menus: MenuRecord[];
  toasts: string[];
  toastTitles: string[];
  /** The prompt text of each alert, in order. */
  alerts: string[];
  /** The prompt text of each prompt dialog, in order. */
  prompts: string[];
  sidebars: Array<{ title: string; html: string }>;
  dialogs: DialogRecord[];
  /** Answers the next alerts/prompts give, first in first out; when empty, OK (or YES) and ''. */
  responses: Array<{ button: ButtonName; text: string }>;
}

export function emptyUiRecord(): UiRecord {
  return {
    menus: [],
    toasts: [],
    toastTitles: [],
    alerts: [],
    prompts: [],
    sidebars: [],
    dialogs: [],
    responses: [],
  };
}

export interface SentMail {
  to: string;
  subject: string;
  body: string;
  htmlBody?: string;
  name?: string;
  cc?: string;
  bcc?: string;
  replyTo?: string;
}

export interface TriggerRecord {
  id: string;
  handler: string;
  eventType: EventTypeName;
  source: 'SPREADSHEETS' | 'CLOCK';
  /** The spreadsheet's id for spreadsheet triggers, null for clock triggers. */
  sourceId: string | null;
  /** The user who created it: installable triggers belong to one user. */
  owner: string;
  /** For clock triggers: everyHours/everyDays/atHour/nearMinute/inTimezone..., as set on the builder. */
  schedule: Record<string, number | string>;
}

export interface LockState {
  /** Held by the running execution. */
  ours: boolean;
  /** Held by another execution; how many more attempts it survives (Infinity: until released by the test). */
  elsewhere: number;
}
