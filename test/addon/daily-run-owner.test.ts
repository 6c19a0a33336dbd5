/**
 * Whose account the daily check runs from. Apps Script gives each person
 * their own triggers and nobody sees anyone else's, so the spreadsheet keeps
 * one record that everyone's Settings read. Alice turns daily checks on; Bob,
 * a colleague in the same spreadsheet, sees that, may take them over or turn
 * them off for everyone, and Alice's old trigger then retires quietly.
 * The Korean sample pipeline in Seoul, 15 November 2023.
 */
import { describe, expect, test } from 'vitest';
import { workbookFromCsvFolder } from '../support/csv-workbook';
import { seoul } from '../support/seoul';
import type { TriggerRecord } from '../support/standin';
import {
  click,
  DEFAULT_SETTINGS,
  fromDialog,
  type Harness,
  openSpreadsheet,
  saveSettings,
  settingsState,
  snapshotAll,
  workbookChanges,
} from './harness';

// Helpers ----------------------------------------------------------------------

const ALICE = 'alice@example.com';
const BOB = 'bob@example.com';
const DAY1 = seoul(2023, 11, 15, 7);
const DAY2 = seoul(2023, 11, 16, 7);
const RUN_KEY = 'sheetsPipeline.lastRun';

/** The sample, set up by Alice, who turns daily checks on (07:00) with digests on. */
function alicesPipeline(): Harness {
  const h = openSpreadsheet({
    now: DAY1,
    userEmail: ALICE,
    sheets: workbookFromCsvFolder('sample-data', 'Asia/Seoul'),
  });
  click(h, 'setupPipeline');
  click(h, 'toggleDailyChecks');
  saveSettings(h, { notifications: true });
  return h;
}

function as(h: Harness, user: string): Harness {
  h.standIn.setUser(user);
  return h;
}

function dailyTriggerOf(h: Harness, owner: string): TriggerRecord | undefined {
  return h.standIn.triggers().find((t) => t.eventType === 'CLOCK' && t.owner === owner);
}

/** A trigger firing: a clock execution, run as the person who made it. */
function fire(h: Harness, trigger: TriggerRecord): void {
  h.standIn.setUser(trigger.owner);
  h.app.runDailyChecks(h.standIn.clockEvent(trigger.id));
}

function lastRunRecord(h: Harness): string | undefined {
  return h.standIn.properties.document()[RUN_KEY];
}

/** What a person can see of the spreadsheet: every sheet, mail sent, the last-run record. */
function whatPeopleSee(h: Harness) {
  return {
    sheets: snapshotAll(h.standIn),
    mail: h.standIn.sentMail.length,
    lastRun: lastRunRecord(h),
  };
}

/** Asserts that nothing a person can see changed since `before`. */
function expectNothingChanged(h: Harness, before: ReturnType<typeof whatPeopleSee>): void {
  expect(workbookChanges(before.sheets, snapshotAll(h.standIn))).toEqual([]);
  expect(h.standIn.sentMail).toHaveLength(before.mail);
  expect(lastRunRecord(h)).toBe(before.lastRun);
}

const health = (h: Harness, dealId: string) => h.standIn.values('Deals').find((r) => r[0] === dealId)?.[9];

// 2a ---------------------------------------------------------------------------

describe('Settings say who runs the daily check', () => {
  test('Bob sees the checks on, run from Alice’s account at her hour, not his', () => {
    const h = alicesPipeline();
    expect(settingsState(as(h, BOB))).toMatchObject({
      dailyChecksOn: true,
      dailyRun: { owner: ALICE, hour: 7, timeZone: 'Asia/Seoul', mine: false },
      settings: { dailyHour: 7 },
    });
    expect(settingsState(as(h, ALICE)).dailyRun).toMatchObject({ owner: ALICE, mine: true });
  });
});

// 2b ---------------------------------------------------------------------------

