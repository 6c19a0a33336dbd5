/**
 * Tasks follow their stays (SPEC §1, §4; issue 14 point 2), through the BUILT
 * bundle in the Korean sample spreadsheet: leaving a stage closes the stay's
 * open tasks, re-entering it carries Done criteria over, and nothing else in
 * the workbook changes.
 */
import { describe, expect, it } from 'vitest';
import type { SheetSnapshot } from '../support/standin';
import {
  type CellChange,
  cellChanges,
  cellOf,
  click,
  column,
  fireDailyTrigger,
  type Harness,
  rowOf,
  samplePipeline,
  sheetChanges,
  snapshotAll,
} from './harness';

const DEAL = 'D-2023-017'; // 온보딩 교육 중 since 2023-11-08: Tasks rows 2–7 (T-0001…T-0006), 2 of them open.
const ONBOARDING = '온보딩 교육 중';
const QUOTE = '계약/견적 전달 받음';
const LOST = '실주';
const TODAY = new Date('2023-11-14T15:00:00.000Z'); // 2023-11-15 in Seoul, as a date cell

interface PanelTask {
  task: string;
  done: boolean;
}
interface State {
  deal: { stage: string } | null;
  checklist: { criterion: string; done: boolean }[];
  openTasks: PanelTask[];
}
interface Result {
  ok: boolean;
  message: string;
  state: State | null;
}

type Pipeline = ReturnType<typeof samplePipeline>;

function move(
  p: Pipeline,
  from: string,
  to: string,
  extra: { override?: boolean; note?: string; reason?: string } = {},
): Result {
  return p.act('panelMoveDeal', {
    dealId: DEAL,
    expectedStage: from,
    toStage: to,
    override: false,
    note: '',
    ...extra,
  }) as Result;
}

/** The Tasks data rows (header excluded). */
const taskRows = (h: Harness) => h.standIn.values('Tasks').length - 1;

/**
 * Every cell change between two workbook snapshots that is not one of the
 * allowed ones: the moved deal's Stage and Stage entered, rows appended to
 * Stage history and Tasks, and Tasks' Closed (종료) cells of `closedRows`.
 */
function unexpectedChanges(
  h: Harness,
  before: Record<string, SheetSnapshot>,
  after: Record<string, SheetSnapshot>,
  closedRows: readonly number[],
): CellChange[] {
  const dealRow = rowOf(h.standIn, DEAL);
  const dealColumns = [column(h.standIn, 'Deals', '단계'), column(h.standIn, 'Deals', '단계 진입일')].map(
    (c) => c + 1,
  );
  const closedColumn = column(h.standIn, 'Tasks', '종료') + 1;
  const out: CellChange[] = [];
  for (const name of Object.keys(after)) {
    const b = before[name] as SheetSnapshot;
    const a = after[name] as SheetSnapshot;
    const appendedFrom = b.values.filter((r) => r.some((v) => v !== '')).length + 1;
    for (const c of cellChanges(b, a)) {
      if (name === 'Deals' && c.row === dealRow && dealColumns.includes(c.column)) continue;
      if ((name === 'Stage history' || name === 'Tasks') && c.row >= appendedFrom) continue;
      if (name === 'Tasks' && c.column === closedColumn && closedRows.includes(c.row)) continue;
      out.push(c);
    }
  }
  return out;
}

/** The Closed cells of Tasks rows, as ISO strings ('' when open). */
function closedOf(h: Harness, rows: readonly number[]): unknown[] {
  return rows.map((r) => {
    const v = cellOf(h.standIn, 'Tasks', r, '종료');
    return v instanceof Date || Object.prototype.toString.call(v) === '[object Date]'
      ? (v as Date).toISOString()
      : v;
  });
}

