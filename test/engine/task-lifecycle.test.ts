import { describe, expect, it } from 'vitest';
import type { Cell } from '../../src/engine/cells';
import { readDeals } from '../../src/engine/deals';
import { exitCheck } from '../../src/engine/moves';
import { TASKS } from '../../src/engine/schema';
import { readPipeline, type Stage } from '../../src/engine/stages';
import { planTaskLifecycle, type StayChange } from '../../src/engine/task-lifecycle';
import { isOpenTask, readTasks } from '../../src/engine/tasks';
import { DAY_MS, localOf, Zone } from '../../src/engine/zone';

const zone = new Zone('Asia/Seoul');
const day = (month: number, d: number) => localOf(2023, month, d) / DAY_MS;

const pipeline = readPipeline([
  ['단계', '수주 성공 확률', '완료 조건', '자동 생성 할일'],
  ['미팅 약속 완료', '10%', '고객 니즈 확인\n의사결정자 파악', '회사 소개서 발송\n감사 메일 (+1d)'],
  ['온보딩 교육 중', '70%', '교육 세션 완료\n보안 검토 통과', '교육 일정 메일'],
  ['수주', '100%', '', ''],
  ['실주', '0%', '', ''],
]);
const stage = (name: string): Stage => {
  const s = pipeline.find(name);
  if (!s) throw new Error(name);
  return s;
};
const [MEETING, ONBOARDING, LOST] = ['미팅 약속 완료', '온보딩 교육 중', '실주'];

// The Tasks headers as a Korean sheet has them.
const HEADER = Object.values(TASKS.columns).map((c) => c.ko);

/** One Tasks row; defaults: deal D-1, stage 미팅 약속 완료, not Done, Source exit (Required), created the stay's day. */
interface RowSpec {
  id: string;
  task: string;
  deal?: string;
  stage?: string;
  done?: boolean | string;
  source?: 'exit' | 'entry' | 'stale' | 'manual';
  /** Default: Source is exit. */
  required?: boolean;
  /** The key's last part when it is not the task (`stale`). */
  keyTask?: string;
  /** The key's stay part (`2023-11-01`, `2023-11-15#2`); absent = no key. */
  stay?: string;
  created?: string;
  closed?: string;
}
function row(spec: RowSpec): Cell[] {
  const deal = spec.deal ?? 'D-1';
  const stageName = spec.stage ?? MEETING;
  const source = spec.source ?? 'exit';
  const key = spec.stay === undefined ? '' : `${deal}|${stageName}|${spec.stay}|${spec.keyTask ?? spec.task}`;
  const created = spec.created ?? spec.stay?.slice(0, 10) ?? '';
  const required = spec.required ?? source === 'exit';
  return [
    spec.id,
    deal,
    spec.task,
    '',
    '',
    spec.done ?? false,
    required,
    stageName,
    source,
    key,
    created,
    spec.closed ?? '',
  ];
}
function tasksOf(rows: Cell[][]) {
  const read = readTasks([HEADER, ...rows], { zone });
  expect(read.problems).toEqual([]);
  return read;
}
function change(partial: Partial<StayChange> & Pick<StayChange, 'to' | 'day'>): StayChange {
  return { dealId: 'D-1', owner: 'kim@example.com', from: '', fromEntered: [], ...partial };
}

