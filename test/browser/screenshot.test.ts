import { mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { panelOf, settled, skipBrowserTests, usePreview } from './harness';

/**
 * The README's picture: the English sample in the preview, the panel beside
 * the sheets. Every run takes it (build/panel.png) and checks the picture
 * shows what it should; `UPDATE_SCREENSHOT=1` writes docs/panel.png, on purpose only, since
 * the pixels depend on the machine's fonts (the 한국어 link needs a Korean font,
 * e.g. Debian's fonts-nanum).
 */
const SCREENSHOT = process.env.UPDATE_SCREENSHOT ? 'docs/panel.png' : 'build/panel.png';

describe.skipIf(skipBrowserTests)('README screenshot', () => {
  // 1,100 px tall: with a CJK font (npm run screenshot installs one) the panel runs longer than at 1,024.
  const { preview, chromium } = usePreview({ viewport: { width: 1280, height: 1100 } });

  it(`takes ${SCREENSHOT}`, async () => {
    const page = await chromium().context.newPage();
    await page.goto(`${preview().url}?lang=en`);
    const panel = panelOf(page);
    await panel.locator('#deal-name').waitFor();
    await settled(panel);
    // Let the sheet view finish its first draw before the picture.
    await page.locator('table.grid tr.selected').waitFor();
    mkdirSync(dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT });
    expect(statSync(SCREENSHOT).size).toBeGreaterThan(20_000);
    // The sidebar is Sheets' 300 px, and the picture reaches down to the move button.
    expect((await page.locator('#panel').boundingBox())?.width).toBe(300);
    const button = await panel.locator('#move-submit').boundingBox();
    expect(button && button.y + button.height).toBeLessThanOrEqual(1100);
  });
});
