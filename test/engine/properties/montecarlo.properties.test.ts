/**
 * Property (e): FORECAST_RANGE by Monte Carlo is deterministic, ordered and bounded.
 * Generators: ./arbitraries.ts.
 *
 * The suite runs with TZ=America/Los_Angeles; the spreadsheet is in Asia/Seoul.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Cell } from '../../../src/engine/cells';
import { readDeals } from '../../../src/engine/deals';
import { forecastRange } from '../../../src/engine/montecarlo';
import { PipelineError } from '../../../src/engine/problems';
import { readPipeline } from '../../../src/engine/stages';
import {
  type Known,
  type StageDef,
  type StagesSpec,
  seoul,
  seoulInstant,
  stagesSpec,
  validAmountText,
} from './arbitraries';

// ---------------------------------------------------------------------------
// (e) FORECAST_RANGE.

interface RangeSpec {
  stages: StagesSpec;
  deals: { stage: number; amount: Known; inMonth: boolean; day: number; minute: number }[];
  trials: number;
}

const MONTH_Y = 2024;
const MONTH_M = 3;
const MONTH_INDEX = MONTH_Y * 12 + MONTH_M - 1;

const rangeSpec: fc.Arbitrary<RangeSpec> = fc.record({
  stages: stagesSpec,
  deals: fc.array(
    fc.record({
      stage: fc.nat(20),
      amount: fc.oneof(
        fc.integer({ min: 0, max: 1_000_000_000 }).map((n) => ({ cell: n, value: n })),
        validAmountText,
      ),
      inMonth: fc.nat(3).map((n) => n !== 0),
      day: fc.integer({ min: 1, max: 31 }),
      minute: fc.integer({ min: 0, max: 1439 }),
    }),
    { maxLength: 25 },
  ),
  trials: fc.oneof(fc.integer({ min: 1, max: 50 }), fc.integer({ min: 1, max: 3000 })),
});

function rangeGrid(spec: RangeSpec): Cell[][] {
  const grid: Cell[][] = [['Deal ID', 'Amount', 'Stage', 'Expected close']];
  spec.deals.forEach((d, i) => {
    const stage = spec.stages.stages[d.stage % spec.stages.stages.length] as StageDef;
    // In the month: 1–31 March in Seoul (00:00 on the 1st included); otherwise 1 April 00:00 onwards.
    const close = d.inMonth
      ? seoulInstant(MONTH_Y, MONTH_M, d.day, Math.floor(d.minute / 60), d.minute % 60)
      : seoulInstant(MONTH_Y, MONTH_M + 1, Math.min(d.day, 30), Math.floor(d.minute / 60), d.minute % 60);
    grid.push([`D-${i}`, d.amount.cell, stage.name, close]);
  });
  return grid;
}

describe('(e) forecastRange', () => {
  it('is deterministic, ordered, and bounded by the won total and won + all open amounts', () => {
    fc.assert(
      fc.property(rangeSpec, (spec) => {
        const pipeline = readPipeline(spec.stages.grid);
        const grid = rangeGrid(spec);
        const deals = readDeals(grid, pipeline, { zone: seoul }).deals;
        expect(deals).toHaveLength(spec.deals.length);

        const first = forecastRange(deals, MONTH_INDEX, spec.trials);
        const again = forecastRange(deals, MONTH_INDEX, spec.trials);
        // Same sheet read afresh (a recalculation) gives the same numbers.
        const reread = forecastRange(
          readDeals(grid, pipeline, { zone: seoul }).deals,
          MONTH_INDEX,
          spec.trials,
        );
        expect(again).toEqual(first);
        expect(reread).toEqual(first);

        let won = 0;
        let open = 0;
        let uncertain = 0;
        for (const d of spec.deals) {
          if (!d.inMonth) continue;
          const stage = spec.stages.stages[d.stage % spec.stages.stages.length] as StageDef;
          if (stage.outcome === 'won') won += d.amount.value;
          if (stage.outcome === 'open') {
            open += d.amount.value;
            if (stage.probability > 0 && stage.probability < 1 && d.amount.value > 0) uncertain++;
          }
        }
        const [p10, p50, p90] = first;
        const slack = 1e-9 * Math.max(1, won + open);
        expect(p10).toBeLessThanOrEqual(p50);
        expect(p50).toBeLessThanOrEqual(p90);
        expect(p10, `P10 ≥ won ${won}`).toBeGreaterThanOrEqual(won - slack);
        expect(p90, `P90 ≤ won + open ${won + open}`).toBeLessThanOrEqual(won + open + slack);
        if (uncertain === 0) {
          // Nothing left to chance: every percentile is the certain total.
          expect(p90 - p10).toBeLessThanOrEqual(slack);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('one open deal of 100 at 50%: P10 0, P50 between, P90 100 (the SPEC example)', () => {
    const pipeline = readPipeline([
      ['Stage', 'Probability'],
      ['Half', '50%'],
      ['Won', '100%'],
    ]);
    const deals = readDeals(
      [
        ['Deal ID', 'Amount', 'Stage', 'Expected close'],
        ['x', 100, 'Half', seoulInstant(MONTH_Y, MONTH_M, 1)],
      ],
      pipeline,
      { zone: seoul },
    ).deals;
    const [p10, p50, p90] = forecastRange(deals, MONTH_INDEX);
    expect(p10).toBe(0);
    expect(p90).toBe(100);
    expect(p50).toBeGreaterThanOrEqual(0);
    expect(p50).toBeLessThanOrEqual(100);
  });

  it('refuses trial counts outside 1..100,000 with a PipelineError', () => {
    for (const trials of [0, -1, 1.5, 100_001, Number.NaN]) {
      expect(() => forecastRange([], MONTH_INDEX, trials), String(trials)).toThrow(PipelineError);
    }
  });
});
