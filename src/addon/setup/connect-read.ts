import { type Cell, cellText, isDateCell } from '../../engine/cells';
import { columnValues, type DateOrder, readingOf as engineReading } from '../../engine/column-formats';
import { parseDate } from '../../engine/dates';
import { matchColumns } from '../../engine/header-match';
import { type DecimalMark, decimalMarkOf } from '../../engine/number-format';
import { type ColumnSpec, DEALS, type DealField, isStatusWord } from '../../engine/schema';
import { findHeaderRow, HEADER_SEARCH_ROWS, readTable } from '../../engine/table';
import { parseAmount, parseProbability, textOf } from '../../engine/values';
import { isoDate, isoDateTime, type Zone } from '../../engine/zone';
import type { ConnectField } from '../../shared/connect-protocol';
import { connectText } from '../i18n/connect-text';
import type { OwnedSheetName, Ownership } from '../sheets/ownership';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Grid = readonly (readonly Cell[])[];

/** The fields the dialog offers, in the order a person checks them. Health is the add-on's own. */
export const CONNECT_FIELDS: readonly DealField[] = [
  'stage',
  'amount',
  'expectedClose',
  'deal',
  'company',
  'owner',
  'dealId',
  'stageEntered',
  'probability',
  'status',
  'currency',
  'pipeline',
  'contactEmail',
];

const OWN_SHEETS: readonly OwnedSheetName[] = [
  'Stages',
  'Stage history',
  'Tasks',
  'Stage changes log',
  'Dashboard',
];
const SAMPLES = 3;

/**
 * Every sheet a team might keep its deals in, with how many Deals fields the
 * best of its first rows names (the add-on's own sheets left out). Reads only
 * the first 20 rows of each.
 */
export function sheetsByFit(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  own: Ownership,
): { name: string; score: number }[] {
  const ours = new Set(OWN_SHEETS.map((n) => own.rememberedName(n)).filter((n): n is string => n !== null));
  const found: { name: string; score: number }[] = [];
  for (const sheet of ss.getSheets()) {
    const name = sheet.getName();
    if (ours.has(name)) continue;
    found.push({ name, score: fitOf(sheet) });
  }
  return found;
}

function fitOf(sheet: Sheet): number {
  const rows = Math.min(HEADER_SEARCH_ROWS, sheet.getLastRow());
  const columns = sheet.getLastColumn();
  if (rows === 0 || columns === 0) return 0;
  const top = sheet.getRange(1, 1, rows, columns).getValues() as Cell[][];
  const headers = (top[findHeaderRow(top, DEALS)] ?? []).map((h) => cellText(h).trim());
  return Object.keys(matchColumns(headers, DEALS).columns).length;
}

/** How a team's sheet reads under a map: its header row, each field's column, samples and problems. */
export interface SheetReading {
  readonly headerRow: number;
  readonly headers: string[];
  readonly fields: ConnectField[];
  readonly amountUnit: number;
  /** The Amount's currency as the engine reads it (its header's unit, its values' signs, a Currency column). */
  readonly currency: string | null;
  readonly dateOrder: DateOrder;
}

/**
 * The sheet read as the engine reads Deals (the same header search, column
 * match, units and refusals as the daily check and the CLI), even while a
 * required field has no column, so the dialog can show what is missing.
 */
export function readingOf(
  grid: Grid,
  map: Readonly<Record<string, string>>,
  zone: Zone,
  language: 'ko' | 'en',
  locale: string | null = null,
): SheetReading {
  const t = connectText(language);
  const table = readTable(grid, DEALS, { map, allowMissing: true });
  const reading = engineReading(table);
  const amountUnit = reading.amountUnit ?? 1;
  const dateOrder = reading.dateOrder ?? 'year-first';
  const options = {
    zone,
    dayFirst: dateOrder === 'day-first',
    amountUnit,
    currency: reading.currency,
    locale,
    decimal: decimalMarkOf(columnValues(table, 'amount'), locale),
  };
  const fields = CONNECT_FIELDS.map((field): ConnectField => {
    const c = table.columns[field];
    const header = c === undefined ? null : (table.headers[c] ?? null);
    const values = columnValues(table, field);
    const read = values.map((v) => readAs(field, v, options));
    const bad = read.filter((r) => r === null);
    const example = values[read.indexOf(null)];
    return {
      field,
      label: t.fields[field],
      required: (DEALS.columns[field] as ColumnSpec).required === true,
      header,
      unmapped: map[field] === '',
      samples: values.slice(0, SAMPLES).map((v, i) => ({ raw: rawText(v, zone), read: read[i] ?? '—' })),
      problem: bad.length > 0 ? t.unreadable(bad.length, cellText(example ?? '').slice(0, 60)) : null,
    };
  });
  return {
    headerRow: table.headerIndex + 1,
    headers: [...table.headers],
    fields,
    amountUnit,
    currency: reading.currency,
    dateOrder,
  };
}

/** A cell as the sheet holds it; a date cell as its wall-clock time in the spreadsheet's zone (not UTC). */
function rawText(cell: Cell, zone: Zone): string {
  if (!isDateCell(cell)) return cellText(cell);
  const local = zone.local(cell.getTime());
  return local % 86_400_000 === 0 ? isoDate(local / 86_400_000) : isoDateTime(local);
}

/** A value as the engine reads it, in words; `null` when it cannot be read. */
function readAs(
  field: DealField,
  cell: Cell,
  options: {
    zone: Zone;
    dayFirst: boolean;
    amountUnit: number;
    currency: string | null;
    locale: string | null;
    decimal: DecimalMark | null;
  },
): string | null {
  if (field === 'amount') {
    const parsed = parseAmount(cell, { decimal: options.decimal });
    if (!parsed.ok) return null;
    const amount = (parsed.value * options.amountUnit).toLocaleString('en-US');
    return options.currency ? `${amount} ${options.currency}` : amount;
  }
  if (field === 'expectedClose' || field === 'stageEntered') {
    const parsed = parseDate(cell, {
      zone: options.zone,
      dayFirst: options.dayFirst,
      locale: options.locale,
      monthOnly: field === 'expectedClose' ? 'end' : 'start',
    });
    if (!parsed.ok || parsed.value === null) return null;
    const local = parsed.value;
    return local % 86_400_000 === 0 ? isoDate(local / 86_400_000) : isoDateTime(local);
  }
  if (field === 'probability') {
    const parsed = parseProbability(cell);
    return parsed.ok ? `${Math.round(parsed.value * 1000) / 10}%` : null;
  }
  if (field === 'status') return isStatusWord(textOf(cell)) ? textOf(cell).toLowerCase() : null;
  return textOf(cell);
}
