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
  'is too large': '너무 큽니다',
  'is not a date': '날짜가 아닙니다',
  'is not a valid date': '올바른 날짜가 아닙니다',
  'is not a date (use 2023-11-15 or 2023. 11. 15)': '날짜로 읽을 수 없습니다 (예: 2023. 11. 15)',
  'is not a real calendar date': '달력에 없는 날짜입니다',
  'is not a real calendar date, read year first (YY.MM.DD)':
    '연도를 앞에 두고(YY.MM.DD) 읽으면 달력에 없는 날짜입니다',
  'has a time that cannot be read': '시간을 읽을 수 없습니다',
  'is not a stage in Stages': 'Stages 시트에 없는 단계입니다',
  'is blank': '비어 있습니다',
  'is blank; an open deal needs an Amount to count': '비어 있습니다. 진행 중인 딜은 금액이 있어야 집계됩니다',
  'is blank; give a percent such as 70%': '비어 있습니다. 70%처럼 확률을 적으세요',
  'is blank; every stage needs a name': '비어 있습니다. 모든 단계에는 이름이 있어야 합니다',
  'is blank; every change needs its date': '비어 있습니다. 모든 변경에는 날짜가 있어야 합니다',
  'is not a probability': '확률이 아닙니다',
  'is not a probability between 0% and 100%': '0%에서 100% 사이의 확률이 아닙니다',
  'is over 100%': '100%를 넘습니다',
  'is not a whole number of days': '정수 일수가 아닙니다',
  'is not TRUE or FALSE': 'TRUE 또는 FALSE가 아닙니다',
  'is not one of entry, exit, stale, manual': 'entry, exit, stale, manual 중 하나가 아닙니다',
  'is not one of open, won (수주), lost (실주)': 'open, won(수주), lost(실주) 중 하나가 아닙니다',
  'is not a currency code such as KRW, USD or EUR': 'KRW, USD, EUR 같은 통화 코드가 아닙니다',
  [BEFORE_FIRST_YEAR]: '1900년 이전 날짜입니다. 날짜는 1900–9999년이어야 합니다',
  [AFTER_LAST_YEAR]: '9999년 이후 날짜입니다. 날짜는 1900–9999년이어야 합니다',
};

const KO_DECIMAL: Record<string, string> = {
  'a decimal point (1,234.56)': '소수점 마침표(1,234.56)',
  'a decimal comma (1.234,56)': '소수점 쉼표(1.234,56)',
};

const KO_DATE_ORDER: Record<string, string> = {
  'day first (DD.MM.YYYY)': '일-월-연(DD.MM.YYYY)',
  'day first (DD/MM/YYYY)': '일-월-연(DD/MM/YYYY)',
  'month first (MM/DD/YYYY)': '월-일-연(MM/DD/YYYY)',
};

const order = (used: string) => KO_DATE_ORDER[used] ?? used;

/** Messages with values in them: the English pattern and its Korean wording. */
const KO_PATTERNS: readonly [RegExp, (...parts: string[]) => string][] = [
  [/^is also the Deal ID of row (\d+)/, (row) => `${row}행과 딜 ID가 겹칩니다`],
  [
    /^names a stage whose Stages row (\d+) has a problem/,
    (row) => `Stages ${row}행에 오류가 있는 단계입니다`,
  ],
  [
    /^is a stage of pipeline '(.*)', not of the deal's pipeline '(.*)'$/,
    (other, own) => `'${other}' 파이프라인의 단계입니다 (딜의 파이프라인: '${own}')`,
  ],
  [
    /^is not a pipeline in Stages \(pipelines: (.*)\)$/,
    (names) => `Stages에 없는 파이프라인입니다 (파이프라인: ${names})`,
  ],
  [/^is over 100% \((.*)\)$/, (text) => `100%를 넘습니다 (${text})`],
  [
    /^is in (\S+) \((.*)\); the forecast is in (\S+) and no exchange rate is guessed, so the deal is left out of every figure$/,
    (code, amount, forecast) =>
      `${code} 금액입니다 (${amount}). 예측은 ${forecast} 기준이고 환율을 추정하지 않으므로 이 딜은 모든 수치에서 빠집니다`,
  ],
  [
    /^is listed twice(?: in pipeline (.*))?; stage names must be unique$/,
    (pipeline) =>
      `${pipeline ? `파이프라인 ${pipeline}에 ` : ''}두 번 있습니다. 단계 이름은 하나씩이어야 합니다`,
  ],
  [
    /^is ambiguous: (.*) could be (.*) or (.*); write one of those, or set the spreadsheet's locale$/,
    (token, a, b) =>
      `모호합니다: ${token}은(는) ${a} 또는 ${b}일 수 있습니다. 둘 중 하나로 적거나 스프레드시트의 언어(로캘)를 설정하세요`,
  ],
  [
    /^is ambiguous: (.*) is (.*) only if the comma is a decimal mark; write (.*), or set the spreadsheet's locale$/,
    (token, as) =>
      `모호합니다: 쉼표가 소수점일 때만 ${token}은(는) ${as}입니다. ${as}(으)로 적거나 스프레드시트의 언어(로캘)를 설정하세요`,
  ],
  [
    /^is written with (.*), but this column's amounts use (.*)$/,
    (mark, column) =>
      `${KO_DECIMAL[mark] ?? mark}로 적혀 있지만 이 열의 금액은 ${KO_DECIMAL[column] ?? column}를 씁니다`,
  ],
  [
    /^is not a real calendar date, read (.*) or (month|day) first$/,
    (used, other) =>
      `${order(used)} 순서로도, ${other === 'month' ? '월' : '일'}을 앞에 두어도 달력에 없는 날짜입니다`,
  ],
  [
    /^is not a date read (.*), the order of every date with dots and the year last; write it as (.*)$/,
    (used, iso) =>
      `${order(used)} 순서(점으로 구분하고 연도가 끝에 오는 날짜의 순서)로 읽으면 날짜가 아닙니다. ${iso}로 적으세요`,
  ],
  [
    /^is not a date read (.*); if your dates are (month|day) first, .*$/,
    (used, first) =>
      `${order(used)} 순서로 읽으면 날짜가 아닙니다. 날짜가 ${first === 'month' ? '월' : '일'}부터 적혀 있다면 스프레드시트의 언어(로캘)를 바꾸세요 (CLI: --day-first)`,
  ],
];

function koMessage(p: Problem): string {
  const rest = p.message.startsWith(p.column) ? p.message.slice(p.column.length).trim() : p.message;
  const known = KO_MESSAGES[rest];
  if (known) return known;
  for (const [pattern, say] of KO_PATTERNS) {
    const m = pattern.exec(rest);
    if (m) return say(...m.slice(1).map((part) => part ?? ''));
  }
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
