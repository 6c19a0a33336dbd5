/**
 * A cell holds up to 50,000 characters. A bad one is named by its first 100
 * characters, "…" and its length, in every Health text, problem, report line
 * and custom-function error: never repeated whole.
 */
import { describe, expect, it } from 'vitest';
import { forecastRangeOf, forecastWeighted, winRateOf } from '../../src/addon/functions/custom-functions';
import { reportJson } from '../../src/cli/report-json';
import {
  describeProblem,
  MAX_QUOTED_CHARACTERS,
  PipelineError,
  type Problem,
  problemsMessage,
  quoted,
  shortText,
} from '../../src/engine/problems';
import { buildReport } from '../../src/engine/report';
import { Zone } from '../../src/engine/zone';
import { CUT, HUGE } from '../support/engine/long-text';

const seoul = new Zone('Asia/Seoul');
const STAGES = [
  ['Stage', 'Probability'],
  ['A', '50%'],
  ['Won', '100%'],
];
const HISTORY = [['When', 'Deal ID', 'From stage', 'To stage']];

describe('shortText', () => {
  it('keeps up to 100 characters, else cuts to 100 with … and the full length', () => {
    expect(MAX_QUOTED_CHARACTERS).toBe(100);
    expect(shortText('x'.repeat(100))).toBe('x'.repeat(100));
    expect(shortText(HUGE)).toBe(CUT);
    expect(shortText(shortText(HUGE))).toBe(CUT);
  });

  it('counts characters, so Korean and emoji are never cut in half', () => {
    const emoji = '😀'.repeat(150);
    expect(shortText(emoji)).toBe(`${'😀'.repeat(100)}… (150 characters)`);
    expect(shortText('가'.repeat(101))).toBe(`${'가'.repeat(100)}… (101 characters)`);
  });
});

describe('a 50,000-character bad cell', () => {
  const deals = [
    ['Deal ID', 'Amount', 'Stage', 'Expected close'],
    ['D-1', HUGE, 'A', '2023-11-15'],
    ['D-2', 100, 'A', HUGE],
  ];

  it('is shortened in the report problems and their one-line description', () => {
    const options = { zone: seoul, today: Date.UTC(2023, 10, 1) / 86_400_000 };
    const report = reportJson(buildReport({ stages: STAGES, deals, history: HISTORY }, options), options);
    expect(report.problems.map((p) => p.value)).toEqual([CUT, CUT]);
    for (const p of report.problems) expect(describeProblem(p).length).toBeLessThan(250);
    // Built by hand with the whole value, the description still cuts it.
    expect(
      describeProblem({ table: 'Deals', row: 2, column: 'Amount', value: HUGE, message: 'Amount is bad' }),
    ).toBe(`Deals row 2, column Amount '${CUT}': Amount is bad`);
  });

  it('gives a custom-function error tooltip of a few hundred characters', () => {
    let message = '';
    try {
      forecastWeighted(deals, STAGES, undefined, 'Asia/Seoul');
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toContain(`Deals row 2, column Amount '${CUT}': Amount is not an amount`);
    expect(message.length).toBeLessThan(500);
  });
});

describe('messages that quote an argument or a name cut it too', () => {
  const deals = [
    ['Amount', 'Stage', 'Expected close'],
    [100, 'A', '2023-11-15'],
  ];
  const errorOf = (f: () => unknown): string => {
    try {
      f();
    } catch (e) {
      return (e as Error).message;
    }
    throw new Error('expected an error');
  };

  it('a month, trials or stage argument', () => {
    const month = errorOf(() => forecastWeighted(deals, STAGES, HUGE, 'Asia/Seoul'));
    expect(month).toBe(`month '${CUT}' is not a month; use a date or text such as 2023-11.`);
    const trials = errorOf(() => forecastRangeOf(deals, STAGES, '2023-11', HUGE, 'Asia/Seoul'));
    expect(trials).toBe(`trials must be a whole number from 1 to 100000, not '${CUT}'.`);
    const stage = errorOf(() => winRateOf(HISTORY, STAGES, HUGE, undefined, 'Asia/Seoul'));
    expect(stage).toBe(`There is no stage '${CUT}' in Stages (stages: A, Won).`);
  });
});

describe('how messages name values and problems', () => {
  it('quotes a value as Sheets shows it: text in quotes, TRUE, a Date’s instant, a range as such', () => {
    expect(quoted('TBD')).toBe("'TBD'");
    expect(quoted(42)).toBe("'42'");
    expect(quoted(true)).toBe('TRUE');
    expect(quoted(false)).toBe('FALSE');
    expect(quoted(new Date(Date.UTC(2023, 10, 1)))).toBe("'2023-11-01T00:00:00.000Z'");
    expect(quoted(new Date(Number.NaN))).toBe('Invalid Date');
    expect(quoted([['a', 'b']])).toBe('a range of cells');
    expect(quoted(null)).toBe("''");
  });

  it('describes a problem on one line, without quotes when the cell was blank', () => {
    const p: Problem = {
      table: 'Deals',
      row: 7,
      column: 'Amount',
      value: 'TBD',
      message: 'Amount is not an amount',
    };
    expect(describeProblem(p)).toBe("Deals row 7, column Amount 'TBD': Amount is not an amount");
    expect(describeProblem({ ...p, value: '', message: 'Amount is blank' })).toBe(
      'Deals row 7, column Amount: Amount is blank',
    );
  });

  it('a custom function’s error lists the first three problems, then how many more', () => {
    const p = (row: number): Problem => ({
      table: 'Deals',
      row,
      column: 'Amount',
      value: '',
      message: 'Amount is bad',
    });
    const one = 'Deals row 2, column Amount: Amount is bad';
    expect(problemsMessage([p(2)])).toBe(one);
    expect(problemsMessage([p(2), p(3), p(4)])).toBe(
      `${one}; Deals row 3, column Amount: Amount is bad; Deals row 4, column Amount: Amount is bad`,
    );
    expect(problemsMessage([p(2), p(3), p(4), p(5), p(6)])).toMatch(
      /row 4, column Amount: Amount is bad; and 2 more$/,
    );
    expect(problemsMessage([p(2), p(3)], 1)).toBe(`${one}; and 1 more`);
  });

  it('a PipelineError is an Error by that name, its message shown as is', () => {
    const e = new PipelineError('Deals is empty.');
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe('PipelineError');
    expect(e.message).toBe('Deals is empty.');
  });
});
