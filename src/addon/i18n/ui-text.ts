import { bilingual, englishCount } from '../../shared/bilingual';
import type { RunLog } from '../../shared/settings-protocol';

/** What a setup run did, as its toast reports it. */
export interface SetupSummary {
  created: string[];
  columnsAdded: string[];
  dealIdsFilled: number;
  /** Adopted deals that got a first Stage history row. */
  historyStarted: number;
}

/** The add-on's own words (menus, dialogs, toasts), Korean and English. */
export const uiText = bilingual({
  en: {
    menu: {
      setup: 'Set up pipeline sheets',
      panel: 'Open deal panel',
      runChecks: 'Run checks now',
      toggleChecks: 'Turn daily checks on/off',
      review: 'Review win probabilities',
      dashboard: 'Build dashboard',
      settings: 'Settings',
      connect: 'Connect your sheet',
    },
    title: 'Sheets Pipeline',
    busy: 'Another Sheets Pipeline run is writing to this spreadsheet. Try again in a minute.',
    panelTitle: 'Deal panel',
    settingsTitle: 'Sheets Pipeline settings',
    connectTitle: 'Connect your sheet to Sheets Pipeline',
    reviewTitle: 'Review win probabilities',
    checksOn: (hour: number) => `Daily checks are on: every day at ${hour}:00. Stage edits are logged.`,
    checksOff: 'Daily checks are off for this spreadsheet. Typed stages are still logged.',
    turnOffOthers: (owner: string, hour: number) =>
      `Daily checks run from ${owner || 'another account'} every day at ${hour}:00. Turn them off for everyone? You can turn them on again from your own account.`,
    hourOfOthers: (owner: string, hour: number) =>
      `Daily checks run from ${owner || 'another account'} at ${hour}:00. Take them over to change the hour.`,
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
      `Checked ${englishCount(log.deals ?? 0, 'deal', 'deals')}: ${log.stale} stale, ${log.overdue} overdue, ${englishCount(log.tasksCreated ?? 0, 'new task', 'new tasks')}, ${englishCount(log.emailsSent ?? 0, 'email', 'emails')}.` +
      (log.emailsSkipped
        ? ` ${englishCount(log.emailsSkipped, 'email', 'emails')} not sent (daily mail quota used up); the next run sends them.`
        : '') +
      (log.emailsFailed
        ? ` ${englishCount(log.emailsFailed, 'email', 'emails')} failed (${(log.emailFailures ?? []).join('; ')}); the next run tries again.`
        : '') +
      (log.loggedLate
        ? ` ${englishCount(log.loggedLate, 'stage change was', 'stage changes were')} missing from Stage history and are now logged.`
        : '') +
      (log.problems
        ? ` ${englishCount(log.problems, 'row has', 'rows have')} a bad value: see Pipeline health.`
        : '') +
      (log.warnings?.length ? ` ${log.warnings.join(' ')}` : ''),
  },
  ko: {
    menu: {
      setup: '파이프라인 시트 설정',
      panel: '딜 패널 열기',
      runChecks: '지금 점검 실행',
      toggleChecks: '매일 점검 켜기/끄기',
      review: '수주 확률 검토',
      dashboard: '대시보드 만들기',
      settings: '설정',
      connect: '내 시트 연결',
    },
    title: 'Sheets Pipeline',
    busy: '다른 Sheets Pipeline 작업이 이 스프레드시트에 쓰는 중입니다. 잠시 후 다시 시도하세요.',
    panelTitle: '딜 패널',
    settingsTitle: 'Sheets Pipeline 설정',
    connectTitle: '내 시트를 Sheets Pipeline에 연결',
    reviewTitle: '수주 확률 검토',
    checksOn: (hour: number) => `매일 점검이 켜졌습니다: 매일 ${hour}시. 단계 변경이 기록됩니다.`,
    checksOff: '이 스프레드시트의 매일 점검이 꺼졌습니다. 입력한 단계 변경은 계속 기록됩니다.',
    turnOffOthers: (owner: string, hour: number) =>
      `매일 점검은 ${owner || '다른 계정'}에서 매일 ${hour}시에 실행됩니다. 모두에게 끌까요? 내 계정에서 다시 켤 수 있습니다.`,
    hourOfOthers: (owner: string, hour: number) =>
      `매일 점검은 ${owner || '다른 계정'}에서 ${hour}시에 실행됩니다. 시각을 바꾸려면 점검을 내 계정으로 가져오세요.`,
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
      (log.emailsSkipped
        ? ` 메일 ${log.emailsSkipped}통은 하루 발송 한도를 넘어 보내지 못했습니다 (다음 점검에서 보냅니다).`
        : '') +
      (log.emailsFailed
        ? ` 메일 ${log.emailsFailed}통 발송 실패 (${(log.emailFailures ?? []).join('; ')}); 다음 점검에서 다시 보냅니다.`
        : '') +
      (log.loggedLate ? ` 단계 이력에 빠져 있던 단계 변경 ${log.loggedLate}건을 기록했습니다.` : '') +
      (log.problems ? ` 입력 오류 ${log.problems}건: 파이프라인 점검 열을 확인하세요.` : '') +
      (log.warnings?.length ? ` ${log.warnings.join(' ')}` : ''),
  },
});
