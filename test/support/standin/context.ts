import { CallLog, GATE, type Gate } from './calls';
import type { AuthModeName } from './enums';
import type { Book } from './model';
import { emptyUiRecord, type LockState, type SentMail, type TriggerRecord, type UiRecord } from './records';

/**
 * What kind of execution Apps Script is running, which decides what the code
 * may call. Sheets starts a fresh execution for each trigger, menu click or
 * `google.script.run` call; the stand-in switches kind when a test builds the
 * matching event (`openEvent`, `edit`, `clockEvent`, `customFunction`...).
 */
export type ExecutionKind =
  | 'menu' // a menu item or the script editor: FULL
  | 'sidebar' // a google.script.run call from the panel: FULL
  | 'open' // simple onOpen: NONE or LIMITED
  | 'install' // onInstall: FULL
  | 'edit' // simple onEdit: LIMITED
  | 'installable-edit' // an installable edit trigger: FULL
  | 'clock' // a time-driven trigger: FULL, but no UI
  | 'custom-function'; // a formula in a cell: read-only

export interface Execution {
  kind: ExecutionKind;
  authMode: AuthModeName;
}

/** Calls that need no authorization, so AuthMode.NONE allows them (building the add-on menu). */
const ALLOWED_IN_NONE = [
  /^SpreadsheetApp\.getUi$/,
  /^Ui\.create(Addon)?Menu$/,
  /^Menu\./,
  /^Utilities\./,
  /^Logger\./,
  /^Session\.(getActiveUserLocale|getScriptTimeZone)$/,
  /^Html(Service|Output|Template)\./,
];

/** Services a simple trigger (LIMITED) may not touch: they need the user's authorization. */
const REFUSED_IN_LIMITED = [
  /^MailApp\./,
  /^ScriptApp\.(newTrigger|getProjectTriggers|getUserTriggers|deleteTrigger)$/,
];

/**
 * A custom function reads the spreadsheet; writes and authorized services are refused.
 * Developer metadata may be read with getDeveloperMetadata() and the metadata's getters;
 * adding, changing and moving it are writes. A finder is not a get*() method, and custom
 * functions are documented to use "most get*() methods": the stand-in refuses it (stricter).
 */
const ALLOWED_IN_CUSTOM_FUNCTION = [
  /^SpreadsheetApp\.(getActive|getActiveSpreadsheet|getActiveSheet|getActiveRange)$/,
  /^(Spreadsheet|Sheet|Range)\.(get|is)/,
  /^DeveloperMetadata(Location)?\.get/,
  /^(Utilities|Logger|Lock|LockService)\./,
  /^Session\.(getActiveUserLocale|getScriptTimeZone)$/,
  /^PropertiesService\./,
  /^Properties\.get/,
];

const matches = (patterns: readonly RegExp[], method: string) => patterns.some((p) => p.test(method));

/** A person's action waiting for a service call (`standIn.beforeCall`). */
export interface CallHook {
  readonly matches: (method: string) => boolean;
  /** Matching calls still to let pass before the action runs. */
  skip: number;
  readonly action: () => void;
  fired: boolean;
}

/** Shared state of one stand-in: the counter, the clock, the execution, and every record tests inspect. */
export class StandInContext implements Gate {
  readonly calls = new CallLog();
  execution: Execution = { kind: 'menu', authMode: 'FULL' };
  /** Set by loadBundle: errors are made in the bundle's realm so `e instanceof Error` holds there, as in Apps Script. */
  errorConstructor: ErrorConstructor = Error;
  /** Set by loadBundle: the script's globals, so a menu click can run its function. */
  scriptGlobals: Record<string, unknown> | null = null;
  book!: Book;
  activeUser: string;
  readonly logs: string[] = [];
  readonly ui: UiRecord = emptyUiRecord();
  readonly sentMail: SentMail[] = [];
  mailQuota: number;
  readonly triggers: TriggerRecord[] = [];
  readonly locks: Record<'document' | 'script' | 'user', LockState> = {
    document: { ours: false, elsewhere: 0 },
    script: { ours: false, elsewhere: 0 },
    user: { ours: false, elsewhere: 0 },
  };
  /** Property stores: document and script are shared; user stores are per user email. */
  readonly documentProperties = new Map<string, string>();
  readonly scriptProperties = new Map<string, string>();
  readonly userProperties = new Map<string, Map<string, string>>();
  htmlFiles: Record<string, string> = {};
  /** The add-on menu's title (Extensions › this). */
  addOnName = 'Sheets Pipeline';
  /** Actions of a person waiting for a call of the running code, in the order they were set. */
  readonly hooks: CallHook[] = [];
  private clockBase: () => number;
  private clockOffset = 0;
  private nextId = 1;
  /** Above 0 while a person acts (asPerson): calls then are neither counted nor checked. */
  private personActing = 0;

