import { isoDate, monthIndexOf, monthKey, Zone } from '../../engine/zone';
import { DASHBOARD_TITLES, dashboardText } from '../i18n/dashboard-text';
import { uiText } from '../i18n/ui-text';
import { Ownership } from '../sheets/ownership';
import { SHEET_NAMES, sheetNameFor } from '../sheets/sheet-names';
import { setBlock, wholeColumns } from '../sheets/sheets-io';
import { freeSheetName, requireSheet } from '../sheets/workbook';
import { beginExecution } from '../storage/execution';
import { writeLostBlock } from './lost-block';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

// Where the two spilled tables start; the charts read these blocks.
const FORECAST_AT = { row: 6, column: 1 };
const FUNNEL_AT = { row: 6, column: 8 };
const SPILL_ROWS = 120;

/**
 * Builds (or rebuilds) the Dashboard sheet: live formulas over the pipeline
 * sheets, two charts, and lost deals by reason as of the build (lost-block.ts).
 * Only the cells and charts it owns are rewritten, so a rebuild never
 * duplicates a chart.
 */
export function buildDashboard(): void {
  const exec = beginExecution();
  const { ss, store, language } = exec;
  const l = dashboardText(language);
  const own = new Ownership(ss, store);
  const stages = requireSheet(ss, 'Stages', language, own).sheet;
  const deals = requireSheet(ss, 'Deals', language, own).sheet;
  const history = requireSheet(ss, 'Stage history', language, own).sheet;
  const dealsRef = wholeColumns(deals, deals.getLastColumn());
  const stagesRef = wholeColumns(stages, stages.getLastColumn());
  const historyRef = wholeColumns(history, history.getLastColumn());

  const sheet = dashboardSheet(ss, own, language);
  const zone = new Zone(ss.getSpreadsheetTimeZone());
  const thisMonth = monthKey(monthIndexOf(zone.day(Date.now())));

  setBlock(sheet.getRange(1, 1), [[l.title]]);
  sheet.getRange(1, 1).setFontWeight('bold').setFontSize(14);
  setBlock(sheet.getRange(2, 1, 2, 2), [
    [l.month, thisMonth],
    [l.range, ''],
  ]);
  // FORECAST_RANGE takes the month from B2: custom functions may not take TODAY() as an argument.
  sheet.getRange(3, 2).setFormula(`=FORECAST_RANGE(${dealsRef}, ${stagesRef}, B2)`);
  sheet.getRange(3, 2, 1, 3).setNumberFormat('#,##0');
  spilledBlock(sheet, FORECAST_AT, l.forecast, `=FORECAST_WEIGHTED(${dealsRef}, ${stagesRef})`);
  sheet.getRange(FORECAST_AT.row + 1, FORECAST_AT.column + 1, SPILL_ROWS, 3).setNumberFormat('#,##0');
  spilledBlock(sheet, FUNNEL_AT, l.funnel, `=STAGE_CONVERSION(${historyRef}, ${stagesRef})`);
  // Conversion, then Win rate, low and high, as the STAGE_CONVERSION header places them (SPEC §3).
  sheet.getRange(FUNNEL_AT.row + 1, FUNNEL_AT.column + 5, SPILL_ROWS, 1).setNumberFormat('0%');
  sheet.getRange(FUNNEL_AT.row + 1, FUNNEL_AT.column + 8, SPILL_ROWS, 3).setNumberFormat('0%');
  writeLostBlock(sheet, exec);

  // Fix: only the two charts this function draws are replaced (recognised by
  // the block they chart); removing every chart also deleted charts a person
  // had added to the Dashboard sheet.
  const forecastRange = sheet.getRange(FORECAST_AT.row, FORECAST_AT.column, SPILL_ROWS, 3);
  const funnelRange = sheet.getRange(FUNNEL_AT.row, FUNNEL_AT.column, SPILL_ROWS, 2);
  const ours = [forecastRange.getA1Notation(), funnelRange.getA1Notation()];
  for (const chart of sheet.getCharts()) {
    const first = chart.getRanges()[0];
    if (first && ours.includes(first.getA1Notation())) sheet.removeChart(chart);
  }
  insertChart(sheet, Charts.ChartType.COLUMN, forecastRange, l.forecastChart, 'bottom', FORECAST_AT);
  insertChart(sheet, Charts.ChartType.BAR, funnelRange, l.funnelChart, 'none', FUNNEL_AT);
  sheet.activate();
  store.save();
  const t = uiText(language);
  ss.toast(t.dashboardDone(isoDate(zone.day(Date.now()))), t.title, 5);
}

/**
 * The add-on's own dashboard: the sheet it tagged; else one an earlier
 * version made (named Dashboard, with its title and forecast formula), now
 * tagged; else a new sheet. A team's own `Dashboard` sheet is never touched:
 * the add-on's then goes under another name.
 */
function dashboardSheet(ss: Spreadsheet, own: Ownership, language: 'ko' | 'en'): Sheet {
  // Always by the tag: a sheet under the remembered name may be a team's own Dashboard.
  const tagged = own.taggedSheet('Dashboard');
  if (tagged) return tagged;
  for (const name of SHEET_NAMES.Dashboard.aliases) {
    const sheet = ss.getSheetByName(name);
    if (sheet && madeByEarlierVersion(sheet)) {
      own.tagSheet(sheet, 'Dashboard');
      return sheet;
    }
  }
  const sheet = ss.insertSheet(freeSheetName(ss, sheetNameFor('Dashboard', language)));
  own.tagSheet(sheet, 'Dashboard');
  return sheet;
}

/** An earlier version's dashboard: its title in A1 and its forecast formula where it put it. */
function madeByEarlierVersion(sheet: Sheet): boolean {
  const title = String(sheet.getRange(1, 1).getValue());
  if (!DASHBOARD_TITLES.includes(title)) return false;
  return /^=FORECAST_WEIGHTED\(/i.test(sheet.getRange(FORECAST_AT.row, FORECAST_AT.column).getFormula());
}

/** A bold title, and under it the formula whose table spills from there. */
function spilledBlock(
  sheet: Sheet,
  at: { row: number; column: number },
  title: string,
  formula: string,
): void {
  setBlock(sheet.getRange(at.row - 1, at.column), [[title]]);
  sheet.getRange(at.row - 1, at.column).setFontWeight('bold');
  sheet.getRange(at.row, at.column).setFormula(formula);
}

/** A chart of a spilled table, placed under it. */
function insertChart(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  type: GoogleAppsScript.Charts.ChartType,
  range: GoogleAppsScript.Spreadsheet.Range,
  title: string,
  legend: 'bottom' | 'none',
  at: { row: number; column: number },
): void {
  const chart = sheet
    .newChart()
    .setChartType(type)
    .addRange(range)
    .setNumHeaders(1)
    .setOption('title', title)
    .setOption('legend', { position: legend })
    .setPosition(at.row + 16, at.column, 0, 0)
    .build();
  sheet.insertChart(chart);
}
