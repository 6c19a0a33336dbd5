import { describe, expect, it } from 'vitest';
import { forecastWeighted, winRateOf } from '../../src/addon/functions/custom-functions';
import { PipelineError } from '../../src/engine/problems';
import { buildReport } from '../../src/engine/report';
import { MAX_ENTRY_TASK_OFFSET_DAYS, parseEntryTask, readPipeline } from '../../src/engine/stages';
import { stageEntryTasks } from '../../src/engine/tasks';
import { Zone } from '../../src/engine/zone';
import { CUT, HUGE } from '../support/engine/long-text';

const seoul = new Zone('Asia/Seoul');
const TASKS = 'Send the deck (+3d)\nCall back (+100000000d)';
const STAGES = [
  ['Stage', 'Probability', 'Stale after (days)', 'Entry tasks'],
  ['Meeting', '20%', 14, 'Agenda (+1d)'],
  ['Demo', '40%', 14, TASKS],
  ['Proposal', '60%', 14, `Follow up (+${MAX_ENTRY_TASK_OFFSET_DAYS}d)`],
  ['Won', '100%', '', ''],
];
const HISTORY = [['When', 'Deal ID', 'From stage', 'To stage']];

describe('reading tables by header', () => {
  it('finds columns in any order, any case, with spacing and punctuation ignored, in Korean or English', () => {
    const pipeline = readPipeline([
      [' 정체 기준일 ', 'STAGE', 'win-probability', 'Exit criteria', '자동 생성 할일', 'Required fields'],
      [
        14,
        '미팅 약속 완료',
        '10%',
        '- 니즈 확인\n- 의사결정자 파악\n',
        '회사 소개서 발송\n미팅 안건 공유 (+3d)',
        '금액, 수주 예정일',
      ],
      ['', 'Won', 1, '', '', ''],
    ]);
    expect(pipeline.problems).toEqual([]);
    const [meeting, won] = pipeline.stages;
    expect(meeting).toMatchObject({
      name: '미팅 약속 완료',
      probability: 0.1,
      staleAfter: 14,
      outcome: 'open',
      exitCriteria: ['니즈 확인', '의사결정자 파악'],
      entryTasks: [
        { title: '회사 소개서 발송', dueInDays: 0 },
        { title: '미팅 안건 공유', dueInDays: 3 },
      ],
      requiredFields: ['금액', '수주 예정일'],
    });
    // Without an Outcome column, 100% means won.
    expect(won?.outcome).toBe('won');
    expect(pipeline.find('  미팅   약속 완료 ')).toBe(meeting);
  });

  it('with an Outcome column, a blank outcome is open even at 100%', () => {
    const pipeline = readPipeline([
      ['Stage', 'Probability', 'Outcome'],
      ['Verbal yes', 1, ''],
      ['Signed', 1, '수주'],
      ['Gone', 0, '실주'],
    ]);
    expect(pipeline.stages.map((s) => s.outcome)).toEqual(['open', 'won', 'lost']);
  });
});

/*
 * An entry task due absurdly far out (`(+100000000d)`) used to throw only when
 * the add-on wrote the task, after other writes. Now the Stages row is a
 * problem when Stages is read, like a bad Stale after value: listed with the
 * stage, the column and the value, and deals in that stage are refused with a
 * pointer to the row.
 */