describe('the issue’s sequence: override forward → back → Lost → reopen, on one day', () => {
  it('closes each stay’s open tasks, carries ticked criteria over, and changes nothing else', () => {
    const p = samplePipeline();
    const { standIn } = p;
    expect(taskRows(p)).toBe(16);
    // The sample's Tasks sheet predates the Closed column: the first close adds 종료 after 생성일 (K).
    expect(standIn.values('Tasks')[0]).not.toContain('종료');
    const calls: Record<string, number>[] = [];
    const step = (closedRows: number[], act: () => Result): Result => {
      const before = snapshotAll(standIn);
      standIn.calls.reset();
      const result = act();
      calls.push({ total: standIn.calls.total(), ...standIn.calls.byMethod() });
      const after = snapshotAll(standIn);
      expect(result.ok, result.message).toBe(true);
      expect(unexpectedChanges(p, before, after, closedRows)).toEqual([]);
      return result;
    };

    // 1. Override forward 온보딩 교육 중 → 계약/견적 전달 받음 (도입 승인 확인 unticked).
    //    Closes the 11-08 stay's open tasks: row 3 (T-0002 도입 승인 확인) and row 7 (T-0006 교육 만족도 확인).
    //    Adds 계약/견적's 2 criteria + 2 entry tasks: 16 + 4 = 20 rows (sheet rows 18–21).
    const before1 = snapshotAll(standIn);
    step([1, 3, 7], () =>
      move(p, ONBOARDING, QUOTE, { override: true, note: '고객 요청으로 먼저 견적 전달' }),
    );
    expect(taskRows(p)).toBe(20);
    expect(cellOf(standIn, 'Tasks', 1, '종료')).toBe('종료');
    expect(column(standIn, 'Tasks', '종료')).toBe(11); // L, right after 생성일
    expect(closedOf(p, [2, 3, 4, 5, 6, 7])).toEqual([
      '',
      TODAY.toISOString(),
      '',
      '',
      '',
      TODAY.toISOString(),
    ]);
    // No sheet-level change: the sample's Tasks sheet has blank columns to the right, so none is inserted.
    expect(sheetChanges(before1.Tasks as SheetSnapshot, snapshotAll(standIn).Tasks as SheetSnapshot)).toEqual(
      [],
    );

    // 2. Back to 온보딩 교육 중, a new stay (keys 2023-11-15). Closes the 계약/견적 stay's four (rows 18–21,
    //    none Done). Adds 3 criteria + 3 entry tasks: 20 + 6 = 26 rows (22–27). The criteria Done in the
    //    11-08 stay (교육 세션 완료, 보안 검토 통과) start Done; 도입 승인 확인 was not, so it is not.
    const back = step([18, 19, 20, 21], () => move(p, QUOTE, ONBOARDING));
    expect(taskRows(p)).toBe(26);
    expect(closedOf(p, [18, 19, 20, 21])).toEqual(Array(4).fill(TODAY.toISOString()));
    expect(
      standIn
        .values('Tasks')
        .slice(21)
        .map((r) => [r[2], r[5], r[9], r[11]]),
    ).toEqual([
      ['고객 실무자 교육 세션 완료', true, `${DEAL}|${ONBOARDING}|2023-11-15|고객 실무자 교육 세션 완료`, ''],
      [
        '고객사 내부 도입 승인 확인',
        false,
        `${DEAL}|${ONBOARDING}|2023-11-15|고객사 내부 도입 승인 확인`,
        '',
      ],
      ['보안 검토 통과', true, `${DEAL}|${ONBOARDING}|2023-11-15|보안 검토 통과`, ''],
      ['교육 일정 확정 메일 발송', false, `${DEAL}|${ONBOARDING}|2023-11-15|교육 일정 확정 메일 발송`, ''],
      ['교육 자료 공유', false, `${DEAL}|${ONBOARDING}|2023-11-15|교육 자료 공유`, ''],
      ['교육 만족도 확인', false, `${DEAL}|${ONBOARDING}|2023-11-15|교육 만족도 확인`, ''],
    ]);
    expect(back.state?.checklist.map((c) => c.done)).toEqual([true, false, true]);
    // Open: this stay's three entry tasks only (the closed ones of 11-08 and 계약/견적 are gone).
    expect(back.state?.openTasks.map((t) => t.task)).toEqual([
      '교육 일정 확정 메일 발송',
      '교육 자료 공유',
      '교육 만족도 확인',
    ]);

    // The rep ticks 도입 승인 확인 in this stay (row 23).
    const tick = p.act('panelSetChecklistItem', {
      dealId: DEAL,
      stage: ONBOARDING,
      criterion: '고객사 내부 도입 승인 확인',
      done: true,
    }) as Result;
    expect(tick.ok).toBe(true);
    expect(cellOf(standIn, 'Tasks', 23, '완료')).toBe(true);

    // 3. Lost. Closes this stay's open tasks: the three entry tasks (rows 25–27); its criteria are all Done,
    //    so they stay as they are. 실주 has no tasks: still 26 rows.
    const lost = step([25, 26, 27], () =>
      move(p, ONBOARDING, LOST, { note: '예산 동결', reason: '예산 없음' }),
    );
    expect(taskRows(p)).toBe(26);
    expect(closedOf(p, [22, 23, 24, 25, 26, 27])).toEqual([
      '',
      '',
      '',
      ...Array(3).fill(TODAY.toISOString()),
    ]);
    expect(lost.state?.deal?.stage).toBe(LOST);
    expect(lost.state?.openTasks).toEqual([]);
    expect(lost.state?.checklist).toEqual([]);

    // 4. Reopen into 온보딩 교육 중, the same day: the third stay there, the second of 2023-11-15 (#2),
    //    so its keys do not collide with step 2's. Nothing open in 실주 to close. Adds 6: 26 + 6 = 32 rows
    //    (28–33); all three criteria were Done in the latest earlier stay (step 2's), so all start Done.
    const reopen = step([], () => move(p, LOST, ONBOARDING, { note: '예산 재확보' }));
    expect(taskRows(p)).toBe(32);
    const added = standIn.values('Tasks').slice(27);
    expect(added.map((r) => [r[2], r[5], r[9]])).toEqual([
      ['고객 실무자 교육 세션 완료', true, `${DEAL}|${ONBOARDING}|2023-11-15#2|고객 실무자 교육 세션 완료`],
      ['고객사 내부 도입 승인 확인', true, `${DEAL}|${ONBOARDING}|2023-11-15#2|고객사 내부 도입 승인 확인`],
      ['보안 검토 통과', true, `${DEAL}|${ONBOARDING}|2023-11-15#2|보안 검토 통과`],
      ['교육 일정 확정 메일 발송', false, `${DEAL}|${ONBOARDING}|2023-11-15#2|교육 일정 확정 메일 발송`],
      ['교육 자료 공유', false, `${DEAL}|${ONBOARDING}|2023-11-15#2|교육 자료 공유`],
      ['교육 만족도 확인', false, `${DEAL}|${ONBOARDING}|2023-11-15#2|교육 만족도 확인`],
    ]);
    const keys = standIn
      .values('Tasks')
      .slice(1)
      .map((r) => r[9])
      .filter((k) => k !== '');
    expect(new Set(keys).size).toBe(keys.length);
    expect(reopen.state?.checklist).toEqual([
      { criterion: '고객 실무자 교육 세션 완료', done: true },
      { criterion: '고객사 내부 도입 승인 확인', done: true },
      { criterion: '보안 검토 통과', done: true },
    ]);
    expect(reopen.state?.openTasks.map((t) => t.task)).toEqual([
      '교육 일정 확정 메일 발송',
      '교육 자료 공유',
      '교육 만족도 확인',
    ]);

    // Service calls per move. Before this change the same four moves cost 53, 50, 45, 45 calls with
    // 4, 4, 3, 3 setValues (and the reopen wrote no tasks at all: its keys collided with step 2's).
    // Closing adds one setValues (and its getRange) to a move that closes anything; the first also
    // asks getMaxColumns once, to place the new Closed column (its header goes in that same setValues). Each move reads every sheet once
    // (issue 14 point 1: the state after it is worked out from what it wrote, not read again) — 4 getSheetValues, whatever the size.
    // It was 8 (a second session read every sheet again after writing).
    console.log('service calls per move:', JSON.stringify(calls, null, 1));
    expect(calls.map((c) => c['Range.setValues'])).toEqual([5, 5, 4, 4]);
    expect(calls.map((c) => c['Sheet.getSheetValues'])).toEqual([4, 4, 4, 4]);
    expect(calls.map((c) => c['Sheet.insertColumnsAfter'] ?? 0)).toEqual([0, 0, 0, 0]);
    for (const c of calls.slice(1)) expect(c.total).toBeLessThanOrEqual((calls[0]?.total ?? 0) + 3);
  });
});

