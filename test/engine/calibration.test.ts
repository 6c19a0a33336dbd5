import { describe, expect, it } from 'vitest';
import { calibration } from '../../src/engine/calibration';
import { readPipeline } from '../../src/engine/stages';

const estimate = (winRate: number | null, low: number | null, high: number | null) => ({
  winRate,
  winRateLow: low,
  winRateHigh: high,
  closed: 12,
  stays: 20,
  running: 5,
  suggestedStaleAfter: 30,
});

describe('calibration: Stages beside the history', () => {
  const stages = readPipeline([
    ['Stage', 'Probability', 'Stale after', 'Outcome'],
    ['Meeting', '10%', 14, ''],
    ['Demo', '30%', 21, ''],
    ['Proposal', '60%', '', ''],
    ['Won', '100%', '', 'won'],
    ['Lost', '0%', '', 'lost'],
  ]);

  it('flags a Stages probability outside the interval, and only then', () => {
    const rows = calibration(
      [estimate(0.25, 0.15, 0.38), estimate(0.3, 0.2, 0.45), estimate(0.4, 0.28, 0.55)],
      stages,
    );
    // 10% < 15%: outside. 30% inside [20%, 45%]. 60% > 55%: outside.
    expect(rows.map((r) => [r.stage, r.stagesRow, r.probability, r.outsideInterval])).toEqual([
      ['Meeting', 2, 0.1, true],
      ['Demo', 3, 0.3, false],
      ['Proposal', 4, 0.6, true],
    ]);
    expect(rows[2]).toMatchObject({
      staleAfter: null,
      suggestedStaleAfter: 30,
      closed: 12,
      stays: 20,
      running: 5,
    });
  });

  it('compares in tenths of a percent: 30% is not outside an interval ending at 29.996%', () => {
    const [, demo] = calibration(
      [estimate(0.2, 0.1, 0.3), estimate(0.25, 0.2, 0.29996), estimate(null, null, null)],
      stages,
    );
    expect(demo?.outsideInterval).toBe(false);
  });

  it('flags nothing where the history has no estimate', () => {
    const rows = calibration([estimate(null, null, null)], stages);
    expect(rows.map((r) => [r.winRate, r.outsideInterval, r.stays])).toEqual([
      [null, false, 20],
      [null, false, 0],
      [null, false, 0],
    ]);
  });

  it("joins one pipeline's rows with that pipeline's own stages", () => {
    const two = readPipeline([
      ['Pipeline', 'Stage', 'Probability', 'Stale after'],
      ['New', 'Demo', '20%', 10],
      ['New', 'Won', '100%', ''],
      ['Renewal', 'Demo', '70%', 5],
      ['Renewal', 'Won', '100%', ''],
    ]);
    const renewal = two.of('Renewal');
    expect(renewal).toBeDefined();
    const [row] = calibration([estimate(0.5, 0.35, 0.65)], renewal ?? two);
    expect(row).toMatchObject({
      pipeline: 'Renewal',
      stage: 'Demo',
      stagesRow: 4,
      probability: 0.7,
      outsideInterval: true,
      staleAfter: 5,
    });
  });
});
