import type { Language } from '../engine/table';
import type { RunLog } from './run-log';
import type { SetupSummary } from './setup';

/** The add-on's own words (menus, dialogs, toasts), Korean and English. */
const EN = {
  menu: {
    setup: 'Set up pipeline sheets',
    panel: 'Open deal panel',
    runChecks: 'Run checks now',
    toggleChecks: 'Turn daily checks on/off',
    dashboard: 'Build dashboard',
    settings: 'Settings',
  },
  title: 'Sheets Pipeline',
  panelTitle: 'Deal panel',
  settingsTitle: 'Sheets Pipeline settings',
  checksOn: (hour: number) => `Daily checks are on: every day at ${hour}:00. Stage edits are logged.`,
  checksOff: 'Daily checks are off. Stage edits are no longer logged automatically.',
  dashboardDone: (day: string) => `Dashboard rebuilt (${day}).`,
  setupDone: (summary: string) => `Pipeline sheets are ready. ${summary}`,
  setupSummary: (s: SetupSummary) =>
    [
      s.created.length ? `Created: ${s.created.join(', ')}.` : '',
      s.columnsAdded.length ? `Added columns: ${s.columnsAdded.join('; ')}.` : '',
      s.dealIdsFilled ? `Filled ${s.dealIdsFilled} Deal IDs.` : '',
      s.historyStarted ? `Recorded the current stage of ${s.historyStarted} deals in Stage history.` : '',
    ]
      .filter(Boolean)
      .join(' ') || 'Nothing needed changing.',
  checksDone: (log: RunLog) =>
    `Checked ${log.deals} deals: ${log.stale} stale, ${log.overdue} overdue, ${log.tasksCreated} new tasks, ${log.emailsSent} emails.` +
    (log.problems ? ` ${log.problems} rows have a bad value: see Health.` : ''),
};

type UiText = typeof EN;

const KO: UiText = {
  menu: {
    setup: '파이프라인 시트 설정',
    panel: '딜 패널 열기',
    runChecks: '지금 점검 실행',
    toggleChecks: '매일 점검 켜기/끄기',
    dashboard: '대시보드 만들기',
    settings: '설정',
  },
  title: 'Sheets Pipeline',
  panelTitle: '딜 패널',
  settingsTitle: 'Sheets Pipeline 설정',
  checksOn: (hour: number) => `매일 점검이 켜졌습니다: 매일 ${hour}시. 단계 변경이 기록됩니다.`,
  checksOff: '매일 점검이 꺼졌습니다. 단계 변경이 더 이상 자동 기록되지 않습니다.',
  dashboardDone: (day: string) => `대시보드를 다시 만들었습니다 (${day}).`,
  setupDone: (summary: string) => `파이프라인 시트가 준비되었습니다. ${summary}`,
  setupSummary: (s: SetupSummary) =>
    [
      s.created.length ? `새 시트: ${s.created.join(', ')}.` : '',
      s.columnsAdded.length ? `추가한 열: ${s.columnsAdded.join('; ')}.` : '',
      s.dealIdsFilled ? `딜 ID ${s.dealIdsFilled}개를 채웠습니다.` : '',
      s.historyStarted ? `딜 ${s.historyStarted}건의 현재 단계를 단계 이력에 기록했습니다.` : '',
    ]
      .filter(Boolean)
      .join(' ') || '바꿀 것이 없습니다.',
  checksDone: (log: RunLog) =>
    `딜 ${log.deals}건 점검: 정체 ${log.stale}건, 수주 예정일 지남 ${log.overdue}건, 새 할일 ${log.tasksCreated}건, 메일 ${log.emailsSent}통.` +
    (log.problems ? ` 입력 오류 ${log.problems}건: 상태 열을 확인하세요.` : ''),
};

export function uiText(language: Language): UiText {
  return language === 'ko' ? KO : EN;
}
