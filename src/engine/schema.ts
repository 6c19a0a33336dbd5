import type { TableName } from './problems';

/** A column the engine understands, with the header names it answers to. */
export interface ColumnSpec {
  /** The English header the add-on writes, and the name errors use. */
  readonly en: string;
  /** The Korean header the add-on writes for a Korean spreadsheet. */
  readonly ko: string;
  /**
   * Every header accepted, English and Korean, before normalisation. Headers
   * also match with a leading `Deal` / `Opportunity` word and a trailing unit
   * in brackets (`Deal - Value`, `금액(원)`), see header-match.ts.
   */
  readonly aliases: readonly string[];
  readonly required?: boolean;
  /**
   * Headers that look like this column but never are, normalised
   * (`Expected revenue` is a weighted figure, never the Amount).
   */
  readonly never?: readonly string[];
  /**
   * A column under one of these headers is this field only when every filled
   * value passes: a `Status` column of free-text notes is not the Status.
   */
  readonly accepts?: (text: string) => boolean;
}

export type TableSchema<F extends string> = {
  readonly name: TableName;
  readonly columns: Record<F, ColumnSpec>;
};

// A Status cell's words (SPEC §1), lower-cased with spaces collapsed, and the outcome each says.
const STATUS_WORDS: ReadonlyMap<string, 'open' | 'won' | 'lost'> = new Map([
  ['open', 'open'],
  ['진행', 'open'],
  ['진행중', 'open'],
  ['진행 중', 'open'],
  ['won', 'won'],
  ['closed won', 'won'],
  ['closed-won', 'won'],
  ['수주', 'won'],
  ['lost', 'lost'],
  ['deleted', 'lost'],
  ['closed lost', 'lost'],
  ['closed-lost', 'lost'],
  ['실주', 'lost'],
]);

function statusKey(text: string): string {
  return text.normalize('NFC').trim().toLowerCase().replace(/\s+/g, ' ');
}

/** Whether a text is a deal's status (open, won, lost…): what makes a column the Status column. */
export function isStatusWord(text: string): boolean {
  return STATUS_WORDS.has(statusKey(text));
}

/**
 * The outcome a Status cell says (`Won`, `deleted` = lost, `수주`), or `null`
 * for a blank or unknown one, which leaves the outcome to the stage.
 *
 * @example
 * statusOutcome('Closed Won') // → 'won'
 * statusOutcome('deleted') // → 'lost'
 * statusOutcome('진행') // → 'open'
 * statusOutcome('') // → null
 */
export function statusOutcome(text: string): 'open' | 'won' | 'lost' | null {
  return STATUS_WORDS.get(statusKey(text)) ?? null;
}

export const STAGES = {
  name: 'Stages',
  columns: {
    stage: {
      en: 'Stage',
      ko: '단계',
      aliases: ['Stage', 'Stage name', 'Name', '단계', '딜 스테이지', '단계명', '단계 이름'],
      required: true,
    },
    probability: {
      en: 'Win probability',
      ko: '수주 성공 확률',
      aliases: [
        'Win probability',
        'Probability',
        'Win %',
        'Win rate',
        'Default probability',
        'Stage probability',
        '수주 성공 확률',
        '확률',
        '성공 확률',
        '수주 확률',
      ],
      required: true,
    },
    staleAfter: {
      en: 'Stale after (days)',
      ko: '정체 기준일',
      aliases: [
        'Stale after (days)',
        'Stale after',
        'Stale days',
        'Rotting days',
        'Rotting after',
        'Rotting (days)',
        '정체 기준일',
        '정체 기준',
      ],
    },
    outcome: { en: 'Outcome', ko: '결과', aliases: ['Outcome', 'Type', 'Stage type', '결과', '유형'] },
    exitCriteria: {
      en: 'Exit criteria',
      ko: '완료 조건',
      aliases: ['Exit criteria', 'Exit', '완료 조건', '종료 조건'],
    },
    entryTasks: {
      en: 'Entry tasks',
      ko: '자동 생성 할일',
      aliases: ['Entry tasks', 'Tasks', '할일', '자동 생성 할일', '진입 할일'],
    },
    requiredFields: {
      en: 'Required fields',
      ko: '필수 항목',
      aliases: ['Required fields', 'Required', '필수 항목', '필수 입력'],
    },
    pipeline: {
      en: 'Pipeline',
      ko: '파이프라인',
      aliases: ['Pipeline', 'Pipeline name', 'Pipeline ID', '파이프라인'],
    },
    entryEmail: {
      en: 'Entry email',
      ko: '진입 메일',
      aliases: ['Entry email', 'Entry e-mail', '진입 메일', '진입 이메일'],
    },
  },
} as const satisfies TableSchema<string>;

