/**
 * Settings never fail obscurely and never pretend: a value the dialog cannot
 * take is refused with a message in the dialog's language (never Apps
 * Script's "Argument too large"), and nothing is stored; several manager
 * addresses each get the manager digest once; a stored record that cannot be
 * read is said to be unreadable, in Settings and in the next run's line, and
 * never passes for the user's choice or for "never ran".
 */
import { describe, expect, test } from 'vitest';
import type { Settings } from '../../src/shared/settings-protocol';
import { workbookFromCsvFolder } from '../support/csv-workbook';
import { seoul } from '../support/seoul';
import {
  click,
  DEFAULT_SETTINGS,
  englishSample,
  fireDailyTrigger,
  fromDialog,
  type Harness,
  openSpreadsheet,
  saveSettings,
  settingsState,
} from './harness';

// Helpers ----------------------------------------------------------------------

const NOW = seoul(2023, 11, 15, 9);
const SETTINGS_KEY = 'sheetsPipeline.settings';
const RUN_KEY = 'sheetsPipeline.lastRun';

type Language = 'ko' | 'en';

/** An empty spreadsheet in Seoul (Korean) or New York (English). */
function spreadsheet(language: Language): Harness {
  return language === 'ko'
    ? openSpreadsheet({ now: NOW })
    : openSpreadsheet({ locale: 'en_US', timeZone: 'America/New_York', now: NOW });
}

/** The Korean sample pipeline, set up, daily checks on, with digests on (or as given). */
function pipeline(settings: Partial<Settings> = { notifications: true }): Harness {
  const h = openSpreadsheet({ now: NOW, sheets: workbookFromCsvFolder('sample-data', 'Asia/Seoul') });
  click(h, 'setupPipeline');
  click(h, 'toggleDailyChecks');
  saveSettings(h, settings);
  return h;
}

/** The English sample pipeline, the same way. */
function englishPipeline(settings: Partial<Settings> = { notifications: true }): Harness {
  const h = englishSample();
  click(h, 'setupPipeline');
  click(h, 'toggleDailyChecks');
  saveSettings(h, settings);
  return h;
}

/** Saves what the dialog sends (the defaults, overridden) and returns the message it shows, or null when saved. */
function saveMessage(h: Harness, values: Record<string, unknown>): string | null {
  try {
    fromDialog(h, 'settingsSave', { ...DEFAULT_SETTINGS, ...values });
    return null;
  } catch (e) {
    return e instanceof Error || (typeof e === 'object' && e !== null && 'message' in e)
      ? String((e as { message: unknown }).message)
      : String(e);
  }
}

/** Asserts a save is refused with exactly `message`, leaving every stored setting and trigger as it was. */
function expectRefused(h: Harness, values: Record<string, unknown>, message: string): void {
  const properties = h.standIn.properties.document();
  const triggers = h.standIn.triggers();
  expect(saveMessage(h, values)).toBe(message);
  expect(h.standIn.properties.document()).toEqual(properties);
  expect(h.standIn.triggers()).toEqual(triggers);
}

/** Puts a value straight into a document property, as a hand edit or a cut-off write would leave it. */
function store(h: Harness, key: string, value: string): void {
  h.standIn.services.PropertiesService.getDocumentProperties().setProperty(key, value);
}

function mailsTo(h: Harness, address: string) {
  return h.standIn.sentMail.filter((m) => m.to === address);
}

const addresses = (n: number) => Array.from({ length: n }, (_, i) => `lead${i + 1}@example.com`);

// 3a ---------------------------------------------------------------------------

