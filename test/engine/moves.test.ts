import { describe, expect, it } from 'vitest';
import type { Cell } from '../../src/engine/cells';
import { readDeals } from '../../src/engine/deals';
import { decideMove, exitCheck, moveKind } from '../../src/engine/moves';
import { readPipeline, requireStage } from '../../src/engine/stages';
import { readTasks } from '../../src/engine/tasks';
import { localOf, Zone } from '../../src/engine/zone';

const zone = new Zone('Asia/Seoul');
const pipeline = readPipeline([
  ['단계', '확률', '결과', '완료 조건', '필수 항목'],
  ['제품 살펴보는 중', '30%', '', '데모 사용', '금액, 수주 예정일'],
  ['온보딩 교육 중', '70%', '', '', ''],
  ['수주', '100%', '수주', '', ''],
  ['실주', '0%', '실주', '', ''],
]);
const entered = localOf(2023, 11, 1) / 86_400_000;

function deal(headers: string[], row: Cell[]) {
  const read = readDeals([headers, row], pipeline, { zone });
  const d = read.deals[0];
  if (!d) throw new Error(JSON.stringify(read.problems));
  return { deal: d, table: read.table };
}

const TASKS_HEADER = ['Deal ID', 'Task', 'Done', 'Required', 'Stage', 'Source', 'Key'];
const demo = [
  'D1',
  '데모 사용',
  true,
  true,
  '제품 살펴보는 중',
  'exit',
  'D1|제품 살펴보는 중|2023-11-01|데모 사용',
];

describe('what a deal owes before moving forward', () => {
  it('finds Required fields by any alias of the column (금액 is the 수주 예정 금액 column)', () => {
    const { deal: d, table } = deal(
      ['딜 ID', '수주 예정 금액', '단계', '계약 예정일'],
      ['D1', '1,000만원', '제품 살펴보는 중', '2023. 12. 1'],
    );
    const check = exitCheck(d, entered, readTasks([TASKS_HEADER, demo], { zone }).tasks, table);
    expect(check.requiredFields).toEqual([
      { field: '금액', filled: true },
      { field: '수주 예정일', filled: true },
    ]);
    expect(check.missing).toEqual([]);
  });

  it('holds the deal for every Required task of this stay, not only the exit criteria', () => {
    const { deal: d, table } = deal(
      ['딜 ID', '금액', '단계', '수주 예정일'],
      ['D1', 100, '제품 살펴보는 중', '2023-12-01'],
    );
    const extra = ['D1', '보안 서류 제출', false, true, '제품 살펴보는 중', 'manual', ''];
    const oldStay = [
      'D1',
      '지난번 할일',
      false,
      true,
      '제품 살펴보는 중',
      'exit',
      'D1|제품 살펴보는 중|2023-06-01|지난번 할일',
    ];
    const check = exitCheck(
      d,
      entered,
      readTasks([TASKS_HEADER, demo, extra, oldStay], { zone }).tasks,
      table,
    );
    expect(check.checklist.map((c) => [c.criterion, c.done])).toEqual([
      ['데모 사용', true],
      ['보안 서류 제출', false],
    ]);
    expect(check.missing).toEqual(['보안 서류 제출']);
    const to = requireStage(pipeline, '온보딩 교육 중');
    expect(decideMove(moveKind(d.stage, to), check, { to, override: false, note: '' })).toMatchObject({
      ok: false,
      reason: 'criteria',
      missing: ['보안 서류 제출'],
    });
  });

  it('asks why when a lost or won deal is reopened', () => {
    const lost = requireStage(pipeline, '실주');
    const open = requireStage(pipeline, '온보딩 교육 중');
    const won = requireStage(pipeline, '수주');
    const none = { checklist: [], requiredFields: [], missing: [] };
    expect(moveKind(lost, won)).toBe('reopen');
    expect(decideMove('reopen', none, { to: won, override: false, note: '' })).toMatchObject({
      ok: false,
      reason: 'note',
    });
    expect(decideMove('reopen', none, { to: open, override: false, note: '고객 재검토' })).toMatchObject({
      ok: true,
    });
  });
});
