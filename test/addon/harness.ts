/**
 * Shared helpers for the add-on tests: a spreadsheet in the Sheets stand-in
 * with the BUILT bundle loaded (run `npm run build` first), entry points
 * called the way Apps Script calls them, and cell-by-cell snapshot diffs.
 */

import { readFileSync } from 'node:fs';
import type { Settings, SettingsState } from '../../src/shared/settings-protocol';
import { workbookFromCsvFolder } from '../support/csv-workbook';
import { type BundleContext, callGlobal, loadBundle } from '../support/load-bundle';
import { type Cell, createStandIn, type SheetSnapshot, type StandIn } from '../support/standin';

export interface Harness {
  standIn: StandIn;
  app: BundleContext;
}

export interface SpreadsheetOptions {
  locale?: string;
  timeZone?: string;
  scriptTimeZone?: string;
  userLocale?: string;
  now?: Date;
  sheets?: Record<string, Cell[][]>;
  mailQuota?: number;
  userEmail?: string;
}

/** A spreadsheet (Seoul, Korean by default) with the add-on bundle loaded into it. */
export function openSpreadsheet(options: SpreadsheetOptions = {}): Harness {
  const now = options.now ?? new Date('2023-11-15T00:00:00Z');
  const standIn = createStandIn({
    timeZone: options.timeZone ?? 'Asia/Seoul',
    locale: options.locale ?? 'ko_KR',
    now: () => now,
    ...(options.scriptTimeZone ? { scriptTimeZone: options.scriptTimeZone } : {}),
    ...(options.userLocale ? { userLocale: options.userLocale } : {}),
    ...(options.sheets ? { sheets: options.sheets } : {}),
    ...(options.mailQuota !== undefined ? { mailQuota: options.mailQuota } : {}),
    ...(options.userEmail ? { userEmail: options.userEmail } : {}),
    // The built dialogs, so the Settings and deal panel menu items can open them.
    htmlFiles: {
      Settings: readFileSync('dist/Settings.html', 'utf8'),
      Sidebar: readFileSync('dist/Sidebar.html', 'utf8'),
      Connect: readFileSync('dist/Connect.html', 'utf8'),
    },
  });
  return { standIn, app: loadBundle(standIn) };
}

/** The Korean sample workbook with the bundle loaded, on 15 Nov 2023 at 10:00 in Seoul, seoyeon.lee at the keyboard. */
export function samplePipeline(): Harness & {
  call: (fn: string, ...args: unknown[]) => unknown;
  act: (fn: string, ...args: unknown[]) => unknown;
} {
  const h = openSpreadsheet({
    now: new Date('2023-11-15T10:00:00+09:00'),
    userEmail: 'seoyeon.lee@example.com',
    sheets: workbookFromCsvFolder('sample-data', 'Asia/Seoul'),
  });
  return {
    ...h,
    call: (fn: string, ...args: unknown[]) => fromDialog(h, fn, ...args),
    act: (fn: string, ...args: unknown[]) => fromPanel(h, fn, ...args),
  };
}

/** The English sample workbook in New York (en_US), by default at 09:00 there on 15 Nov 2023. */
export function englishSample(now = new Date('2023-11-15T14:00:00Z')): Harness {
  return openSpreadsheet({
    locale: 'en_US',
    timeZone: 'America/New_York',
    now,
    sheets: workbookFromCsvFolder('sample-data/en', 'America/New_York'),
  });
}

/**
 * A deal panel call as a person makes it: with the deal the request names
 * selected in Deals (the server acts only on the selected row's deal).
 */
export function fromPanel(h: Harness, functionName: string, ...args: unknown[]): unknown {
  const request = args[0] as { dealId?: unknown } | undefined;
  if (typeof request?.dealId === 'string') {
    const i = h.standIn.values('Deals').findIndex((r) => String(r[0]).trim() === request.dealId);
    if (i > 0) h.standIn.select('Deals', `A${i + 1}`);
  }
  return fromDialog(h, functionName, ...args);
}

/** The sheet row of a deal, found by its id as a person would. */
export function rowOf(standIn: StandIn, dealId: string): number {
  const i = standIn.values('Deals').findIndex((r) => r[0] === dealId);
  if (i < 0) throw new Error(`no deal ${dealId}`);
  return i + 1;
}

/** The 0-based column of a header in a sheet's first row. */
export function column(standIn: StandIn, sheet: string, header: string): number {
  const c = (standIn.values(sheet)[0] ?? []).indexOf(header);
  if (c < 0) throw new Error(`no column ${header} in ${sheet}`);
  return c;
}

export function cellOf(standIn: StandIn, sheet: string, row: number, header: string): unknown {
  return standIn.values(sheet)[row - 1]?.[column(standIn, sheet, header)];
}

/** A person clicking an Extensions › Sheets Pipeline item: a FULL-auth menu execution of that global. */
export function click(h: Harness, functionName: string, ...args: unknown[]): unknown {
  h.standIn.begin('menu');
  return callGlobal(h.app, functionName, ...args);
}

/** A `google.script.run` call from the settings dialog or the sidebar. */
export function fromDialog(h: Harness, functionName: string, ...args: unknown[]): unknown {
  h.standIn.begin('sidebar');
  return callGlobal(h.app, functionName, ...args);
}

