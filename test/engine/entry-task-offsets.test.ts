/**
 * An entry task due absurdly far out (`(+100000000d)`) used to throw only when
 * the add-on wrote the task, after other writes. Now the Stages row is a
 * problem when Stages is read, like a bad Stale after value: listed with the
 * stage, the column and the value, and deals in that stage are refused with a
 * pointer to the row.
 */
import { describe, expect, it } from 'vitest';
import { forecastWeighted } from '../../src/addon/custom-functions';
import { PipelineError } from '../../src/engine/problems';
import { checkPipeline } from '../../src/engine/report';
import { MAX_ENTRY_TASK_OFFSET_DAYS, readPipeline } from '../../src/engine/stages';
import { stageEntryTasks } from '../../src/engine/tasks';
import { Zone } from '../../src/engine/zone';

const seoul = new Zone('Asia/Seoul');
const TASKS = 'Send the deck (+3d)\nCall back (+100000000d)';
const STAGES = [
  ['Stage', 'Probability', 'Stale after (days)', 'Entry tasks'],
  ['Meeting', '20%', 14, 'Agenda (+1d)'],
  ['Demo', '40%', 14, TASKS],
  ['Proposal', '60%', 14, `Follow up (+${MAX_ENTRY_TASK_OFFSET_DAYS}d)`],
  ['Won', '100%', '', ''],
];

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
    const check = checkPipeline(
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
