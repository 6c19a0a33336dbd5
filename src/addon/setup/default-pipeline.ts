import type { Language } from '../../engine/table';

/**
 * The buyer-centric pipeline setup pre-fills: every stage is a fact about
 * what the buyer did, verifiable, with its exit criteria and entry tasks.
 * Columns: Stage, Win probability, Stale after (days), Outcome, Exit criteria,
 * Entry tasks, Required fields, Entry email (subject line, then the body; the
 * deal panel drafts it for the deal's contact and sends it on one click).
 */
type StageRow = [string, number, number | '', string, string, string, string, string?];

// The seed pipeline's "데모 준비와 함께 필요한 이메일 고객에게 자동 발송": the demo stage emails the buyer.
const KO_DEMO_EMAIL = [
  '{deal} 데모 계정 안내',
  '{company} 담당자님, 안녕하세요.',
  '',
  '요청하신 데모 환경을 준비했습니다. 핵심 기능을 직접 써 보시고, 궁금한 점은 언제든 회신 주세요.',
  '',
  '{owner} 드림',
].join('\n');
const EN_DEMO_EMAIL = [
  'Your {deal} trial account',
  'Hello {company} team,',
  '',
  'Your trial environment is ready. Try the core features yourself, and reply with any question.',
  '',
  'Best regards,',
  '{owner}',
].join('\n');

const KO: StageRow[] = [
  [
    '미팅 약속 완료',
    0.1,
    14,
    '',
    '고객 니즈 확인 미팅 진행\n의사결정자 파악\n예산 범위 확인',
    '미팅 안건 및 회사 소개서 발송\n미팅 후 감사 메일 발송 (+1d)',
    '',
  ],
  [
    '제품 살펴보는 중',
    0.3,
    21,
    '',
    '고객이 데모 환경에서 핵심 기능 직접 사용\n도입 검토 담당자 지정',
    '데모 계정 발급\n사용 현황 점검 콜 (+7d)',
    '금액',
    KO_DEMO_EMAIL,
  ],
  [
    '온보딩 교육 중',
    0.7,
    14,
    '',
    '고객 실무자 교육 세션 완료\n고객사 내부 도입 승인 확인\n보안 검토 통과',
    '교육 일정 확정 메일 발송\n교육 자료 공유 (+2d)\n교육 만족도 확인 (+10d)',
    '수주 예정일, 금액',
  ],
  [
    '계약/견적 전달 받음',
    0.9,
    10,
    '',
    '고객사 법무 검토 완료\n구매 요청서(PO) 발행 확인',
    '견적서 및 계약서 초안 발송\n계약 조건 확인 콜 (+3d)',
    '수주 예정일, 금액',
  ],
  ['최종 결정 및 계약 싸인 완료', 1, '', '수주', '', '', ''],
  ['실주', 0, '', '실주', '', '', ''],
];

const EN: StageRow[] = [
  [
    'Meeting booked',
    0.1,
    14,
    '',
    'Discovery call held with the buyer\nDecision maker identified\nBudget range confirmed',
    'Send agenda and company deck\nSend thank-you recap (+1d)',
    '',
  ],
  [
    'Evaluating product',
    0.3,
    21,
    '',
    'Buyer used the core features in a trial account\nBuyer named an evaluation lead',
    'Create trial account\nCheck-in call on trial usage (+7d)',
    'Amount',
    EN_DEMO_EMAIL,
  ],
  [
    'Onboarding training',
    0.7,
    14,
    '',
    "Buyer's team completed the training session\nInternal go-ahead confirmed by the buyer\nSecurity review passed",
    'Confirm training schedule by email\nShare training materials (+2d)\nTraining feedback check (+10d)',
    'Expected close, Amount',
  ],
  [
    'Quote received',
    0.9,
    10,
    '',
    "Buyer's legal review completed\nPurchase order issued",
    'Send quote and draft contract\nCall to confirm contract terms (+3d)',
    'Expected close, Amount',
  ],
  ['Signed', 1, '', 'won', '', '', ''],
  ['Lost', 0, '', 'lost', '', '', ''],
];

export function defaultStages(language: Language): StageRow[] {
  return (language === 'ko' ? KO : EN).map((row): StageRow => {
    const [stage, probability, stale, outcome, exit, entry, required, email] = row;
    return [stage, probability, stale, outcome, exit, entry, required, email ?? ''];
  });
}

/** Words for outcomes written into a sheet, in that sheet's language. */
export function outcomeWord(outcome: 'won' | 'lost', language: Language): string {
  if (language === 'ko') return outcome === 'won' ? '수주' : '실주';
  return outcome;
}
