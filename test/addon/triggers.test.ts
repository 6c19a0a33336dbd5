/**
 * Turn daily checks on/off: an editor add-on may hold one trigger of each
 * type per user per document (the stand-in throws on a second), and the daily
 * one runs at the Settings hour in the spreadsheet's zone, not the script's.
 */
import { describe, expect, test } from 'vitest';
import type { TriggerRecord } from '../support/standin';
import { click, type Harness, openSpreadsheet, saveSettings, settingsState } from './harness';

function seoulSpreadsheet(): Harness {
  // The script's own zone (appsscript.json) differs on purpose: the hour must be Seoul's.
  return openSpreadsheet({ scriptTimeZone: 'America/Los_Angeles' });
}

const daily = (h: Harness) => h.standIn.triggers().filter((t) => t.eventType === 'CLOCK');
const edit = (h: Harness) => h.standIn.triggers().filter((t) => t.eventType === 'ON_EDIT');

function expectOn(h: Harness, hour: number): void {
  const [clock, ...moreClocks] = daily(h);
  const [onEdit, ...moreEdits] = edit(h);
  expect(moreClocks).toEqual([]);
  expect(moreEdits).toEqual([]);
  expect(clock).toMatchObject<Partial<TriggerRecord>>({
    handler: 'runDailyChecks',
    source: 'CLOCK',
    schedule: { atHour: hour, everyDays: 1, inTimezone: 'Asia/Seoul' },
  });
  expect(onEdit).toMatchObject<Partial<TriggerRecord>>({ handler: 'onDealsEdit', source: 'SPREADSHEETS' });
  expect(h.standIn.triggers()).toHaveLength(2);
  expect(settingsState(h).dailyChecksOn).toBe(true);
}

describe('Turn daily checks on/off', () => {
  test('on: one daily trigger at the Settings hour in Seoul, and one edit trigger', () => {
    const h = seoulSpreadsheet();
    click(h, 'toggleDailyChecks');
    expectOn(h, 7);
    expect(h.standIn.ui.toasts.at(-1)).toBe('매일 점검이 켜졌습니다: 매일 7시. 단계 변경이 기록됩니다.');
  });

  test('turning on where setup already installed the edit trigger does not add a second one', () => {
    const h = seoulSpreadsheet();
    click(h, 'setupPipeline');
    expect(edit(h)).toHaveLength(1);
    click(h, 'toggleDailyChecks');
    expectOn(h, 7);
    // Setup and Settings again while on: still one of each.
    click(h, 'setupPipeline');
    saveSettings(h, { dailyHour: 7 });
    expectOn(h, 7);
  });

  test('off removes the daily trigger (typed stages are still logged); on again installs exactly one of each', () => {
    const h = seoulSpreadsheet();
    click(h, 'toggleDailyChecks');
    click(h, 'toggleDailyChecks');
    expect(h.standIn.triggers().map((t) => t.eventType)).toEqual(['ON_EDIT']);
    expect(settingsState(h).dailyChecksOn).toBe(false);
    expect(h.standIn.ui.toasts.at(-1)).toMatch(/꺼졌습니다/);
    click(h, 'toggleDailyChecks');
    expectOn(h, 7);
    click(h, 'toggleDailyChecks');
    expect(h.standIn.triggers().map((t) => t.eventType)).toEqual(['ON_EDIT']);
  });

  test('changing the daily hour in Settings moves the daily trigger; the edit trigger stays', () => {
    const h = seoulSpreadsheet();
    click(h, 'toggleDailyChecks');
    const editId = edit(h)[0]?.id;
    saveSettings(h, { dailyHour: 18 });
    expectOn(h, 18);
    expect(edit(h)[0]?.id).toBe(editId);
    saveSettings(h, { dailyHour: 6, notifications: true });
    expectOn(h, 6);
  });

  test('with checks off, a new hour installs nothing, and is used when they are turned on', () => {
    const h = seoulSpreadsheet();
    saveSettings(h, { dailyHour: 21 });
    expect(h.standIn.triggers()).toEqual([]);
    click(h, 'toggleDailyChecks');
    expectOn(h, 21);
    expect(h.standIn.ui.toasts.at(-1)).toBe('매일 점검이 켜졌습니다: 매일 21시. 단계 변경이 기록됩니다.');
  });

  test('triggers belong to the person: a colleague turning checks on again gets their own pair', () => {
    const h = seoulSpreadsheet();
    click(h, 'toggleDailyChecks');
    h.standIn.setUser('colleague@example.com');
    // Checks run from user@'s account: the colleague is asked before turning them off for everyone.
    h.standIn.respond('YES');
    click(h, 'toggleDailyChecks');
    expect(settingsState(h).dailyChecksOn).toBe(false);
    click(h, 'toggleDailyChecks');
    const owners = h.standIn.triggers().map((t) => `${t.owner} ${t.eventType}`);
    expect(owners.sort()).toEqual([
      'colleague@example.com CLOCK',
      'colleague@example.com ON_EDIT',
      'user@example.com CLOCK',
      'user@example.com ON_EDIT',
    ]);
    expect(settingsState(h).dailyRun).toMatchObject({ owner: 'colleague@example.com', mine: true });
  });

  test('the installed daily trigger runs the checks as a clock execution (no UI, no throw)', () => {
    const h = seoulSpreadsheet();
    click(h, 'setupPipeline');
    click(h, 'toggleDailyChecks');
    const event = h.standIn.clockEvent('runDailyChecks');
    expect(() => h.app.runDailyChecks(event)).not.toThrow();
    expect(settingsState(h).lastRun).toMatchObject({ ok: true, trigger: 'schedule', deals: 0 });
  });

  test('an invalid hour is refused by Settings and moves nothing', () => {
    const h = seoulSpreadsheet();
    click(h, 'toggleDailyChecks');
    expect(() => saveSettings(h, { dailyHour: 24 })).toThrow('점검 시각은 0부터 23 사이의 정수여야 합니다.'); // in the spreadsheet's language
    expectOn(h, 7);
  });
});
