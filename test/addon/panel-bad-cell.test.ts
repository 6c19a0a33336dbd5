/**
 * A Deals row with a bad cell still shows its deal (issue 14, point 5): the
 * bad value is named, and everything that does not depend on it works. The
 * Korean sample as of 2023-11-15; D-2023-017 is in 온보딩 교육 중, whose
 * Required fields are 수주 예정일 and 금액, one exit criterion not yet Done.
 */
import { describe, expect, it } from 'vitest';
import { rowOf, samplePipeline } from './harness';

const DEAL = 'D-2023-017';

interface State {
  deal: {
    id: string;
    name: string;
    stage: string;
    stageKnown: boolean;
    unreadable: { amount: boolean; expectedClose: boolean; stageEntered: boolean };
  } | null;
  problems: string[];
  notice: string | null;
  checklist: { criterion: string; done: boolean }[];
  requiredFields: { field: string; filled: boolean }[];
  openTasks: { task: string }[];
  timeline: unknown[];
}
interface Result {
  ok: boolean;
  reason?: string;
  missing: string[];
  state: State | null;
}

function withCell(column: string, value: string) {
  const h = samplePipeline();
  const row = rowOf(h.standIn, DEAL);
  h.standIn.seed('Deals', `${column}${row}`, { values: [[value]] });
  h.standIn.select('Deals', `C${row}`);
  return h;
}

describe('a deal row with a bad cell', () => {
  it('shows the deal with Amount TBD named, and the figures that need it marked unreadable', () => {
    const { call } = withCell('F', 'TBD');
    const state = call('panelGetState') as State;
    expect(state.notice).toBeNull();
    expect(state.deal).toMatchObject({ id: DEAL, name: '영업 파이프라인 관리 도입', stageKnown: true });
    expect(state.deal?.unreadable).toEqual({ amount: true, expectedClose: false, stageEntered: false });
    expect(state.problems).toHaveLength(1);
    expect(state.problems[0]).toMatch(/^입력 오류: 금액 'TBD' /);
    // Not depending on Amount: the checklist (2 of 3 Done), the other task, the timeline (3 rows).
    expect(state.checklist.map((c) => c.done)).toEqual([true, false, true]);
    expect(state.openTasks.map((t) => t.task)).toEqual(['교육 만족도 확인']);
    expect(state.timeline).toHaveLength(3);
    // Depending on it: the Required field 금액 counts as not filled.
    expect(state.requiredFields).toEqual([
      { field: '수주 예정일', filled: true },
      { field: '금액', filled: false },
    ]);
  });

  it('lets ticks and moves that do not depend on Amount through, and refuses the one that does', () => {
    const { standIn, call } = withCell('F', 'TBD');
    const tick = call('panelSetChecklistItem', {
      dealId: DEAL,
      stage: '온보딩 교육 중',
      criterion: '고객사 내부 도입 승인 확인',
      done: true,
    }) as Result;
    expect(tick.ok).toBe(true);
    // Forward needs 금액 (unreadable): refused, naming it.
    const forward = call('panelMoveDeal', {
      dealId: DEAL,
      expectedStage: '온보딩 교육 중',
      toStage: '계약/견적 전달 받음',
      override: false,
      note: '',
    }) as Result;
    expect(forward).toMatchObject({ ok: false, reason: 'criteria', missing: ['금액'] });
    // Back to 제품 살펴보는 중 needs nothing: it goes through, and the bad cell stays as typed.
    const back = call('panelMoveDeal', {
      dealId: DEAL,
      expectedStage: '온보딩 교육 중',
      toStage: '제품 살펴보는 중',
      override: false,
      note: '',
    }) as Result;
    expect(back.ok).toBe(true);
    expect(back.state?.deal?.stage).toBe('제품 살펴보는 중');
    expect(back.state?.problems[0]).toMatch(/^입력 오류: 금액 'TBD' /);
    expect(standIn.values('Deals')[rowOf(standIn, DEAL) - 1]?.[5]).toBe('TBD');
  });

  it('shows a deal whose stage Stages does not know, naming it, with no moves or checklist', () => {
    const { call } = withCell('G', '검토 보류');
    const state = call('panelGetState') as State;
    expect(state.deal).toMatchObject({ id: DEAL, stage: '검토 보류', stageKnown: false });
    expect(state.problems[0]).toMatch(/^입력 오류: 단계 '검토 보류' /);
    expect(state.checklist).toEqual([]);
    // With no checklist, the open Required task of its last known stay is listed with the other tasks.
    expect(state.openTasks.map((t) => t.task)).toEqual(['고객사 내부 도입 승인 확인', '교육 만족도 확인']);
    const moved = call('panelMoveDeal', {
      dealId: DEAL,
      expectedStage: '검토 보류',
      toStage: '제품 살펴보는 중',
      override: false,
      note: '',
    }) as Result;
    expect(moved).toMatchObject({ ok: false, reason: 'invalid' });
  });
});
