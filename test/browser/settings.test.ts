import type { FrameLocator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { PreviewSample } from '../../scripts/preview/workbook';
import { skipBrowserTests, until, usePreviewPage } from './harness';

/**
 * The built dist/Settings.html in real Chromium, opened from the preview page
 * as the add-on opens it (420 × 520), with google.script.run answered by the
 * built dist/Code.js over the sample workbooks in the Sheets stand-in. The
 * samples start with digests off and no daily check.
 */
const KO_DEFAULTS = ['가격', '경쟁사 선택', '예산 없음', '시기', '응답 없음', '기타'];
const EN_DEFAULTS = ['Price', 'Chose a competitor', 'No budget', 'Timing', 'No response', 'Other'];

describe.skipIf(skipBrowserTests)('Settings in Chromium', () => {
  const { preview, page, openDialog } = usePreviewPage();
  const openSettings = (language: PreviewSample) => openDialog(language, 'settings');

  const idle = (dialog: FrameLocator) => dialog.locator('form.settings[aria-busy="false"]').waitFor();
  const stored = (language: PreviewSample) =>
    JSON.parse(
      preview().workbook(language).standIn.properties.document()['sheetsPipeline.settings'] ?? '{}',
    ) as Record<string, unknown>;
  const describedBy = (dialog: FrameLocator, id: string) =>
    dialog.locator(`#${id}`).evaluate((e) => e.getAttribute('aria-describedby') ?? '');

  it('Korean: a choice that does nothing is warned about next to it, as it is made; the save result says so too', async () => {
    const { dialog, frame } = await openSettings('ko');
    expect(await frame.evaluate('document.documentElement.lang')).toBe('ko');
    // Daily checks off: the hour is said to be unused; the zone is beside it.
    expect(await dialog.locator('label[for="daily-hour"]').textContent()).toBe('매일 점검 시각 (Asia/Seoul)');
    expect(await dialog.locator('#zone-hint').textContent()).toBe(
      '시각은 스프레드시트의 시간대(Asia/Seoul) 기준입니다.',
    );
    expect(await dialog.locator('#warn-hour').textContent()).toBe(
      '매일 점검이 꺼져 있어 이 시각은 점검을 켠 뒤에 쓰입니다.',
    );
    expect(await describedBy(dialog, 'daily-hour')).toContain('warn-hour');
    expect(await dialog.locator('#warn-no-checks').count()).toBe(0);

    await dialog.locator('#notifications').check();
    expect(await dialog.locator('#warn-no-checks').textContent()).toBe(
      '요약 메일이 켜져 있지만 매일 점검이 꺼져 있어, 매일 점검을 켜기 전에는 메일이 발송되지 않습니다.',
    );
    expect(await describedBy(dialog, 'notifications')).toContain('warn-no-checks');
    await dialog.locator('#save').click();
    await idle(dialog);
    expect(await dialog.locator('#flash').getAttribute('class')).toBe('flash warn');
    expect(await dialog.locator('#flash').textContent()).toBe(
      '설정을 저장했습니다. 매일 점검은 꺼져 있습니다. 참고: 요약 메일이 켜져 있지만 매일 점검이 꺼져 있어, 매일 점검을 켜기 전에는 메일이 발송되지 않습니다.',
    );

    // Digests off with a manager address: that address gets nothing, said next to it.
    await dialog.locator('#notifications').uncheck();
    expect(await dialog.locator('#warn-no-checks').count()).toBe(0);
    await dialog.locator('#manager-email').fill('lead@example.com\nops@example.com');
    expect(await dialog.locator('#warn-managers').textContent()).toBe(
      '요약 메일이 꺼져 있어 이 주소들은 요약 메일을 켜기 전에는 아무것도 받지 않습니다.',
    );
    expect(await describedBy(dialog, 'manager-email')).toContain('warn-managers');

    // Daily checks turned on from Settings, digests on: nothing idle, and the result says when it runs.
    await dialog.locator('#notifications').check();
    await dialog.locator('#daily-checks').check();
    await dialog.locator('#daily-hour').selectOption('6');
    for (const id of ['warn-no-checks', 'warn-managers', 'warn-hour'])
      expect(await dialog.locator(`#${id}`).count(), id).toBe(0);
    expect(await describedBy(dialog, 'daily-hour')).not.toContain('warn-hour');
    await dialog.locator('#save').click();
    await idle(dialog);
    expect(await dialog.locator('#flash').getAttribute('class')).toBe('flash ok');
    expect(await dialog.locator('#flash').textContent()).toBe(
      '설정을 저장했습니다. 매일 06:00(Asia/Seoul)에 점검합니다.',
    );
    expect(await dialog.locator('#daily-owner').textContent()).toContain('06:00 (Asia/Seoul)');
    expect(stored('ko')).toMatchObject({
      notifications: true,
      managerEmail: 'lead@example.com, ops@example.com',
      dailyHour: 6,
    });
    const clock = preview()
      .workbook('ko')
      .standIn.triggers()
      .filter((t) => t.eventType === 'CLOCK');
    expect(clock.map((t) => t.schedule.atHour)).toEqual([6]);
  });

  it('Korean: lost reasons shown as the defaults, edited one per line in their order, reset to the defaults', async () => {
    const { dialog } = await openSettings('ko');
    const box = dialog.locator('#lost-reasons');
    expect(await dialog.locator('label[for="lost-reasons"]').textContent()).toBe(
      '실주 사유 (한 줄에 하나, 딜 패널에 보이는 순서대로)',
    );
    expect(await box.inputValue()).toBe(KO_DEFAULTS.join('\n'));

    await box.fill('보안 심사 탈락\n\n  경쟁사 선택 \n가격\n');
    await dialog.locator('#save').click();
    await idle(dialog);
    expect(stored('ko').lostReasons).toEqual(['보안 심사 탈락', '경쟁사 선택', '가격']);
    expect(await box.inputValue()).toBe('보안 심사 탈락\n경쟁사 선택\n가격');

    // A bad one is refused by name, and what was typed stays for fixing.
    await box.fill(`가격\n${'긴'.repeat(81)}`);
    await dialog.locator('#save').click();
    await idle(dialog);
    expect(await dialog.locator('#flash.error').textContent()).toBe(
      `실주 사유 '${'긴'.repeat(40)}…'이(가) 너무 깁니다 (최대 80자).`,
    );
    expect(await box.inputValue()).toBe(`가격\n${'긴'.repeat(81)}`);
    expect(stored('ko').lostReasons).toEqual(['보안 심사 탈락', '경쟁사 선택', '가격']);

    await dialog.locator('#reset-lost-reasons').click();
    expect(await box.inputValue()).toBe(KO_DEFAULTS.join('\n'));
    await dialog.locator('#save').click();
    await idle(dialog);
    // The defaults are kept as "the defaults", so they follow the spreadsheet's language.
    expect(stored('ko').lostReasons).toEqual([]);
    expect(await box.inputValue()).toBe(KO_DEFAULTS.join('\n'));
  });

  it('English, keyboard only: Space ticks, a warning appears, Tab reaches the reasons and Reset, Enter saves', async () => {
    const { dialog, frame } = await openSettings('en');
    const focused = () => frame.evaluate<string>("document.activeElement?.id ?? ''");
    const tabTo = async (id: string) => {
      for (let i = 0; i < 30 && (await focused()) !== id; i++) await page().keyboard.press('Tab');
      expect(await focused()).toBe(id);
    };
    expect(await dialog.locator('label[for="daily-hour"]').textContent()).toBe(
      'Daily check time (America/New_York)',
    );
    expect(await dialog.locator('#lost-reasons').inputValue()).toBe(EN_DEFAULTS.join('\n'));
    await frame.evaluate('window.focus()');
    await tabTo('notifications');
    await page().keyboard.press('Space');
    expect(await dialog.locator('#notifications').isChecked()).toBe(true);
    expect(await dialog.locator('#warn-no-checks').textContent()).toBe(
      'Digests are on but the daily check is off: no digest is sent until the daily check is on.',
    );
    // Typing into the box: Enter is a new line there, not a save.
    await tabTo('lost-reasons');
    await page().keyboard.press('Control+End');
    await page().keyboard.press('Enter');
    await page().keyboard.type('Went silent');
    expect(await dialog.locator('#flash').count()).toBe(0);
    await tabTo('save');
    await page().keyboard.press('Enter');
    await idle(dialog);
    await until(focused, (id) => id === 'save');
    expect(await dialog.locator('#flash').textContent()).toBe(
      'Settings saved. The daily check is off. Note: Digests are on but the daily check is off: no digest is sent until the daily check is on.',
    );
    expect(stored('en').lostReasons).toEqual([...EN_DEFAULTS, 'Went silent']);

    await tabTo('reset-lost-reasons');
    await page().keyboard.press('Space');
    expect(await focused()).toBe('lost-reasons');
    expect(await dialog.locator('#lost-reasons').inputValue()).toBe(EN_DEFAULTS.join('\n'));
    await tabTo('daily-checks');
    await page().keyboard.press('Space');
    expect(await dialog.locator('#warn-no-checks').count()).toBe(0);
    await tabTo('save');
    await page().keyboard.press('Enter');
    await idle(dialog);
    expect(await dialog.locator('#flash').textContent()).toBe(
      'Settings saved. The daily check runs every day at 07:00 (America/New_York).',
    );
    expect(stored('en').lostReasons).toEqual([]);
  });
});
