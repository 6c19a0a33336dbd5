import type { TableName } from './problems';

/** A column the engine understands, with the header names it answers to. */
export interface ColumnSpec {
  /** The English header the add-on writes, and the name errors use. */
  readonly en: string;
  /** The Korean header the add-on writes for a Korean spreadsheet. */
  readonly ko: string;
  /** Every header accepted, English and Korean, before normalisation. */
  readonly aliases: readonly string[];
  readonly required?: boolean;
}

export type TableSchema<F extends string> = {
  readonly name: TableName;
  readonly columns: Record<F, ColumnSpec>;
};

export const STAGES = {
  name: 'Stages',
  columns: {
    stage: {
      en: 'Stage',
      ko: '단계',
      aliases: ['Stage', 'Stage name', '단계', '딜 스테이지', '단계명'],
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
  },
} as const satisfies TableSchema<string>;

export const DEALS = {
  name: 'Deals',
  columns: {
    id: { en: 'Deal ID', ko: '딜 ID', aliases: ['Deal ID', 'ID', '딜 ID', '딜 번호', '딜번호'] },
    name: {
      en: 'Deal',
      ko: '딜 이름',
      aliases: ['Deal', 'Deal name', 'Name', 'Opportunity', '딜 이름', '딜명', '딜'],
    },
    company: {
      en: 'Company',
      ko: '고객사',
      aliases: ['Company', 'Account', 'Customer', '회사', '고객사', '회사명'],
    },
    owner: { en: 'Owner', ko: '담당자', aliases: ['Owner', 'Rep', 'Sales rep', '담당자', '영업 담당자'] },
    amount: {
      en: 'Amount',
      ko: '금액',
      aliases: ['Amount', 'Value', 'Deal value', '금액', '수주 예정 금액', '예상 금액'],
      required: true,
    },
    stage: {
      en: 'Stage',
      ko: '단계',
      aliases: ['Stage', 'Deal stage', '단계', '딜 스테이지'],
      required: true,
    },
    stageEntered: {
      en: 'Stage entered',
      ko: '단계 진입일',
      aliases: ['Stage entered', 'Entered stage', 'Stage entered on', '단계 진입일', '진입일'],
    },
    expectedClose: {
      en: 'Expected close',
      ko: '수주 예정일',
      aliases: [
        'Expected close',
        'Expected close date',
        'Close date',
        '수주 예정일',
        '예상 마감일',
        '계약 예정일',
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
      aliases: ['When', 'Timestamp', 'Date', 'Changed at', '일시', '변경 일시', '날짜'],
      required: true,
    },
    dealId: { en: 'Deal ID', ko: '딜 ID', aliases: ['Deal ID', 'ID', '딜 ID', '딜 번호'], required: true },
    from: { en: 'From stage', ko: '이전 단계', aliases: ['From stage', 'From', '이전 단계'] },
    to: {
      en: 'To stage',
      ko: '단계',
      aliases: ['To stage', 'To', 'Stage', '단계', '변경 단계', '새 단계'],
      required: true,
    },
    by: { en: 'By', ko: '변경자', aliases: ['By', 'User', 'Changed by', '변경자'] },
    note: { en: 'Note', ko: '메모', aliases: ['Note', 'Notes', 'Reason', '메모', '사유'] },
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
  },
} as const satisfies TableSchema<string>;

export type StageField = keyof typeof STAGES.columns;
export type DealField = keyof typeof DEALS.columns;
export type HistoryField = keyof typeof HISTORY.columns;
export type TaskField = keyof typeof TASKS.columns;
