import { describe, expect, it } from 'vitest';
import { cellOf, rowOf, samplePipeline } from './harness';

interface State {
  deal: { id: string; stage: string; daysInStage: number; staleAfter: number; weighted: number } | null;
  checklist: { criterion: string; done: boolean }[];
  missing: string[];
  next: string | null;
  notice: string | null;
  language: string;
}
interface Result {
  ok: boolean;
  reason?: string;
  message: string;
  missing: string[];
  state: State | null;
}

const DEAL = 'D-2023-017'; // ₩10,000,000 in 온보딩 교육 중 since 2023-11-08; one exit criterion unticked.

function move(call: (fn: string, ...a: unknown[]) => unknown, request: Record<string, unknown>): Result {
  return call('panelMoveDeal', {
    dealId: DEAL,
    expectedStage: '온보딩 교육 중',
    override: false,
    note: '',
    ...request,
  }) as Result;
}

describe('the deal panel on the selected row', () => {
  it('shows the deal, its days in stage, checklist and the next stage, in Korean', () => {
    const { standIn, call } = samplePipeline();
    standIn.select('Deals', `C${rowOf(standIn, DEAL)}`);
    const state = call('panelGetState') as State;
    expect(state.language).toBe('ko');
    expect(state.deal).toMatchObject({
      id: DEAL,
      stage: '온보딩 교육 중',
      daysInStage: 7,
      staleAfter: 14,
      weighted: 7_000_000,
    });
    expect(state.checklist).toEqual([
      { criterion: '고객 실무자 교육 세션 완료', done: true },
      { criterion: '고객사 내부 도입 승인 확인', done: false },
      { criterion: '보안 검토 통과', done: true },
    ]);
    expect(state.next).toBe('계약/견적 전달 받음');
  });

  it('says what to do when the selection is not a deal', () => {
    const { standIn, call } = samplePipeline();
    standIn.select('Stages', 'A2');
    expect((call('panelGetState') as State).notice).toBe('Deals 시트에서 딜 행을 선택하세요.');
    standIn.select('Deals', 'A1');
    expect((call('panelGetState') as State).deal).toBeNull();
  });
});

