/**
 * A Sheets stand-in for tests: an in-memory SpreadsheetApp and friends that
 * keep Google Sheets' semantics (1-based ranges, `''` blanks, Dates, Sheets'
 * error messages, add-on trigger limits, auth modes) and count every service
 * call. It is a test fixture, not Sheets: where Sheets' behaviour was unknown
 * the stand-in is the stricter of the plausible choices (see each file).
 */
import { rectToA1 } from './a1';
import type { Calls } from './calls';
import type { Cell } from './cells';
import { type ChartDescription, describeChart } from './charts';
import { type ConditionalRuleDescription, describeConditionalRule } from './conditional-format';
import { type CallHook, type ExecutionKind, StandInContext } from './context';
import { describeMetadata, forgetSheet, type MetadataDescription } from './developer-metadata';
import type { AuthModeName, ButtonName } from './enums';
import {
  type ClockEvent,
  clockEvent,
  type EditEvent,
  type EditOptions,
  installEvent,
  type OpenEvent,
  openEvent,
  userEdit,
} from './events';
import type { LockKind } from './lock';
import { Book } from './model';
import { Range, rangeFromA1 } from './range';
import type { MenuItem, SentMail, TriggerRecord, UiRecord } from './records';
import { makeGlobals, type Services } from './services';
import { type SheetSnapshot, snapshotSheet, usedValues } from './snapshot';
import { Spreadsheet } from './spreadsheet';
import { seedValue } from './values';

export type { Calls } from './calls';
export type { Cell } from './cells';
export type { ExecutionKind } from './context';
export type {
  DeveloperMetadata,
  DeveloperMetadataFinder,
  DeveloperMetadataLocation,
  MetadataDescription,
} from './developer-metadata';
export { ARBITRARY_RANGE } from './developer-metadata';
export type { EnumValue } from './enums';
export type { ClockEvent, EditEvent, OpenEvent } from './events';
export { LOCK_TIMEOUT } from './lock';
export type { Range } from './range';
export { MESSAGES } from './range';
export type { MenuItem, MenuRecord, SentMail, TriggerRecord, UiRecord } from './records';
export type { Services } from './services';
export { GLOBAL_NAMES } from './services';
export type { Sheet } from './sheet';
export type { SheetSnapshot } from './snapshot';
export type { Spreadsheet } from './spreadsheet';
export { TOO_MANY_ADDON_TRIGGERS, TOO_MANY_TRIGGERS } from './triggers';

export interface StandInOptions {
  /** The spreadsheet's time zone (File › Settings), e.g. `Asia/Seoul`. */
  timeZone: string;
  /** The spreadsheet's locale, e.g. `ko_KR` or `en_US`. */
  locale: string;
  /** Session.getActiveUser().getEmail(); default `user@example.com`. */
  userEmail?: string;
  /** Session.getEffectiveUser(); default: the active user. */
  effectiveUserEmail?: string;
  /** Session.getActiveUserLocale(); default: the spreadsheet locale's language (`ko`, `en`). */
  userLocale?: string;
  /** Session.getScriptTimeZone() (appsscript.json); default: the spreadsheet's zone. */
  scriptTimeZone?: string;
  /** The clock for `new Date()` inside a loaded bundle and for clock events; default the real clock. */
  now?: () => Date;
  /** Sheets in order, name → rows of values as Sheets stores them (no text conversion). Default: one empty Sheet1. */
  sheets?: Record<string, Cell[][]>;
  spreadsheetName?: string;
  spreadsheetId?: string;
  /** Apply editor add-on limits (one trigger per type, hourly at most). Default true. */
  addOn?: boolean;
  /** The add-on menu's title. Default `Sheets Pipeline`. */
  addOnName?: string;
  /** MailApp.getRemainingDailyQuota() at the start. Default 100 (consumer account). */
  mailQuota?: number;
  /** Files HtmlService.createHtmlOutputFromFile can serve, name → HTML. */
  htmlFiles?: Record<string, string>;
}

/** A person's action set with `beforeCall`. */
export interface PendingAction {
  /** True once the action has run. */
  fired(): boolean;
  /** Drops the action if it has not run yet. */
  cancel(): void;
}

export interface BeforeCallOptions {
  /** Matching calls to let pass first: the action runs before the (skip+1)-th. Default 0. */
  skip?: number;
}

