import { join } from 'node:path';
import { workbookFromCsvFolder } from '../../test/support/csv-workbook';
import { type BundleContext, loadBundle } from '../../test/support/load-bundle';
import { createStandIn, type StandIn } from '../../test/support/standin';

/**
 * One sample workbook loaded into the Sheets stand-in (a test fixture, not
 * Sheets) with the built dist/Code.js running over it, as the preview and
 * the browser tests use it.
 */
export type PreviewLanguage = 'ko' | 'en';

interface Sample {
  folder: string;
  timeZone: string;
  locale: string;
  /** 10:00 on 2023-11-15 in the sample's zone: the day the sample data was written for. */
  startsAt: string;
  /** A deal with its checklist half done: what a person sees first. */
  firstDeal: string;
}

const SAMPLES: Record<PreviewLanguage, Sample> = {
  ko: {
    folder: 'sample-data',
    timeZone: 'Asia/Seoul',
    locale: 'ko_KR',
    startsAt: '2023-11-15T10:00:00+09:00',
    firstDeal: 'D-2023-017',
  },
  en: {
    folder: 'sample-data/en',
    timeZone: 'America/New_York',
    locale: 'en_US',
    startsAt: '2023-11-15T10:00:00-05:00',
    firstDeal: 'D-016',
  },
};

/** The sheets the preview shows, in tab order. */
export const SHEET_TABS = ['Deals', 'Stage history', 'Tasks', 'Stages'] as const;

export interface PreviewWorkbook {
  language: PreviewLanguage;
  standIn: StandIn;
  bundle: BundleContext;
}

export function loadWorkbook(language: PreviewLanguage, root: string): PreviewWorkbook {
  const sample = SAMPLES[language];
  const sheets = workbookFromCsvFolder(join(root, sample.folder), sample.timeZone);
  // The clock starts at the sample's "today" and then runs, so history rows written a minute apart differ.
  const base = new Date(sample.startsAt).getTime();
  const started = Date.now();
  const standIn = createStandIn({
    timeZone: sample.timeZone,
    locale: sample.locale,
    sheets,
    now: () => new Date(base + (Date.now() - started)),
    spreadsheetName: language === 'ko' ? '영업 파이프라인' : 'Sales pipeline',
  });
  const bundle = loadBundle(standIn, join(root, 'dist/Code.js'));
  selectDeal(standIn, sample.firstDeal);
  return { language, standIn, bundle };
}

/** Selects the Deals row holding `dealId` (column A), or row 2. */
function selectDeal(standIn: StandIn, dealId: string): void {
  const rows = standIn.values('Deals');
  const index = rows.findIndex((row) => row[0] === dealId);
  standIn.select('Deals', `A${index > 0 ? index + 1 : 2}`);
}