describe('moving a deal', () => {
  it('refuses a forward move with unmet criteria and lists exactly what is missing', () => {
    const { standIn, call } = samplePipeline();
    const before = standIn.snapshot('Stage history');
    const result = move(call, { toStage: '계약/견적 전달 받음' });
    expect(result).toMatchObject({ ok: false, reason: 'criteria', missing: ['고객사 내부 도입 승인 확인'] });
    expect(result.message).toContain('완료 조건');
    expect(standIn.snapshot('Stage history')).toEqual(before);
    expect(cellOf(standIn, 'Deals', rowOf(standIn, DEAL), '단계')).toBe('온보딩 교육 중');
  });

  it('moves once the checklist is ticked: Stage, Stage entered, one history row and the new stage’s tasks', () => {
    const { standIn, call } = samplePipeline();
    const tick = call('panelSetChecklistItem', {
      dealId: DEAL,
      stage: '온보딩 교육 중',
      criterion: '고객사 내부 도입 승인 확인',
      done: true,
    }) as Result;
    expect(tick.ok).toBe(true);
    expect(tick.state?.missing).toEqual([]);
    const historyRows = standIn.values('Stage history').length;
    const taskRows = standIn.values('Tasks').length;
    standIn.calls.reset();

    const result = move(call, { toStage: '계약/견적 전달 받음' });
    expect(result.ok).toBe(true);
    expect(result.message).toBe('영업 파이프라인 관리 도입 → 계약/견적 전달 받음 이동 완료.');
    const row = rowOf(standIn, DEAL);
    expect(cellOf(standIn, 'Deals', row, '단계')).toBe('계약/견적 전달 받음');
    expect((cellOf(standIn, 'Deals', row, '단계 진입일') as Date).toISOString()).toBe(
      '2023-11-14T15:00:00.000Z',
    );

    const history = standIn.values('Stage history');
    expect(history).toHaveLength(historyRows + 1);
    expect(history.at(-1)?.slice(1)).toEqual([
      DEAL,
      '온보딩 교육 중',
      '계약/견적 전달 받음',
      'seoyeon.lee@example.com',
      '',
    ]);

    const tasks = standIn.values('Tasks');
    const added = tasks.slice(taskRows);
    // Two exit criteria (Required) and two entry tasks of 계약/견적 전달 받음, keyed by this stay.
    expect(added.map((t) => [t[1], t[2], t[5], t[6], t[7], t[8], t[9]])).toEqual([
      [
        DEAL,
        '고객사 법무 검토 완료',
        false,
        true,
        '계약/견적 전달 받음',
        'exit',
        `${DEAL}|계약/견적 전달 받음|2023-11-15|고객사 법무 검토 완료`,
      ],
      [
        DEAL,
        '구매 요청서(PO) 발행 확인',
        false,
        true,
        '계약/견적 전달 받음',
        'exit',
        `${DEAL}|계약/견적 전달 받음|2023-11-15|구매 요청서(PO) 발행 확인`,
      ],
      [
        DEAL,
        '견적서 및 계약서 초안 발송',
        false,
        false,
        '계약/견적 전달 받음',
        'entry',
        `${DEAL}|계약/견적 전달 받음|2023-11-15|견적서 및 계약서 초안 발송`,
      ],
      [
        DEAL,
        '계약 조건 확인 콜',
        false,
        false,
        '계약/견적 전달 받음',
        'entry',
        `${DEAL}|계약/견적 전달 받음|2023-11-15|계약 조건 확인 콜`,
      ],
    ]);
    // The (+3d) task is due three days after entry.
    expect(added[3]?.[3]).toEqual(new Date('2023-11-17T15:00:00.000Z'));
    // Stage, Stage entered, history and tasks each one append, and one write of the Closed dates of
    // the stay left (its one open task, 교육 만족도 확인, row 7; the sample's Tasks has no 종료 column
    // yet, so that same write puts its header in L1).
    expect(standIn.calls.byMethod()['Range.setValues']).toBeLessThanOrEqual(5);
    expect(cellOf(standIn, 'Tasks', 7, '종료')).toEqual(new Date('2023-11-14T15:00:00.000Z'));
    expect(result.state?.deal?.stage).toBe('계약/견적 전달 받음');
    expect(result.state?.checklist.every((c) => !c.done)).toBe(true);
  });

  it('clears the old stay’s Health flag on the moved row (the next check writes the new one)', () => {
    const { standIn, call } = samplePipeline();
    const row = rowOf(standIn, DEAL);
    standIn.seed('Deals', `J${row}`, { values: [['정체: 온보딩 교육 중 15일째 (기준 14일)']] });
    expect(move(call, { toStage: '제품 살펴보는 중' }).ok).toBe(true);
    expect(cellOf(standIn, 'Deals', row, '파이프라인 점검')).toBe('');
  });

  it('lets an override through only with a note, and records why in the history', () => {
    const { standIn, call } = samplePipeline();
    expect(move(call, { toStage: '계약/견적 전달 받음', override: true, note: '  ' })).toMatchObject({
      ok: false,
      reason: 'note',
    });
    const result = move(call, {
      toStage: '계약/견적 전달 받음',
      override: true,
      note: '고객 요청으로 먼저 견적 전달',
    });
    expect(result.ok).toBe(true);
    expect(standIn.values('Stage history').at(-1)?.[5]).toBe(
      '예외 처리 (미완료: 고객사 내부 도입 승인 확인): 고객 요청으로 먼저 견적 전달',
    );
  });

  it('needs no criteria to move back, and a reason to mark a deal lost', () => {
    const { standIn, call } = samplePipeline();
    expect(move(call, { toStage: '실주' })).toMatchObject({ ok: false, reason: 'note' });
    expect(move(call, { toStage: '제품 살펴보는 중' }).ok).toBe(true);
    const lost = call('panelMoveDeal', {
      dealId: DEAL,
      expectedStage: '제품 살펴보는 중',
      toStage: '실주',
      override: false,
      note: '예산 동결',
    }) as Result;
    expect(lost.ok).toBe(true);
    expect(standIn.values('Stage history').at(-1)?.slice(2)).toEqual([
      '제품 살펴보는 중',
      '실주',
      'seoyeon.lee@example.com',
      '예산 동결',
    ]);
    expect(lost.state?.next).toBeNull();
  });

  it('refuses when someone else changed the stage behind the panel’s back, and writes nothing', () => {
    const { standIn, call, app } = samplePipeline();
    const row = rowOf(standIn, DEAL);
    // A colleague types the stage; their edit trigger logs it.
    const event = standIn.edit('Deals', `G${row}`, [['제품 살펴보는 중']], 'minjun.kim@example.com');
    standIn.begin('installable-edit');
    (app.onDealsEdit as (e: unknown) => void)(event);
    const deals = standIn.snapshot('Deals');
    const result = move(call, { toStage: '계약/견적 전달 받음', override: true, note: 'x' });
    expect(result).toMatchObject({ ok: false, reason: 'changed' });
    expect(result.message).toContain('다른 사람이 이 딜을 바꿨습니다 (현재 단계: 제품 살펴보는 중)');
    expect(standIn.snapshot('Deals')).toEqual(deals);
  });

  it('finds the deal by its id after the sheet was sorted', () => {
    const { standIn, call } = samplePipeline();
    const rows = standIn.values('Deals');
    const [header, ...data] = rows;
    standIn.seedSheet('Deals', [header ?? [], ...data.reverse()]);
    expect(move(call, { toStage: '제품 살펴보는 중' }).ok).toBe(true);
    expect(cellOf(standIn, 'Deals', rowOf(standIn, DEAL), '단계')).toBe('제품 살펴보는 중');
  });

  it('waits for the document lock and says so when another change holds it', () => {
    const { standIn, call } = samplePipeline();
    standIn.locks.holdElsewhere('document');
    expect(move(call, { toStage: '제품 살펴보는 중' })).toMatchObject({ ok: false, reason: 'busy' });
  });

  it('refuses malformed requests from the client', () => {
    const { call } = samplePipeline();
    for (const bad of [
      null,
      'D-1',
      { dealId: DEAL },
      { dealId: 5, expectedStage: 'a', toStage: 'b', override: false, note: '' },
    ]) {
      expect((call('panelMoveDeal', bad) as Result).reason).toBe('invalid');
    }
    expect(move(call, { toStage: '없는 단계' })).toMatchObject({ ok: false, reason: 'invalid' });
    expect(move(call, { dealId: 'D-9999', toStage: '실주', note: 'x' })).toMatchObject({
      ok: false,
      reason: 'missing',
    });
  });
});