describe('closing the stay a deal leaves', () => {
  // D-1 entered 미팅 약속 완료 on 2023-11-01 (Stage entered and history agree); it moves to 실주 on 11-15.
  const read = tasksOf([
    // rows 2–5: the stay's own (row 2 Done); row 5 the stale review of that stay
    row({ id: 'T-1', task: '고객 니즈 확인', done: true, stay: '2023-11-01' }),
    row({ id: 'T-2', task: '의사결정자 파악', stay: '2023-11-01' }),
    row({ id: 'T-3', task: '회사 소개서 발송', source: 'entry', stay: '2023-11-01' }),
    row({ id: 'T-4', task: '정체 검토', source: 'stale', stay: '2023-11-01', keyTask: 'stale' }),
    // row 6: typed by hand during the stay, no key; row 7: typed by hand before it began
    row({ id: 'T-5', task: '견적 요청 회신', source: 'manual', created: '2023-11-05' }),
    row({ id: 'T-6', task: '첫 연락', source: 'manual', created: '2023-10-20' }),
    // row 8: an earlier stay in the same stage; row 9: another stage; row 10: another deal, same day
    row({ id: 'T-7', task: '의사결정자 파악', stay: '2023-09-01' }),
    row({ id: 'T-8', task: '교육 일정 메일', stage: ONBOARDING, source: 'entry', stay: '2023-10-10' }),
    row({ id: 'T-9', task: '의사결정자 파악', deal: 'D-2', stay: '2023-11-01' }),
    // row 11: closed already (its date is kept)
    row({ id: 'T-10', task: '감사 메일', source: 'entry', stay: '2023-11-01', closed: '2023-11-03' }),
  ]);

  it('closes the not-Done tasks keyed by that stay and the unkeyed ones created during it, on the day of the move', () => {
    const plan = planTaskLifecycle(read.tasks, read.keys, [
      change({ from: MEETING, fromEntered: [day(11, 1)], to: stage(LOST), day: day(11, 15) }),
    ]);
    // Rows 3, 4, 5 are keyed 2023-11-01 and not Done; row 6 has no key and was created on 11-05.
    // Row 2 is Done; 7 predates the stay; 8 is of the 09-01 stay; 9 another stage; 10 another deal; 11 closed.
    expect([...plan.close]).toEqual([
      [3, day(11, 15)],
      [4, day(11, 15)],
      [5, day(11, 15)],
      [6, day(11, 15)],
    ]);
    expect(plan.add).toEqual([]); // 실주 has no tasks
  });

  it('names the stay by either record when a person edited one of them', () => {
    // Stage entered was retyped as 11-10; the history still says 11-01: the 11-01 keys are that stay's.
    const plan = planTaskLifecycle(read.tasks, read.keys, [
      change({ from: MEETING, fromEntered: [day(11, 10), day(11, 1)], to: stage(LOST), day: day(11, 15) }),
    ]);
    expect([...plan.close.keys()]).toEqual([3, 4, 5, 6]);
  });

  it('closes every open task of the stage left when neither record says when the stay began', () => {
    const plan = planTaskLifecycle(read.tasks, read.keys, [
      change({ from: MEETING, fromEntered: [], to: stage(LOST), day: day(11, 15) }),
    ]);
    // Rows 3–8 are D-1's open 미팅 약속 완료 tasks, whichever stay; 9, 10, 11 and the Done row 2 are not.
    expect([...plan.close.keys()]).toEqual([3, 4, 5, 6, 7, 8]);
  });

  it('closes nothing for a new deal, and a Closed task is no longer open', () => {
    const plan = planTaskLifecycle(read.tasks, read.keys, [change({ to: stage(LOST), day: day(11, 15) })]);
    expect(plan.close.size).toBe(0);
    const closed = read.tasks.find((t) => t.taskId === 'T-10');
    expect(closed?.closed).toBe(day(11, 3));
    expect(closed && isOpenTask(closed)).toBe(false);
    expect(read.tasks.filter(isOpenTask).map((t) => t.taskId)).toEqual([
      'T-2',
      'T-3',
      'T-4',
      'T-5',
      'T-6',
      'T-7',
      'T-8',
      'T-9',
    ]);
  });
});