describe('manager addresses', () => {
  test('a 10,000-character address is refused with a clear message (not "Argument too large"), nothing stored', () => {
    const long = `${'a'.repeat(10_000 - '@example.com'.length)}@example.com`;
    const ko = spreadsheet('ko');
    expectRefused(ko, { managerEmail: long }, '관리자 이메일이 너무 깁니다 (10,000자, 최대 2,000자).');
    const en = spreadsheet('en');
    expectRefused(
      en,
      { managerEmail: long },
      'Manager emails are too long (10,000 characters; at most 2,000).',
    );
    expect(saveMessage(en, { managerEmail: long })).not.toContain('Argument too large');
  });

  test('several, separated by commas, semicolons or new lines, are kept and each gets the manager digest once', () => {
    const h = pipeline({
      notifications: true,
      managerEmail: 'lead1@example.com, lead2@example.com\nlead3@example.com;lead4@example.com',
    });
    expect(settingsState(h).settings.managerEmail).toBe(
      'lead1@example.com, lead2@example.com, lead3@example.com, lead4@example.com',
    );
    fireDailyTrigger(h);
    const digests = addresses(4).map((a) => mailsTo(h, a));
    for (const [i, mails] of digests.entries()) expect(mails, `lead${i + 1}`).toHaveLength(1);
    const first = digests[0]?.[0];
    expect(first?.subject).toMatch(/^\[Stand-in spreadsheet\] 확인이 필요한 딜 \d+건$/);
    expect(first?.body).toContain(
      '• D-2023-034 채널 파트너 CRM: 미팅 약속 완료 41일째 (기준 14일) — sua.choi@example.com',
    );
    for (const mails of digests) expect(mails[0]?.body).toBe(first?.body);
    // A rerun the same day sends none of them again.
    click(h, 'runChecksNow');
    for (const a of addresses(4)) expect(mailsTo(h, a)).toHaveLength(1);
  });

  test('the same address listed twice (in any case) gets one digest, not two', () => {
    const h = pipeline({ notifications: true, managerEmail: 'lead@example.com, Lead@Example.com' });
    fireDailyTrigger(h);
    const digests = h.standIn.sentMail.filter((m) => m.to.toLowerCase() === 'lead@example.com');
    expect(digests).toHaveLength(1);
  });

  test('an invalid address among them is named, and nothing is stored', () => {
    const list = 'lead1@example.com, not-an-email\nlead3@example.com';
    expectRefused(spreadsheet('ko'), { managerEmail: list }, "'not-an-email'은(는) 이메일 주소가 아닙니다.");
    expectRefused(spreadsheet('en'), { managerEmail: list }, "'not-an-email' is not an email address.");
  });

  test('twenty are accepted; twenty-one are refused', () => {
    const h = spreadsheet('ko');
    expect(saveMessage(h, { managerEmail: addresses(20).join(', ') })).toBeNull();
    expect(settingsState(h).settings.managerEmail).toBe(addresses(20).join(', '));
    expectRefused(
      h,
      { managerEmail: addresses(21).join('\n') },
      '관리자 이메일은 20개까지입니다 (21개 입력).',
    );
    expectRefused(
      spreadsheet('en'),
      { managerEmail: addresses(21).join(',') },
      'At most 20 manager emails (21 given).',
    );
  });
});

// 3b ---------------------------------------------------------------------------

const HOUR = {
  ko: '점검 시각은 0부터 23 사이의 정수여야 합니다.',
  en: 'Daily hour must be a whole hour from 0 to 23.',
};
const NOTIFICATIONS = {
  ko: '알림 설정은 켜기 또는 끄기여야 합니다.',
  en: 'Notifications must be on or off.',
};
const LANGUAGE = { ko: '언어는 auto, ko, en 중 하나여야 합니다.', en: 'Language must be auto, ko or en.' };
const AUTO_SEND = {
  ko: '진입 메일 자동 발송은 켜기 또는 끄기여야 합니다.',
  en: 'Send entry emails automatically must be on or off.',
};
const DAILY_CHECKS = { ko: '매일 점검은 켜기 또는 끄기여야 합니다.', en: 'Daily checks must be on or off.' };
const TAKE_OVER = {
  ko: '매일 점검을 내 계정으로 가져올지는 예 또는 아니요여야 합니다.',
  en: 'Taking over the daily check must be yes or no.',
};

const INVALID: [string, Record<string, unknown>, Record<Language, string>][] = [
  ['hour 24', { dailyHour: 24 }, HOUR],
  ['hour 7.5', { dailyHour: 7.5 }, HOUR],
  ["hour 'x'", { dailyHour: 'x' }, HOUR],
  ['hour -1', { dailyHour: -1 }, HOUR],
  ['a blank hour (not midnight)', { dailyHour: '' }, HOUR],
  ["notifications 'yes'", { notifications: 'yes' }, NOTIFICATIONS],
  ["language 'fr'", { languageChoice: 'fr' }, LANGUAGE],
  ["send entry emails 'yes'", { autoSendEntryEmails: 'yes' }, AUTO_SEND],
  ["daily checks 'yes'", { dailyChecksOn: 'yes' }, DAILY_CHECKS],
  ["take over 'yes'", { takeOver: 'yes' }, TAKE_OVER],
];

describe('every invalid value gets a clear message in the dialog’s language, and nothing is stored', () => {
  for (const language of ['ko', 'en'] as const) {
    test.each(INVALID)(`${language}: %s`, (_name, values, message) => {
      const h = spreadsheet(language);
      click(h, 'toggleDailyChecks'); // so a bad hour would have a trigger to move
      expectRefused(h, values, message[language]);
    });
  }

  test('a Korean spreadsheet whose Settings are in English answers in English', () => {
    const h = spreadsheet('ko');
    saveSettings(h, { languageChoice: 'en' });
    expectRefused(h, { languageChoice: 'en', dailyHour: 24 }, HOUR.en);
  });
});