describe('Bob changing the hour', () => {
  test('is refused with a message naming Alice, and nothing is stored', () => {
    const h = alicesPipeline();
    const properties = h.standIn.properties.document();
    const triggers = h.standIn.triggers();
    expect(() => saveSettings(as(h, BOB), { notifications: true, dailyHour: 9 })).toThrow(
      '매일 점검은 alice@example.com에서 7시에 실행됩니다. 시각을 바꾸려면 점검을 내 계정으로 가져오세요.',
    );
    expect(h.standIn.properties.document()).toEqual(properties);
    expect(h.standIn.triggers()).toEqual(triggers);
    expect(settingsState(h).settings.dailyHour).toBe(7);
  });

  test('is refused in English in an English dialog', () => {
    const h = alicesPipeline();
    saveSettings(h, { notifications: true, languageChoice: 'en' });
    expect(() =>
      saveSettings(as(h, BOB), { notifications: true, languageChoice: 'en', dailyHour: 9 }),
    ).toThrow('Daily checks run from alice@example.com at 7:00. Take them over to change the hour.');
  });

  test('other settings Bob changes are saved without taking the checks over', () => {
    const h = alicesPipeline();
    saveSettings(as(h, BOB), { notifications: true, managerEmail: 'boss@example.com' });
    expect(settingsState(h)).toMatchObject({
      settings: { managerEmail: 'boss@example.com', dailyHour: 7 },
      dailyRun: { owner: ALICE, mine: false },
    });
  });

  test('with take over: Bob runs it at his hour; Alice’s trigger retires without a trace; Bob’s runs the check', () => {
    const h = alicesPipeline();
    const alices = dailyTriggerOf(h, ALICE);
    if (!alices) throw new Error('Alice has no daily trigger');
    fire(h, alices); // day 1: Alice's trigger runs the check
    expect(JSON.parse(lastRunRecord(h) ?? '{}')).toMatchObject({ ok: true, at: DAY1.toISOString() });

    as(h, BOB);
    const state = fromDialog(h, 'settingsSave', {
      ...DEFAULT_SETTINGS,
      notifications: true,
      dailyHour: 9,
      takeOver: true,
    }) as { dailyRun: unknown };
    expect(JSON.parse(JSON.stringify(state.dailyRun))).toMatchObject({ owner: BOB, hour: 9, mine: true });
    expect(settingsState(as(h, BOB)).dailyRun).toMatchObject({ owner: BOB, hour: 9, mine: true });
    expect(settingsState(as(h, ALICE))).toMatchObject({
      dailyChecksOn: true,
      dailyRun: { owner: BOB, hour: 9, mine: false },
      settings: { dailyHour: 9 },
    });
    const bobs = dailyTriggerOf(h, BOB);
    expect(bobs?.schedule).toMatchObject({ atHour: 9, everyDays: 1, inTimezone: 'Asia/Seoul' });

    // Day 2, 07:00: Alice's old trigger fires. It removes itself and does nothing else.
    h.standIn.setNow(DAY2);
    const before = whatPeopleSee(h);
    fire(h, alices);
    expectNothingChanged(h, before);
    expect(dailyTriggerOf(h, ALICE)).toBeUndefined();
    expect(settingsState(as(h, ALICE)).dailyRun).toMatchObject({ owner: BOB, mine: false });

    // 09:00: Bob's trigger runs the check.
    if (!bobs) throw new Error('Bob has no daily trigger');
    h.standIn.setNow(seoul(2023, 11, 16, 9));
    const mail = h.standIn.sentMail.length;
    fire(h, bobs);
    expect(settingsState(h).lastRun).toMatchObject({
      ok: true,
      trigger: 'schedule',
      at: seoul(2023, 11, 16, 9).toISOString(),
    });
    expect(health(h, 'D-2023-034')).toBe('정체: 미팅 약속 완료 42일째 (기준 14일)');
    expect(h.standIn.sentMail.length).toBeGreaterThan(mail);
    expect(dailyTriggerOf(h, BOB)).toBeDefined();
  });
});

// 2c ---------------------------------------------------------------------------

describe('Bob turning the checks off from the menu', () => {
  test('asks first, naming Alice; "No" leaves them on', () => {
    const h = alicesPipeline();
    h.standIn.respond('NO');
    click(as(h, BOB), 'toggleDailyChecks');
    expect(h.standIn.ui.alerts.at(-1)).toBe(
      '매일 점검은 alice@example.com에서 매일 7시에 실행됩니다. 모두에게 끌까요? 내 계정에서 다시 켤 수 있습니다.',
    );
    expect(settingsState(h)).toMatchObject({ dailyChecksOn: true, dailyRun: { owner: ALICE } });
  });

  test('"Yes": everyone’s Settings say off, and Alice’s trigger retires when it fires, doing nothing', () => {
    const h = alicesPipeline();
    const alices = dailyTriggerOf(h, ALICE);
    if (!alices) throw new Error('Alice has no daily trigger');
    fire(h, alices); // day 1

    h.standIn.respond('YES');
    click(as(h, BOB), 'toggleDailyChecks');
    expect(h.standIn.ui.toasts.at(-1)).toBe(
      '이 스프레드시트의 매일 점검이 꺼졌습니다. 입력한 단계 변경은 계속 기록됩니다.',
    );
    for (const user of [BOB, ALICE]) {
      expect(settingsState(as(h, user)), user).toMatchObject({ dailyChecksOn: false, dailyRun: null });
    }

    h.standIn.setNow(DAY2);
    const before = whatPeopleSee(h);
    fire(h, alices);
    expectNothingChanged(h, before);
    expect(dailyTriggerOf(h, ALICE)).toBeUndefined();
    for (const user of [BOB, ALICE]) {
      expect(settingsState(as(h, user)), user).toMatchObject({ dailyChecksOn: false, dailyRun: null });
    }
  });
});

// 2d ---------------------------------------------------------------------------

describe('a daily trigger made before the record existed', () => {
  test('keeps running, and is recorded as the daily check on its first run', () => {
    const h = alicesPipeline();
    // An earlier version of the add-on made the trigger and kept no record of it.
    h.standIn.services.PropertiesService.getDocumentProperties().deleteProperty('sheetsPipeline.dailyRun');
    const alices = dailyTriggerOf(h, ALICE);
    if (!alices) throw new Error('Alice has no daily trigger');

    fire(h, alices);
    expect(settingsState(h).lastRun).toMatchObject({ ok: true, trigger: 'schedule', at: DAY1.toISOString() });
    expect(health(h, 'D-2023-034')).toBe('정체: 미팅 약속 완료 41일째 (기준 14일)');
    expect(settingsState(as(h, ALICE))).toMatchObject({
      dailyChecksOn: true,
      dailyRun: { owner: ALICE, hour: 7, timeZone: 'Asia/Seoul', mine: true },
    });
    expect(settingsState(as(h, BOB)).dailyRun).toMatchObject({ owner: ALICE, mine: false });

    h.standIn.setNow(DAY2);
    fire(h, alices);
    expect(settingsState(h).lastRun).toMatchObject({ ok: true, at: DAY2.toISOString() });
    expect(dailyTriggerOf(h, ALICE)?.id).toBe(alices.id);
  });
});