describe('entering a stage the deal was in before', () => {
  // D-1 was in 온보딩 교육 중 twice: from 10-01 (both criteria Done) and from 11-01 (only 교육 세션 완료 Done).
  const read = tasksOf([
    row({ id: 'T-1', task: '교육 세션 완료', stage: ONBOARDING, done: true, stay: '2023-10-01' }),
    row({ id: 'T-2', task: '보안 검토 통과', stage: ONBOARDING, done: true, stay: '2023-10-01' }),
    row({
      id: 'T-3',
      task: '교육 일정 메일',
      stage: ONBOARDING,
      done: true,
      source: 'entry',
      stay: '2023-10-01',
    }),
    row({ id: 'T-4', task: '교육 세션 완료', stage: ONBOARDING, done: true, stay: '2023-11-01' }),
    row({ id: 'T-5', task: '보안 검토 통과', stage: ONBOARDING, stay: '2023-11-01', closed: '2023-11-10' }),
    row({
      id: 'T-6',
      task: '교육 일정 메일',
      stage: ONBOARDING,
      done: true,
      source: 'entry',
      stay: '2023-11-01',
    }),
    // Another deal's Done criterion says nothing about D-1.
    row({
      id: 'T-7',
      task: '보안 검토 통과',
      deal: 'D-2',
      stage: ONBOARDING,
      done: true,
      stay: '2023-11-05',
    }),
  ]);

  it('starts a criterion Done when it was Done in the most recent earlier stay; entry tasks start afresh', () => {
    const plan = planTaskLifecycle(read.tasks, read.keys, [
      change({ from: MEETING, fromEntered: [day(11, 10)], to: stage(ONBOARDING), day: day(11, 15) }),
    ]);
    // The 11-01 stay is the most recent: 교육 세션 완료 Done there, 보안 검토 통과 not (Done only in the
    // older 10-01 stay, which does not count). 교육 일정 메일 was Done in both stays: an entry task, fresh.
    expect(plan.add.map((t) => [t.key, t.source, t.done, t.closed])).toEqual([
      ['D-1|온보딩 교육 중|2023-11-15|교육 세션 완료', 'exit', true, undefined],
      ['D-1|온보딩 교육 중|2023-11-15|보안 검토 통과', 'exit', false, undefined],
      ['D-1|온보딩 교육 중|2023-11-15|교육 일정 메일', 'entry', false, undefined],
    ]);
    expect(plan.add.every((t) => t.dealId === 'D-1' && t.owner === 'kim@example.com')).toBe(true);
  });

  it('keys a second and third stay on the same day #2 and #3, carrying over from the latest of them', () => {
    // Entered 11-15 (#1: both criteria ticked since), left for 실주, reopened the same day.
    const sameDayRows = [
      row({ id: 'T-1', task: '교육 세션 완료', stage: ONBOARDING, done: true, stay: '2023-11-15' }),
      row({ id: 'T-2', task: '보안 검토 통과', stage: ONBOARDING, done: true, stay: '2023-11-15' }),
      row({
        id: 'T-3',
        task: '교육 일정 메일',
        stage: ONBOARDING,
        source: 'entry',
        stay: '2023-11-15',
        closed: '2023-11-15',
      }),
    ];
    const sameDay = tasksOf(sameDayRows);
    const reopen = change({
      from: LOST,
      fromEntered: [day(11, 15)],
      to: stage(ONBOARDING),
      day: day(11, 15),
    });
    const second = planTaskLifecycle(sameDay.tasks, sameDay.keys, [reopen]);
    expect(second.add.map((t) => [t.key, t.done])).toEqual([
      ['D-1|온보딩 교육 중|2023-11-15#2|교육 세션 완료', true],
      ['D-1|온보딩 교육 중|2023-11-15#2|보안 검토 통과', true],
      ['D-1|온보딩 교육 중|2023-11-15#2|교육 일정 메일', false],
    ]);
    // #2's tasks written, 보안 검토 통과 unticked in it, then lost and reopened again that day: #3, from #2.
    const third = tasksOf([
      ...sameDayRows,
      row({ id: 'T-4', task: '교육 세션 완료', stage: ONBOARDING, done: true, stay: '2023-11-15#2' }),
      row({
        id: 'T-5',
        task: '보안 검토 통과',
        stage: ONBOARDING,
        stay: '2023-11-15#2',
        closed: '2023-11-15',
      }),
    ]);
    expect(planTaskLifecycle(third.tasks, third.keys, [reopen]).add.map((t) => [t.key, t.done])).toEqual([
      ['D-1|온보딩 교육 중|2023-11-15#3|교육 세션 완료', true],
      ['D-1|온보딩 교육 중|2023-11-15#3|보안 검토 통과', false],
      ['D-1|온보딩 교육 중|2023-11-15#3|교육 일정 메일', false],
    ]);
  });

  it('never reuses a key the sheet has, even on a row that could not be read', () => {
    // A row with a bad Done cell is not a task, but its key is taken: the stay goes to #2.
    const read2 = readTasks(
      [
        HEADER,
        row({ id: 'T-1', task: '교육 세션 완료', stage: ONBOARDING, done: 'maybe', stay: '2023-11-15' }),
      ],
      { zone },
    );
    expect(read2.tasks).toEqual([]);
    const plan = planTaskLifecycle(read2.tasks, read2.keys, [
      change({ from: MEETING, fromEntered: [day(11, 1)], to: stage(ONBOARDING), day: day(11, 15) }),
    ]);
    expect(plan.add.map((t) => t.key)).toEqual([
      'D-1|온보딩 교육 중|2023-11-15#2|교육 세션 완료',
      'D-1|온보딩 교육 중|2023-11-15#2|보안 검토 통과',
      'D-1|온보딩 교육 중|2023-11-15#2|교육 일정 메일',
    ]);
  });
});

