import { bilingual } from '../../shared/bilingual';

/** Notes the add-on writes into Stage history rows it records on its own, in the sheet's language. */
export const historyNotes = bilingual({
  en: {
    firstSeen: 'Stage when first seen by Sheets Pipeline (no earlier history)',
    setupBaseline: 'Stage when Sheets Pipeline was set up (no earlier history)',
    lateUnknown:
      'Recorded late: the stage was changed in the sheet but could not be logged then (time unknown; counted from the day it was recorded)',
    latePending: (at: string) => `Recorded late: stage typed at ${at} while another run held the sheet`,
  },
  ko: {
    firstSeen: '처음 확인된 단계 (이전 이력 없음)',
    setupBaseline: '설정 시점의 단계 (이전 이력 없음)',
    lateUnknown:
      '늦게 기록됨: 시트에서 단계가 바뀌었지만 그때 기록되지 못했습니다 (실제 변경 시각은 알 수 없어 기록한 날부터 셉니다)',
    latePending: (at: string) => `늦게 기록됨: ${at}에 입력된 단계 변경 (그때 다른 작업이 실행 중이었습니다)`,
  },
});
