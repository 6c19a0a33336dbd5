/**
 * Extensions › Sheets Pipeline: the menu a person sees when the spreadsheet
 * opens, in every auth mode (SPEC §4 lists the items).
 */
import { describe, expect, test } from 'vitest';
import type { MenuItem } from '../support/standin';
import { openSpreadsheet, saveSettings } from './harness';

const KO_ITEMS = [
  { caption: '파이프라인 시트 설정', functionName: 'setupPipeline' },
  { caption: '내 시트 연결', functionName: 'showConnect' },
  { caption: '딜 패널 열기', functionName: 'showDealPanel' },
  'separator',
  { caption: '지금 점검 실행', functionName: 'runChecksNow' },
  { caption: '매일 점검 켜기/끄기', functionName: 'toggleDailyChecks' },
  { caption: '수주 확률 검토', functionName: 'showReview' },
  { caption: '대시보드 만들기', functionName: 'buildDashboard' },
  'separator',
  { caption: '설정', functionName: 'showSettings' },
];

const EN_ITEMS = [
  { caption: 'Set up pipeline sheets', functionName: 'setupPipeline' },
  { caption: 'Connect your sheet', functionName: 'showConnect' },
  { caption: 'Open deal panel', functionName: 'showDealPanel' },
  'separator',
  { caption: 'Run checks now', functionName: 'runChecksNow' },
  { caption: 'Turn daily checks on/off', functionName: 'toggleDailyChecks' },
  { caption: 'Review win probabilities', functionName: 'showReview' },
  { caption: 'Build dashboard', functionName: 'buildDashboard' },
  'separator',
  { caption: 'Settings', functionName: 'showSettings' },
];

function functionsOf(items: readonly MenuItem[]): string[] {
  return items.flatMap((i) => (typeof i === 'object' && 'functionName' in i ? [i.functionName] : []));
}

describe('onOpen in AuthMode.NONE (add-on installed, not yet used in this file)', () => {
  test.each([
    ['ko_KR', 'ko', KO_ITEMS],
    ['en_US', 'en', EN_ITEMS],
  ])(
    'a %s user sees the menu items in their language, and nothing else is touched',
    (locale, userLocale, items) => {
      const { standIn, app } = openSpreadsheet({ locale, userLocale });
      standIn.calls.reset();
      // The stand-in refuses every call but building menus in NONE, so this alone proves no reads.
      app.onOpen(standIn.openEvent('NONE'));
      expect(standIn.ui.menus).toEqual([{ title: 'Sheets Pipeline', addOn: true, items }]);
      for (const method of standIn.calls.sequence()) {
        expect(method).toMatch(
          /^(SpreadsheetApp\.getUi|Ui\.createAddonMenu|Menu\.\w+|Session\.getActiveUserLocale)$/,
        );
      }
      expect(standIn.calls.count('Ui.createAddonMenu')).toBe(1);
      expect(standIn.properties.document()).toEqual({});
      expect(standIn.properties.user()).toEqual({});
      expect(standIn.triggers()).toEqual([]);
      expect(standIn.ui.toasts).toEqual([]);
    },
  );

  test('every item runs a global function of the bundle (Apps Script calls menus by name)', () => {
    const { standIn, app } = openSpreadsheet();
    app.onOpen(standIn.openEvent('NONE'));
    const names = functionsOf(standIn.ui.menus[0]?.items ?? []);
    expect(names).toHaveLength(8);
    for (const name of names) expect(typeof app[name]).toBe('function');
  });

  test('in NONE the menu follows the user, not the spreadsheet (the spreadsheet may not be read)', () => {
    const { standIn, app } = openSpreadsheet({ locale: 'ko_KR', userLocale: 'en' });
    app.onOpen(standIn.openEvent('NONE'));
    expect(standIn.ui.menus[0]?.items).toEqual(EN_ITEMS);
  });
});

describe('onOpen once the add-on is in use (LIMITED, FULL) and onInstall', () => {
  test.each(['LIMITED', 'FULL'] as const)('%s: the menu follows the spreadsheet locale', (mode) => {
    const ko = openSpreadsheet({ locale: 'ko_KR', userLocale: 'en' });
    ko.app.onOpen(ko.standIn.openEvent(mode));
    expect(ko.standIn.ui.menus).toEqual([{ title: 'Sheets Pipeline', addOn: true, items: KO_ITEMS }]);

    const en = openSpreadsheet({ locale: 'en_US', timeZone: 'America/New_York' });
    en.app.onOpen(en.standIn.openEvent(mode));
    expect(en.standIn.ui.menus).toEqual([{ title: 'Sheets Pipeline', addOn: true, items: EN_ITEMS }]);
    // Opening the file writes nothing.
    expect(ko.standIn.properties.document()).toEqual({});
    expect(ko.standIn.triggers()).toEqual([]);
  });

  test('the language chosen in Settings wins over the locale', () => {
    const h = openSpreadsheet({ locale: 'ko_KR' });
    saveSettings(h, { languageChoice: 'en' });
    h.app.onOpen(h.standIn.openEvent('LIMITED'));
    expect(h.standIn.ui.menus[0]?.items).toEqual(EN_ITEMS);
  });

  test('onInstall builds the menu at once', () => {
    const { standIn, app } = openSpreadsheet({ locale: 'ko_KR' });
    app.onInstall(standIn.installEvent());
    expect(standIn.ui.menus).toEqual([{ title: 'Sheets Pipeline', addOn: true, items: KO_ITEMS }]);
  });

  test('clicking a menu item runs it (Turn daily checks on/off installs the triggers)', () => {
    const { standIn, app } = openSpreadsheet({ locale: 'en_US', timeZone: 'America/New_York' });
    app.onOpen(standIn.openEvent('NONE'));
    standIn.runMenuItem('Turn daily checks on/off');
    expect(
      standIn
        .triggers()
        .map((t) => t.handler)
        .sort(),
    ).toEqual(['onDealsEdit', 'runDailyChecks']);
  });

  test('Settings opens a modal dialog in the spreadsheet language', () => {
    const { standIn, app } = openSpreadsheet({ locale: 'ko_KR' });
    app.onOpen(standIn.openEvent('NONE'));
    standIn.runMenuItem('설정');
    expect(standIn.ui.dialogs).toMatchObject([{ title: 'Sheets Pipeline 설정', modal: true }]);
  });
});