/** The sample after Set up pipeline sheets (which adds Tasks' 종료 column and installs the edit trigger). */
function withSetup(): Pipeline {
  const p = samplePipeline();
  p.standIn.begin('menu');
  (p.app.setupPipeline as () => void)();
  return p;
}

describe('a stage typed into Deals', () => {
  it('closes the old stay’s open tasks too, in one write of the Closed cells', () => {
    const p = withSetup();
    const { standIn } = p;
    expect(column(standIn, 'Tasks', '종료')).toBe(11);
    const row = rowOf(standIn, DEAL);
    const e = standIn.edit('Deals', `G${row}`, [['제품 살펴보는 중']], 'minjun.kim@example.com', {
      installable: true,
    });
    const before = snapshotAll(standIn);
    standIn.calls.reset();
    (p.app.onDealsEdit as (e: unknown) => void)(e);
    const byMethod = standIn.calls.byMethod();
    console.log('service calls of the typed edit:', standIn.calls.total(), JSON.stringify(byMethod));
    // Back to 제품 살펴보는 중: rows 3 and 7 closed; its 2 criteria + 2 entry tasks added (16 + 4 = 20).
    // The 09-06 stay there has no tasks in the sample, so nothing carries over.
    expect(closedOf(p, [2, 3, 4, 5, 6, 7])).toEqual([
      '',
      TODAY.toISOString(),
      '',
      '',
      '',
      TODAY.toISOString(),
    ]);
    expect(taskRows(p)).toBe(20);
    expect(
      standIn
        .values('Tasks')
        .slice(17)
        .map((r) => [r[2], r[5], r[11]]),
    ).toEqual([
      ['고객이 데모 환경에서 핵심 기능 직접 사용', false, ''],
      ['도입 검토 담당자 지정', false, ''],
      ['데모 계정 발급', false, ''],
      ['사용 현황 점검 콜', false, ''],
    ]);
    expect(unexpectedChanges(p, before, snapshotAll(standIn), [3, 7])).toEqual([]);
    // Stage entered, history, Closed, tasks: one setValues each (the typed Stage is already there).
    // Before this change the same edit cost 42 calls with 3 setValues: closing adds one getRange and one
    // setValues, and reads nothing (4 getSheetValues, as before).
    expect(byMethod['Range.setValues']).toBe(4);
    expect(byMethod['Sheet.getSheetValues']).toBe(4);
  });

  it('closes them when the daily check logs a stage typed while no trigger ran', () => {
    const p = withSetup();
    const { standIn } = p;
    click(p, 'toggleDailyChecks');
    const row = rowOf(standIn, DEAL);
    // Typed without an edit trigger firing: only the daily check's comparison finds it.
    standIn.edit('Deals', `G${row}`, [[LOST]], 'minjun.kim@example.com');
    fireDailyTrigger(p);
    expect(standIn.values('Stage history').at(-1)?.slice(1, 4)).toEqual([DEAL, ONBOARDING, LOST]);
    expect(closedOf(p, [2, 3, 4, 5, 6, 7])).toEqual([
      '',
      TODAY.toISOString(),
      '',
      '',
      '',
      TODAY.toISOString(),
    ]);
    // 실주 has no tasks: D-2023-017 still has its six rows (the run adds other deals' stale reviews).
    expect(standIn.values('Tasks').filter((r) => r[1] === DEAL)).toHaveLength(6);
  });
});
