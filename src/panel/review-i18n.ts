import { bilingual } from '../shared/bilingual';

/**
 * The Review win probabilities dialog's own words, Korean and English.
 * Figures, evidence, flags and refusals come from the server, already worded.
 */
export const reviewStrings = bilingual({
  en: {
    loading: 'Reading Stages and Stage history…',
    applying: 'Applying…',
    serverError: (m: string) => `The server could not answer: ${m}`,
    intro:
      'For each open stage, the win probability and stale threshold in Stages beside what your Stage history shows. Tick the values to apply: nothing changes until you press Apply, and every change is logged.',
    asOf: (day: string, sheet: string) =>
      `Estimated from Stage history as of ${day}; values from '${sheet}'.`,
    unread: (n: number) =>
      n === 1
        ? '1 Stage history row could not be read and is left out.'
        : `${n} Stage history rows could not be read and are left out.`,
    pipeline: (name: string) => `Pipeline: ${name}`,
    probability: 'Win probability',
    staleAfter: 'Stale after',
    inStages: 'In Stages',
    estimated: 'From history',
    suggested: 'Suggested',
    basis: 'Based on',
    change: (value: string) => `Change to ${value}`,
    apply: (n: number) => (n === 0 ? 'Apply' : n === 1 ? 'Apply 1 change' : `Apply ${n} changes`),
    noneTicked: 'Tick a value to apply it.',
    noStages: 'Stages has no open stages to review.',
    written: 'Written',
    close: 'Close',
  },
  ko: {
    loading: '단계와 단계 이력을 읽는 중…',
    applying: '적용하는 중…',
    serverError: (m) => `서버가 응답하지 못했습니다: ${m}`,
    intro:
      '진행 중인 단계마다 Stages의 수주 확률과 정체 기준일을 단계 이력에서 나온 값과 나란히 보여 줍니다. 적용할 값을 고르세요. 적용을 누르기 전에는 아무것도 바뀌지 않으며, 바꾼 값은 모두 기록됩니다.',
    asOf: (day, sheet) => `${day} 기준 단계 이력으로 추정했습니다. 현재 값은 '${sheet}' 시트의 값입니다.`,
    unread: (n) => `읽을 수 없는 단계 이력 ${n}행은 빼고 계산했습니다.`,
    pipeline: (name) => `파이프라인: ${name}`,
    probability: '수주 확률',
    staleAfter: '정체 기준일',
    inStages: 'Stages 값',
    estimated: '이력 추정',
    suggested: '제안',
    basis: '근거',
    change: (value) => `${value}로 바꾸기`,
    apply: (n) => (n === 0 ? '적용' : `${n}개 적용`),
    noneTicked: '적용할 값을 고르세요.',
    noStages: 'Stages에 검토할 진행 중 단계가 없습니다.',
    written: '쓴 값',
    close: '닫기',
  },
});

export type ReviewStrings = ReturnType<typeof reviewStrings>;
