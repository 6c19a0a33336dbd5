import { describe, expect, it } from 'vitest';
import { cellOf, column, rowOf, samplePipeline } from './harness';

/** The sample after Set up pipeline sheets, which installs the edit trigger. */
function samplePipelineWithSetup() {
  const setup = samplePipeline();
  setup.standIn.begin('menu');
  (setup.app.setupPipeline as () => void)();
  return setup;
}

/** A person edits Deals; the installable edit trigger runs `onDealsEdit` with the event. */
function edit(setup: ReturnType<typeof samplePipeline>, a1: string, values: unknown[][]) {
  const e = setup.standIn.edit('Deals', a1, values, 'minjun.kim@example.com', { installable: true });
  (setup.app.onDealsEdit as (e: unknown) => void)(e);
}

describe('stages typed into the Deals sheet', () => {
  it('logs a stage picked from the drop-down like a panel move', () => {
    const setup = samplePipelineWithSetup();
    const { standIn } = setup;
    const row = rowOf(standIn, 'D-2023-017');
    const history = standIn.values('Stage history').length;
    edit(setup, `G${row}`, [['계약/견적 전달 받음']]);
    expect((cellOf(standIn, 'Deals', row, '단계 진입일') as Date).toISOString()).toBe(
      '2023-11-14T15:00:00.000Z',
    );
    const log = standIn.values('Stage history');
    expect(log).toHaveLength(history + 1);
    expect(log.at(-1)?.slice(1, 5)).toEqual([
      'D-2023-017',
      '온보딩 교육 중',
      '계약/견적 전달 받음',
      'minjun.kim@example.com',
    ]);
    const keys = standIn.values('Tasks').map((t) => t[9]);
    expect(keys).toContain('D-2023-017|계약/견적 전달 받음|2023-11-15|고객사 법무 검토 완료');
  });

  it('logs a paste over several rows, skipping rows already in that stage, with one append for history', () => {
    const setup = samplePipelineWithSetup();
    const { standIn } = setup;
    const stageColumn = column(standIn, 'Deals', '단계');
    const first = rowOf(standIn, 'D-2023-017');
    // D-2023-017 온보딩 교육 중, D-2023-018 already 실주, D-2023-019 제품 살펴보는 중.
    expect([0, 1, 2].map((i) => cellOf(standIn, 'Deals', first + i, '딜 ID'))).toEqual([
      'D-2023-017',
      'D-2023-018',
      'D-2023-019',
    ]);
    const history = standIn.values('Stage history').length;
    const untouched = cellOf(standIn, 'Deals', first + 1, '단계 진입일');
    standIn.calls.reset();
    const letter = String.fromCharCode(65 + stageColumn);
    edit(setup, `${letter}${first}:${letter}${first + 2}`, [['실주'], ['실주'], ['실주']]);
    const log = standIn.values('Stage history').slice(history);
    expect(log.map((r) => [r[1], r[2], r[3], r[4]])).toEqual([
      ['D-2023-017', '온보딩 교육 중', '실주', 'minjun.kim@example.com'],
      ['D-2023-019', '제품 살펴보는 중', '실주', 'minjun.kim@example.com'],
    ]);
    // Stage entered: two runs (rows 18 and 20, row 19 untouched); history: one append; lost has no
    // tasks; Closed: one write for D-2023-017's two open tasks of the stay it left (Tasks rows 3 and 7;
    // D-2023-019 has no tasks).
    expect(standIn.calls.byMethod()['Range.setValues']).toBe(4);
    expect(cellOf(standIn, 'Deals', first + 1, '단계 진입일')).toEqual(untouched);
  });

  it('does nothing when the same stage is typed again, or another column is edited', () => {
    const setup = samplePipelineWithSetup();
    const { standIn } = setup;
    const row = rowOf(standIn, 'D-2023-017');
    const before = standIn.snapshot('Stage history');
    edit(setup, `G${row}`, [['온보딩 교육 중']]);
    edit(setup, `B${row}`, [['새 이름']]);
    expect(standIn.snapshot('Stage history')).toEqual(before);
  });

  it('flags an unknown stage in Health rather than guessing, and logs nothing', () => {
    const setup = samplePipelineWithSetup();
    const { standIn } = setup;
    const row = rowOf(standIn, 'D-2023-017');
    const before = standIn.snapshot('Stage history');
    edit(setup, `G${row}`, [['협상 중']]);
    expect(cellOf(standIn, 'Deals', row, '파이프라인 점검')).toBe(
      "입력 오류: 단계 '협상 중' Stages 시트에 없는 단계입니다",
    );
    expect(standIn.snapshot('Stage history')).toEqual(before);
  });

  it('gives a new deal row a Deal ID and logs it as a new deal', () => {
    const setup = samplePipelineWithSetup();
    const { standIn } = setup;
    const next = standIn.values('Deals').length + 1;
    standIn.edit('Deals', `B${next}:F${next}`, [
      ['신규 딜', '새고객', '', 'minjun.kim@example.com', 5_000_000],
    ]);
    edit(setup, `G${next}`, [['미팅 약속 완료']]);
    const id = cellOf(standIn, 'Deals', next, '딜 ID');
    expect(id).toBe('D-0041');
    expect(standIn.values('Stage history').at(-1)?.slice(1, 4)).toEqual(['D-0041', '', '미팅 약속 완료']);
  });
});