/** The daily time-driven trigger firing: a clock execution (no UI) with its event. */
export function fireDailyTrigger(h: Harness): unknown {
  const event = h.standIn.clockEvent('runDailyChecks');
  return h.app.runDailyChecks(event);
}

export const DEFAULT_SETTINGS: Settings = {
  notifications: false,
  managerEmail: '',
  dailyHour: 7,
  languageChoice: 'auto',
  lostReasons: [],
};

/** Saves settings the way the Settings dialog does. */
export function saveSettings(h: Harness, settings: Partial<Settings>): void {
  fromDialog(h, 'settingsSave', { ...DEFAULT_SETTINGS, ...settings });
}

/** What the Settings dialog shows. The bundle's objects come from its realm: round-trip through JSON. */
export function settingsState(h: Harness): SettingsState {
  return JSON.parse(JSON.stringify(fromDialog(h, 'settingsGetState'))) as SettingsState;
}

// Snapshots ------------------------------------------------------------------

/** The sheets' names in tab order. Goes through the counted API: reset `calls` after it when measuring. */
export function sheetNames(standIn: StandIn): string[] {
  return standIn.spreadsheet.getSheets().map((s) => s.getName());
}

/** Every sheet, deep-copied (counts the listing calls of `sheetNames`). */
export function snapshotAll(standIn: StandIn): Record<string, SheetSnapshot> {
  return Object.fromEntries(sheetNames(standIn).map((n) => [n, standIn.snapshot(n)]));
}

export function a1(row: number, column: number): string {
  let n = column;
  let letters = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    letters = String.fromCharCode(65 + r) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return `${letters}${row}`;
}

export interface CellChange {
  sheet: string;
  row: number;
  column: number;
  /** `values`, `formulas`, `numberFormats`... */
  field: string;
  before: unknown;
  after: unknown;
}

const CELL_FIELDS = [
  'values',
  'formulas',
  'numberFormats',
  'backgrounds',
  'fontWeights',
  'fontColors',
  'notes',
  'validations',
] as const;
type CellField = (typeof CELL_FIELDS)[number];

function comparable(v: unknown): unknown {
  if (Object.prototype.toString.call(v) === '[object Date]') return `Date(${(v as Date).toISOString()})`;
  if (v !== null && typeof v === 'object') return JSON.stringify(v);
  return v;
}

/**
 * Every cell that differs between two snapshots of one sheet, field by field,
 * over the larger of the two sizes. `fields` limits which grids are compared.
 */
export function cellChanges(
  before: SheetSnapshot,
  after: SheetSnapshot,
  fields: readonly CellField[] = CELL_FIELDS,
): CellChange[] {
  const changes: CellChange[] = [];
  const rows = Math.max(before.maxRows, after.maxRows);
  const columns = Math.max(before.maxColumns, after.maxColumns);
  for (const field of fields) {
    const b = before[field] as unknown[][];
    const a = after[field] as unknown[][];
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < columns; c++) {
        const x = comparable(b[r]?.[c]);
        const y = comparable(a[r]?.[c]);
        if (x !== y)
          changes.push({ sheet: after.name, row: r + 1, column: c + 1, field, before: x, after: y });
      }
    }
  }
  return changes;
}

/** Sheet-level differences (size, frozen rows, rules, charts), as readable lines. */
export function sheetChanges(before: SheetSnapshot, after: SheetSnapshot): string[] {
  const out: string[] = [];
  for (const key of ['maxRows', 'maxColumns', 'frozenRows', 'frozenColumns', 'hidden'] as const) {
    if (before[key] !== after[key]) out.push(`${after.name} ${key}: ${before[key]} → ${after[key]}`);
  }
  for (const key of ['conditionalFormats', 'charts'] as const) {
    const x = JSON.stringify(before[key]);
    const y = JSON.stringify(after[key]);
    if (x !== y) out.push(`${after.name} ${key}: ${x} → ${y}`);
  }
  return out;
}

/** Readable lines for every difference between two whole-workbook snapshots (empty when identical). */
export function workbookChanges(
  before: Record<string, SheetSnapshot>,
  after: Record<string, SheetSnapshot>,
): string[] {
  const out: string[] = [];
  const names = new Set([...Object.keys(before), ...Object.keys(after)]);
  for (const name of names) {
    const b = before[name];
    const a = after[name];
    if (!b || !a) {
      out.push(`${name}: ${b ? 'deleted' : 'added'}`);
      continue;
    }
    out.push(...sheetChanges(b, a));
    for (const c of cellChanges(b, a)) {
      out.push(`${name}!${a1(c.row, c.column)} ${c.field}: ${String(c.before)} → ${String(c.after)}`);
    }
  }
  return out;
}

/** The write methods a no-op run must never call. */
export function writeCalls(standIn: StandIn): Record<string, number> {
  const writes = Object.entries(standIn.calls.byMethod()).filter(([method]) =>
    /^(Range\.(set|insert|clear|remove)|Sheet\.(set|insert|delete|append|clear|hide|updateChart|removeChart)|Spreadsheet\.(insert|delete|set)|ScriptApp\.(newTrigger|deleteTrigger)|Properties\.(set|delete)|MailApp\.send)/.test(
      method,
    ),
  );
  return Object.fromEntries(writes);
}
