import { bilingual } from '../../shared/bilingual';

/**
 * What the add-on says when something is wrong or refused, outside the deal
 * panel (whose words are in panel-text.ts): errors shown in dialogs and
 * alerts, and problems recorded for Settings. One table per language, so a
 * missing translation is a type error.
 */
export const messages = bilingual({
  en: {
    noSheet: (table: string) =>
      `There is no ${table} sheet. Run Extensions › Sheets Pipeline › Set up pipeline sheets, or Connect your sheet if your deals are already in a sheet.`,
    noStages: 'Stages has no readable stages.',
    /** After the engine's missing-column message: the step in Sheets that fixes it. */
    fixMissing: (table: string, sheet: string, fields: readonly string[]) =>
      table === 'Deals'
        ? `To read another column of '${sheet}' as ${fields.join(' and ')}: Extensions › Sheets Pipeline › Connect your sheet, and choose it there.`
        : `Extensions › Sheets Pipeline › Set up pipeline sheets adds the missing column to '${sheet}'.`,
    checkSkipped:
      'Another check was still running; this one was skipped. The next check picks up from there.',
    settingsUnreadable: (detail: string) =>
      `The saved settings could not be read, so the defaults (notifications off) are in use${detail ? ` (${detail})` : ''}. Save Settings again.`,
    notASettingsRecord: 'not a settings record',
    runLogUnreadable: 'The record of the last run could not be read; this run replaces it.',
    hour: 'Daily hour must be a whole hour from 0 to 23.',
    notifications: 'Notifications must be on or off.',
    autoSendOnOrOff: 'Send entry emails automatically must be on or off.',
    dailyChecksOnOrOff: 'Daily checks must be on or off.',
    takeOverYesOrNo: 'Taking over the daily check must be yes or no.',
    managerText: 'Manager email must be text.',
    managersTooLong: (length: number, max: number) =>
      `Manager emails are too long (${length.toLocaleString('en-US')} characters; at most ${max.toLocaleString('en-US')}).`,
    tooManyManagers: (count: number, max: number) => `At most ${max} manager emails (${count} given).`,
    notAnEmail: (address: string) => `'${address}' is not an email address.`,
    languageChoice: 'Language must be auto, ko or en.',
    lostReasonsText: 'Lost reasons must be a list of text.',
    lostReasonTooLong: (reason: string, max: number) =>
      `The lost reason '${reason}' is too long (at most ${max} characters).`,
    tooManyLostReasons: (count: number, max: number) => `At most ${max} lost reasons (${count} given).`,
  },
  ko: {
    noSheet: (table) =>
      `${table} 시트가 없습니다. 확장 프로그램 › Sheets Pipeline › 파이프라인 시트 설정을 먼저 실행하세요. 딜이 이미 시트에 있다면 내 시트 연결을 실행하세요.`,
    noStages: 'Stages 시트에 읽을 수 있는 단계가 없습니다.',
    fixMissing: (table, sheet, fields) =>
      table === 'Deals'
        ? `'${sheet}'의 다른 열을 ${fields.join(', ')}(으)로 읽으려면: 확장 프로그램 › Sheets Pipeline › 내 시트 연결에서 그 열을 고르세요.`
        : `확장 프로그램 › Sheets Pipeline › 파이프라인 시트 설정을 실행하면 '${sheet}'에 빠진 열을 추가합니다.`,
    checkSkipped: '다른 점검이 아직 실행 중이어서 이번 점검은 건너뛰었습니다. 다음 점검이 이어서 처리합니다.',
    settingsUnreadable: (detail) =>
      `저장된 설정을 읽을 수 없어 기본값(알림 꺼짐)을 쓰고 있습니다${detail ? ` (${detail})` : ''}. 설정을 다시 저장하세요.`,
    notASettingsRecord: '설정 형식이 아닙니다',
    runLogUnreadable: '지난 점검 기록을 읽을 수 없었습니다. 이번 점검 기록으로 바꿉니다.',
    hour: '점검 시각은 0부터 23 사이의 정수여야 합니다.',
    notifications: '알림 설정은 켜기 또는 끄기여야 합니다.',
    autoSendOnOrOff: '진입 메일 자동 발송은 켜기 또는 끄기여야 합니다.',
    dailyChecksOnOrOff: '매일 점검은 켜기 또는 끄기여야 합니다.',
    takeOverYesOrNo: '매일 점검을 내 계정으로 가져올지는 예 또는 아니요여야 합니다.',
    managerText: '관리자 이메일은 글자여야 합니다.',
    managersTooLong: (length, max) =>
      `관리자 이메일이 너무 깁니다 (${length.toLocaleString('ko-KR')}자, 최대 ${max.toLocaleString('ko-KR')}자).`,
    tooManyManagers: (count, max) => `관리자 이메일은 ${max}개까지입니다 (${count}개 입력).`,
    notAnEmail: (address) => `'${address}'은(는) 이메일 주소가 아닙니다.`,
    languageChoice: '언어는 auto, ko, en 중 하나여야 합니다.',
    lostReasonsText: '실주 사유는 글자 목록이어야 합니다.',
    lostReasonTooLong: (reason, max) => `실주 사유 '${reason}'이(가) 너무 깁니다 (최대 ${max}자).`,
    tooManyLostReasons: (count, max) => `실주 사유는 ${max}개까지입니다 (${count}개 입력).`,
  },
});

export type Messages = ReturnType<typeof messages>;
