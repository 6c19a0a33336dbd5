import type { DealField } from '../../engine/schema';
import { bilingual } from '../../shared/bilingual';

/** The Connect your sheet dialog's words on the server side: field names and messages. */
export const connectText = bilingual({
  en: {
    title: 'Connect your sheet',
    fields: {
      dealId: 'Deal ID',
      deal: 'Deal name',
      company: 'Company',
      owner: 'Owner',
      amount: 'Amount',
      stage: 'Stage',
      stageEntered: 'Stage entered',
      expectedClose: 'Expected close',
      probability: 'Probability',
      status: 'Status',
      currency: 'Currency',
      pipeline: 'Pipeline',
      contactEmail: 'Contact email',
      health: 'Pipeline health',
    } satisfies Record<DealField, string>,
    needs: (fields: readonly string[]) =>
      `Choose the column for ${fields.join(' and ')}: the pipeline cannot be read without it.`,
    unreadable: (count: number, example: string) =>
      `${count} ${count === 1 ? 'row' : 'rows'} cannot be read, e.g. '${example}'.`,
    noSheet: (name: string) => `There is no sheet '${name}'.`,
    noHeader: (header: string) => `The sheet has no column '${header}'.`,
    basisDeals: (n: number) => `median of ${n} open ${n === 1 ? "deal's" : "deals'"} own probability`,
    basisNone: 'no probability in the sheet: fill it in',
    basisOutcome: 'won or lost by its name',
  },
  ko: {
    title: '내 시트 연결',
    fields: {
      dealId: '딜 ID',
      deal: '딜 이름',
      company: '고객사',
      owner: '담당자',
      amount: '금액',
      stage: '단계',
      stageEntered: '단계 진입일',
      expectedClose: '수주 예정일',
      probability: '확률',
      status: '진행 상태',
      currency: '통화',
      pipeline: '파이프라인',
      contactEmail: '고객 이메일',
      health: '파이프라인 점검',
    },
    needs: (fields) => `${fields.join(', ')} 열을 골라 주세요: 이 열 없이는 파이프라인을 읽을 수 없습니다.`,
    unreadable: (count, example) => `${count}개 행을 읽을 수 없습니다 (예: '${example}').`,
    noSheet: (name) => `'${name}' 시트가 없습니다.`,
    noHeader: (header) => `시트에 '${header}' 열이 없습니다.`,
    basisDeals: (n) => `진행 중인 딜 ${n}건의 확률 중앙값`,
    basisNone: '시트에 확률이 없습니다: 직접 입력하세요',
    basisOutcome: '이름으로 본 수주/실주 단계',
  },
});

export type ConnectText = ReturnType<typeof connectText>;
