import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type FrameLocator, type Page } from 'playwright-core';
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
