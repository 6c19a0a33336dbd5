import { bilingual } from '../../shared/bilingual';

/** Server-side messages of the deal panel, in the spreadsheet's language. */
export const panelText = bilingual({
  en: {
    selectDeal: 'Select a deal row in the Deals sheet.',
    noStage: 'This deal has no stage yet. Pick one in the Stage column to put it in the pipeline.',
    invalidRequest: 'The panel sent a request the server cannot read. Reload the panel.',
    busy: 'Another change is being saved. Try again in a moment.',
    dealGone: (id: string) => `Deal ${id} is no longer in the Deals sheet. Reload the panel.`,
    changedBehind: (stage: string) =>
      `Someone else changed this deal (it is now in ${stage}). Reload and try again.`,
    unknownStage: (stage: string) => `There is no stage '${stage}' in Stages.`,
    unknownCriterion: (c: string) =>
      `'${c}' is not an exit criterion of this stage any more. Reload the panel.`,
    criteriaUnmet: (stage: string) =>
      `Not yet: ${stage} has unmet exit criteria. Complete them, or override with a note.`,
    overrideNeedsNote: 'An override needs a note saying why.',
    lostNeedsReason: 'Pick why the deal was lost from the list.',
    reopenNeedsReason: 'Say why the deal is reopened.',
    sameStage: 'The deal is already in that stage.',
    taskGone: 'That task changed meanwhile. Reload the panel.',
    selectionMoved: (id: string) =>
      `Nothing was changed: another row is selected now, not ${id}. Here is the selected row; check it and try again.`,
    moved: (deal: string, stage: string) => `${deal} moved to ${stage}.`,
    overrideNote: (missing: readonly string[], note: string) =>
      `Override (unmet: ${missing.join(', ')}): ${note}`,
  },
  ko: {
    selectDeal: 'Deals 시트에서 딜 행을 선택하세요.',
    noStage: '이 딜에는 아직 단계가 없습니다. 단계 열에서 단계를 고르면 파이프라인에 들어갑니다.',
    invalidRequest: '패널 요청을 읽을 수 없습니다. 패널을 다시 여세요.',
    busy: '다른 변경을 저장하는 중입니다. 잠시 후 다시 시도하세요.',
    dealGone: (id: string) => `딜 ${id}이(가) Deals 시트에 없습니다. 패널을 새로 고치세요.`,
    changedBehind: (stage: string) =>
      `다른 사람이 이 딜을 바꿨습니다 (현재 단계: ${stage}). 새로 고친 뒤 다시 시도하세요.`,
    unknownStage: (stage: string) => `Stages에 '${stage}' 단계가 없습니다.`,
    unknownCriterion: (c: string) =>
      `'${c}'은(는) 더 이상 이 단계의 완료 조건이 아닙니다. 패널을 새로 고치세요.`,
    criteriaUnmet: (stage: string) =>
      `아직 이동할 수 없습니다: ${stage}의 완료 조건이 남아 있습니다. 조건을 완료하거나 메모와 함께 예외 처리하세요.`,
    overrideNeedsNote: '예외 처리에는 사유 메모가 필요합니다.',
    lostNeedsReason: '목록에서 실주 사유를 고르세요.',
    reopenNeedsReason: '딜을 다시 여는 사유를 적어 주세요.',
    sameStage: '이미 그 단계에 있습니다.',
    taskGone: '그 할일이 그사이 바뀌었습니다. 패널을 새로 고치세요.',
    selectionMoved: (id: string) =>
      `바뀐 것은 없습니다: 지금 선택된 행은 ${id}이(가) 아닙니다. 선택된 행을 보여 드리니 확인한 뒤 다시 시도하세요.`,
    moved: (deal: string, stage: string) => `${deal} → ${stage} 이동 완료.`,
    overrideNote: (missing: readonly string[], note: string) =>
      `예외 처리 (미완료: ${missing.join(', ')}): ${note}`,
  },
});
