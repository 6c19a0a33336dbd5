import { bilingual } from '../shared/bilingual';
/**
 * The Settings dialog's words for lost reasons, choices that do nothing and
 * what a save did, Korean and English. (The dialog's older words live in
 * i18n.ts, shared with the deal panel.)
 */
export const settingsStrings = bilingual({
  en: {
    lostReasons: 'Lost reasons (one per line, in the order the deal panel lists them)',
    lostReasonsHint: 'Left empty, the defaults are used.',
    resetLostReasons: 'Reset to defaults',
    checksTimeZone: (zone: string) => `Times are in the spreadsheet’s time zone, ${zone}.`,
    /** Each choice that does nothing, said next to it. */
    warnDigestsNoChecks:
      'Digests are on but the daily check is off: no digest is sent until the daily check is on.',
    warnManagersNoDigests: 'Digests are off: these addresses get nothing until digests are on.',
    warnHourNoChecks: 'The daily check is off: this time is used once it is on.',
    saved: 'Settings saved.',
    savedChecksOn: (hour: string, zone: string) => `The daily check runs every day at ${hour} (${zone}).`,
    savedChecksOff: 'The daily check is off.',
    savedButNote: 'Note:',
  },
  ko: {
    lostReasons: '실주 사유 (한 줄에 하나, 딜 패널에 보이는 순서대로)',
    lostReasonsHint: '비워 두면 기본값을 씁니다.',
    resetLostReasons: '기본값으로 되돌리기',
    checksTimeZone: (zone) => `시각은 스프레드시트의 시간대(${zone}) 기준입니다.`,
    warnDigestsNoChecks:
      '요약 메일이 켜져 있지만 매일 점검이 꺼져 있어, 매일 점검을 켜기 전에는 메일이 발송되지 않습니다.',
    warnManagersNoDigests:
      '요약 메일이 꺼져 있어 이 주소들은 요약 메일을 켜기 전에는 아무것도 받지 않습니다.',
    warnHourNoChecks: '매일 점검이 꺼져 있어 이 시각은 점검을 켠 뒤에 쓰입니다.',
    saved: '설정을 저장했습니다.',
    savedChecksOn: (hour, zone) => `매일 ${hour}(${zone})에 점검합니다.`,
    savedChecksOff: '매일 점검은 꺼져 있습니다.',
    savedButNote: '참고:',
  },
});

export type SettingsStrings = ReturnType<typeof settingsStrings>;