  constructor(
    options: { userEmail?: string; now?: () => Date; mailQuota?: number },
    readonly scriptTimeZone: string,
    readonly addOn: boolean,
  ) {
    this.activeUser = options.userEmail ?? 'user@example.com';
    this.mailQuota = options.mailQuota ?? 100;
    const now = options.now;
    this.clockBase = now ? () => now().getTime() : () => Date.now();
  }

  /**
   * Lets a waiting person act first (beforeCall), then counts the call and
   * refuses it if this execution's auth mode forbids it. While a person acts,
   * calls are theirs, not the code's: nothing is counted or checked.
   */
  enter(method: string): void {
    if (this.personActing > 0) return;
    this.runHooks(method);
    this.calls.record(method);
    const refusal = this.refusal(method);
    if (refusal) throw this.exception(refusal);
  }

  private runHooks(method: string): void {
    if (this.hooks.length === 0) return;
    for (const hook of [...this.hooks]) {
      if (!this.hooks.includes(hook) || !hook.matches(method)) continue;
      if (hook.skip > 0) {
        hook.skip -= 1;
        continue;
      }
      this.hooks.splice(this.hooks.indexOf(hook), 1);
      hook.fired = true;
      try {
        this.asPerson(hook.action);
      } catch (error) {
        // A test's own action failed (a typo, a refused edit): say so plainly rather
        // than let it pass for an Apps Script exception of the code's call.
        const message = error instanceof Error ? error.message : String(error);
        throw new Error(`Sheets stand-in: the beforeCall action before ${method} threw: ${message}`);
      }
    }
  }

  /**
   * Runs what a person does in the middle of an execution (typing, pasting):
   * uncounted and unchecked, and the running execution comes out as it went in.
   * `edit` starts an onEdit execution of its own (kind, auth mode, our locks
   * dropped, the editor as active user); in Sheets that execution runs beside
   * the code's, so the code's kind, auth mode, locks and user are put back.
   */
  asPerson<T>(action: () => T): T {
    const execution = { ...this.execution };
    const ours = Object.fromEntries(Object.entries(this.locks).map(([kind, lock]) => [kind, lock.ours]));
    const user = this.activeUser;
    this.personActing++;
    try {
      return action();
    } finally {
      this.personActing--;
      this.execution = execution;
      for (const [kind, lock] of Object.entries(this.locks)) lock.ours = ours[kind] === true;
      this.activeUser = user;
    }
  }

  private refusal(method: string): string | null {
    const { kind, authMode } = this.execution;
    if (authMode === 'NONE' && !matches(ALLOWED_IN_NONE, method)) {
      return `You do not have permission to call ${method}. (Sheets stand-in: in AuthMode.NONE an add-on may only build its menu.)`;
    }
    if (authMode === 'LIMITED' && matches(REFUSED_IN_LIMITED, method)) {
      return `You do not have permission to call ${method}. (Sheets stand-in: a simple trigger runs in AuthMode.LIMITED.)`;
    }
    if (kind === 'custom-function' && !matches(ALLOWED_IN_CUSTOM_FUNCTION, method)) {
      return `You do not have permission to call ${method.slice(method.indexOf('.') + 1)}`;
    }
    if (kind === 'clock' && method === 'SpreadsheetApp.getUi') {
      return 'Cannot call SpreadsheetApp.getUi() from this context.';
    }
    return null;
  }

  /** An error as Apps Script throws it (`name` Exception), made in the bundle's realm once loaded. */
  exception(message: string): Error {
    const error = new this.errorConstructor(message);
    error.name = 'Exception';
    return error;
  }

  nowMs(): number {
    return this.clockBase() + this.clockOffset;
  }

  setNow(date: Date): void {
    const fixed = date.getTime();
    this.clockBase = () => fixed;
    this.clockOffset = 0;
  }

  advanceTime(ms: number): void {
    this.clockOffset += ms;
  }

  /** Starts a new execution: Apps Script releases the previous one's locks when it ends. */
  begin(kind: ExecutionKind, authMode: AuthModeName): void {
    this.execution = { kind, authMode };
    for (const lock of Object.values(this.locks)) lock.ours = false;
  }

  userStore(user: string = this.activeUser): Map<string, string> {
    let store = this.userProperties.get(user);
    if (!store) {
      store = new Map();
      this.userProperties.set(user, store);
    }
    return store;
  }

  /** A fresh number for ids (trigger ids, chart ids): deterministic, so failures reproduce. */
  id(): number {
    return this.nextId++;
  }
}

/**
 * Base of every stand-in service class: holds the context under a symbol, so
 * the bundle sees nothing but the Apps Script methods.
 */
export abstract class Service {
  readonly [GATE]: StandInContext;

  constructor(ctx: StandInContext) {
    this[GATE] = ctx;
  }

  protected get ctx(): StandInContext {
    return this[GATE];
  }
}
