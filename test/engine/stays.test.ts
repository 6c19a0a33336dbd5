import { describe, expect, it } from 'vitest';
import { changesByDeal, type StageChange } from '../../src/engine/history';
import { readPipeline, requireStage } from '../../src/engine/stages';
import { effectiveChanges, lostOutcome, RUNNING, readStays, wonOutcome } from '../../src/engine/stays';
import { DAY_MS } from '../../src/engine/zone';

// Three open stages; outcome codes S1 = 0, S2 = 1, S3 = 2, won = 3, lost = 4, running = −1.
const pipeline = readPipeline([
  ['Stage', 'Probability', 'Outcome'],
  ['S1', '10%', ''],
  ['S2', '40%', ''],
  ['S3', '70%', ''],
  ['Won', '100%', 'won'],
  ['Lost', '0%', 'lost'],
]);
const WON = 3;
const LOST = 4;

/** A history row at a wall-clock time in January 2024 (LocalTime is wall-clock ms), numbered in sheet order. */
function rowsOf(
  ...rows: [deal: string, day: number, time: string, from: string, to: string][]
): StageChange[] {
  return rows.map(([dealId, day, time, from, to], i) => {
    const [h, m] = time.split(':').map(Number) as [number, number];
    return {
      row: i + 2,
      when: Date.UTC(2024, 0, day, h, m),
      dealId,
      from: from === '' ? null : requireStage(pipeline, from),
      to: requireStage(pipeline, to),
      by: '',
      note: '',
    };
  });
}
const jan = (day: number) => Date.UTC(2024, 0, day) / DAY_MS;
const staysOf = (changes: StageChange[], asOf: number) => readStays(changes, pipeline, asOf);
const pathOf = (changes: StageChange[], asOf: number, deal: string) => {
  const p = staysOf(changes, asOf).deals.find((d) => d.dealId === deal);
  return p && { furthest: p.furthest, current: p.current.name };
};

describe('outcome codes', () => {
  it('number the open stages, then won, then lost', () => {
    expect([wonOutcome(3), lostOutcome(3), RUNNING]).toEqual([WON, LOST, -1]);
  });
});

