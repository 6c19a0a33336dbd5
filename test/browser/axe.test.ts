import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Frame } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { skipBrowserTests, usePreviewPage } from './harness';

/**
 * axe-core (Deque's accessibility rules: WCAG 2 A/AA and best practices, its
 * defaults) run inside the built Sidebar and Settings dialog, in real Chromium
 * over the Sheets stand-in, Korean and English, in the states a person sees:
 * a deal, a lost deal; Settings as opened, with its warnings, after a save.
 * A violation is reported by rule, element and axe's own summary, so a red
 * run says what to fix.
 */
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface Violation {
  rule: string;
  impact: string | null;
  nodes: string[];
}

/** Injects axe into the frame (once) and runs it over the frame's document. */
async function violationsIn(frame: Frame): Promise<Violation[]> {
  if (!(await frame.evaluate('typeof window.axe !== "undefined"'))) await frame.evaluate(AXE);
  return frame.evaluate<Violation[]>(`axe.run(document, { resultTypes: ['violations'] }).then((r) =>
    r.violations.map((v) => ({
      rule: v.id,
      impact: v.impact,
      nodes: v.nodes.map((n) => n.target.join(' ') + ' — ' + n.failureSummary.replace(/\\s+/g, ' ')),
    })))`);
}

const LOST_DEAL: Record<'ko' | 'en', string> = { ko: 'D-2023-002', en: 'D-002' };
const LOST_STAGE: Record<'ko' | 'en', string> = { ko: '실주', en: 'Lost' };

describe.skipIf(skipBrowserTests)('axe-core finds no accessibility violations', () => {
  const { page, openDialog, openPanel, selectDeal } = usePreviewPage();

  function frameAt(path: RegExp): Frame {
    const frame = page().frame({ url: path });
    if (!frame) throw new Error(`no frame at ${path}`);
    return frame;
  }

  for (const language of ['ko', 'en'] as const) {
    it(`${language}: the deal panel, on an open deal (and its move to lost, refused without a reason) and on a lost one`, async () => {
      const panel = await openPanel(language);
      expect(await violationsIn(frameAt(/\/sidebar/)), 'open deal').toEqual([]);

      // The move form set to the lost stage (the reason picklist), then refused for want of a reason.
      await panel.locator('#move-to').selectOption(LOST_STAGE[language]);
      expect(await violationsIn(frameAt(/\/sidebar/)), 'moving to lost').toEqual([]);
      await panel.locator('#move-submit').click();
      await panel.locator('#flash').waitFor();
      expect(await violationsIn(frameAt(/\/sidebar/)), 'refused move').toEqual([]);

      await selectDeal(language, LOST_DEAL[language]);
      expect(await violationsIn(frameAt(/\/sidebar/)), 'lost deal').toEqual([]);
    });

    it(`${language}: Settings as opened, with its warnings, and after a save`, async () => {
      const { dialog, frame } = await openDialog(language, 'settings');
      const idle = () => dialog.locator('form.settings[aria-busy="false"]').waitFor();
      expect(await violationsIn(frame), 'as opened').toEqual([]);

      await dialog.locator('#notifications').check();
      await dialog.locator('#manager-email').fill('lead@example.com');
      await dialog.locator('#warn-no-checks').waitFor();
      expect(await violationsIn(frame), 'with warnings').toEqual([]);

      await dialog.locator('#save').click();
      await idle();
      await dialog.locator('#flash').waitFor();
      expect(await violationsIn(frame), 'after a save').toEqual([]);

      await dialog.locator('#manager-email').fill('not-an-email');
      await dialog.locator('#save').click();
      await idle();
      await dialog.locator('#flash.error').waitFor();
      expect(await violationsIn(frame), 'after a refused save').toEqual([]);
    });
  }
});