export const DEALS = {
  name: 'Deals',
  columns: {
    dealId: {
      en: 'Deal ID',
      ko: '딜 ID',
      aliases: [
        'Deal ID',
        'ID',
        'Record ID',
        'Opportunity ID',
        'Deal number',
        'Deal no',
        '딜 ID',
        '딜 번호',
        '딜번호',
        '관리 번호',
        '거래 ID',
      ],
    },
    deal: {
      en: 'Deal',
      ko: '딜 이름',
      aliases: [
        'Deal',
        'Deal name',
        'Name',
        'Opportunity',
        'Opportunity name',
        'Title',
        '딜 이름',
        '딜명',
        '딜',
        '건명',
        '안건명',
        '프로젝트명',
        '거래명',
      ],
    },
    company: {
      en: 'Company',
      ko: '고객사',
      aliases: [
        'Company',
        'Company name',
        'Account',
        'Account name',
        'Organization',
        'Organisation',
        'Organization name',
        'Org name',
        'Associated company',
        'Customer',
        'Client',
        '회사',
        '고객사',
        '회사명',
        '고객',
        '거래처',
      ],
    },
    owner: {
      en: 'Owner',
      ko: '담당자',
      aliases: [
        'Owner',
        'Owner name',
        'Deal owner',
        'Opportunity owner',
        'Rep',
        'Sales rep',
        'Salesperson',
        'Sales person',
        'Sales agent',
        'Assigned to',
        '담당자',
        '담당 영업',
        '영업 담당자',
        '영업 담당',
        '영업사원',
      ],
    },
    amount: {
      en: 'Amount',
      ko: '금액',
      aliases: [
        'Amount',
        'Value',
        'Deal value',
        'Deal amount',
        'Deal size',
        'Opportunity amount',
        'Contract value',
        'Close value',
        '금액',
        '수주 예정 금액',
        '예상 매출',
        '예상 금액',
        '계약 금액',
        '거래 금액',
        '견적 금액',
      ],
      never: ['expectedrevenue', 'weightedamount', 'weightedvalue', 'forecastamount', 'proratedrevenue'],
      required: true,
    },
    stage: {
      en: 'Stage',
      ko: '단계',
      aliases: [
        'Stage',
        'Deal stage',
        'Sales stage',
        'Pipeline stage',
        'Opportunity stage',
        '단계',
        '딜 스테이지',
        '진행 단계',
        '영업 단계',
      ],
      required: true,
    },
    stageEntered: {
      en: 'Stage entered',
      ko: '단계 진입일',
      aliases: [
        'Stage entered',
        'Entered stage',
        'Stage entered on',
        'Last stage change',
        'Last stage change date',
        'Stage change date',
        'Stage change time',
        'Date entered current stage',
        '단계 진입일',
        '진입일',
        '단계 변경일',
      ],
    },
    expectedClose: {
      en: 'Expected close',
      ko: '수주 예정일',
      aliases: [
        'Expected close',
        'Expected close date',
        'Close date',
        'Closing date',
        'Expected closing',
        'Expected closing date',
        'Target close date',
        '수주 예정일',
        '예상 계약일',
        '계약 예정일',
        '예상 마감일',
        '마감 예정일',
      ],
    },
    probability: {
      en: 'Probability',
      ko: '확률',
      aliases: ['Probability', 'Deal probability', 'Win probability', '확률', '수주 확률', '성공 확률'],
    },
    status: {
      en: 'Status',
      ko: '진행 상태',
      aliases: ['Status', 'Deal status', 'Outcome', 'Won/Lost', '진행 상태', '결과', '상태'],
      accepts: isStatusWord,
    },
    currency: { en: 'Currency', ko: '통화', aliases: ['Currency', 'Currency code', 'Deal currency', '통화'] },
    pipeline: {
      en: 'Pipeline',
      ko: '파이프라인',
      aliases: ['Pipeline', 'Pipeline name', 'Pipeline ID', '파이프라인'],
    },
    contactEmail: {
      en: 'Contact email',
      ko: '고객 이메일',
      aliases: [
        'Contact email',
        'Contact',
        'Email',
        'E-mail',
        'Customer email',
        '고객 이메일',
        '연락처 이메일',
        '이메일',
      ],
    },
    // Owned by the add-on, which finds its own by developer metadata; `상태` is a team's status column, never this.
    health: {
      en: 'Pipeline health',
      ko: '파이프라인 점검',
      aliases: ['Pipeline health', '파이프라인 점검', 'Health'],
    },
  },
} as const satisfies TableSchema<string>;

