import { mkdirSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { PreviewSample } from '../../scripts/preview/workbook';
import { panelOf, rowOfDeal, settled, skipBrowserTests, usePreview } from './harness';

/**
 * The README's pictures of the deal panel (issue 14): a stale deal with its
 * timeline and a lost deal, in Korean and English, as of 2023-11-15. Every run
 * takes them into build/ and checks each shows what it should; `npm run
 * screenshot` (UPDATE_SCREENSHOT=1) writes them into docs/, with a Korean font
 * installed first when the machine has none (Hangul would be boxes).
 */
const OUT = process.env.UPDATE_SCREENSHOT ? 'docs' : 'build';

const SHOTS: { file: string; language: PreviewSample; deal: string; shows: RegExp }[] = [
  { file: 'panel-stale-ko.png', language: 'ko', deal: 'D-2023-009', shows: /정체/ },
  { file: 'panel-stale-en.png', language: 'en', deal: 'D-007', shows: /Stale/ },
  { file: 'panel-lost-ko.png', language: 'ko', deal: 'D-2023-002', shows: /실주/ },
  { file: 'panel-lost-en.png', language: 'en', deal: 'D-002', shows: /Lost/ },
];

describe.skipIf(skipBrowserTests)('README pictures of the deal panel', () => {
  // Tall enough that the sidebar shows the timeline below the deal without scrolling.
  const { preview, chromium } = usePreview({ viewport: { width: 1280, height: 1900 } });

  for (const shot of SHOTS) {
    it(`takes ${OUT}/${shot.file}: ${shot.deal} with its timeline`, async () => {
      preview().reset(shot.language);
      const page = await chromium().context.newPage();
      await page.goto(`${preview().url}?lang=${shot.language}`);
      const row = rowOfDeal(preview().workbook(shot.language).standIn.values('Deals'), shot.deal);
      await page.locator(`table.grid[data-sheet="Deals"] tr[data-row="${row}"]`).click();
      const panel = panelOf(page);
      await panel.locator('.deal-id', { hasText: shot.deal }).waitFor();
      await settled(panel);
      expect(await panel.locator('body').textContent()).toMatch(shot.shows);
      expect(await panel.locator('.timeline li').count()).toBeGreaterThan(0);
      mkdirSync(OUT, { recursive: true });
      const path = `${OUT}/${shot.file}`;
      await page.locator('iframe').first().screenshot({ path });
      expect(statSync(path).size).toBeGreaterThan(10_000);
      await page.close();
    });
  }
});