describe('a batch that changes the same deal twice', () => {
  it('closes the tasks of a stay that began and ended within it, and ignores a repeated row', () => {
    const none = tasksOf([]);
    const plan = planTaskLifecycle(none.tasks, none.keys, [
      change({ from: '', to: stage(MEETING), day: day(11, 14) }),
      change({ from: '', to: stage(MEETING), day: day(11, 14) }), // the same row again: no second stay
      change({ from: MEETING, fromEntered: [day(11, 14)], to: stage(ONBOARDING), day: day(11, 15) }),
    ]);
    // 미팅 약속 완료: 2 criteria + 2 entry tasks, all Closed on 11-15; 온보딩 교육 중: 2 + 1, open.
    expect(plan.add.map((t) => [t.task, t.closed])).toEqual([
      ['고객 니즈 확인', day(11, 15)],
      ['의사결정자 파악', day(11, 15)],
      ['회사 소개서 발송', day(11, 15)],
      ['감사 메일', day(11, 15)],
      ['교육 세션 완료', undefined],
      ['보안 검토 통과', undefined],
      ['교육 일정 메일', undefined],
    ]);
    expect(plan.close.size).toBe(0);
  });

  it('creates nothing for a deal first seen in its stage', () => {
    const none = tasksOf([]);
    const plan = planTaskLifecycle(none.tasks, none.keys, [
      change({ to: stage(MEETING), day: day(11, 1), withTasks: false }),
    ]);
    expect(plan.add).toEqual([]);
  });
});

describe('the checklist of the current stay', () => {
  it('shows the current stay only: the latest #n of its day, never a Closed task', () => {
    const deals = readDeals(
      [
        ['딜 ID', '금액', '단계', '단계 진입일'],
        ['D-1', 100, ONBOARDING, '2023-11-15'],
      ],
      pipeline,
      { zone },
    );
    const deal = deals.deals[0];
    if (!deal) throw new Error(JSON.stringify(deals.problems));
    const read = tasksOf([
      // The first stay of 11-15: 교육 세션 완료 Done (Done tasks are never closed), 보안 검토 통과 closed open.
      /* row 2 */ row({
        id: 'T-1',
        task: '교육 세션 완료',
        stage: ONBOARDING,
        done: true,
        stay: '2023-11-15',
      }),
      /* row 3 */ row({
        id: 'T-2',
        task: '보안 검토 통과',
        stage: ONBOARDING,
        stay: '2023-11-15',
        closed: '2023-11-15',
      }),
      /* row 4 */ row({
        id: 'T-3',
        task: '손으로 넣은 필수',
        stage: ONBOARDING,
        source: 'manual',
        required: true,
        stay: '2023-11-15',
        closed: '2023-11-15',
      }),
      // The second stay of 11-15 (the current one).
      /* row 5 */ row({ id: 'T-4', task: '교육 세션 완료', stage: ONBOARDING, stay: '2023-11-15#2' }),
      /* row 6 */ row({
        id: 'T-5',
        task: '보안 검토 통과',
        stage: ONBOARDING,
        done: true,
        stay: '2023-11-15#2',
      }),
    ]);
    const check = exitCheck(deal, day(11, 15), read.tasks, deals.table);
    // Rows 5 and 6, not the first stay's 2 and 3; the closed Required row 4 holds nothing.
    expect(check.checklist).toEqual([
      { criterion: '교육 세션 완료', done: false, taskRow: 5 },
      { criterion: '보안 검토 통과', done: true, taskRow: 6 },
    ]);
    expect(check.missing).toEqual(['교육 세션 완료']);
  });
});