// 3c ---------------------------------------------------------------------------

const SETTINGS_PROBLEM = {
  ko: '저장된 설정을 읽을 수 없어 기본값(알림 꺼짐)을 쓰고 있습니다',
  en: 'The saved settings could not be read, so the defaults (notifications off) are in use',
};

const CORRUPT_SETTINGS: [string, string][] = [
  ['cut off', '{"notifications":true,"managerEmail":"boss@exa'],
  ['not JSON', 'notifications=on'],
  ['impossible values', '{"notifications":"yes","managerEmail":"","dailyHour":99,"languageChoice":"auto"}'],
  ['a JSON list', '[true,"boss@example.com",7]'],
  ['a JSON number', '42'],
];

describe('stored settings that cannot be read', () => {
  test.each(CORRUPT_SETTINGS)('%s: Settings and the next run say the defaults are in use', (_name, value) => {
    const h = pipeline({ notifications: true, managerEmail: 'boss@example.com' });
    store(h, SETTINGS_KEY, value);

    const problem = settingsState(h).settingsProblem ?? '(no problem reported)';
    expect(problem).toContain(SETTINGS_PROBLEM.ko);
    expect(problem).toContain('설정을 다시 저장하세요.');

    fireDailyTrigger(h);
    const warnings = settingsState(h).lastRun?.warnings ?? [];
    expect(warnings.some((w) => w.includes(SETTINGS_PROBLEM.ko))).toBe(true);
    click(h, 'runChecksNow');
    expect(h.standIn.ui.toasts.at(-1)).toContain(SETTINGS_PROBLEM.ko);
  });

  test('in an English sheet the warning is in English, and saving Settings again clears it', () => {
    const h = englishPipeline();
    store(h, SETTINGS_KEY, '{"notifications":tr');
    expect(settingsState(h).settingsProblem).toBe(`${SETTINGS_PROBLEM.en}. Save Settings again.`);
    fireDailyTrigger(h);
    expect(settingsState(h).lastRun?.warnings).toContain(`${SETTINGS_PROBLEM.en}. Save Settings again.`);

    saveSettings(h, { notifications: true });
    expect(settingsState(h).settingsProblem).toBeNull();
    fireDailyTrigger(h);
    expect(settingsState(h).lastRun?.warnings).toBeUndefined();
  });
});

// 3d ---------------------------------------------------------------------------

const RUN_PROBLEM = {
  ko: '지난 점검 기록을 읽을 수 없었습니다. 이번 점검 기록으로 바꿉니다.',
  en: 'The record of the last run could not be read; this run replaces it.',
};

const CORRUPT_RUNS: [string, string][] = [
  ['cut off', '{"at":"2023-11-14T22:00:00.000Z","trigger":"sched'],
  ['not JSON', 'ok'],
  ['a JSON list', '[]'],
  ['a JSON number', '42'],
];

describe('a last-run record that cannot be read', () => {
  test.each(CORRUPT_RUNS)(
    '%s: is reported in Settings, not shown as a run or as "never ran"',
    (_name, value) => {
      const h = pipeline();
      fireDailyTrigger(h);
      store(h, RUN_KEY, value);
      const state = settingsState(h);
      expect(state.lastRunProblem).toBe(RUN_PROBLEM.ko);
      expect(state.lastRun).toBeNull();

      // The next run replaces it and says so in its own line.
      h.standIn.advanceTime(3_600_000);
      fireDailyTrigger(h);
      const after = settingsState(h);
      expect(after.lastRun).toMatchObject({ ok: true, trigger: 'schedule' });
      expect(after.lastRun?.warnings).toContain(RUN_PROBLEM.ko);
      expect(after.settingsProblem).toBeNull();
    },
  );

  test('in an English sheet it is reported in English', () => {
    const h = englishPipeline();
    store(h, RUN_KEY, '{"at":');
    expect(settingsState(h).lastRunProblem).toBe(RUN_PROBLEM.en);
  });

  test('with the settings unreadable too, Settings report both', () => {
    const h = pipeline();
    fireDailyTrigger(h);
    store(h, SETTINGS_KEY, '{"notifications":tr');
    store(h, RUN_KEY, '{"at":');
    const state = settingsState(h);
    expect(state.settingsProblem).toContain(SETTINGS_PROBLEM.ko);
    expect(state.lastRunProblem).toBe(RUN_PROBLEM.ko);
  });
});
