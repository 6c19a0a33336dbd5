/**
 * Speed in Sheets is service calls: a daily run must cost the same number of
 * round trips for a team with 100 deals as for one with 20,000 (each table
 * read once, Health written with one setValues, new tasks with one setValues).
 * Measured on generated pipelines with the same mix of deals at both sizes.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { seoul } from '../support/seoul';
import { generatePipeline, OWNERS } from './generate';
import { click, fireDailyTrigger, openSpreadsheet, saveSettings, settingsState } from './harness';

const MANAGER = 'manager@example.com';

interface Run {
  total: number;
  byMethod: Record<string, number>;
  tasksCreated: number;
  recipients: string[];
  ms: number;
}

interface Measured {
  /** First run of the day: Health for every flagged deal, review tasks, digests. */
  first: Run;
  /** Again the same day: nothing to write. */
  second: Run;
  /** The next day, with the Tasks sheet full to its last row: the sheet must grow. */
  nextDayFull: Run;
}

function measure(count: number): Measured {
  const { deals, history } = generatePipeline(count, seoul(2023, 11, 15));
  const h = openSpreadsheet({
    now: seoul(2023, 11, 15, 9),
    sheets: { Deals: deals, 'Stage history': history },
  });
  click(h, 'setupPipeline');
  click(h, 'toggleDailyChecks');
  saveSettings(h, { notifications: true, managerEmail: MANAGER });

  const run = (): Run => {
    const mailBefore = h.standIn.sentMail.length;
    h.standIn.calls.reset();
    const started = Date.now();
    fireDailyTrigger(h);
    const ms = Date.now() - started;
    const total = h.standIn.calls.total();
    const byMethod = h.standIn.calls.byMethod();
    return {
      total,
      byMethod,
      ms,
      tasksCreated: settingsState(h).lastRun?.tasksCreated ?? -1,
      recipients: h.standIn.sentMail
        .slice(mailBefore)
        .map((m) => m.to)
        .sort(),
    };
  };

  const first = run();
  h.standIn.advanceTime(2 * 3_600_000);
  const second = run();

  // The person deletes the empty rows under the task list, so tomorrow's tasks need new rows.
  const tasks = h.standIn.spreadsheet.getSheetByName('Tasks');
  if (!tasks) throw new Error('no Tasks sheet');
  tasks.deleteRows(tasks.getLastRow() + 1, tasks.getMaxRows() - tasks.getLastRow());
  h.standIn.setNow(seoul(2023, 11, 16, 9));
  const nextDayFull = run();
  return { first, second, nextDayFull };
}

const sizes: Record<number, Measured> = {};

beforeAll(() => {
  for (const count of [100, 20_000]) sizes[count] = measure(count);
  const line = (name: keyof Measured) =>
    `${name}: ${sizes[100]?.[name].total} calls at 100 deals, ${sizes[20_000]?.[name].total} at 20,000 (${sizes[20_000]?.[name].ms} ms)`;
  console.log(
    ['Service calls of a daily run', line('first'), line('second'), line('nextDayFull')].join('\n'),
  );
}, 60_000);

function both(name: keyof Measured): [Run, Run] {
  const small = sizes[100]?.[name];
  const large = sizes[20_000]?.[name];
  if (!small || !large) throw new Error('not measured');
  return [small, large];
}

describe('service calls of a daily run, 100 vs 20,000 deals', () => {
  test('the mix is the same at both sizes: 4% stale, every owner and the manager get a digest', () => {
    const [small, large] = both('first');
    expect(small.tasksCreated).toBe(4);
    expect(large.tasksCreated).toBe(800);
    expect(small.recipients).toEqual([...OWNERS, MANAGER].sort());
    expect(large.recipients).toEqual(small.recipients);
  });

  test('first run: the same number of calls, each table read once, two writes', () => {
    const [small, large] = both('first');
    expect(large.total).toBe(small.total);
    expect(large.byMethod).toEqual(small.byMethod);
    // Each table in one call, Stage history too: it tells which stage changes were never logged.
    expect(small.byMethod['Sheet.getSheetValues']).toBe(4);
    expect(small.byMethod['Range.setValues']).toBe(2);
    expect(small.byMethod['MailApp.sendEmail']).toBe(OWNERS.length + 1);
  });

  test('second run the same day: the same (smaller) number of calls, and no writes to the sheets', () => {
    const [small, large] = both('second');
    expect(large.total).toBe(small.total);
    expect(large.byMethod).toEqual(small.byMethod);
    expect(small.byMethod['Range.setValues']).toBeUndefined();
    expect(small.total).toBeLessThan(both('first')[0].total);
  });

  test('next day with a full Tasks sheet: growing it is one call at either size', () => {
    const [small, large] = both('nextDayFull');
    expect(small.tasksCreated).toBe(4);
    expect(large.tasksCreated).toBe(800);
    expect(large.total).toBe(small.total);
    expect(large.byMethod).toEqual(small.byMethod);
    expect(small.byMethod['Sheet.insertRowsAfter']).toBe(1);
    expect(small.total).toBe(both('first')[0].total + 1);
  });
});
