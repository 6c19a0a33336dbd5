import { workbookFromCsvFolder } from '../support/csv-workbook';
import { type BundleContext, loadBundle } from '../support/load-bundle';
import { createStandIn, type StandIn } from '../support/standin';

/** The Korean sample workbook in the stand-in, with the bundle loaded, on 15 Nov 2023 in Seoul. */
export function samplePipeline(): {
  standIn: StandIn;
  app: BundleContext;
  call: (fn: string, ...args: unknown[]) => unknown;
} {
  const standIn = createStandIn({
    timeZone: 'Asia/Seoul',
    locale: 'ko_KR',
    userEmail: 'seoyeon.lee@example.com',
    now: () => new Date('2023-11-15T10:00:00+09:00'),
    sheets: workbookFromCsvFolder('sample-data', 'Asia/Seoul'),
  });
  const app = loadBundle(standIn);
  const call = (fn: string, ...args: unknown[]) => {
    standIn.begin('sidebar');
    return (app[fn] as (...a: unknown[]) => unknown)(...args);
  };
  return { standIn, app, call };
}

/** The sheet row of a deal, found by its id as a person would. */
export function rowOf(standIn: StandIn, dealId: string): number {
  const i = standIn.values('Deals').findIndex((r) => r[0] === dealId);
  if (i < 0) throw new Error(`no deal ${dealId}`);
  return i + 1;
}

export function column(standIn: StandIn, sheet: string, header: string): number {
  const c = (standIn.values(sheet)[0] ?? []).indexOf(header);
  if (c < 0) throw new Error(`no column ${header} in ${sheet}`);
  return c;
}

export function cellOf(standIn: StandIn, sheet: string, row: number, header: string): unknown {
  return standIn.values(sheet)[row - 1]?.[column(standIn, sheet, header)];
}