export interface StandIn {
  /** Exactly the Apps Script globals the bundle sees. */
  globals: Record<string, unknown>;
  /** The same objects, typed, for tests that call services directly. */
  services: Services;
  /** The active spreadsheet (calls on it count like the bundle's). */
  spreadsheet: Spreadsheet;
  calls: Calls;
  sentMail: SentMail[];
  ui: UiRecord;
  htmlFiles: Record<string, string>;
  /** Logger.log and console lines. */
  logs: string[];

  /** Deep copy of a whole sheet, for byte-for-byte comparisons. */
  snapshot(sheetName: string): SheetSnapshot;
  /** Values of the used area (1..lastRow × 1..lastColumn). */
  values(sheetName: string): Cell[][];
  /**
   * A person typing or pasting: converts text as Sheets does, refuses what a rejecting
   * validation rule forbids, and returns the onEdit event (simple: LIMITED; with
   * `{ installable: true }`: FULL with triggerUid). `user` becomes the active user.
   */
  edit(sheetName: string, a1: string, values: unknown[][], user?: string, options?: EditOptions): EditEvent;
  /** The person's selection (active sheet and range). */
  select(sheetName: string, a1: string): void;
  /** Writes stored values (and formulas, formats, notes) without conversion or counting: test setup. */
  seed(
    sheetName: string,
    a1: string,
    data: {
      values?: Cell[][];
      formulas?: string[][];
      numberFormats?: string[][];
      backgrounds?: string[][];
      notes?: string[][];
    },
  ): void;
  /** Adds a sheet (or replaces its contents) for test setup, uncounted. */
  seedSheet(name: string, rows: Cell[][]): void;
  conditionalFormats(sheetName: string): ConditionalRuleDescription[];
  charts(sheetName: string): ChartDescription[];
  /** All developer metadata of the spreadsheet, in the order it was added (uncounted). */
  developerMetadata(): MetadataDescription[];

  /**
   * A person acting while the code runs: `action` runs once, right before the
   * next counted service call named `method` (`'Range.setValues'`, or a RegExp
   * tested against `Type.method`), or before the (skip+1)-th such call. It runs
   * as a person's doing: its calls are not counted or checked, and an `edit`
   * inside it leaves the running execution's kind, auth mode, locks and user as
   * they were. Typically `() => standIn.edit('Deals', 'A5:C5', [[...]])`.
   */
  beforeCall(method: string | RegExp, action: () => void, options?: BeforeCallOptions): PendingAction;

  /** Starts an execution of this kind (menu click, sidebar call...), releasing the last one's locks. */
  begin(kind: ExecutionKind, authMode?: AuthModeName): void;
  openEvent(authMode?: 'NONE' | 'LIMITED' | 'FULL'): OpenEvent;
  installEvent(): OpenEvent;
  /** Starts the execution of a time-driven trigger (by handler name or id) and returns its event. */
  clockEvent(handlerOrId: string): ClockEvent;
  /** Starts a custom-function execution: reads only. */
  customFunction(): void;
  /** Clicks a menu item by caption: runs its function from the loaded bundle as a menu execution. */
  runMenuItem(caption: string): unknown;
  /** Queues the button (and text) the next alert/prompt answers with. */
  respond(button: ButtonName, text?: string): void;

  /** Installable triggers of every user. */
  triggers(): TriggerRecord[];
  properties: {
    document(): Record<string, string>;
    script(): Record<string, string>;
    user(email?: string): Record<string, string>;
  };
  locks: {
    /** Another execution holds the lock; it lets go after `attempts` failed tries (default never). */
    holdElsewhere(kind: LockKind, attempts?: number): void;
    releaseElsewhere(kind: LockKind): void;
    /** True when the running execution holds the lock. */
    heldByScript(kind: LockKind): boolean;
  };

  /** Who is using the spreadsheet from now on (Session, user properties, triggers' owner). */
  setUser(email: string): void;
  now(): Date;
  setNow(date: Date): void;
  advanceTime(ms: number): void;

  /** Used by loadBundle: lets menu clicks and trigger checks see the bundle, and errors use its realm. */
  attachBundle(scriptGlobals: Record<string, unknown>, errorConstructor: ErrorConstructor): void;
}

