import { bilingual } from '../../shared/bilingual';

/**
 * Review win probabilities on the server side: every figure the dialog shows
 * and the Stage changes log writes, worded once, so the dialog, the log and
 * a refusal all say the same number. The dialog's own labels are in
 * src/panel/review-i18n.ts.
 */

/** A probability as the dialog shows it: whole tenths of a percent (`53.3%`, `20%`), the precision the flag compares at. */
export function percentText(p: number): string {
  return `${Math.round(p * 1000) / 10}%`;
}

export const reviewText = bilingual({
  en: {
    fields: { probability: 'Win probability', staleAfter: 'Stale after (days)' },
    days: (n: number) => (n === 1 ? '1 day' : `${n} days`),
    blankStale: 'blank (never stale)',
    noEstimate: '—',
    interval: (low: string, high: string) => `95% interval ${low}–${high}`,
    flag: 'Outside the 95% interval',
    whyNoEstimate: 'No estimate yet: no stay in this stage has ended, or no deal that reached it has closed.',
    whyNoSuggestion: 'No suggestion yet: too few stays in this stage have ended.',
    whySame: 'Stages already says this.',
    whyNoStaleColumn: 'Stages has no Stale after column to write to.',
    whyOutcomeFlip: (p: string) =>
      `Stages has no Outcome column, so ${p} would make this stage ${p === '0%' ? 'lost' : 'won'}.`,
    invalidRequest: 'The dialog sent a request the add-on cannot read. Close the dialog and open it again.',
    nothingTicked: 'Tick at least one value to apply.',
    gone: (stage: string) => `'${stage}' is no longer an open stage in Stages.`,
    changedInStages: (stage: string, field: string, shown: string, now: string) =>
      `${field} of '${stage}' changed in Stages since the dialog showed it (${shown}, now ${now}).`,
    estimateChanged: (stage: string, field: string, shown: string, now: string) =>
      `The suggested ${field.toLowerCase()} of '${stage}' changed since the dialog showed it (${shown}, now ${now}).`,
    notApplicable: (stage: string, field: string, why: string) => `${field} of '${stage}': ${why}`,
    nothingWritten:
      'Nothing was written. The dialog now shows the values as they are: check them and apply again.',
    unsafeWrite: (stage: string) =>
      `Writing the probability of '${stage}' would change how other stages' probabilities read. Nothing was written.`,
    applied: (n: number, log: string) =>
      `${n === 1 ? '1 value' : `${n} values`} written to Stages and logged in '${log}'.`,
    logHeaders: ['When', 'Who', 'Pipeline', 'Stage', 'Field', 'Old', 'New', 'Evidence'],
  },
  ko: {
    fields: { probability: '수주 확률', staleAfter: '정체 기준일' },
    days: (n) => `${n}일`,
    blankStale: '비어 있음 (정체 판단 안 함)',
    noEstimate: '—',
    interval: (low, high) => `95% 구간 ${low}–${high}`,
    flag: '95% 구간 밖',
    whyNoEstimate:
      '아직 추정할 수 없습니다: 이 단계에서 끝난 체류가 없거나, 이 단계를 거쳐 종료된 딜이 없습니다.',
    whyNoSuggestion: '아직 제안할 수 없습니다: 이 단계에서 끝난 체류가 너무 적습니다.',
    whySame: 'Stages 값과 같습니다.',
    whyNoStaleColumn: 'Stages에 정체 기준일 열이 없어 쓸 수 없습니다.',
    whyOutcomeFlip: (p) =>
      `Stages에 결과 열이 없어 ${p}로 바꾸면 이 단계가 ${p === '0%' ? '실주' : '수주'} 단계가 됩니다.`,
    invalidRequest: '대화상자가 보낸 요청을 읽을 수 없습니다. 대화상자를 닫고 다시 여세요.',
    nothingTicked: '적용할 값을 하나 이상 고르세요.',
    gone: (stage) => `'${stage}'은(는) 이제 Stages의 진행 중 단계가 아닙니다.`,
    changedInStages: (stage, field, shown, now) =>
      `대화상자를 연 뒤 Stages에서 '${stage}'의 ${field}이(가) 바뀌었습니다 (${shown} → 현재 ${now}).`,
    estimateChanged: (stage, field, shown, now) =>
      `대화상자를 연 뒤 '${stage}'의 제안 ${field}이(가) 바뀌었습니다 (${shown} → 현재 ${now}).`,
    notApplicable: (stage, field, why) => `'${stage}'의 ${field}: ${why}`,
    nothingWritten: '아무것도 쓰지 않았습니다. 지금 값을 다시 보여 드리니 확인하고 다시 적용하세요.',
    unsafeWrite: (stage) =>
      `'${stage}'의 확률을 쓰면 다른 단계의 확률이 다르게 읽힙니다. 아무것도 쓰지 않았습니다.`,
    applied: (n, log) => `Stages에 값 ${n}개를 쓰고 '${log}' 시트에 기록했습니다.`,
    logHeaders: ['일시', '변경자', '파이프라인', '단계', '항목', '이전 값', '새 값', '근거'],
  },
});

/** Every language's log headers, by column: how the log's columns are found again, whatever its language. */
export const LOG_HEADERS: readonly (readonly string[])[] = reviewText('en').logHeaders.map((en, i) => [
  en,
  reviewText('ko').logHeaders[i] as string,
]);

export type ReviewText = ReturnType<typeof reviewText>;
