import { describe, expect, it } from 'vitest';
import { BEFORE_FIRST_YEAR } from '../../src/engine/dates';
import { readDeals } from '../../src/engine/deals';
import type { Problem } from '../../src/engine/problems';
import { buildReport } from '../../src/engine/report';
import { readPipeline } from '../../src/engine/stages';
import { cellTexts } from '../../src/engine/texts';
import { Zone } from '../../src/engine/zone';
import { CUT, HUGE } from '../support/engine/long-text';

const seoul = new Zone('Asia/Seoul');
const STAGES = [
  ['Stage', 'Probability'],
  ['A', '50%'],
  ['Won', '100%'],
];
const HISTORY = [['When', 'Deal ID', 'From stage', 'To stage']];

describe('a 50,000-character bad cell', () => {
  const deals = [
    ['Deal ID', 'Amount', 'Stage', 'Expected close'],
    ['D-1', HUGE, 'A', '2023-11-15'],
    ['D-2', 100, 'A', HUGE],
  ];

  it('gives a Health text of a line, in English and Korean', () => {
    const check = buildReport(
      { stages: STAGES, deals, history: HISTORY },
      { zone: seoul, today: Date.UTC(2023, 10, 1) / 86_400_000 },
    );
    expect(check.health.get(2)).toBe(`Bad value: Amount is not an amount ('${CUT}')`);
    expect((check.health.get(3) as string).length).toBeLessThan(250);
    const ko = cellTexts('ko').problem(check.problems[0] as never);
    expect(ko).toBe(`입력 오류: Amount '${CUT}' 금액으로 읽을 수 없습니다`);
  });
});

describe('what a daily check writes, in the sheet’s language', () => {
  const problem = (column: string, value: string, message: string): Problem => ({
    table: 'Deals',
    row: 3,
    column,
    value,
    message: `${column} ${message}`,
  });

  it('a Korean sheet reads the parser’s messages in Korean, row numbers kept', () => {
    const ko = cellTexts('ko');
    expect(ko.problem(problem('딜 ID', 'D-1', 'is also the Deal ID of row 2; Deal IDs must be unique'))).toBe(
      "입력 오류: 딜 ID 'D-1' 2행과 딜 ID가 겹칩니다",
    );
    expect(ko.problem(problem('단계', 'Demo', 'names a stage whose Stages row 4 has a problem'))).toBe(
      "입력 오류: 단계 'Demo' Stages 4행에 오류가 있는 단계입니다",
    );
    expect(ko.problem(problem('수주 예정일', '1899-12-31', BEFORE_FIRST_YEAR))).toBe(
      "입력 오류: 수주 예정일 '1899-12-31' 1900년 이전 날짜입니다. 날짜는 1900–9999년이어야 합니다",
    );
    expect(ko.problem(problem('금액', '1e400', 'is too large'))).toBe("입력 오류: 금액 '1e400' 너무 큽니다");
    // A message without a translation is shown as it is.
    expect(ko.problem(problem('금액', '7', 'is new here'))).toBe("입력 오류: 금액 '7' is new here");
  });

  it('an English sheet says the message, and the value when there is one', () => {
    const en = cellTexts('en');
    expect(en.problem(problem('Amount', 'TBD', 'is not an amount'))).toBe(
      "Bad value: Amount is not an amount ('TBD')",
    );
    expect(en.problem(problem('Stage', '', 'is blank'))).toBe('Bad value: Stage is blank');
  });

  it('stale, overdue and missing-date texts, one day and many', () => {
    const en = cellTexts('en');
    expect(en.stale('Demo', 15, 14)).toBe('Stale: 15 days in Demo (limit 14)');
    expect(en.overdue('2023-11-14', 1)).toBe('Overdue: expected close 2023-11-14 (1 day ago)');
    expect(en.overdue('2023-11-10', 5)).toBe('Overdue: expected close 2023-11-10 (5 days ago)');
    expect(en.enteredMissing('Demo')).toBe('Stage entered is missing: cannot tell if stale in Demo');
    const ko = cellTexts('ko');
    expect(ko.overdue('2023-11-14', 1)).toBe('수주 예정일 지남: 2023-11-14 (1일 경과)');
    expect(ko.staleReviewTask('데모', 14)).toBe('정체 딜 검토: 데모 14일 이상 머무름');
    expect(en.joiner).toBe(' · ');
    expect(ko.joiner).toBe(' · ');
  });
});

describe('every problem a Korean Deals sheet can have is said in Korean', () => {
  const stages = readPipeline([
    ['단계', '확률', '파이프라인'],
    ['미팅 약속 완료', '20%', '신규'],
    ['제품 살펴보는 중', '40%', '갱신'],
    ['수주', '100%', '신규'],
  ]);
  const header = ['딜 ID', '금액', '단계', '수주 예정일', '확률', '통화', '파이프라인', '상태'];
  const rows = [
    ['D-1', '', '미팅 약속 완료', '2023-11-30', '', '', '신규', ''], // open deal without an amount
    ['D-2', '일억', '미팅 약속 완료', '2023-11-30', '', '', '신규', ''],
    ['D-3', -5, '미팅 약속 완료', '2023-11-30', '', '', '신규', ''],
    ['D-4', 1e18, '미팅 약속 완료', '2023-11-30', '', '', '신규', ''],
    ['D-5', 100, '미팅 약속 완료', '2023-02-30', '', '', '신규', ''],
    ['D-6', 100, '미팅 약속 완료', '0050-01-01', '', '', '신규', ''],
    ['D-7', 100, '미팅 약속 완료', '2023-11-30', '150%', '', '신규', ''],
    ['D-8', 100, '미팅 약속 완료', '2023-11-30', '많이', '', '신규', ''],
    ['D-9', 100, '미팅 약속 완료', '2023-11-30', '', '돈', '신규', ''],
    ['D-10', 100, '미팅 약속 완료', '2023-11-30', '', '', '없는 파이프라인', ''],
    ['D-11', 100, '제품 살펴보는 중', '2023-11-30', '', '', '신규', ''],
    ['D-12', 100, '없는 단계', '2023-11-30', '', '', '신규', ''],
    ['D-1', 100, '미팅 약속 완료', '2023-11-30', '', '', '신규', ''],
    ['D-14', '1,5', '미팅 약속 완료', '2023-11-30', '', '', '신규', ''],
    ['D-15', 100, '미팅 약속 완료', '13/25/2023', '', '', '신규', ''],
  ];
  const read = readDeals([header, ...rows], stages, { zone: seoul, locale: 'ko_KR' });

  it('each bad row is listed, and its Health text has no English left in it', () => {
    expect(read.problems.length).toBeGreaterThanOrEqual(rows.length - 1);
    for (const p of read.problems) {
      const text = cellTexts('ko').problem(p);
      expect(text, p.message).toMatch(/^입력 오류: /);
      expect(text, p.message).not.toMatch(/\b(is|not|the|of|a|an|must|be)\b/);
    }
  });
});
