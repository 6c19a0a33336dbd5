import { type Cell, isDate, isGrid } from './cells';
import type { StandInContext } from './context';
import { AuthMode, type AuthModeName, type EnumValue } from './enums';
import { MESSAGES, Range, rangeFromA1 } from './range';
import { User } from './session';
import { Spreadsheet } from './spreadsheet';
import { serialNumber, wallClock } from './time-zone';
import { ruleAccepts } from './validation';
import { storeInput } from './values';

/**
 * Event objects as Apps Script builds them, and the person's side of an edit.
 * Building an event also starts the execution it belongs to, so the auth mode
 * the code runs under matches the event it receives.
 */

export interface EditEvent {
  authMode: EnumValue;
  range: Range;
  source: Spreadsheet;
  user: User;
  /** The new value as text, single-cell edits only; absent when the cell was cleared. */
  value?: string;
  /** The old value as text, single-cell edits only; absent when the cell was empty. */
  oldValue?: string;
  /** Installable triggers only. */
  triggerUid?: string;
}

export interface OpenEvent {
  authMode: EnumValue;
  source?: Spreadsheet;
  user?: User;
  triggerUid?: string;
}

export interface ClockEvent {
  authMode: EnumValue;
  triggerUid: string;
  timezone: string;
  year: number;
  month: number;
  'day-of-month': number;
  'day-of-week': number;
  hour: number;
  minute: number;
  second: number;
}

/**
 * How an edit event carries a value: as text. Booleans are `TRUE`/`FALSE`
 * (checkboxes), dates their serial number; code must re-read typed values
 * from `e.range`.
 */
function eventText(value: Cell, timeZone: string): string | undefined {
  if (value === '') return undefined;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (isDate(value)) return String(serialNumber(value.getTime(), timeZone));
  return String(value);
}

export interface EditOptions {
  /** Fire as the user's installable edit trigger (FULL auth, `triggerUid`) instead of the simple onEdit (LIMITED). */
  installable?: boolean;
}

/**
 * A person typing or pasting `values` into `a1` on `sheetName`: Sheets
 * converts the text as typed, refuses input that a rejecting validation rule
 * forbids, and builds the onEdit event. Writes are not counted as calls.
 */
export function userEdit(
  ctx: StandInContext,
  sheetName: string,
  a1: string,
  values: readonly (readonly unknown[])[],
  user: string | undefined,
  options: EditOptions = {},
): EditEvent {
  const sheet = ctx.book.find(sheetName);
  if (!sheet) throw new Error(`Sheets stand-in: no sheet named ${sheetName}`);
  if (user) ctx.activeUser = user;
  const installable = options.installable === true;
  // An installable edit trigger fires for anyone's edit and runs as the person who
  // created it; `e.user` is the editor. Any ON_EDIT trigger of the document will do.
  const trigger = installable
    ? (ctx.triggers.find((t) => t.owner === ctx.activeUser && t.eventType === 'ON_EDIT') ??
      ctx.triggers.find((t) => t.eventType === 'ON_EDIT'))
    : undefined;
  if (installable && !trigger)
    throw new Error('Sheets stand-in: nobody has an installable edit trigger here');
  ctx.begin(installable ? 'installable-edit' : 'edit', installable ? 'FULL' : 'LIMITED');

  const range = rangeFromA1(ctx, sheet, a1);
  const inner = Range.internals(range);
  if (!inner) throw new Error('Sheets stand-in: bad range');
  const { rect } = inner;
  if (!isGrid(values)) throw new Error('Sheets stand-in: edit() takes a 2-D array');
  if (values.length !== rect.numRows) throw new Error(MESSAGES.rows(values.length, rect.numRows));
  for (const row of values) {
    if (row.length !== rect.numColumns) throw new Error(MESSAGES.columns(row.length, rect.numColumns));
  }
  const single = rect.numRows === 1 && rect.numColumns === 1;
  const oldValue = single
    ? eventText(sheet.grid.get(rect.row, rect.column).value, ctx.book.timeZone)
    : undefined;

  const readRange = (r: unknown): Cell[][] => {
    const src = Range.internals(r);
    if (!src) return [];
    const out: Cell[][] = [];
    for (let i = 0; i < src.rect.numRows; i++) {
      const row: Cell[] = [];
      for (let j = 0; j < src.rect.numColumns; j++)
        row.push(src.sheet.grid.get(src.rect.row + i, src.rect.column + j).value);
      out.push(row);
    }
    return out;
  };
  values.forEach((row, i) => {
    row.forEach((raw, j) => {
      const cell = sheet.grid.edit(rect.row + i, rect.column + j);
      const trial = { ...cell };
      storeInput(ctx, trial, raw);
      if (cell.validation && !ruleAccepts(cell.validation, trial.value, readRange)) {
        throw new Error(
          `Sheets stand-in: Sheets would reject ${JSON.stringify(raw)} in ${sheetName}!${a1} (data validation ${cell.validation.criteria}).`,
        );
      }
      Object.assign(cell, { value: trial.value, formula: trial.formula, numberFormat: trial.numberFormat });
    });
  });

  const event: EditEvent = {
    authMode: installable ? AuthMode.FULL : AuthMode.LIMITED,
    range,
    source: new Spreadsheet(ctx),
    user: new User(ctx, ctx.activeUser),
  };
  if (single) {
    const value = eventText(sheet.grid.get(rect.row, rect.column).value, ctx.book.timeZone);
    if (value !== undefined) event.value = value;
    if (oldValue !== undefined) event.oldValue = oldValue;
  }
  if (trigger) event.triggerUid = trigger.id;
  return event;
}

/** onOpen's event. In AuthMode.NONE it carries only `authMode`: the add-on may build its menu and nothing else. */
export function openEvent(ctx: StandInContext, authMode: AuthModeName): OpenEvent {
  ctx.begin('open', authMode);
  if (authMode === 'NONE') return { authMode: AuthMode.NONE };
  return { authMode: AuthMode[authMode], source: new Spreadsheet(ctx), user: new User(ctx, ctx.activeUser) };
}

/** onInstall's event: the user just authorized the add-on (FULL). */
export function installEvent(ctx: StandInContext): OpenEvent {
  ctx.begin('install', 'FULL');
  return { authMode: AuthMode.FULL, source: new Spreadsheet(ctx), user: new User(ctx, ctx.activeUser) };
}

/** A time-driven trigger's event, with the clock fields in the script's time zone. */
export function clockEvent(ctx: StandInContext, triggerId: string): ClockEvent {
  ctx.begin('clock', 'FULL');
  const zone = ctx.scriptTimeZone;
  const w = wallClock(ctx.nowMs(), zone);
  return {
    authMode: AuthMode.FULL,
    triggerUid: triggerId,
    timezone: zone,
    year: w.year,
    month: w.month,
    'day-of-month': w.day,
    'day-of-week': w.weekday === 0 ? 7 : w.weekday,
    hour: w.hour,
    minute: w.minute,
    second: w.second,
  };
}