export const HISTORY = {
  name: 'Stage history',
  columns: {
    when: {
      en: 'When',
      ko: '일시',
      aliases: [
        'When',
        'Timestamp',
        'Date',
        'Changed at',
        'Changed on',
        'Change date',
        '일시',
        '변경 일시',
        '날짜',
        '변경일',
      ],
      required: true,
    },
    dealId: {
      en: 'Deal ID',
      ko: '딜 ID',
      aliases: ['Deal ID', 'ID', 'Record ID', 'Opportunity ID', '딜 ID', '딜 번호'],
      required: true,
    },
    from: {
      en: 'From stage',
      ko: '이전 단계',
      aliases: ['From stage', 'From', 'Previous stage', 'Old stage', '이전 단계'],
    },
    to: {
      en: 'To stage',
      ko: '단계',
      aliases: ['To stage', 'To', 'Stage', 'New stage', '단계', '변경 단계', '새 단계'],
      required: true,
    },
    by: { en: 'By', ko: '변경자', aliases: ['By', 'User', 'Changed by', '변경자'] },
    note: { en: 'Note', ko: '메모', aliases: ['Note', 'Notes', 'Reason', 'Comment', '메모', '사유'] },
  },
} as const satisfies TableSchema<string>;

export const TASKS = {
  name: 'Tasks',
  columns: {
    taskId: { en: 'Task ID', ko: '할일 ID', aliases: ['Task ID', '할일 ID', '할일 번호'] },
    dealId: { en: 'Deal ID', ko: '딜 ID', aliases: ['Deal ID', '딜 ID', '딜 번호'], required: true },
    task: { en: 'Task', ko: '할일', aliases: ['Task', 'Title', '할일', '할 일', '내용'], required: true },
    due: { en: 'Due', ko: '마감일', aliases: ['Due', 'Due date', '마감일', '기한'] },
    owner: { en: 'Owner', ko: '담당자', aliases: ['Owner', 'Assignee', '담당자'] },
    done: { en: 'Done', ko: '완료', aliases: ['Done', 'Completed', '완료'] },
    required: { en: 'Required', ko: '필수', aliases: ['Required', '필수'] },
    stage: { en: 'Stage', ko: '단계', aliases: ['Stage', '단계'] },
    source: { en: 'Source', ko: '출처', aliases: ['Source', '출처'] },
    key: { en: 'Key', ko: '키', aliases: ['Key', '키'] },
    created: { en: 'Created', ko: '생성일', aliases: ['Created', 'Created at', '생성일'] },
    closed: { en: 'Closed', ko: '종료', aliases: ['Closed', 'Closed on', '종료', '종료일'] },
  },
} as const satisfies TableSchema<string>;

export type StageField = keyof typeof STAGES.columns;
export type DealField = keyof typeof DEALS.columns;
export type HistoryField = keyof typeof HISTORY.columns;
export type TaskField = keyof typeof TASKS.columns;

/** Every table's schema, by its name. */
export const SCHEMAS = {
  Stages: STAGES,
  Deals: DEALS,
  'Stage history': HISTORY,
  Tasks: TASKS,
} as const satisfies Record<TableName, TableSchema<string>>;
