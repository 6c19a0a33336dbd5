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

/** The sample pipeline with DEAL's row selected: the server acts only on the deal on the selected row. */
function onDeal(): ReturnType<typeof samplePipeline> {
  const h = samplePipeline();
  h.standIn.select('Deals', `C${rowOf(h.standIn, DEAL)}`);
  return h;
}

describe('moving a deal', () => {
  it('refuses a forward move with unmet criteria and lists exactly what is missing', () => {
    const { standIn, call } = onDeal();
    const before = standIn.snapshot('Stage history');
    const result = move(call, { toStage: '계약/견적 전달 받음' });
    expect(result).toMatchObject({ ok: false, reason: 'criteria', missing: ['고객사 내부 도입 승인 확인'] });
    expect(result.message).toContain('완료 조건');
    expect(standIn.snapshot('Stage history')).toEqual(before);
    expect(cellOf(standIn, 'Deals', rowOf(standIn, DEAL), '단계')).toBe('온보딩 교육 중');
  });

  it('moves once the checklist is ticked: Stage, Stage entered, one history row and the new stage’s tasks', () => {
    const { standIn, call } = onDeal();
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
    const { standIn, call } = onDeal();
    const row = rowOf(standIn, DEAL);
    standIn.seed('Deals', `J${row}`, { values: [['정체: 온보딩 교육 중 15일째 (기준 14일)']] });
    expect(move(call, { toStage: '제품 살펴보는 중' }).ok).toBe(true);
    expect(cellOf(standIn, 'Deals', row, '파이프라인 점검')).toBe('');
  });

  it('lets an override through only with a note, and records why in the history', () => {
    const { standIn, call } = onDeal();
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

  it('needs no criteria to move back, and a reason from the Settings list to mark a deal lost', () => {
    const { standIn, call } = onDeal();
    // Free text alone, or a reason not in the list (Settings holds the defaults: 가격 · 경쟁사 선택 ·
    // 예산 없음 · 시기 · 응답 없음 · 기타), is refused: the reason must be picked.
    expect(move(call, { toStage: '실주', note: '예산 동결' })).toMatchObject({ ok: false, reason: 'reason' });
    expect(move(call, { toStage: '실주', reason: '예산 동결' })).toMatchObject({
      ok: false,
      reason: 'reason',
    });
    expect(move(call, { toStage: '제품 살펴보는 중' }).ok).toBe(true);
    const lost = call('panelMoveDeal', {
      dealId: DEAL,
      expectedStage: '제품 살펴보는 중',
      toStage: '실주',
      override: false,
      reason: '예산 없음',
      note: ' 내년 예산 동결 ',
    }) as Result & { state: { deal: { lostReason: string } | null; reopenTo: string | null } };
    expect(lost.ok).toBe(true);
    // The Note starts with the reason; the free text follows after a colon, trimmed.
    expect(standIn.values('Stage history').at(-1)?.slice(2)).toEqual([
      '제품 살펴보는 중',
      '실주',
      'seoyeon.lee@example.com',
      '예산 없음: 내년 예산 동결',
    ]);
    expect(lost.state?.next).toBeNull();
    // The lost deal shows its reason, and Reopen proposes the stage it was lost from.
    expect(lost.state.deal?.lostReason).toBe('예산 없음');
    expect(lost.state.reopenTo).toBe('제품 살펴보는 중');
  });

  it('reopens a lost deal only with a reason, in the stage proposed or another', () => {
    const { standIn, call } = onDeal();
    move(call, { toStage: '실주', reason: '시기' });
    const reopen = (note: string) =>
      call('panelMoveDeal', {
        dealId: DEAL,
        expectedStage: '실주',
        toStage: '온보딩 교육 중',
        override: false,
        note,
      }) as Result;
    expect(reopen('  ')).toMatchObject({
      ok: false,
      reason: 'note',
      message: '딜을 다시 여는 사유를 적어 주세요.',
    });
    expect(reopen('내년 1분기 예산 확정').ok).toBe(true);
    expect(standIn.values('Stage history').at(-1)?.slice(2)).toEqual([
      '실주',
      '온보딩 교육 중',
      'seoyeon.lee@example.com',
      '내년 1분기 예산 확정',
    ]);
  });

  it('refuses when someone else changed the stage behind the panel’s back, and writes nothing', () => {
    const { standIn, call, app } = onDeal();
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
    const { standIn, call } = onDeal();
    const rows = standIn.values('Deals');
    const [header, ...data] = rows;
    standIn.seedSheet('Deals', [header ?? [], ...data.reverse()]);
    // The person selects the deal again where the sort put it.
    standIn.select('Deals', `C${rowOf(standIn, DEAL)}`);
    expect(move(call, { toStage: '제품 살펴보는 중' }).ok).toBe(true);
    expect(cellOf(standIn, 'Deals', rowOf(standIn, DEAL), '단계')).toBe('제품 살펴보는 중');
  });

  it('waits for the document lock and says so when another change holds it', () => {
    const { standIn, call } = onDeal();
    standIn.locks.holdElsewhere('document');
    expect(move(call, { toStage: '제품 살펴보는 중' })).toMatchObject({ ok: false, reason: 'busy' });
  });

  it('refuses malformed requests from the client', () => {
    const { call } = onDeal();
    for (const bad of [
      null,
      'D-1',
      { dealId: DEAL },
      { dealId: 5, expectedStage: 'a', toStage: 'b', override: false, note: '' },
    ]) {
      expect((call('panelMoveDeal', bad) as Result).reason).toBe('invalid');
    }
    expect(move(call, { toStage: '없는 단계' })).toMatchObject({ ok: false, reason: 'invalid' });
    // A deal that is not the selected row's is refused as such (it never was on screen).
    expect(move(call, { dealId: 'D-9999', toStage: '실주', note: 'x' })).toMatchObject({
      ok: false,
      reason: 'selection',
    });
  });
});

describe('acting only on the deal on the selected row', () => {
  it('refuses a tick for the deal still shown once another row is selected, and answers with that row', () => {
    const { standIn, call } = onDeal();
    // The person clicks D-2023-034's row; the panel still shows DEAL and sends a tick for it.
    standIn.select('Deals', `C${rowOf(standIn, 'D-2023-034')}`);
    const tasks = standIn.snapshot('Tasks');
    const result = call('panelSetChecklistItem', {
      dealId: DEAL,
      stage: '온보딩 교육 중',
      criterion: '고객사 내부 도입 승인 확인',
      done: true,
    }) as Result;
    expect(result).toMatchObject({ ok: false, reason: 'selection' });
    expect(result.message).toBe(
      `바뀐 것은 없습니다: 지금 선택된 행은 ${DEAL}이(가) 아닙니다. 선택된 행을 보여 드리니 확인한 뒤 다시 시도하세요.`,
    );
    expect(result.state?.deal?.id).toBe('D-2023-034');
    expect(standIn.snapshot('Tasks')).toEqual(tasks);
    // A move and a task tick are refused the same way; nothing is written.
    const deals = standIn.snapshot('Deals');
    expect(move(call, { toStage: '제품 살펴보는 중' }).reason).toBe('selection');
    expect((call('panelSetTaskDone', { dealId: DEAL, key: '', row: 7, done: true }) as Result).reason).toBe(
      'selection',
    );
    expect(standIn.snapshot('Deals')).toEqual(deals);
    expect(standIn.snapshot('Tasks')).toEqual(tasks);
  });

  it('answers an action with the state worked out from what it wrote, its timeline included', () => {
    const { standIn, call } = onDeal();
    const result = move(call, { toStage: '제품 살펴보는 중', note: '데모 다시 요청' }) as Result & {
      state: { timeline: { from: string; to: string; note: string; override: boolean }[] };
    };
    expect(result.ok).toBe(true);
    // The sample's three rows for DEAL and the one just written (a move back needs no override).
    expect(result.state.timeline.map((r) => [r.from, r.to, r.override])).toEqual([
      ['', '미팅 약속 완료', false],
      ['미팅 약속 완료', '제품 살펴보는 중', false],
      ['제품 살펴보는 중', '온보딩 교육 중', false],
      ['온보딩 교육 중', '제품 살펴보는 중', false],
    ]);
    expect(result.state.timeline.at(-1)?.note).toBe('데모 다시 요청');
    expect(result.state.deal?.stage).toBe('제품 살펴보는 중');
    expect(cellOf(standIn, 'Deals', rowOf(standIn, DEAL), '단계')).toBe('제품 살펴보는 중');
  });
});
