import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Frame, type FrameLocator, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import { type Preview, startPreview } from '../../scripts/preview';
import type { PreviewSample } from '../../scripts/preview/workbook';
import type { Cell } from '../support/standin';

/**
 * Debian's Chromium driven by playwright-core (never a downloaded browser).
 * Without it the browser tests are skipped on a workstation but fail in CI,
 * where `.ci/run` installs it: a missing browser must never look green there.
 */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const chromiumMissing = !existsSync(CHROMIUM);
export const skipBrowserTests = chromiumMissing && !process.env.CI;

const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface Chromium {
  context: BrowserContext;
  close(): Promise<void>;
}

/** A fresh profile each run (Playwright wants it as userDataDir, not as a --user-data-dir flag). */
export async function launchChromium(viewport = { width: 1280, height: 860 }): Promise<Chromium> {
  if (chromiumMissing)
    throw new Error(`Chromium is not installed at ${CHROMIUM} (apt-get install -y chromium)`);
  const profile = mkdtempSync(join(tmpdir(), 'sheets-pipeline-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: FLAGS,
    viewport,
    locale: 'en-US',
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

type Viewport = { width: number; height: number };

export interface PreviewBrowser {
  preview(): Preview;
  chromium(): Chromium;
}

/**
 * One preview server and one Chromium for the enclosing describe block (hooks
 * registered here, closed after its last test), so each browser test file
 * does not repeat the same start and close.
 */
export function usePreview(options: { viewport?: Viewport } = {}): PreviewBrowser {
  let preview: Preview | undefined;
  let browser: Chromium | undefined;
  beforeAll(async () => {
    preview = await startPreview({ port: 0 });
    browser = await launchChromium(options.viewport);
  });
  afterAll(async () => {
    await browser?.close();
    await preview?.close();
  });
  return {
    preview: () => preview ?? fail('the preview is not started yet'),
    chromium: () => browser ?? fail('Chromium is not launched yet'),
  };
}

export interface PreviewPageOptions {
  viewport?: Viewport;
  /** Samples reloaded from CSV before each test. Default: ko and en. */
  reset?: PreviewSample[];
}

export interface PreviewPage extends PreviewBrowser {
  /** The page the last `open` made (throws before the first). */
  page(): Page;
  /** Closes the test's previous page, if any, and opens the preview page of a sample. */
  open(language: PreviewSample, query?: string): Promise<Page>;
  /** `open`, then waits until the deal panel shows the selected deal and is idle. */
  openPanel(language: PreviewSample): Promise<FrameLocator>;
  /** Clicks the deal's row in the open page's sheet view and waits for the panel to follow. */
  selectDeal(language: PreviewSample, dealId: string): Promise<FrameLocator>;
  /** `open`, then the dialog behind the page's `#open-<name>` button, waited on until idle. */
  openDialog(
    language: PreviewSample,
    name: 'settings' | 'review',
  ): Promise<{ dialog: FrameLocator; frame: Frame }>;
  /** A sheet of the sample's workbook as records keyed by its header row. */
  sheet(language: PreviewSample, name: string): Record<string, Cell>[];
}

/**
 * `usePreview` plus what every test of the sidebar and dialogs wants: each test
 * starts on freshly reset samples with no latency, on its own page, and fails
 * if that page threw an uncaught error (recorded from `pageerror`), which
 * assertions on the DOM alone would miss. Call it inside the describe block.
 */
export function usePreviewPage(options: PreviewPageOptions = {}): PreviewPage {
  const browser = usePreview(options);
  const samples = options.reset ?? ['ko', 'en'];
  let page: Page | undefined;
  let pageErrors: string[] = [];
  beforeEach(() => {
    browser.preview().setLatency(0);
    for (const sample of samples) browser.preview().reset(sample);
    pageErrors = [];
  });
  afterEach(async () => {
    await page?.close();
    page = undefined;
    expect(pageErrors).toEqual([]);
  });
  const current = () => page ?? fail('no page is open yet');
  const open = async (language: PreviewSample, query?: string) => {
    await page?.close();
    page = await browser.chromium().context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(`${browser.preview().url}?lang=${language}${query ? `&${query}` : ''}`);
    return page;
  };
  return {
    ...browser,
    page: current,
    open,
    openPanel: async (language) => {
      const panel = panelOf(await open(language));
      await panel.locator('#deal-name').waitFor();
      await settled(panel);
      return panel;
    },
    selectDeal: async (language, dealId) => {
      const row = rowOfDeal(browser.preview().workbook(language).standIn.values('Deals'), dealId);
      await current().locator(`table.grid[data-sheet="Deals"] tr[data-row="${row}"]`).click();
      const panel = panelOf(current());
      await panel.locator('.deal-id', { hasText: dealId }).waitFor();
      await settled(panel);
      return panel;
    },
    openDialog: async (language, name) => {
      const opened = await open(language);
      await opened.locator(`#open-${name}`).click();
      const dialog = opened.frameLocator('#dialog-frame');
      await dialog.locator(`form.${name}[aria-busy="false"]`).waitFor();
      const frame = opened.frame({ url: new RegExp(`/${name}`) });
      if (!frame) throw new Error(`no ${name} frame`);
      return { dialog, frame };
    },
    sheet: (language, name) => records(browser.preview().workbook(language).standIn.values(name)),
  };
}

function fail(message: string): never {
  throw new Error(message);
}

/** The deal panel inside the preview page. */
export function panelOf(page: Page): FrameLocator {
  return page.frameLocator('#panel');
}

/** Waits until no call is running and the panel shows the server's latest answer. */
export async function settled(panel: FrameLocator): Promise<void> {
  await panel.locator('#content[aria-busy="false"]').waitFor();
}

/** Polls `read` until `accept` holds, or fails with the last value seen. */
export async function until<T>(
  read: () => T | Promise<T>,
  accept: (v: T) => boolean,
  timeoutMs = 8000,
): Promise<T> {
  const start = Date.now();
  let last: T = await read();
  while (!accept(last)) {
    if (Date.now() - start > timeoutMs) throw new Error(`Timed out; last value: ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, 100));
    last = await read();
  }
  return last;
}

/** Rows of a sheet as objects keyed by its header row. */
export function records(rows: Cell[][]): Record<string, Cell>[] {
  const [header = [], ...body] = rows;
  return body.map((row) => Object.fromEntries(header.map((h, i) => [String(h), row[i] ?? ''])));
}

/** The sheet row number (header = 1) holding a Deal ID in column A. */
export function rowOfDeal(rows: Cell[][], dealId: string): number {
  const index = rows.findIndex((row) => row[0] === dealId);
  if (index < 1) throw new Error(`No deal ${dealId}`);
  return index + 1;
}
