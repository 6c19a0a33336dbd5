import { AFTER_LAST_YEAR, BEFORE_FIRST_YEAR } from './dates';
import { type Problem, shortText } from './problems';
import type { Language } from './table';

/**
 * What the engine writes into cells (Health texts, task titles), in the
 * spreadsheet's language. UI strings live with the UI; these are data.
 * A problem's value is quoted shortened (`shortText`), so a 50,000-character
 * bad cell gives a Health text of a line, not of 50,000 characters.
 */
export interface CellTexts {
  stale(stage: string, days: number, limit: number): string;
  overdue(date: string, days: number): string;
  enteredMissing(stage: string): string;
  problem(p: Problem): string;
  staleReviewTask(stage: string, limit: number): string;
  /** What an estimate rests on, for the Stage changes log's Evidence and the review dialog. */
  evidence(stays: number, running: number, closed: number): string;
  joiner: string;
}

// Parser messages are English in code; a Korean sheet reads them in Korean.
const KO_MESSAGES: Record<string, string> = {
  'is not an amount': '금액으로 읽을 수 없습니다',
  'is negative': '음수일 수 없습니다',
  'is not a number': '숫자가 아닙니다',
  'is not a date': '날짜가 아닙니다',
  'is not a valid date': '올바른 날짜가 아닙니다',
  'is not a date (use 2023-11-15 or 2023. 11. 15)': '날짜로 읽을 수 없습니다 (예: 2023. 11. 15)',
  'is not a real calendar date': '달력에 없는 날짜입니다',
  'has a time that cannot be read': '시간을 읽을 수 없습니다',
  'is not a stage in Stages': 'Stages 시트에 없는 단계입니다',
  'is blank': '비어 있습니다',
  [BEFORE_FIRST_YEAR]: '1900년 이전 날짜입니다. 날짜는 1900–9999년이어야 합니다',
  [AFTER_LAST_YEAR]: '9999년 이후 날짜입니다. 날짜는 1900–9999년이어야 합니다',
};

function koMessage(p: Problem): string {
  const rest = p.message.startsWith(p.column) ? p.message.slice(p.column.length).trim() : p.message;
  const known = KO_MESSAGES[rest];
  if (known) return known;
  const usedBy = /^is also the Deal ID of row (\d+)/.exec(rest);
  if (usedBy) return `${usedBy[1]}행과 딜 ID가 겹칩니다`;
  const broken = /^names a stage whose Stages row (\d+) has a problem/.exec(rest);
  if (broken) return `Stages ${broken[1]}행에 오류가 있는 단계입니다`;
  return rest;
}

const KO: CellTexts = {
  stale: (stage, days, limit) => `정체: ${stage} ${days}일째 (기준 ${limit}일)`,
  overdue: (date, days) => `수주 예정일 지남: ${date} (${days}일 경과)`,
  enteredMissing: (stage) => `단계 진입일 없음: ${stage} 정체 여부를 알 수 없음`,
  problem: (p) => `입력 오류: ${p.column}${p.value === '' ? '' : ` '${shortText(p.value)}'`} ${koMessage(p)}`,
  staleReviewTask: (stage, limit) => `정체 딜 검토: ${stage} ${limit}일 이상 머무름`,
  evidence: (stays, running, closed) => `체류 ${stays}건 (진행 중 ${running}건), 종료된 딜 ${closed}건 기준`,
  joiner: ' · ',
};

const EN: CellTexts = {
  stale: (stage, days, limit) => `Stale: ${days} days in ${stage} (limit ${limit})`,
  overdue: (date, days) => `Overdue: expected close ${date} (${days} ${days === 1 ? 'day' : 'days'} ago)`,
  enteredMissing: (stage) => `Stage entered is missing: cannot tell if stale in ${stage}`,
  problem: (p) => `Bad value: ${p.message}${p.value === '' ? '' : ` ('${shortText(p.value)}')`}`,
  staleReviewTask: (stage, limit) => `Review stale deal: ${limit}+ days in ${stage}`,
  evidence: (stays, running, closed) =>
    `estimated from ${stays} ${stays === 1 ? 'stay' : 'stays'}, ${running} still open; ${closed} closed ${closed === 1 ? 'deal' : 'deals'}`,
  joiner: ' · ',
};

export function cellTexts(language: Language): CellTexts {
  return language === 'ko' ? KO : EN;
}