describe('stays from history rows', () => {
  it('runs a stay from the row that opens it to the next row, in whole local calendar days', () => {
    // 1 Jan 23:59 → 2 Jan 00:01 is two minutes but one calendar day; 2 Jan → 9 Jan is 7.
    const log = rowsOf(
      ['A', 1, '23:59', '', 'S1'],
      ['A', 2, '00:01', 'S1', 'S2'],
      ['A', 9, '10:00', 'S2', 'Won'],
    );
    const { stages } = staysOf(log, jan(31));
    expect(stages.map((s) => [s.days, s.ends])).toEqual([
      [[1], [1]],
      [[7], [WON]],
      [[], []],
    ]);
    expect(pathOf(log, jan(31), 'A')).toEqual({ furthest: WON, current: 'Won' });
  });

  it('censors a stay still running at the as-of day at its length so far', () => {
    const log = rowsOf(['B', 3, '09:00', '', 'S1']);
    expect(staysOf(log, jan(10)).stages[0]).toEqual({ days: [7], ends: [RUNNING] });
    // On its first day a running stay is 0 days long.
    expect(staysOf(log, jan(3)).stages[0]).toEqual({ days: [0], ends: [RUNNING] });
  });

  it('ignores rows after the as-of day, so the stay they would end is running', () => {
    const log = rowsOf(
      ['C', 2, '09:00', '', 'S1'],
      ['C', 12, '09:00', 'S1', 'Lost'],
      ['D', 11, '09:00', '', 'S1'],
    );
    const read = staysOf(log, jan(10));
    expect(read.stages[0]).toEqual({ days: [8], ends: [RUNNING] });
    // D's only row is after as-of: D is not a deal yet. C is still open in S1.
    expect(read.deals.map((d) => [d.dealId, d.current.name])).toEqual([['C', 'S1']]);
    // A row on the as-of day itself counts.
    expect(staysOf(log, jan(12)).stages[0]).toEqual({ days: [10, 1], ends: [LOST, RUNNING] });
  });

  it('records a skip as the stage skipped to; the skipped stage has no stay', () => {
    const log = rowsOf(['E', 1, '09:00', '', 'S1'], ['E', 4, '09:00', 'S1', 'S3']);
    const { stages } = staysOf(log, jan(6));
    expect(stages.map((s) => [s.days, s.ends])).toEqual([
      [[3], [2]],
      [[], []],
      [[2], [RUNNING]],
    ]);
    expect(pathOf(log, jan(6), 'E')).toEqual({ furthest: 2, current: 'S3' });
  });

  it('records a move back as an outcome of the stay, and never lowers the furthest stage', () => {
    const log = rowsOf(
      ['F', 1, '09:00', '', 'S1'],
      ['F', 2, '09:00', 'S1', 'S3'],
      ['F', 5, '09:00', 'S3', 'S1'],
    );
    const { stages } = staysOf(log, jan(8));
    // S1: 1 day → S3, then a second stay of 3 days, running. S3: 3 days → back to S1 (code 0).
    expect(stages[0]).toEqual({ days: [1, 3], ends: [2, RUNNING] });
    expect(stages[2]).toEqual({ days: [3], ends: [0] });
    expect(pathOf(log, jan(8), 'F')).toEqual({ furthest: 2, current: 'S1' });
  });

  it('reopens a lost deal: the stay before ended lost, the deal is open again', () => {
    const log = rowsOf(
      ['G', 1, '09:00', '', 'S1'],
      ['G', 3, '09:00', 'S1', 'Lost'],
      ['G', 10, '09:00', 'Lost', 'S2'],
    );
    const { stages } = staysOf(log, jan(12));
    expect(stages[0]).toEqual({ days: [2], ends: [LOST] });
    expect(stages[1]).toEqual({ days: [2], ends: [RUNNING] });
    expect(pathOf(log, jan(12), 'G')).toEqual({ furthest: 1, current: 'S2' });
  });

  it('keeps a win as the outcome of the stay when the deal is lost afterwards', () => {
    const log = rowsOf(
      ['H', 1, '09:00', '', 'S3'],
      ['H', 10, '09:00', 'S3', 'Won'],
      ['H', 15, '09:00', 'Won', 'Lost'],
    );
    expect(staysOf(log, jan(20)).stages[2]).toEqual({ days: [9], ends: [WON] });
    // Entering a won stage passed every open stage, for good; the current stage is Lost.
    expect(pathOf(log, jan(20), 'H')).toEqual({ furthest: WON, current: 'Lost' });
  });

  it('counts a From stage as entered (a deal whose log starts mid-way)', () => {
    const log = rowsOf(['I', 1, '09:00', 'S2', 'S1']);
    expect(pathOf(log, jan(2), 'I')).toEqual({ furthest: 1, current: 'S1' });
  });
});

describe('rows that change nothing', () => {
  it('drops a repeated row, so it does not split a stay in two', () => {
    // The S1→S2 move logged twice at once, and again two days later: one S2 stay of 6 days.
    const log = rowsOf(
      ['J', 1, '09:00', '', 'S1'],
      ['J', 3, '09:00', 'S1', 'S2'],
      ['J', 3, '09:00', 'S1', 'S2'],
      ['J', 5, '09:00', 'S1', 'S2'],
      ['J', 9, '09:00', 'S2', 'Won'],
    );
    const { stages } = staysOf(log, jan(10));
    expect(stages[0]).toEqual({ days: [2], ends: [1] });
    expect(stages[1]).toEqual({ days: [6], ends: [WON] });
  });

  it('does not count the From of a row whose To is the current stage as entered', () => {
    const log = rowsOf(['K', 1, '09:00', '', 'S1'], ['K', 2, '09:00', 'S3', 'S1']);
    expect(pathOf(log, jan(5), 'K')).toEqual({ furthest: 0, current: 'S1' });
    expect(staysOf(log, jan(5)).stages[0]).toEqual({ days: [4], ends: [RUNNING] });
  });

  it('effectiveChanges keeps the first row and every real move', () => {
    const log = rowsOf(
      ['L', 1, '09:00', '', 'S1'],
      ['L', 2, '09:00', 'S1', 'S1'],
      ['L', 3, '09:00', 'S1', 'S2'],
      ['L', 4, '09:00', '', 'S2'],
      ['L', 5, '09:00', 'S2', 'S1'],
    );
    expect(effectiveChanges(log).map((c) => c.row)).toEqual([2, 4, 6]);
  });
});

