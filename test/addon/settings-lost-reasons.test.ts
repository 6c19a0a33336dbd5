/**
 * Settings' lost reasons and manager addresses as the bundle stores them
 * (SPEC §4): lost reasons are the defaults in the spreadsheet's language until
 * a team sets its own, kept in the team's order, trimmed, each once, and a
 * bad one is refused by name with nothing stored; several manager addresses
 * are kept, one bad address is named; daily checks can be turned on from Settings.
 */
import { describe, expect, test } from 'vitest';
import { seoul } from '../support/seoul';
import {
  DEFAULT_SETTINGS,
  fromDialog,
  type Harness,
  openSpreadsheet,
  saveSettings,
  settingsState,
} from './harness';

const NOW = seoul(2023, 11, 15, 9);
const KO_DEFAULTS = ['가격', '경쟁사 선택', '예산 없음', '시기', '응답 없음', '기타'];
const EN_DEFAULTS = ['Price', 'Chose a competitor', 'No budget', 'Timing', 'No response', 'Other'];

function spreadsheet(language: 'ko' | 'en'): Harness {
  return language === 'ko'
    ? openSpreadsheet({ now: NOW })
    : openSpreadsheet({ locale: 'en_US', timeZone: 'America/New_York', now: NOW });
}

/** The message a refused save shows, after checking that nothing was stored. */
function refusal(h: Harness, values: Record<string, unknown>): string {
  const before = h.standIn.properties.document();
  let message = '(saved)';
  try {
    fromDialog(h, 'settingsSave', { ...DEFAULT_SETTINGS, ...values });
  } catch (e) {
    message = String((e as { message?: unknown }).message ?? e);
  }
  expect(h.standIn.properties.document()).toEqual(before);
  return message;
}

describe('lost reasons', () => {
  test('until set, the defaults in the spreadsheet’s language (and in the one chosen in Settings)', () => {
    const ko = settingsState(spreadsheet('ko'));
    expect(ko.settings.lostReasons).toEqual([]);
    expect(ko.defaultLostReasons).toEqual(KO_DEFAULTS);
    expect(settingsState(spreadsheet('en')).defaultLostReasons).toEqual(EN_DEFAULTS);
    const switched = spreadsheet('ko');
    saveSettings(switched, { languageChoice: 'en' });
    expect(settingsState(switched).defaultLostReasons).toEqual(EN_DEFAULTS);
  });

  test('a team’s list is stored in its order: trimmed, inner spaces collapsed, blanks and repeats (any case) dropped', () => {
    const h = spreadsheet('ko');
    saveSettings(h, {
      lostReasons: ['  보안 심사 탈락 ', '', '가격', '자체   개발', 'PRICE', 'price', '가격'],
    });
    expect(settingsState(h).settings.lostReasons).toEqual(['보안 심사 탈락', '가격', '자체 개발', 'PRICE']);
    // Saving the empty list goes back to the defaults.
    saveSettings(h, { lostReasons: [] });
    expect(settingsState(h).settings.lostReasons).toEqual([]);
    expect(settingsState(h).defaultLostReasons).toEqual(KO_DEFAULTS);
  });

  test('a reason over 80 characters is refused by name, nothing stored (Korean and English)', () => {
    const long = `${'가'.repeat(50)}${'나'.repeat(31)}`;
    expect(refusal(spreadsheet('ko'), { lostReasons: ['가격', long] })).toBe(
      `실주 사유 '${'가'.repeat(40)}…'이(가) 너무 깁니다 (최대 80자).`,
    );
    expect(refusal(spreadsheet('en'), { lostReasons: ['Price', 'x'.repeat(81)] })).toBe(
      `The lost reason '${'x'.repeat(40)}…' is too long (at most 80 characters).`,
    );
    // 80 exactly is fine.
    const h = spreadsheet('en');
    saveSettings(h, { lostReasons: ['y'.repeat(80)] });
    expect(settingsState(h).settings.lostReasons).toEqual(['y'.repeat(80)]);
  });

  test('thirty are kept, thirty-one refused; a list that is not text is refused', () => {
    const h = spreadsheet('ko');
    const reasons = (n: number) => Array.from({ length: n }, (_, i) => `사유 ${i + 1}`);
    saveSettings(h, { lostReasons: reasons(30) });
    expect(settingsState(h).settings.lostReasons).toEqual(reasons(30));
    expect(refusal(h, { lostReasons: reasons(31) })).toBe('실주 사유는 30개까지입니다 (31개 입력).');
    expect(refusal(spreadsheet('en'), { lostReasons: 'Price, Timing' })).toBe(
      'Lost reasons must be a list of text.',
    );
    expect(refusal(spreadsheet('en'), { lostReasons: ['Price', 3] })).toBe(
      'Lost reasons must be a list of text.',
    );
  });
});

describe('manager addresses and the daily check, from Settings', () => {
  test('one per line or comma-separated, each kept; the one bad address is named', () => {
    const h = spreadsheet('en');
    saveSettings(h, { managerEmail: 'lead@example.com\n  ops@example.com , cfo@example.com\n\n' });
    expect(settingsState(h).settings.managerEmail).toBe('lead@example.com, ops@example.com, cfo@example.com');
    expect(refusal(h, { managerEmail: 'lead@example.com\nops@example\ncfo@example.com' })).toBe(
      "'ops@example' is not an email address.",
    );
  });

  test('daily checks are turned on from Settings at the chosen hour, in the spreadsheet’s zone, and off again', () => {
    const h = spreadsheet('ko');
    fromDialog(h, 'settingsSave', { ...DEFAULT_SETTINGS, dailyHour: 6, dailyChecksOn: true });
    const state = settingsState(h);
    expect(state.dailyChecksOn).toBe(true);
    expect(state.dailyRun).toMatchObject({ hour: 6, timeZone: 'Asia/Seoul', mine: true });
    expect(state.timeZone).toBe('Asia/Seoul');
    const clock = h.standIn.triggers().filter((t) => t.eventType === 'CLOCK');
    expect(clock).toHaveLength(1);
    expect(clock[0]?.schedule).toMatchObject({ atHour: 6 });
    fromDialog(h, 'settingsSave', { ...DEFAULT_SETTINGS, dailyHour: 6, dailyChecksOn: false });
    expect(settingsState(h).dailyChecksOn).toBe(false);
    expect(h.standIn.triggers().filter((t) => t.eventType === 'CLOCK')).toHaveLength(0);
  });
});
