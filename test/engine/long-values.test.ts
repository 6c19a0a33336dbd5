/**
 * A cell holds up to 50,000 characters. A bad one is named by its first 100
 * characters, "…" and its length, in every Health text, problem, report line
 * and custom-function error: never repeated whole.
 */
import { describe, expect, it } from 'vitest';
import { forecastRangeOf, forecastWeighted, winRateOf } from '../../src/addon/custom-functions';
import { describeProblem, MAX_QUOTED_CHARACTERS, shortText } from '../../src/engine/problems';
import { checkPipeline, reportJson } from '../../src/engine/report';
import { readPipeline } from '../../src/engine/stages';
import { cellTexts } from '../../src/engine/texts';
import { Zone } from '../../src/engine/zone';

const seoul = new Zone('Asia/Seoul');
const HUGE = `TBD ${'x'.repeat(49_996)}`; // 50,000 characters
const CUT = `TBD ${'x'.repeat(96)}… (50,000 characters)`;
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

  it('gives a Health text of a line, in English and Korean', () => {
    const check = checkPipeline(
      { stages: STAGES, deals, history: HISTORY },
      { zone: seoul, today: Date.UTC(2023, 10, 1) / 86_400_000 },
    );
    expect(check.health.get(2)).toBe(`Bad value: Amount is not an amount ('${CUT}')`);
    expect((check.health.get(3) as string).length).toBeLessThan(250);
    const ko = cellTexts('ko').problem(check.problems[0] as never);
    expect(ko).toBe(`입력 오류: Amount '${CUT}' 금액으로 읽을 수 없습니다`);
  });

  it('is shortened in the report problems and their one-line description', () => {
    const options = { zone: seoul, today: Date.UTC(2023, 10, 1) / 86_400_000 };
    const report = reportJson(checkPipeline({ stages: STAGES, deals, history: HISTORY }, options), options);
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

  it('an unknown time zone', () => {
    expect(() => new Zone(HUGE)).toThrow(`Unknown time zone '${CUT}'. Use an IANA name such as Asia/Seoul.`);
  });
});
