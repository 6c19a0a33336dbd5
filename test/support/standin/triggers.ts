import { instrument } from './calls';
import { Service, type StandInContext } from './context';
import {
  AuthMode,
  type EnumValue,
  EventType,
  type EventTypeName,
  enumName,
  TriggerSource,
  WeekDay,
} from './enums';
import type { TriggerRecord } from './records';
import { Spreadsheet } from './spreadsheet';
import { isTimeZone } from './time-zone';

/**
 * ScriptApp and installable triggers, with the limits an editor add-on lives
 * under: at most one trigger of each event type per user per document,
 * time-driven at most hourly, and 20 triggers per user per script. The
 * per-type limit is why the add-on's install must be idempotent.
 */

/** The message Apps Script gives when an add-on creates a second trigger of a type (seen for edit triggers too). */
export const TOO_MANY_ADDON_TRIGGERS =
  'This add-on has created too many time-based triggers in this document for this Google user account.';
export const TOO_MANY_TRIGGERS =
  'This script has too many triggers. Triggers must be deleted from the script before more can be added.';
const PER_USER_LIMIT = 20;

/** Creates a trigger after checking the limits. */
function createTrigger(ctx: StandInContext, draft: Omit<TriggerRecord, 'id' | 'owner'>): Trigger {
  const mine = ctx.triggers.filter((t) => t.owner === ctx.activeUser);
  if (mine.length >= PER_USER_LIMIT) throw ctx.exception(TOO_MANY_TRIGGERS);
  if (ctx.addOn && mine.some((t) => t.eventType === draft.eventType))
    throw ctx.exception(TOO_MANY_ADDON_TRIGGERS);
  const globals = ctx.scriptGlobals;
  if (globals && typeof globals[draft.handler] !== 'function') {
    throw ctx.exception(
      `Sheets stand-in: the bundle has no global function ${draft.handler}; the trigger would fail with "Script function not found: ${draft.handler}".`,
    );
  }
  const record: TriggerRecord = { ...draft, id: String(8_000_000_000 + ctx.id()), owner: ctx.activeUser };
  ctx.triggers.push(record);
  return new Trigger(ctx, record);
}

function userTriggers(ctx: StandInContext): Trigger[] {
  return ctx.triggers.filter((t) => t.owner === ctx.activeUser).map((t) => new Trigger(ctx, t));
}

/** ScriptApp.Trigger. */
export class Trigger extends Service {
  readonly #t: TriggerRecord;

  constructor(ctx: StandInContext, record: TriggerRecord) {
    super(ctx);
    this.#t = record;
  }

  /** The record behind a Trigger (stand-in use only). */
  static recordOf(trigger: unknown): TriggerRecord | null {
    return trigger instanceof Trigger ? trigger.#t : null;
  }

  getHandlerFunction(): string {
    return this.#t.handler;
  }

  getEventType(): EnumValue {
    return EventType[this.#t.eventType];
  }

  getUniqueId(): string {
    return this.#t.id;
  }

  getTriggerSource(): EnumValue {
    return TriggerSource[this.#t.source];
  }

  getTriggerSourceId(): string | null {
    return this.#t.sourceId;
  }
}

/** ScriptApp.ClockTriggerBuilder. */
export class ClockTriggerBuilder extends Service {
  readonly #handler: string;
  readonly #schedule: Record<string, number | string> = {};

  constructor(ctx: StandInContext, handler: string) {
    super(ctx);
    this.#handler = handler;
  }

  #oneOf(method: string, n: number, allowed: readonly number[]): this {
    if (!allowed.includes(n)) {
      throw this.ctx.exception(`The value you passed to ${method} must be one of ${allowed.join(', ')}.`);
    }
    this.#schedule[method] = n;
    return this;
  }

  everyMinutes(n: number): this {
    if (this.ctx.addOn) {
      throw this.ctx.exception(
        'Sheets stand-in: add-ons may use time-driven triggers at most once per hour; everyMinutes is refused.',
      );
    }
    return this.#oneOf('everyMinutes', n, [1, 5, 10, 15, 30]);
  }

  everyHours(n: number): this {
    return this.#oneOf('everyHours', n, [1, 2, 4, 6, 8, 12]);
  }

  everyDays(n: number): this {
    if (!Number.isInteger(n) || n < 1) throw this.ctx.exception(`Invalid argument: everyDays(${n})`);
    this.#schedule.everyDays = n;
    return this;
  }

  everyWeeks(n: number): this {
    if (!Number.isInteger(n) || n < 1) throw this.ctx.exception(`Invalid argument: everyWeeks(${n})`);
    this.#schedule.everyWeeks = n;
    return this;
  }

  onWeekDay(day: EnumValue): this {
    const name = enumName(day);
    if (!(name in WeekDay)) throw this.ctx.exception(`Invalid argument: onWeekDay(${name})`);
    this.#schedule.onWeekDay = name;
    return this;
  }

  atHour(hour: number): this {
    if (!Number.isInteger(hour) || hour < 0 || hour > 23)
      throw this.ctx.exception(`Invalid argument: atHour(${hour})`);
    this.#schedule.atHour = hour;
    return this;
  }

  nearMinute(minute: number): this {
    if (!Number.isInteger(minute) || minute < 0 || minute > 59) {
      throw this.ctx.exception(`Invalid argument: nearMinute(${minute})`);
    }
    this.#schedule.nearMinute = minute;
    return this;
  }

  inTimezone(timezone: string): this {
    if (!isTimeZone(String(timezone))) throw this.ctx.exception(`Invalid argument: timezone ${timezone}`);
    this.#schedule.inTimezone = String(timezone);
    return this;
  }

  at(date: Date): this {
    this.#schedule.at = new Date(date.getTime()).toISOString();
    return this;
  }

  after(durationMilliseconds: number): this {
    this.#schedule.after = durationMilliseconds;
    return this;
  }

  create(): Trigger {
    const s = this.#schedule;
    const recurring = ['everyMinutes', 'everyHours', 'everyDays', 'everyWeeks'].some((k) => k in s);
    if (!recurring && !('at' in s) && !('after' in s)) {
      throw this.ctx.exception(
        'Sheets stand-in: a time-based trigger needs everyHours/everyDays/everyWeeks, at() or after().',
      );
    }
    if ('atHour' in s && !('everyDays' in s || 'everyWeeks' in s)) {
      throw this.ctx.exception(
        'Sheets stand-in: atHour() needs everyDays() or everyWeeks(), as in Apps Script.',
      );
    }
    return createTrigger(this.ctx, {
      handler: this.#handler,
      eventType: 'CLOCK',
      source: 'CLOCK',
      sourceId: null,
      schedule: { ...s },
    });
  }
}

/** ScriptApp.SpreadsheetTriggerBuilder. */
export class SpreadsheetTriggerBuilder extends Service {
  readonly #handler: string;
  #event: EventTypeName | null = null;