function findMenuItem(items: readonly MenuItem[], caption: string): string | null {
  for (const item of items) {
    if (item === 'separator') continue;
    if ('functionName' in item && item.caption === caption) return item.functionName;
    if ('submenu' in item) {
      const found = findMenuItem(item.submenu, caption);
      if (found) return found;
    }
  }
  return null;
}

export function createStandIn(options: StandInOptions): StandIn {
  const ctx = new StandInContext(options, options.scriptTimeZone ?? options.timeZone, options.addOn ?? true);
  ctx.book = new Book(
    options.spreadsheetId ?? '1StandInSpreadsheet0000000000000000000000000',
    options.spreadsheetName ?? 'Stand-in spreadsheet',
    options.timeZone,
    options.locale,
  );
  if (options.addOnName) ctx.addOnName = options.addOnName;
  ctx.htmlFiles = { ...(options.htmlFiles ?? {}) };

  const sheetOf = (name: string) => {
    const sheet = ctx.book.find(name);
    if (!sheet) throw new Error(`Sheets stand-in: no sheet named ${name}`);
    return sheet;
  };

  const seedSheet = (name: string, rows: Cell[][]) => {
    const width = Math.max(26, ...rows.map((r) => r.length));
    const height = Math.max(1000, rows.length);
    const existing = ctx.book.find(name);
    if (existing) {
      ctx.book.sheets.splice(ctx.book.sheets.indexOf(existing), 1);
      forgetSheet(ctx.book, existing);
    }
    const sheet = ctx.book.add(name, ctx.book.sheets.length, height, width);
    rows.forEach((row, r) => {
      row.forEach((value, c) => {
        if (value !== '') seedValue(ctx, sheet.grid.edit(r + 1, c + 1), value);
      });
    });
  };

  const entries = Object.entries(options.sheets ?? { Sheet1: [] });
  for (const [name, rows] of entries) seedSheet(name, rows);

  const language = options.locale.split(/[_-]/)[0] ?? 'en';
  const services = makeGlobals(ctx, {
    userLocale: () => options.userLocale ?? language,
    effectiveUser: () => options.effectiveUserEmail ?? ctx.activeUser,
  });

  const globals: Record<string, unknown> = { ...services };

  return {
    globals,
    services,
    spreadsheet: new Spreadsheet(ctx),
    calls: ctx.calls,
    sentMail: ctx.sentMail,
    ui: ctx.ui,
    htmlFiles: ctx.htmlFiles,
    logs: ctx.logs,

    snapshot: (sheetName) => snapshotSheet(sheetOf(sheetName)),
    values: (sheetName) => usedValues(sheetOf(sheetName)),
    edit: (sheetName, a1, values, user, editOptions) =>
      userEdit(ctx, sheetName, a1, values, user, editOptions),
    select(sheetName, a1) {
      const range = Range.internals(rangeFromA1(ctx, sheetOf(sheetName), a1));
      if (range) ctx.book.active = { sheet: range.sheet, rect: range.rect };
    },
    seed(sheetName, a1, data) {
      const inner = Range.internals(rangeFromA1(ctx, sheetOf(sheetName), a1));
      if (!inner) return;
      const { sheet, rect } = inner;
      const each = <T>(
        grid: T[][] | undefined,
        apply: (cell: ReturnType<typeof sheet.grid.edit>, v: T) => void,
      ) => {
        grid?.forEach((row, r) => {
          row.forEach((v, c) => {
            if (r < rect.numRows && c < rect.numColumns)
              apply(sheet.grid.edit(rect.row + r, rect.column + c), v);
          });
        });
      };
      each(data.values, (cell, v) => seedValue(ctx, cell, v));
      each(data.formulas, (cell, f) => {
        cell.formula = f;
      });
      each(data.numberFormats, (cell, f) => {
        cell.numberFormat = f;
      });
      each(data.backgrounds, (cell, b) => {
        cell.background = b;
      });
      each(data.notes, (cell, n) => {
        cell.note = n;
      });
    },
    seedSheet,
    conditionalFormats: (sheetName) => sheetOf(sheetName).conditionalRules.map(describeConditionalRule),
    charts: (sheetName) => sheetOf(sheetName).charts.map(describeChart),
    developerMetadata: () => describeMetadata(ctx.book),

    beforeCall(method, action, callOptions = {}) {
      const skip = callOptions.skip ?? 0;
      if (!Number.isInteger(skip) || skip < 0)
        throw new Error(`Sheets stand-in: beforeCall skip must be a whole number ≥ 0, not ${skip}`);
      if (typeof action !== 'function') throw new Error('Sheets stand-in: beforeCall needs an action');
      let matches: (name: string) => boolean;
      if (typeof method === 'string') {
        // Calls are counted as Type.method; a bare name would silently never match.
        if (!/^[A-Za-z]+\.[A-Za-z]+$/.test(method))
          throw new Error(
            `Sheets stand-in: beforeCall takes 'Type.method' (e.g. 'Range.setValues'), not '${method}'`,
          );
        matches = (name) => name === method;
      } else {
        // A copy without g/y, so lastIndex never makes a match depend on the previous one.
        const pattern = new RegExp(method.source, method.flags.replace(/[gy]/g, ''));
        matches = (name) => pattern.test(name);
      }
      const hook: CallHook = { matches, skip, action, fired: false };
      ctx.hooks.push(hook);
      return {
        fired: () => hook.fired,
        cancel() {
          const i = ctx.hooks.indexOf(hook);
          if (i >= 0) ctx.hooks.splice(i, 1);
        },
      };
    },

    begin(kind, authMode) {
      const modes: Record<ExecutionKind, AuthModeName> = {
        menu: 'FULL',
        sidebar: 'FULL',
        open: 'LIMITED',
        install: 'FULL',
        edit: 'LIMITED',
        'installable-edit': 'FULL',
        clock: 'FULL',
        'custom-function': 'CUSTOM_FUNCTION',
      };
      ctx.begin(kind, authMode ?? modes[kind]);
    },
    openEvent: (authMode = 'LIMITED') => openEvent(ctx, authMode),
    installEvent: () => installEvent(ctx),
    clockEvent(handlerOrId) {
      const trigger = ctx.triggers.find(
        (t) => t.eventType === 'CLOCK' && (t.id === handlerOrId || t.handler === handlerOrId),
      );
      if (!trigger) throw new Error(`Sheets stand-in: no time-driven trigger for ${handlerOrId}`);
      return clockEvent(ctx, trigger.id);
    },
    customFunction: () => ctx.begin('custom-function', 'CUSTOM_FUNCTION'),
    runMenuItem(caption) {
      const name = ctx.ui.menus.map((m) => findMenuItem(m.items, caption)).find((n) => n !== null);
      if (!name) throw new Error(`Sheets stand-in: no menu item "${caption}"`);
      const fn = ctx.scriptGlobals?.[name];
      if (typeof fn !== 'function') throw ctx.exception(`Script function not found: ${name}`);
      ctx.begin('menu', 'FULL');
      return fn();
    },
    respond(button, text = '') {
      ctx.ui.responses.push({ button, text });
    },

    triggers: () => ctx.triggers.map((t) => ({ ...t, schedule: { ...t.schedule } })),
    properties: {
      document: () => Object.fromEntries(ctx.documentProperties),
      script: () => Object.fromEntries(ctx.scriptProperties),
      user: (email) => Object.fromEntries(ctx.userStore(email ?? ctx.activeUser)),
    },
    locks: {
      holdElsewhere(kind, attempts = Number.POSITIVE_INFINITY) {
        ctx.locks[kind].elsewhere = attempts;
      },
      releaseElsewhere(kind) {
        ctx.locks[kind].elsewhere = 0;
      },
      heldByScript: (kind) => ctx.locks[kind].ours,
    },

    setUser(email) {
      ctx.activeUser = email;
    },
    now: () => new Date(ctx.nowMs()),
    setNow: (date) => ctx.setNow(date),
    advanceTime: (ms) => ctx.advanceTime(ms),

    attachBundle(scriptGlobals, errorConstructor) {
      ctx.scriptGlobals = scriptGlobals;
      ctx.errorConstructor = errorConstructor;
    },
  };
}

/** `Sheet!A1` text of a Range from the stand-in, for assertions. */
export function rangeLabel(range: unknown): string {
  const inner = Range.internals(range);
  if (!inner) throw new Error('Sheets stand-in: not a Range');
  return `${inner.sheet.name}!${inner.notation ?? rectToA1(inner.rect)}`;
}