describe('entry task offsets beyond 10 years', () => {
  it('make the Stages row a problem naming the stage, column Entry tasks and the value', () => {
    expect(MAX_ENTRY_TASK_OFFSET_DAYS).toBe(3650);
    const pipeline = readPipeline(STAGES);
    expect(pipeline.problems).toEqual([
      {
        table: 'Stages',
        row: 3,
        column: 'Entry tasks',
        value: TASKS,
        message:
          "Entry tasks of stage 'Demo' has the task 'Call back' due 100,000,000 days after entry; " +
          'a task may be due at most 3650 days (10 years) after entry',
      },
    ]);
    // The stage is left out; the ones around it, at exactly 10 years too, are read.
    expect(pipeline.stages.map((s) => s.name)).toEqual(['Meeting', 'Proposal', 'Won']);
    expect(pipeline.find('Demo')).toBeUndefined();
    expect(pipeline.brokenRow('Demo')).toBe(3);
    const proposal = pipeline.find('Proposal');
    expect(proposal?.entryTasks).toEqual([{ title: 'Follow up', dueInDays: 3650 }]);
    expect(stageEntryTasks({ id: 'D-1', owner: '' }, proposal as never, 19_000)[0]?.due).toBe(22_650);
  });

  it('refuse deals in that stage with a pointer to the Stages row, and plan no task for them', () => {
    const check = buildReport(
      {
        stages: STAGES,
        deals: [
          ['Deal ID', 'Amount', 'Stage', 'Stage entered', 'Expected close'],
          ['D-1', 100, 'Demo', '2023-09-01', '2023-12-01'],
          ['D-2', 100, 'Meeting', '2023-09-01', '2023-12-01'],
        ],
        history: [['When', 'Deal ID', 'From stage', 'To stage']],
        tasks: [['Task ID', 'Deal ID', 'Task', 'Due', 'Source', 'Key']],
      },
      { zone: seoul, today: Date.UTC(2023, 10, 15) / 86_400_000 },
    );
    expect(check.deals.map((d) => d.id)).toEqual(['D-2']);
    expect(check.problems.map((p) => `${p.table} ${p.row} ${p.column}: ${p.message}`)).toEqual([
      "Stages 3 Entry tasks: Entry tasks of stage 'Demo' has the task 'Call back' due 100,000,000 days after entry; a task may be due at most 3650 days (10 years) after entry",
      'Deals 2 Stage: Stage names a stage whose Stages row 3 has a problem',
    ]);
    expect(check.health.get(2)).toBe(
      "Bad value: Stage names a stage whose Stages row 3 has a problem ('Demo')",
    );
    expect(check.tasks.map((t) => t.dealId)).toEqual(['D-2']);
  });

  it('are refused whatever their size, and named without spelling out a 400-digit number', () => {
    const pipeline = readPipeline([
      ['Stage', 'Probability', 'Entry tasks'],
      ['A', '20%', `Call (+${MAX_ENTRY_TASK_OFFSET_DAYS + 1}d)`],
      ['B', '20%', `Call (+${'9'.repeat(400)} days)`],
      ['C', '20%', 'Call (+0일)'],
    ]);
    expect(pipeline.problems.map((p) => p.row)).toEqual([2, 3]);
    expect(pipeline.problems[0]?.message).toContain('due 3,651 days after entry');
    expect(pipeline.problems[1]?.message).toContain('due more than a quadrillion days after entry');
    expect(pipeline.problems[1]?.value).toMatch(/… \(413 characters\)$/);
    expect(pipeline.stages.map((s) => s.name)).toEqual(['C']);
  });

  it('stop a custom function with the Stages row before it computes anything', () => {
    const call = () =>
      forecastWeighted(
        [
          ['Amount', 'Stage', 'Expected close'],
          [100, 'Meeting', '2023-12-01'],
        ],
        STAGES,
        undefined,
        'Asia/Seoul',
      );
    expect(call).toThrow(PipelineError);
    expect(call).toThrow(
      "Stages row 3, column Entry tasks 'Send the deck (+3d)\nCall back (+100000000d)': Entry tasks of stage 'Demo'",
    );
  });
});

describe('messages that quote an argument or a name cut it too', () => {
  const errorOf = (f: () => unknown): string => {
    try {
      f();
    } catch (e) {
      return (e as Error).message;
    }
    throw new Error('expected an error');
  };

  it('a stage name in a Stages problem, and the list of stages', () => {
    const pipeline = readPipeline([
      ['Stage', 'Probability'],
      [HUGE, 'lots'],
    ]);
    expect(pipeline.problems[0]?.message).toBe(
      `Probability of stage '${CUT}' is not a probability between 0% and 100%`,
    );
    const many = [
      ['Stage', 'Probability'],
      ...Array.from({ length: 500 }, (_, i) => [`S${i} ${HUGE}`, '10%']),
    ];
    const unknown = errorOf(() => winRateOf(HISTORY, many, 'Nowhere', undefined, 'Asia/Seoul'));
    expect(unknown).toMatch(
      /^There is no stage 'Nowhere' in Stages \(stages: S0 TBD x+… \(50,003 characters\), /,
    );
    expect(unknown).toMatch(/ and 480 more\)\.$/);
    expect(unknown.length).toBeLessThan(3000);
  });
});

