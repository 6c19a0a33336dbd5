import { describe, expect, test } from 'vitest';
import { latestLostNote, lostByReason, reasonOf } from '../../src/engine/lost-reasons';

const KO = ['가격', '경쟁사 선택', '예산 없음', '시기', '응답 없음', '기타'];
const EN = ['Price', 'Chose a competitor', 'No budget', 'Timing', 'No response', 'Other'];

describe('reasonOf: the reason a lost Note starts with', () => {
  test.each([
    ['경쟁사 선택: 가격 비교 후 결정', '경쟁사 선택'],
    ['가격', '가격'],
    ['  예산 없음 : 내년 예산 편성 후 재검토', '예산 없음'],
    ['가격표 요청 후 연락 없음', null], // starts with 가격 but goes on without a colon
    ['응답없음: 붙여 씀', null], // not the reason as written
    ['실주 처리', null],
    ['', null],
  ])('%s → %s', (note, reason) => {
    expect(reasonOf(note, KO)).toBe(reason);
  });

  test('case is ignored and the reason comes back as Settings spell it', () => {
    expect(reasonOf('chose a COMPETITOR: cheaper', EN)).toBe('Chose a competitor');
    expect(reasonOf('TIMING', EN)).toBe('Timing');
  });

  test('the longest matching reason wins, whatever the order of the list', () => {
    const reasons = ['경쟁사', '경쟁사 선택', '경쟁사 선택 (해외)'];
    expect(reasonOf('경쟁사 선택 (해외): 현지 업체', reasons)).toBe('경쟁사 선택 (해외)');
    expect(reasonOf('경쟁사 선택: 국내', [...reasons].reverse())).toBe('경쟁사 선택');
    expect(reasonOf('경쟁사: 미상', reasons)).toBe('경쟁사');
  });

  test('a reason that is itself followed by more words needs the colon', () => {
    expect(reasonOf('No budget this year', EN)).toBeNull();
    expect(reasonOf('No budget: this year', EN)).toBe('No budget');
  });
});

describe('latestLostNote: the Note of the latest row into a lost stage', () => {
  const open = { outcome: 'open' as const };
  const lost = { outcome: 'lost' as const };
  const won = { outcome: 'won' as const };

  test('a deal lost, reopened and lost again is counted by its second loss', () => {
    expect(
      latestLostNote([
        { to: open, note: '' },
        { to: lost, note: '시기: 내년 상반기' },
        { to: open, note: '재개: 예산 확보' },
        { to: lost, note: '경쟁사 선택: B사' },
      ]),
    ).toBe('경쟁사 선택: B사');
  });

  test('rows after the loss into other stages do not hide it; no loss at all gives null', () => {
    expect(
      latestLostNote([
        { to: lost, note: '가격' },
        { to: won, note: '' },
      ]),
    ).toBe('가격');
    expect(latestLostNote([{ to: open, note: '가격: 아님' }])).toBeNull();
    expect(latestLostNote([])).toBeNull();
  });
});

describe('lostByReason: counts and amounts, by hand', () => {
  test('Korean reasons: every reason listed in order, then (no reason)', () => {
    const rows = lostByReason(
      [
        { amount: 12_000_000, note: '경쟁사 선택: 가격 비교 후 결정' },
        { amount: 8_000_000, note: '경쟁사 선택' },
        { amount: 5_500_000, note: '가격: 20% 비쌈' },
        { amount: 3_000_000, note: '예산 없음' },
        { amount: 1_000_000, note: '담당자 퇴사' }, // no listed reason
        { amount: 700_000, note: null }, // no row into the lost stage
      ],
      KO,
    );
    expect(rows).toEqual([
      { reason: '가격', deals: 1, amount: 5_500_000 },
      { reason: '경쟁사 선택', deals: 2, amount: 20_000_000 },
      { reason: '예산 없음', deals: 1, amount: 3_000_000 },
      { reason: '시기', deals: 0, amount: 0 },
      { reason: '응답 없음', deals: 0, amount: 0 },
      { reason: '기타', deals: 0, amount: 0 },
      { reason: null, deals: 2, amount: 1_700_000 },
    ]);
    // Every lost deal is counted exactly once.
    expect(rows.reduce((n, r) => n + r.deals, 0)).toBe(6);
    expect(rows.reduce((n, r) => n + r.amount, 0)).toBe(30_200_000);
  });

  test('no lost deals: the block keeps its shape with zeros', () => {
    expect(lostByReason([], ['Price', 'Timing'])).toEqual([
      { reason: 'Price', deals: 0, amount: 0 },
      { reason: 'Timing', deals: 0, amount: 0 },
      { reason: null, deals: 0, amount: 0 },
    ]);
  });
});