  constructor(ctx: StandInContext, handler: string) {
    super(ctx);
    this.#handler = handler;
  }

  onOpen(): this {
    this.#event = 'ON_OPEN';
    return this;
  }

  onEdit(): this {
    this.#event = 'ON_EDIT';
    return this;
  }

  onChange(): this {
    this.#event = 'ON_CHANGE';
    return this;
  }

  onFormSubmit(): this {
    this.#event = 'ON_FORM_SUBMIT';
    return this;
  }

  create(): Trigger {
    if (!this.#event)
      throw this.ctx.exception(
        'Sheets stand-in: choose onOpen/onEdit/onChange/onFormSubmit before create().',
      );
    return createTrigger(this.ctx, {
      handler: this.#handler,
      eventType: this.#event,
      source: 'SPREADSHEETS',
      sourceId: this.ctx.book.id,
      schedule: {},
    });
  }
}

/** ScriptApp.TriggerBuilder. */
export class TriggerBuilder extends Service {
  readonly #handler: string;

  constructor(ctx: StandInContext, handler: string) {
    super(ctx);
    this.#handler = handler;
  }

  timeBased(): ClockTriggerBuilder {
    return new ClockTriggerBuilder(this.ctx, this.#handler);
  }

  /** Only this spreadsheet: the add-on's scope is spreadsheets.currentonly. */
  forSpreadsheet(sheet: Spreadsheet | string): SpreadsheetTriggerBuilder {
    const id = typeof sheet === 'string' ? sheet : sheet instanceof Spreadsheet ? this.ctx.book.id : null;
    if (id !== this.ctx.book.id) {
      throw this.ctx.exception(
        'Sheets stand-in: forSpreadsheet() must be given this spreadsheet (spreadsheets.currentonly).',
      );
    }
    return new SpreadsheetTriggerBuilder(this.ctx, this.#handler);
  }
}

/** The ScriptApp global. */
export class ScriptApp extends Service {
  readonly AuthMode = AuthMode;
  readonly EventType = EventType;
  readonly TriggerSource = TriggerSource;
  readonly WeekDay = WeekDay;

  newTrigger(functionName: string): TriggerBuilder {
    if (typeof functionName !== 'string' || functionName === '') {
      throw this.ctx.exception(
        "The parameters () don't match the method signature for ScriptApp.newTrigger.",
      );
    }
    return new TriggerBuilder(this.ctx, functionName);
  }

  /** The current user's triggers for this project. */
  getProjectTriggers(): Trigger[] {
    return userTriggers(this.ctx);
  }

  /**
   * The current user's triggers in this spreadsheet. An add-on's triggers all
   * belong to the document they were created in, so the stand-in lists clock
   * triggers here too.
   */
  getUserTriggers(spreadsheet: Spreadsheet): Trigger[] {
    if (!(spreadsheet instanceof Spreadsheet)) {
      throw this.ctx.exception(
        "The parameters (Object) don't match the method signature for ScriptApp.getUserTriggers.",
      );
    }
    return userTriggers(this.ctx);
  }

  deleteTrigger(trigger: Trigger): void {
    const record = Trigger.recordOf(trigger);
    const i = record ? this.ctx.triggers.indexOf(record) : -1;
    if (i < 0) throw this.ctx.exception('Sheets stand-in: that trigger does not exist (deleted twice?).');
    this.ctx.triggers.splice(i, 1);
  }

  getScriptId(): string {
    return 'stand-in-script-id';
  }
}

instrument(Trigger, 'Trigger');
instrument(ClockTriggerBuilder, 'ClockTriggerBuilder');
instrument(SpreadsheetTriggerBuilder, 'SpreadsheetTriggerBuilder');
instrument(TriggerBuilder, 'TriggerBuilder');
instrument(ScriptApp, 'ScriptApp');
