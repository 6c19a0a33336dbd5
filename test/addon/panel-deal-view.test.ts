/**
 * What the deal panel shows of a deal (issue 14, point 6), on the Korean
 * sample as of 2023-11-15 in Seoul: Health as a check run now would write it,
 * overdue by how many days, other open tasks with the overdue ones first.
 */
import { describe, expect, it } from 'vitest';
import { seoul } from '../support/seoul';
import { rowOf, samplePipeline } from './harness';

interface Task {
  task: string;
  due: string;
  overdueDays: number;
}
interface State {
  deal: {
    id: string;
    open: boolean;
    health: string;
    overdue: boolean;
    overdueDays: number;
    stageEntered: string;
  } | null;
  openTasks: Task[];
}

function stateOf(dealId: string, prepare?: (h: ReturnType<typeof samplePipeline>) => void): State {
  const h = samplePipeline();
  prepare?.(h);
  h.standIn.select('Deals', `C${rowOf(h.standIn, dealId)}`);
  return h.call('panelGetState') as State;
}

describe('the deal as the panel shows it', () => {
  it('shows Health as a check run now would write it, never the cell’s old text', () => {
    // D-2023-014 entered 온보딩 교육 중 on 2023-09-18 (limit 14): 2023-11-15 − 09-18 = 12 + 31 + 15 = 58 days;
    // Expected close 2023-10-20: 11 + 15 = 26 days overdue. Last night's cell still said 57 and 25.
    const state = stateOf('D-2023-014', ({ standIn }) => {
      const row = rowOf(standIn, 'D-2023-014');
      standIn.seed('Deals', `J${row}`, {
        values: [['정체: 온보딩 교육 중 57일째 (기준 14일) · 수주 예정일 지남: 2023-10-20 (25일 경과)']],
      });
    });
    expect(state.deal?.health).toBe(
      '정체: 온보딩 교육 중 58일째 (기준 14일) · 수주 예정일 지남: 2023-10-20 (26일 경과)',
    );
    expect(state.deal).toMatchObject({ overdue: true, overdueDays: 26 });
  });

  it('shows a blank Health for a healthy deal even when the cell still flags it', () => {
    // D-2023-017: 7 days into a 14-day stage, closing 2023-11-30: nothing to flag today.
    const state = stateOf('D-2023-017', ({ standIn }) => {
      standIn.seed('Deals', `J${rowOf(standIn, 'D-2023-017')}`, {
        values: [['정체: 온보딩 교육 중 15일째']],
      });
    });
    expect(state.deal).toMatchObject({ health: '', overdue: false, overdueDays: 0 });
  });

  it('lists overdue tasks first, the longest overdue on top, saying by how many days', () => {
    // Two more open tasks for D-2023-017: due 11-13 (2 days overdue) and 11-10 (5 days), below
    // the sample's 교육 만족도 확인 (due 11-18, not overdue).
    const state = stateOf('D-2023-017', ({ standIn }) => {
      const task = (id: string, name: string, due: Date) => [
        id,
        'D-2023-017',
        name,
        due,
        'seoyeon.lee@example.com',
        false,
        false,
        '온보딩 교육 중',
        'manual',
        '',
        seoul(2023, 11, 9),
      ];
      const next = standIn.values('Tasks').length + 1;
      standIn.seed('Tasks', `A${next}:K${next + 1}`, {
        values: [
          task('T-0901', '교육 참석자 명단 회신', seoul(2023, 11, 13)),
          task('T-0902', '견적 재확인', seoul(2023, 11, 10)),
        ],
      });
    });
    expect(state.openTasks.map((t) => [t.task, t.due, t.overdueDays])).toEqual([
      ['견적 재확인', '2023-11-10', 5],
      ['교육 참석자 명단 회신', '2023-11-13', 2],
      ['교육 만족도 확인', '2023-11-18', 0],
    ]);
  });

  it('gives a won deal the day it entered the won stage, from its history when Stage entered is blank', () => {
    expect(stateOf('D-2023-016').deal).toMatchObject({ open: false, stageEntered: '2023-09-15' });
    // Blank Stage entered: its latest history row into 최종 결정 및 계약 싸인 완료 is 2023-09-15 14:57.
    const blank = stateOf('D-2023-016', ({ standIn }) => {
      standIn.seed('Deals', `H${rowOf(standIn, 'D-2023-016')}`, { values: [['']] });
    });
    expect(blank.deal).toMatchObject({ open: false, stageEntered: '2023-09-15' });
  });
});
