import { join } from 'node:path';
import { findTableFiles, readCsvGrid } from '../../src/cli/files';
import { workbookFromCsvFolder } from '../../test/support/csv-workbook';
import { type BundleContext, loadBundle } from '../../test/support/load-bundle';
import { createStandIn, type StandIn } from '../../test/support/standin';
import { formatForTyped } from '../../test/support/standin/display';
import { parseTyped } from '../../test/support/standin/typed-text';

/**
 * One sample workbook loaded into the Sheets stand-in (a test fixture, not
 * Sheets) with the built dist/Code.js running over it, as the preview and
 * the browser tests use it.
 */
/** A sample workbook: the Korean and the English add-on sheets, and a Korean team's own sheet to connect. */
export type PreviewSample = 'ko' | 'en' | 'team';

/** The sample a `?lang=` value names; anything else is the Korean one. */
export function previewSampleOf(value: string | null): PreviewSample {
  return value === 'en' || value === 'team' ? value : 'ko';
}

interface Sample {
  folder: string;
  language: 'ko' | 'en';
  spreadsheetName: string;
  /** The sheet the deals are on, whose rows the preview lets a person select. */
  dealsSheet: string;
  timeZone: string;
  locale: string;
  /** 10:00 on 2023-11-15 in the sample's zone: the day the sample data was written for. */
  startsAt: string;
  /** A deal with its checklist half done: what a person sees first. */
  firstDeal: string;
}

const SAMPLES: Record<PreviewSample, Sample> = {
  ko: {
    folder: 'sample-data',
    language: 'ko',
    spreadsheetName: '영업 파이프라인',
    dealsSheet: 'Deals',
    timeZone: 'Asia/Seoul',
    locale: 'ko_KR',
    startsAt: '2023-11-15T10:00:00+09:00',
    firstDeal: 'D-2023-017',
  },
  en: {
    folder: 'sample-data/en',
    language: 'en',
    spreadsheetName: 'Sales pipeline',
    dealsSheet: 'Deals',
    timeZone: 'America/New_York',
    locale: 'en_US',
    startsAt: '2023-11-15T10:00:00-05:00',
    firstDeal: 'D-016',
  },
  // A team's own sheet as teams keep it: a title row with the unit, its own headers and 상태 notes, no Stages.
  team: {
    folder: 'sample-data/team',
    language: 'ko',
    spreadsheetName: '영업팀 딜 현황',
    dealsSheet: '딜 현황',
    timeZone: 'Asia/Seoul',
    locale: 'ko_KR',
    startsAt: '2023-11-15T10:00:00+09:00',
    firstDeal: 'T-107',
  },
};

// The add-on's sheets after the deals, in this order; any other sheet follows in workbook order.
const TAB_ORDER = ['Stage history', 'Tasks', 'Stages'];

/** The sheets the preview shows, in tab order: the deals first. */
export function sheetTabs(workbook: PreviewWorkbook): string[] {
  const names = workbook.standIn.spreadsheet.getSheets().map((s) => s.getName());
  const known = [workbook.dealsSheet, ...TAB_ORDER].filter((n) => names.includes(n));
  return [...known, ...names.filter((n) => !known.includes(n))];
}

export interface PreviewWorkbook {
  sample: PreviewSample;
  language: 'ko' | 'en';
  dealsSheet: string;
  standIn: StandIn;
  bundle: BundleContext;
}

export function loadWorkbook(name: PreviewSample, root: string): PreviewWorkbook {
  const sample = SAMPLES[name];
  const sheets = workbookFromCsvFolder(join(root, sample.folder), sample.timeZone);
  // The clock starts at the sample's "today" and then runs, so history rows written a minute apart differ.
  const base = new Date(sample.startsAt).getTime();
  const started = Date.now();
  const standIn = createStandIn({
    timeZone: sample.timeZone,
    locale: sample.locale,
    sheets,
    now: () => new Date(base + (Date.now() - started)),
    spreadsheetName: sample.spreadsheetName,
  });
  applyImportFormats(standIn, join(root, sample.folder), sample.timeZone, sample.locale);
  const bundle = loadBundle(standIn, join(root, 'dist/Code.js'));
  selectDeal(standIn, sample.dealsSheet, sample.firstDeal);
  return { sample: name, language: sample.language, dealsSheet: sample.dealsSheet, standIn, bundle };
}

/** Selects the deals' row holding `dealId` (column A), or row 2. */
function selectDeal(standIn: StandIn, sheet: string, dealId: string): void {
  const rows = standIn.values(sheet);
  const index = rows.findIndex((row) => row[0] === dealId);
  standIn.select(sheet, `A${index > 0 ? index + 1 : 2}`);
}

/**
 * workbookFromCsvFolder keeps values only; Sheets' CSV import also gives
 * `₩48,000,000` a currency format and `70%` a percent format. The preview
 * restores those so the sheet view reads as a person would see it (the
 * bundle reads values, which formats do not change).
 */
function applyImportFormats(standIn: StandIn, folder: string, timeZone: string, locale: string): void {
  for (const [table, file] of Object.entries(findTableFiles(folder))) {
    if (!file) continue;
    // The sheet name as csv-workbook gives it: `<spreadsheet> - X.csv` is X, other files their table.
    const base = file.replace(/\.csv$/i, '').normalize('NFC');
    const dash = base.lastIndexOf(' - ');
    const sheet = dash >= 0 ? base.slice(dash + 3) : table;
    if (!standIn.spreadsheet.getSheetByName(sheet)) continue;
    const grid = readCsvGrid(join(folder, file));
    const width = Math.max(1, ...grid.map((row) => row.length));
    const formats = grid.map((row) =>
      Array.from({ length: width }, (_, c) => {
        const text = row[c];
        if (typeof text !== 'string') return '';
        const typed = parseTyped(text, { timeZone, dayFirst: false });
        return typed.kind === 'currency' || typed.kind === 'grouped' || typed.kind === 'percent'
          ? (formatForTyped(typed, locale) ?? '')
          : '';
      }),
    );
    if (formats.some((row) => row.some((f) => f !== '')))
      standIn.seed(sheet, `A1:${columnLetter(width)}${grid.length}`, { numberFormats: formats });
  }
}

function columnLetter(n: number): string {
  let s = '';
  for (let i = n; i > 0; i = Math.floor((i - 1) / 26)) s = String.fromCharCode(65 + ((i - 1) % 26)) + s;
  return s;
}