describe('rows logged at the same When', () => {
  const order = (log: StageChange[]) =>
    changesByDeal(log)
      .get('x')
      ?.map((c) => c.row);

  it('come along the From → To chain, whatever the sheet order (rule 1: From is the stage so far)', () => {
    // Listed in reverse: S2→Won, S1→S2, ''→S1, all at one instant.
    const log = rowsOf(
      ['x', 5, '09:00', 'S2', 'Won'],
      ['x', 5, '09:00', 'S1', 'S2'],
      ['x', 5, '09:00', '', 'S1'],
    );
    expect(order(log)).toEqual([4, 3, 2]);
    const { stages, deals } = staysOf(log, jan(9));
    expect(stages.map((s) => [s.days, s.ends])).toEqual([
      [[0], [1]],
      [[0], [WON]],
      [[], []],
    ]);
    // Sheet order would have made it a deal now in S1; it is won.
    expect(deals[0]?.current.name).toBe('Won');
  });

  it('rule 2: else the first whose From is no other tied row’s To', () => {
    // In S1; at one instant S3→Won (listed first) and S2→S3. Neither From is S1, and S3 is the
    // other row's To, so S2→S3 comes first: S1 → S3 → Won.
    const log = rowsOf(
      ['x', 1, '09:00', '', 'S1'],
      ['x', 5, '09:00', 'S3', 'Won'],
      ['x', 5, '09:00', 'S2', 'S3'],
    );
    expect(order(log)).toEqual([2, 4, 3]);
    const { stages } = staysOf(log, jan(9));
    expect(stages[0]).toEqual({ days: [4], ends: [2] });
    expect(stages[2]).toEqual({ days: [0], ends: [WON] });
  });

  it('rule 3: else sheet order', () => {
    // In S1; S3→S2 and S2→S3 at one instant: each From is the other's To. Sheet order puts S3→S2
    // first; then S2→S3 follows by rule 1.
    const log = rowsOf(
      ['x', 1, '09:00', '', 'S1'],
      ['x', 5, '09:00', 'S3', 'S2'],
      ['x', 5, '09:00', 'S2', 'S3'],
    );
    expect(order(log)).toEqual([2, 3, 4]);
    expect(staysOf(log, jan(9)).stages.map((s) => s.ends)).toEqual([[1], [2], [RUNNING]]);
  });

  it('sort each deal by When first and keep deals apart', () => {
    const log = rowsOf(
      ['x', 9, '09:00', 'S2', 'Won'],
      ['y', 1, '09:00', '', 'S1'],
      ['x', 1, '09:00', '', 'S1'],
      ['x', 4, '09:00', 'S1', 'S2'],
    );
    expect([...changesByDeal(log)].map(([id, list]) => [id, list.map((c) => c.row)])).toEqual([
      ['x', [4, 5, 2]],
      ['y', [3]],
    ]);
  });
});

describe('stages outside the pipeline', () => {
  it('leaves out a row naming another pipeline’s open stage', () => {
    const two = readPipeline([
      ['Stage', 'Probability', 'Outcome', 'Pipeline'],
      ['Intro', '10%', '', 'New'],
      ['Won', '100%', 'won', 'New'],
      ['Trial', '30%', '', 'Renewal'],
      ['Won', '100%', 'won', 'Renewal'],
    ]);
    const fresh = two.of('New');
    const renewal = two.of('Renewal');
    if (!fresh || !renewal) throw new Error('both pipelines exist');
    const [intro] = fresh.open;
    const [trial] = renewal.open;
    if (!intro || !trial) throw new Error('both have an open stage');
    const at = (day: number) => Date.UTC(2024, 0, day, 9);
    const log: StageChange[] = [
      { row: 2, when: at(1), dealId: 'z', from: null, to: intro, by: '', note: '' },
      { row: 3, when: at(3), dealId: 'z', from: intro, to: trial, by: '', note: '' },
    ];
    expect(readStays(log, fresh, jan(5)).stages[0]).toEqual({ days: [4], ends: [RUNNING] });
  });
});
