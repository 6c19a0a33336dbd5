import type { FrameLocator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { PreviewSample } from '../../scripts/preview/workbook';
import { readPipeline } from '../../src/engine/stages';
import { cellChanges } from '../addon/harness';
import { skipBrowserTests, until, usePreviewPage } from './harness';

/**
 * The built dist/Review.html in real Chromium, opened from the preview page
 * as the add-on opens it (560 × 640), with google.script.run answered by the
 * built dist/Code.js over the sample workbooks in the Sheets stand-in
 * (`npm test` builds first). The samples' Stages say 10% for their first
 * stage while their history says about half: that stage carries the flag.
 */
const FIRST = { ko: '미팅 약속 완료', en: 'Meeting booked' };
const INSIDE = { ko: '온보딩 교육 중', en: 'Onboarding training' };

/**
 * Run in the dialog (as text: these tests compile without the DOM's types). What a screen
 * reader needs: every tick box named by its label, a box that cannot be ticked pointing at
 * its reason, every stage's fieldset and value group named.
 */
const A11Y_PROBLEMS = `(() => {
  const out = [];
  const text = (id) => (id && document.getElementById(id)?.textContent?.trim()) || '';
  for (const input of document.querySelectorAll('input')) {
    if (!input.labels?.[0]?.textContent?.trim()) out.push(input.id + ': no label');
    if (input.disabled && !text(input.getAttribute('aria-describedby'))) out.push(input.id + ': no reason');
  }
  for (const fieldset of document.querySelectorAll('fieldset'))
    if (!fieldset.querySelector('legend')?.textContent?.trim()) out.push('fieldset without legend');
  for (const group of document.querySelectorAll('[role="group"]'))
    if (!text(group.getAttribute('aria-labelledby'))) out.push('group without a name');
  return out;
})()`;

describe.skipIf(skipBrowserTests)('Review win probabilities in Chromium', () => {
  const { preview, page, openDialog } = usePreviewPage();
  const openReview = (language: PreviewSample) => openDialog(language, 'review');

  const card = (dialog: FrameLocator, stage: string) => dialog.locator(`fieldset[data-stage="${stage}"]`);
  const box = (dialog: FrameLocator, stage: string, field: 'probability' | 'staleAfter') =>
    card(dialog, stage).locator(`input[type="checkbox"][data-field="${field}"]`);
  const workbook = (language: PreviewSample) => preview().workbook(language).standIn;

  it('Korean: every open stage, the flag as visible text, nothing ticked; ticking two and applying writes them and says so', async () => {
    const { dialog, frame } = await openReview('ko');
    expect(await frame.evaluate('document.documentElement.lang')).toBe('ko');
    expect(await dialog.locator('fieldset.review-stage legend .stage-name').allTextContents()).toEqual([
      '미팅 약속 완료',
      '제품 살펴보는 중',
      '온보딩 교육 중',
      '계약/견적 전달 받음',
    ]);
    const flag = card(dialog, FIRST.ko).locator('.review-flag');
    expect(await flag.isVisible()).toBe(true);
    expect(await flag.textContent()).toBe('⚠ 95% 구간 밖');
    expect(await card(dialog, INSIDE.ko).locator('.review-flag').count()).toBe(0);
    expect(await card(dialog, FIRST.ko).locator('.current').first().textContent()).toBe('10%');
    expect(await card(dialog, FIRST.ko).locator('.evidence').textContent()).toMatch(
      /^근거: 체류 \d+건 \(진행 중 \d+건\), 종료된 딜 \d+건 기준$/,
    );
    expect(await dialog.locator('input[type="checkbox"]:checked').count()).toBe(0);
    expect(await dialog.locator('#apply').isDisabled()).toBe(true);

    const stagesBefore = workbook('ko').snapshot('Stages');
    const dealsBefore = workbook('ko').snapshot('Deals');
    // A click on the label's words ticks its box, as a person would click it.
    await card(dialog, FIRST.ko).locator('label:has(input[data-field="probability"]) span').click();
    await box(dialog, INSIDE.ko, 'staleAfter').check();
    expect(await dialog.locator('#apply').textContent()).toBe('2개 적용');
    await dialog.locator('#apply').click();
    await dialog.locator('#flash.ok').waitFor();
    expect(await dialog.locator('#flash > p').first().textContent()).toBe(
      "Stages에 값 2개를 쓰고 'Stage changes log' 시트에 기록했습니다.",
    );
    const written = await dialog.locator('#written li').allTextContents();
    expect(written).toHaveLength(2);
    expect(written[0]).toMatch(/^Stages!B2 · 미팅 약속 완료 · 수주 확률: 10% → \d+%$/);
    expect(written[1]).toMatch(/^Stages!C4 · 온보딩 교육 중 · 정체 기준일: 14일 → \d+일$/);

    // Exactly those two cells of Stages; the deals untouched; the log has a header and two rows.
    const changed = cellChanges(stagesBefore, workbook('ko').snapshot('Stages')).map(
      (c) => `${c.row}:${c.column}`,
    );
    expect(changed).toEqual(['2:2', '4:3']);
    expect(cellChanges(dealsBefore, workbook('ko').snapshot('Deals'))).toEqual([]);
    expect(workbook('ko').values('Stage changes log')).toHaveLength(3);
    // The new probability reads back as the one the dialog said it wrote; the flag is gone.
    const percent = Number(/→ (\d+)%$/.exec(written[0] ?? '')?.[1]);
    expect(readPipeline(workbook('ko').values('Stages')).find(FIRST.ko)?.probability).toBe(percent / 100);
    expect(await card(dialog, FIRST.ko).locator('.review-flag').count()).toBe(0);
    expect(await card(dialog, FIRST.ko).locator('.current').first().textContent()).toBe(`${percent}%`);
    expect(await box(dialog, FIRST.ko, 'probability').isDisabled()).toBe(true);
  });

  it('English, keyboard only: Tab to a value, Space ticks it, Tab to Apply, Enter applies; the result takes the focus', async () => {
    const { dialog, frame } = await openReview('en');
    expect(await frame.evaluate('document.documentElement.lang')).toBe('en');
    expect(await card(dialog, 'Evaluating product').locator('.review-flag').textContent()).toBe(
      '⚠ Outside the 95% interval',
    );
    const focused = () => frame.evaluate<string>("document.activeElement?.id ?? ''");
    // The host focuses a dialog when it opens it; from there on, only keys.
    await frame.evaluate('window.focus()');
    await page().keyboard.press('Tab');
    expect(await focused()).toBe('apply-0-0-probability');
    expect(await frame.evaluate("document.activeElement?.closest('fieldset')?.dataset.stage")).toBe(FIRST.en);
    await page().keyboard.press('Space');
    expect(await box(dialog, FIRST.en, 'probability').isChecked()).toBe(true);
    expect(await dialog.locator('#apply').textContent()).toBe('Apply 1 change');
    for (let i = 0; i < 20 && (await focused()) !== 'apply'; i++) await page().keyboard.press('Tab');
    expect(await focused()).toBe('apply');
    await page().keyboard.press('Enter');
    await dialog.locator('#flash.ok').waitFor();
    await until(focused, (id) => id === 'flash');
    expect(await dialog.locator('#flash > p').first().textContent()).toBe(
      "1 value written to Stages and logged in 'Stage changes log'.",
    );
    expect(await dialog.locator('#written li').allTextContents()).toEqual([
      expect.stringMatching(/^Stages!B2 · Meeting booked · Win probability: 10% → \d+%$/),
    ]);
    expect(workbook('en').values('Stage changes log')[1]?.slice(3, 5)).toEqual([FIRST.en, 'Win probability']);
  });

  it('a value changed in Stages while the dialog was open is refused by name, and the dialog shows it as it now is', async () => {
    const { dialog } = await openReview('en');
    await box(dialog, FIRST.en, 'probability').check();
    workbook('en').edit('Stages', 'B2', [['15%']], 'someone@example.com');
    const before = workbook('en').snapshot('Stages');
    await dialog.locator('#apply').click();
    await dialog.locator('#flash.error').waitFor();
    expect(await dialog.locator('#flash').textContent()).toContain(
      "Win probability of 'Meeting booked' changed in Stages since the dialog showed it (10%, now 15%). Nothing was written.",
    );
    expect(cellChanges(before, workbook('en').snapshot('Stages'))).toEqual([]);
    expect(workbook('en').spreadsheet.getSheetByName('Stage changes log')).toBeNull();
    expect(await card(dialog, FIRST.en).locator('.current').first().textContent()).toBe('15%');
    // The tick was for 10%: it is dropped, so nothing is applied by accident on the next Enter.
    expect(await box(dialog, FIRST.en, 'probability').isChecked()).toBe(false);
    expect(await dialog.locator('#apply').isDisabled()).toBe(true);
  });

  it('labelled controls, reasons for what cannot be ticked, and no sideways scrolling from 560 down to 320 px', async () => {
    const { dialog, frame } = await openReview('en');
    const problems = await frame.evaluate<string[]>(A11Y_PROBLEMS);
    expect(problems).toEqual([]);
    expect(await dialog.locator('input[type="checkbox"]').count()).toBe(8);
    for (const width of [560, 320]) {
      await page().evaluate(`document.getElementById('dialog-frame').style.width = '${width}px'`);
      await until(
        () => frame.evaluate<number>('document.documentElement.clientWidth'),
        (w) => w <= width,
      );
      const overflow = await frame.evaluate<number>(
        'document.documentElement.scrollWidth - document.documentElement.clientWidth',
      );
      expect(overflow, `${width} px`).toBeLessThanOrEqual(0);
    }
  });
});
