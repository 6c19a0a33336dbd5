import { describe, expect, it } from 'vitest';
import { assessDeals } from '../../src/engine/assess';
import type { Cell } from '../../src/engine/cells';
import { readDeals } from '../../src/engine/deals';
import { readPipeline } from '../../src/engine/stages';
import { localOf, Zone } from '../../src/engine/zone';

const zone = new Zone('Asia/Seoul');
const today = localOf(2023, 11, 15) / 86_400_000;
const pipeline = readPipeline([
  ['Stage', 'Probability', 'Stale after (days)'],
  ['Demo', '30%', 14],
  ['Won', '100%', ''],
]);
const HEADER = ['Deal ID', 'Owner', 'Amount', 'Stage', 'Stage entered', 'Expected close'];

function assess(
  rows: Cell[][],
  options: { firstRow?: number; taskKeys?: string[]; language?: 'en' | 'ko' } = {},
) {
  const deals = readDeals([HEADER, ...rows], pipeline, { zone }, { firstRow: options.firstRow ?? 1 });
  return assessDeals({
    deals,
    historyByDeal: new Map(),
    taskKeys: new Set(options.taskKeys ?? []),
    today,
    language: options.language ?? 'en',
  });
}

describe('what a daily check decides about the deals', () => {
  it('gives every data row a Health text by sheet row, blank when healthy, and skips blank rows', () => {
    const { health } = assess(
      [
        ['D-1', 'kim', 100, 'Demo', '2023-11-10', '2023-12-01'],
        ['', '', '', '', '', ''],
        ['D-2', 'lee', 100, 'Won', '2023-01-01', '2023-01-01'],
      ],
      { firstRow: 3 },
    );
    expect([...health]).toEqual([
      [4, ''],
      [6, ''],
    ]);
  });

  it('joins a row’s findings with " · ": stale, then overdue', () => {
    const { health } = assess([['D-1', 'kim', 100, 'Demo', '2023-10-20', '2023-11-14']]);
    expect(health.get(2)).toBe(
      'Stale: 26 days in Demo (limit 14) · Overdue: expected close 2023-11-14 (1 day ago)',
    );
  });

  it('writes a bad row’s problem, in the sheet’s language', () => {
    const { health, findings } = assess([['D-1', 'kim', '-5', 'Demo', '2023-11-10', '']], { language: 'ko' });
    expect(health.get(2)).toBe("입력 오류: Amount '-5' 음수일 수 없습니다");
    expect(findings).toEqual({ stale: [], overdue: [], enteredMissing: [] });
  });

  it('plans a review task per stale deal, unless Tasks already holds its key', () => {
    const rows = [
      ['D-1', 'kim', 100, 'Demo', '2023-10-20', ''],
      ['D-2', 'lee', 100, 'Demo', '2023-10-01', ''],
    ];
    expect(assess(rows).tasks.map((t) => [t.dealId, t.owner, t.key])).toEqual([
      ['D-1', 'kim', 'D-1|Demo|2023-10-20|stale'],
      ['D-2', 'lee', 'D-2|Demo|2023-10-01|stale'],
    ]);
    expect(assess(rows, { taskKeys: ['D-1|Demo|2023-10-20|stale'] }).tasks.map((t) => t.dealId)).toEqual([
      'D-2',
    ]);
  });
});
