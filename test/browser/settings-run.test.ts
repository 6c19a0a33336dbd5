import vm from 'node:vm';
import type { FrameLocator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { PreviewSample, PreviewWorkbook } from '../../scripts/preview/workbook';
import { GATE } from '../support/standin/calls';
import { skipBrowserTests, usePreviewPage } from './harness';

/**
 * What the daily check did and who runs it, as the built dist/Settings.html
 * shows it in real Chromium (SPEC §8 "Nothing silent"; one daily run per
 * spreadsheet). The server side is the built dist/Code.js over the preview's
 * sample workbooks in the Sheets stand-in, driven here as Apps Script would:
 * menu clicks, the clock trigger firing, and whose account is at the keyboard.
 */
type Entry = (...args: unknown[]) => unknown;

const ALICE = 'alice@example.com';
const BOB = 'bob@example.com';
const MANAGER = 'manager@example.com';

/** A digest recipient of each sample whose address MailApp rejects in test 1. */
const REJECTED: Record<'ko' | 'en', string> = {
  ko: 'sua.choi@example.com',
  en: 'liam.smith@example.com',
};

function entry(workbook: PreviewWorkbook, name: string): Entry {
  const fn = (workbook.bundle as unknown as Record<string, unknown>)[name];
  if (typeof fn !== 'function') throw new Error(`the bundle defines no ${name}`);
  return fn as Entry;
}

/** A person clicking an Extensions › Sheets Pipeline item. */
function menu(workbook: PreviewWorkbook, name: string): unknown {
  workbook.standIn.begin('menu');
  return entry(workbook, name)();
}

/** A google.script.run call from the Settings dialog, answered as JSON (the bundle's realm). */
function fromDialog(workbook: PreviewWorkbook, name: string, ...args: unknown[]): unknown {
  workbook.standIn.begin('sidebar');
  return JSON.parse(JSON.stringify(entry(workbook, name)(...args)));
}

/** The sample set up and daily checks turned on (07:00) by `user`, digests on with a manager address. */
function checksOnBy(workbook: PreviewWorkbook, user: string): void {
  workbook.standIn.setUser(user);
  menu(workbook, 'setupPipeline');
  menu(workbook, 'toggleDailyChecks');
  const state = fromDialog(workbook, 'settingsGetState') as { settings: Record<string, unknown> };
  fromDialog(workbook, 'settingsSave', {
    ...state.settings,
    notifications: true,
    managerEmail: MANAGER,
    dailyChecksOn: true,
  });
}

/** MailApp's remaining daily quota, kept on the stand-in's context. */
function setMailQuota(workbook: PreviewWorkbook, quota: number): void {
  const ctx = (workbook.standIn.services.MailApp as unknown as Record<symbol, { mailQuota: number }>)[GATE];
  if (!ctx) throw new Error('the stand-in keeps no mail quota');
  ctx.mailQuota = quota;
}

/** MailApp.sendEmail throwing for one address, as Google does for a rejected recipient. */
function failMailTo(workbook: PreviewWorkbook, address: string): void {
  const mailApp = workbook.standIn.globals.MailApp as { sendEmail: (...args: unknown[]) => void };
  const send = mailApp.sendEmail;
  const BundleError = vm.runInContext('Error', workbook.bundle as unknown as vm.Context) as ErrorConstructor;
  mailApp.sendEmail = function (this: unknown, ...args: unknown[]) {
    if (String(args[0]).toLowerCase() === address) throw new BundleError('Service error: Mail');
    return send.apply(this, args);
  };
}

/** The daily time-driven trigger firing, run as the account that made it. */
function fireDailyTrigger(workbook: PreviewWorkbook): void {
  const trigger = workbook.standIn.triggers().find((t) => t.eventType === 'CLOCK');
  if (!trigger) throw new Error('no daily trigger');
  workbook.standIn.setUser(trigger.owner);
  entry(workbook, 'runDailyChecks')(workbook.standIn.clockEvent(trigger.id));
}

describe.skipIf(skipBrowserTests)('Settings in Chromium: the last run and who runs it', () => {
  const { preview, openDialog } = usePreviewPage();
  const openSettings = (language: PreviewSample) => openDialog(language, 'settings');

  const idle = (dialog: FrameLocator) => dialog.locator('form.settings[aria-busy="false"]').waitFor();
  /** The lines of the last-run area as a person reads them (rendered text, hidden text left out). */
  const runLines = async (dialog: FrameLocator) =>
    (await dialog.locator('section.run dd').allInnerTexts()).map((t) => t.trim()).filter(Boolean);

  describe('a daily check that skipped digests for the mail quota and had one send fail', () => {
    const cases = [
      {
        language: 'ko' as const,
        heading: '예약과 마지막 실행',
        trigger: '(예약 실행)',
        zone: 'Asia/Seoul',
        outcome: '완료',
        counts: '딜 40건 · 정체 12건 · 기한 지남 4건 · 할일 12건 생성 · 메일 2통 발송',
        skipped: '메일 2통 미발송: 하루 발송 한도 초과 (다음 점검에서 발송)',
        failed: '메일 1통 발송 실패: sua.choi@example.com: Service error: Mail (다음 점검에서 다시 시도)',
        quota: '오늘 남은 메일 발송량: 0',
      },
      {
        language: 'en' as const,
        heading: 'Schedule and last run',
        trigger: '(scheduled)',
        zone: 'America/New_York',
        outcome: 'Completed',
        counts: '25 deals · 7 stale · 3 overdue · 7 tasks created · 2 emails sent',
        skipped: '2 emails not sent: the daily mail quota ran out (the next run sends them)',
        failed: '1 email failed: liam.smith@example.com: Service error: Mail (the next run tries again)',
        quota: 'Emails left today: 0',
      },
    ];
    for (const c of cases) {
      it(`${c.language}: the last-run area says in words how many were skipped and how many failed`, async () => {
        const workbook = preview().workbook(c.language);
        checksOnBy(workbook, 'user@example.com');
        setMailQuota(workbook, 2);
        failMailTo(workbook, REJECTED[c.language]);
        fireDailyTrigger(workbook);
        // The stand-in's record of it: 5 digests due: 2 sent, 1 refused, 2 past the quota.
        expect(workbook.standIn.sentMail.map((m) => m.to)).not.toContain(REJECTED[c.language]);

        const { dialog } = await openSettings(c.language);
        const run = dialog.locator('section.run');
        expect(await run.locator('h2').textContent()).toBe(c.heading);
        const lines = await runLines(dialog);
        expect(lines[1], 'the last run: when, and that it was the schedule').toContain(c.trigger);
        // When, in the spreadsheet's zone and saying so (the viewer's browser is in Los Angeles).
        expect(lines[1]).toContain(`(${c.zone})`);
        expect(lines.slice(2)).toEqual([c.outcome, c.counts, c.skipped, c.failed, c.quota]);
        // Both problems are marked as needing attention, not shown as plain counts.
        for (const text of [c.skipped, c.failed]) {
          const line = run.locator('dd span.late', { hasText: text });
          expect(await line.count(), text).toBe(1);
          expect(await line.isVisible(), text).toBe(true);
        }
      });
    }
  });

  describe('a daily check run from Alice’s account, seen by Bob', () => {
    const cases = [
      {
        language: 'ko' as const,
        alices:
          'alice@example.com에서 07:00 (Asia/Seoul)에 실행됩니다. 매일 점검 시각은 점검을 실행하는 계정에서만 바꿀 수 있습니다.',
        takeOver: '내 계정에서 실행하기',
        bobs: '내 계정에서 09:00 (Asia/Seoul)에 실행됩니다.',
        bobsForAlice: 'bob@example.com에서 09:00 (Asia/Seoul)에 실행됩니다.',
        saved: '설정을 저장했습니다. 매일 09:00(Asia/Seoul)에 점검합니다.',
        zone: 'Asia/Seoul',
      },
      {
        language: 'en' as const,
        alices:
          'Runs from alice@example.com at 07:00 (America/New_York). Only the account that runs the daily check can change its hour.',
        takeOver: 'Run it from my account instead',
        bobs: 'Runs from your account at 09:00 (America/New_York).',
        bobsForAlice: 'Runs from bob@example.com at 09:00 (America/New_York).',
        saved: 'Settings saved. The daily check runs every day at 09:00 (America/New_York).',
        zone: 'America/New_York',
      },
    ];
    for (const c of cases) {
      it(`${c.language}: Bob sees Alice runs it at 07:00, takes it over at 09:00, and then Settings say it is his`, async () => {
        const workbook = preview().workbook(c.language);
        checksOnBy(workbook, ALICE);
        fireDailyTrigger(workbook); // Alice's trigger has run today
        workbook.standIn.setUser(BOB);

        const { dialog } = await openSettings(c.language);
        const owner = dialog.locator('#daily-owner');
        expect(await owner.textContent()).toBe(c.alices);
        const takeOver = dialog.locator('#take-over');
        expect(await takeOver.textContent()).toBe(c.takeOver);
        expect(await takeOver.isVisible()).toBe(true);
        expect(await dialog.locator('#daily-checks').isChecked()).toBe(true);

        // Bob picks his hour and takes the check over explicitly.
        await dialog.locator('#daily-hour').selectOption('9');
        await takeOver.click();
        await idle(dialog);
        expect(await dialog.locator('#flash').textContent()).toBe(c.saved);
        expect(await owner.textContent()).toBe(c.bobs);
        expect(await dialog.locator('#take-over').count()).toBe(0);

        // One daily trigger for the spreadsheet that counts: Bob's, at 09:00 in the spreadsheet's zone.
        const bobs = workbook.standIn.triggers().filter((t) => t.eventType === 'CLOCK' && t.owner === BOB);
        expect(bobs.map((t) => t.schedule)).toEqual([{ atHour: 9, everyDays: 1, inTimezone: c.zone }]);

        // Bob reopens Settings: still his. Alice opens hers: Bob's, with the control to take it back.
        expect(await (await openSettings(c.language)).dialog.locator('#daily-owner').textContent()).toBe(
          c.bobs,
        );
        workbook.standIn.setUser(ALICE);
        const alice = (await openSettings(c.language)).dialog;
        expect(await alice.locator('#daily-owner').textContent()).toContain(c.bobsForAlice);
        expect(await alice.locator('#take-over').textContent()).toBe(c.takeOver);
      });
    }
  });
});