describe('reading Stages', () => {
  it('without an Outcome column, 100% is won, 0% is lost and anything else is open', () => {
    const pipeline = readPipeline([
      ['Stage', 'Probability'],
      ['Lead', '0.5%'],
      ['Almost', '99%'],
      ['Signed', '100%'],
      ['Gone', 0],
    ]);
    expect(pipeline.problems).toEqual([]);
    expect(pipeline.stages.map((s) => [s.name, s.outcome, s.openIndex])).toEqual([
      ['Lead', 'open', 0],
      ['Almost', 'open', 1],
      ['Signed', 'won', -1],
      ['Gone', 'lost', -1],
    ]);
    expect(pipeline.open.map((s) => s.name)).toEqual(['Lead', 'Almost']);
  });

  it('reads Outcome words in English or Korean, in any case and spacing, and lists any other word', () => {
    const pipeline = readPipeline([
      ['Stage', 'Probability', 'Outcome'],
      ['A', '10%', 'Open'],
      ['B', '20%', '진행 중'],
      ['C', '100%', 'WON'],
      ['D', '0%', '실주'],
      ['E', '50%', 'maybe'],
    ]);
    expect(pipeline.stages.map((s) => s.outcome)).toEqual(['open', 'open', 'won', 'lost']);
    expect(pipeline.problems.map((p) => [p.row, p.value, p.message])).toEqual([
      [6, 'maybe', 'Outcome is not one of open, won (수주), lost (실주)'],
    ]);
    expect(pipeline.brokenRow('e')).toBe(6);
  });

  it('a stage listed twice is a problem; the first row is the stage', () => {
    const pipeline = readPipeline([
      ['Stage', 'Probability'],
      ['Demo', '30%'],
      [' DEMO ', '40%'],
    ]);
    expect(pipeline.problems.map((p) => [p.row, p.column, p.value, p.message])).toEqual([
      [3, 'Stage', ' DEMO ', 'Stage is listed twice; stage names must be unique'],
    ]);
    expect(pipeline.stages.map((s) => [s.name, s.row, s.probability])).toEqual([['Demo', 2, 0.3]]);
    expect(pipeline.find('demo')?.row).toBe(2);
    expect(pipeline.brokenRow('demo')).toBeUndefined();
  });

  it('won and lost stages are never stale, whatever Stale after says', () => {
    const pipeline = readPipeline([
      ['Stage', 'Probability', 'Stale after (days)', 'Outcome'],
      ['Open', '50%', '7일', ''],
      ['Won', '100%', 14, 'won'],
      ['Lost', '0%', 14, 'lost'],
    ]);
    expect(pipeline.stages.map((s) => s.staleAfter)).toEqual([7, null, null]);
  });

  it('a blank stage name and a bad Stale after are problems of their row', () => {
    const pipeline = readPipeline([
      ['Stage', 'Probability', 'Stale after (days)'],
      ['', '10%', ''],
      ['Slow', '10%', 'two weeks'],
    ]);
    expect(pipeline.problems.map((p) => [p.row, p.message])).toEqual([
      [2, 'Stage is blank; every stage needs a name'],
      [3, 'Stale after (days) is not a whole number of days'],
    ]);
    expect(pipeline.stages).toEqual([]);
  });

  it('reads an entry task’s (+N days) in English or Korean, and none as due on entry', () => {
    expect(parseEntryTask('Send the deck')).toEqual({ title: 'Send the deck', dueInDays: 0 });
    expect(parseEntryTask('Call back (+3d)')).toEqual({ title: 'Call back', dueInDays: 3 });
    expect(parseEntryTask('Review (+ 2 days)')).toEqual({ title: 'Review', dueInDays: 2 });
    expect(parseEntryTask('미팅 안건 공유 (+7일)')).toEqual({ title: '미팅 안건 공유', dueInDays: 7 });
  });
});
