import { type Cell, cellText } from '../../engine/cells';
import { headersLanguage, type Language } from '../../engine/table';
import { cellTexts } from '../../engine/texts';
import { LOG_HEADERS, reviewText } from '../i18n/review-text';
import type { Ownership } from '../sheets/ownership';
import { appendRows, setBlock } from '../sheets/sheets-io';
import { freeSheetName } from '../sheets/workbook';
import type { StagesWrite } from './stages-cells';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/**
 * The Stage changes log (SPEC §4, §8): one row per Stages value a review
 * applied, with the evidence it rested on, so a team can see later why a
 * probability is what it is. The add-on's own sheet, known by its tag.
 */

// Tab names stay English in both languages, as the other sheets' do (sheet-names.ts); headers follow the language.
const LOG_NAME = 'Stage changes log';
// Positions in LOG_HEADERS (When, Who, Pipeline, Stage, Field, Old, New, Evidence) of the columns that get formats.
const WHEN = 0;
const OLD = 5;
const NEW = 6;

/**
 * The log to append to: the sheet the add-on tagged (wherever it was renamed
 * to); else an empty sheet of that name, adopted; else a new sheet. A team's
 * own `Stage changes log` with anything in it is never written: the add-on's
 * goes beside it under another name, as the dashboard does.
 */
export function changeLogSheet(ss: Spreadsheet, own: Ownership, language: Language): Sheet {
  // Always by the tag: a sheet under the remembered name may be a team's own.
  const tagged = own.taggedSheet('Stage changes log');
  if (tagged) return tagged;
  const named = ss.getSheetByName(LOG_NAME);
  const empty = named !== null && named.getLastRow() === 0 && named.getLastColumn() === 0;
  const sheet = named && empty ? named : ss.insertSheet(freeSheetName(ss, LOG_NAME));
  own.tagSheet(sheet, 'Stage changes log');
  const headers = reviewText(language).logHeaders;
  setBlock(sheet.getRange(1, 1, 1, headers.length), [headers]);
  sheet.getRange(1, 1, 1, headers.length).setFontWeight('bold');
  sheet.setFrozenRows(1);
  return sheet;
}

/**
 * Appends one row per write below the last row with content (the caller
 * holds the document lock). Columns are found by their headers in either
 * language, so a person may reorder them; a header someone deleted is
 * added back at the right. Rows are worded in the log's own language.
 */
export function appendChangeLog(
  sheet: Sheet,
  writes: readonly StagesWrite[],
  entry: { when: Date; who: string; locale: string; language: Language },
): void {
  const width = Math.max(1, sheet.getLastColumn());
  const header = (sheet.getRange(1, 1, 1, width).getValues()[0] ?? []).map((h) => cellText(h).trim());
  const language = headersLanguage(header) ?? entry.language;
  const t = reviewText(language);
  const columns = LOG_HEADERS.map((names) => header.findIndex((h) => names.includes(h)));
  let used = header.length;
  columns.forEach((c, field) => {
    if (c >= 0) return;
    // The first free column: 0-based `used`, which is sheet column `used + 1`.
    columns[field] = used;
    used += 1;
    setBlock(sheet.getRange(1, used), [[t.logHeaders[field] as string]]);
  });
  const rows = writes.map((w) => {
    const row: Cell[] = new Array(Math.max(...columns) + 1).fill('');
    const { pipeline, stage, stays, running, closed } = w.stage.row;
    const values: Cell[] = [entry.when, entry.who, pipeline, stage, t.fields[w.field], w.old ?? '', w.value];
    values.push(cellTexts(language).evidence(stays, running, closed));
    values.forEach((v, field) => {
      row[columns[field] as number] = v;
    });
    return row;
  });
  const start = appendRows(sheet, 1, rows);
  formatRows(sheet, start, writes, columns, entry.locale);
}

/** When as a date-time, Old and New as percents or whole days: one call per column. */
function formatRows(
  sheet: Sheet,
  start: number,
  writes: readonly StagesWrite[],
  columns: readonly number[],
  locale: string,
): void {
  const n = writes.length;
  sheet.getRange(start, (columns[WHEN] as number) + 1, n, 1).setNumberFormat(dateTimeFormat(locale));
  const formats = (old: boolean) =>
    writes.map((w) => {
      const v = old ? w.old : w.value;
      if (w.field === 'staleAfter') return ['0'];
      return [v !== null && Number.isInteger(Math.round(v * 1e6) / 1e4) ? '0%' : '0.0%'];
    });
  sheet.getRange(start, (columns[OLD] as number) + 1, n, 1).setNumberFormats(formats(true));
  sheet.getRange(start, (columns[NEW] as number) + 1, n, 1).setNumberFormats(formats(false));
}

/** The date-time format setup gives Stage history's When, by the spreadsheet's locale. */
function dateTimeFormat(locale: string): string {
  if (/^ko/i.test(locale)) return 'yyyy. m. d hh:mm';
  return /^en_US$/i.test(locale) ? 'm/d/yyyy h:mm' : 'yyyy-mm-dd hh:mm';
}
