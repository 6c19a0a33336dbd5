import { describe, expect, it } from 'vitest';
import { readDeals } from '../../src/engine/deals';
import { assessHealth } from '../../src/engine/health';
import { readPipeline } from '../../src/engine/stages';
import {
  newTasks,
  type PlannedTask,
  readTasks,
  STALE_KEY_SUFFIX,
  stageEntryTasks,
  staleReviewTasks,
  taskKey,
} from '../../src/engine/tasks';
import { localOf, Zone } from '../../src/engine/zone';

const STAGES = [
  ['단계', '수주 성공 확률', '정체 기준일', '결과', '완료 조건', '자동 생성 할일'],
  ['미팅 약속 완료', '10%', 14, '', '니즈 확인\n의사결정자 파악', '회사 소개서 발송\n미팅 안건 공유 (+3d)'],
  ['온보딩 교육 중', '70%', 14, '', '', ''],
  ['최종 결정 및 계약 싸인 완료', '100%', '', '수주', '', ''],
];

describe('tasks on entering a stage', () => {
  it('gives one Required task per exit criterion and one task per entry task, due as written', () => {
    const [meeting] = readPipeline(STAGES).stages;
    if (!meeting) throw new Error('no stage');
    const day = localOf(2023, 11, 1) / 86_400_000;
    const tasks = stageEntryTasks({ id: 'D-9', owner: 'a@example.com' }, meeting, day);
    expect(tasks.map((t) => [t.task, t.source, t.required, t.due - day, t.key])).toEqual([
      ['니즈 확인', 'exit', true, 0, 'D-9|미팅 약속 완료|2023-11-01|니즈 확인'],
      ['의사결정자 파악', 'exit', true, 0, 'D-9|미팅 약속 완료|2023-11-01|의사결정자 파악'],
      ['회사 소개서 발송', 'entry', false, 0, 'D-9|미팅 약속 완료|2023-11-01|회사 소개서 발송'],
      ['미팅 안건 공유', 'entry', false, 3, 'D-9|미팅 약속 완료|2023-11-01|미팅 안건 공유'],
    ]);
  });
});

const DAY_MS = 86_400_000;
const zone = new Zone('Asia/Seoul');

describe('task keys', () => {
  it('are deal, stage, the day the stay began and the task, so a rerun of the same stay adds nothing', () => {
    const day = localOf(2023, 11, 1) / DAY_MS;
    expect(taskKey('D-1', '미팅 약속 완료', day, '니즈 확인')).toBe(
      'D-1|미팅 약속 완료|2023-11-01|니즈 확인',
    );
    expect(taskKey('D-1', 'Demo', day, STALE_KEY_SUFFIX)).toBe('D-1|Demo|2023-11-01|stale');
  });

  it('keep out the tasks the sheet already has, and a task planned twice in one run', () => {
    const task = (key: string): PlannedTask => ({
      dealId: 'D-1',
      task: key,
      due: 0,
      owner: '',
      source: 'entry',
      required: false,
      stage: 'A',
      key,
    });
    const planned = [task('k1'), task('k2'), task('k1'), task('k3')];
    expect(newTasks(planned, new Set(['k2'])).map((t) => t.key)).toEqual(['k1', 'k3']);
  });
});

describe('stale review tasks', () => {
  it('one per stale deal with a Deal ID, due today, for its owner, in the sheet’s language', () => {
    const pipeline = readPipeline([
      ['Stage', 'Probability', 'Stale after (days)'],
      ['Demo', '30%', 14],
    ]);
    const deals = readDeals(
      [
        ['Deal ID', 'Owner', 'Amount', 'Stage', 'Stage entered'],
        ['D-1', 'kim@example.com', 100, 'Demo', '2023-10-01'],
        ['', 'lee@example.com', 100, 'Demo', '2023-10-01'],
      ],
      pipeline,
      { zone },
    ).deals;
    const today = localOf(2023, 11, 15) / DAY_MS;
    const stale = assessHealth(deals, new Map(), today).stale;
    expect(stale).toHaveLength(2);
    expect(staleReviewTasks(stale, today, 'en')).toEqual([
      {
        dealId: 'D-1',
        task: 'Review stale deal: 14+ days in Demo',
        due: today,
        owner: 'kim@example.com',
        source: 'stale',
        required: false,
        stage: 'Demo',
        key: 'D-1|Demo|2023-10-01|stale',
      },
    ]);
    expect(staleReviewTasks(stale, today, 'ko').map((t) => t.task)).toEqual([
      '정체 딜 검토: Demo 14일 이상 머무름',
    ]);
  });
});

describe('reading Tasks', () => {
  it('reads ticks as people type them, a blank Source as manual, and Due as a Seoul day', () => {
    const read = readTasks(
      [
        ['Task ID', 'Deal ID', 'Task', 'Due', 'Done', 'Required', 'Source', 'Key'],
        ['T-1', 'D-1', 'Call', '2023-11-20', 'x', '', '', ''],
        ['T-2', 'D-1', 'Send deck', '', '완료', 'TRUE', 'exit', 'D-1|Demo|2023-11-01|Send deck'],
      ],
      { zone },
    );
    expect(read.problems).toEqual([]);
    expect(read.tasks.map((t) => [t.row, t.taskId, t.due, t.done, t.required, t.source, t.key])).toEqual([
      [2, 'T-1', localOf(2023, 11, 20) / DAY_MS, true, false, 'manual', ''],
      [3, 'T-2', null, true, true, 'exit', 'D-1|Demo|2023-11-01|Send deck'],
    ]);
  });

  it('lists a row it cannot read, but still remembers its key: that task exists', () => {
    const read = readTasks(
      [
        ['Deal ID', 'Task', 'Done', 'Source', 'Key'],
        ['D-1', 'Call', 'maybe', 'entry', 'D-1|A|2023-11-01|Call'],
        ['D-1', 'Mail', '', 'robot', 'D-1|A|2023-11-01|Mail'],
      ],
      { zone },
    );
    expect(read.tasks).toEqual([]);
    expect(read.problems.map((p) => [p.row, p.message])).toEqual([
      [2, 'Done is not TRUE or FALSE'],
      [3, 'Source is not one of entry, exit, stale, manual'],
    ]);
    expect([...read.keys]).toEqual(['D-1|A|2023-11-01|Call', 'D-1|A|2023-11-01|Mail']);
  });
});