describe('deals that were in the sheet before the add-on', () => {
  /** A team's pipeline with no Stage history yet: set up adopts it. */
  function adopted() {
    const setup = samplePipeline();
    const { standIn } = setup;
    standIn.seedSheet('Stage history', [['일시', '딜 ID', '이전 단계', '단계', '변경자', '메모']]);
    standIn.begin('menu');
    (setup.app.setupPipeline as () => void)();
    return setup;
  }

  it('get their current stage recorded once by setup, dated by Stage entered', () => {
    const { standIn, app } = adopted();
    const history = standIn.values('Stage history');
    const deals = standIn.values('Deals').filter((r, i) => i > 0 && r[0] !== '');
    expect(history).toHaveLength(deals.length + 1);
    const d017 = history.find((r) => r[1] === 'D-2023-017');
    expect(d017?.slice(2, 5)).toEqual(['', '온보딩 교육 중', '']);
    expect(d017?.[0]).toEqual(cellOf(standIn, 'Deals', rowOf(standIn, 'D-2023-017'), '단계 진입일'));
    standIn.begin('menu');
    (app.setupPipeline as () => void)();
    expect(standIn.values('Stage history')).toHaveLength(history.length);
  });

  it('keep their Stage entered when the same stages are pasted over them', () => {
    const setup = adopted();
    const { standIn } = setup;
    const first = rowOf(standIn, 'D-2023-017');
    const before = standIn.snapshot('Deals');
    const history = standIn.values('Stage history').length;
    const stages = [0, 1].map((i) => [cellOf(standIn, 'Deals', first + i, '단계')]);
    edit(setup, `G${first}:G${first + 1}`, stages);
    expect(standIn.values('Stage history')).toHaveLength(history);
    expect(standIn.snapshot('Deals').values).toEqual(before.values);
  });

  it('a new row pasted with its own Stage entered keeps that date', () => {
    const setup = adopted();
    const { standIn } = setup;
    const next = standIn.values('Deals').length + 1;
    standIn.edit('Deals', `B${next}:I${next}`, [
      ['붙여넣은 딜', '새고객', '', 'minjun.kim@example.com', 5_000_000, '', '2023. 10. 1', '2023. 12. 20'],
    ]);
    edit(setup, `G${next}`, [['제품 살펴보는 중']]);
    const entered = cellOf(standIn, 'Deals', next, '단계 진입일') as Date;
    expect(entered.toISOString()).toBe('2023-09-30T15:00:00.000Z');
    const keys = standIn.values('Tasks').map((t) => t[9]);
    expect(keys).toContain(
      `${cellOf(standIn, 'Deals', next, '딜 ID')}|제품 살펴보는 중|2023-10-01|데모 계정 발급`,
    );
  });
});
