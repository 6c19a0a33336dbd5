import { describe, expect, it } from 'vitest';
import type { Cell } from '../../src/engine/cells';
import { readDeals } from '../../src/engine/deals';
import { forecastByMonth } from '../../src/engine/forecast';
import { outcomeOfName, proposeStages } from '../../src/engine/proposed-stages';
import { readPipeline } from '../../src/engine/stages';
import { MissingColumnsError } from '../../src/engine/table';
import { Zone } from '../../src/engine/zone';

const zone = new Zone('Europe/London');
const brief = (grid: Cell[][], options = {}) =>
  proposeStages(grid, options).rows.map((r) => [r.stage, r.outcome, r.probability]);

describe('outcomes guessed from stage names (SPEC §1)', () => {
  it.each([
    ['Closed Won', 'won'],
    ['closed-won', 'won'],
    ['Closed: won', 'won'],
    ['Won', 'won'],
    ['Won – signed', 'won'],
    ['수주', 'won'],
    ['수주 확정', 'won'],
    ['계약 완료', 'won'],
    ['계약완료', 'won'],
    ['Closed Lost', 'lost'],
    ['Closed: lost', 'lost'],
    ['Lost', 'lost'],
    ['실주', 'lost'],
    ['보류 종료', 'lost'],
  ])('%s is %s', (name, outcome) => {
    expect(outcomeOfName(name)).toBe(outcome);
  });

  it.each(['Closed: abandoned', 'Wonderful prospects', 'Lostwithiel office', 'Proposal', '계약 협상', ''])(
    '%s says neither (an English word must end where the outcome word does)',
    (name) => {
      expect(outcomeOfName(name)).toBeNull();
    },
  );
});

describe('proposeStages', () => {
  it('the distinct Stage values in order of first appearance, spelled as first written; blank stages skipped', () => {
    const deals = [
      ['Deal', 'Amount', 'Deal Stage'],
      ['A', 1, ' Demo  booked '],
      ['B', 1, 'Closed Won'],
      ['C', 1, ''],
      ['D', 1, 'demo booked'],
      ['E', 1, 'Proposal'],
    ];
    const { rows } = proposeStages(deals);
    expect(rows.map((r) => [r.stage, r.basedOn.deals, r.basedOn.firstRow])).toEqual([
      ['Demo booked', 2, 2],
      ['Closed Won', 1, 3],
      ['Proposal', 1, 6],
    ]);
    expect(rows.map((r) => r.basedOn.outcome)).toEqual(['default', 'name', 'default']);
  });

  it('an open stage takes the median of its open deals’ Probability; even counts the mean of the middle two', () => {
    const deals = [
      ['Deal', 'Amount', 'Stage', 'Probability', 'Status'],
      ['A', 1, 'Demo', '10%', 'open'],
      ['B', 1, 'Demo', '30%', ''],
      ['C', 1, 'Demo', '', 'open'],
      ['D', 1, 'Demo', '90%', 'won'],
      ['E', 1, 'Demo', '20%', 'open'],
      ['F', 1, 'Proposal', '40%', 'open'],
      ['G', 1, 'Proposal', '60%', 'open'],
      ['H', 1, 'Closed Won', '70%', 'won'],
      ['I', 1, 'Closed Lost', '10%', 'lost'],
      ['J', 1, 'Negotiation', '', 'open'],
    ];
    // Demo: 10%, 30%, 20% (the won deal D is not open) → 20%; Proposal: (40% + 60%) / 2.
    expect(brief(deals)).toEqual([
      ['Demo', 'open', 0.2],
      ['Proposal', 'open', 0.5],
      ['Closed Won', 'won', 1],
      ['Closed Lost', 'lost', 0],
      ['Negotiation', 'open', null],
    ]);
    expect(proposeStages(deals).rows.map((r) => r.basedOn.probabilities)).toEqual([3, 2, 0, 0, 0]);
  });

  it('reads the Probability column as SPEC §2 says: percents when any number exceeds 1, else fractions', () => {
    const percents = [
      ['title', 'value', 'stage', 'probability'],
      ['A', 1, 'Qualified', 30],
      ['B', 1, 'Qualified', 1],
      ['C', 1, 'Proposal', '90'],
    ];
    // 30 is 30%, so 1 is 1%: median of 0.3 and 0.01.
    expect(brief(percents)).toEqual([
      ['Qualified', 'open', 0.155],
      ['Proposal', 'open', 0.9],
    ]);
    const fractions = [
      ['Deal Name', 'Amount', 'Deal Stage', 'Deal probability'],
      ['A', 1, 'Opportunity identified', '0.07'],
      ['B', 1, 'On hold', 1],
      ['C', 1, 'Opportunity identified', 'TBD'],
    ];
    expect(brief(fractions)).toEqual([
      ['Opportunity identified', 'open', 0.07],
      ['On hold', 'open', 1],
    ]);
  });

  it('a team’s Status column of notes is not the Status: every deal counts as open', () => {
    const deals = [
      ['Deal', 'Amount', 'Stage', 'Probability', 'Status'],
      ['A', 1, 'Demo', '20%', 'call back'],
      ['B', 1, 'Demo', '40%', 'won'],
    ];
    expect(brief(deals)).toEqual([['Demo', 'open', 0.3]]);
  });

  it('the grid is a Stages sheet the engine reads, in the deals’ language; blank or 0 where no probability is known', () => {
    const deals = [
      ['딜명', '금액', '단계', '확률'],
      ['A', 1, '제안', '40%'],
      ['B', 1, '계약 완료', ''],
      ['C', 1, '실주', ''],
      ['D', 1, '협상', ''],
    ];
    const { grid } = proposeStages(deals);
    expect(grid).toEqual([
      ['단계', '수주 성공 확률', '결과'],
      ['제안', 0.4, '진행'],
      ['계약 완료', 1, '수주'],
      ['실주', 0, '실주'],
      ['협상', '', '진행'],
    ]);
    // Blank, the engine refuses the stage (the user fills it in); 0 keeps it open and weightless.
    expect(readPipeline(grid).problems.map((p) => p.row)).toEqual([5]);
    const pipeline = readPipeline(proposeStages(deals, { unknownProbability: 0 }).grid);
    expect(pipeline.problems).toEqual([]);
    expect(pipeline.stages.map((s) => [s.name, s.outcome, s.probability])).toEqual([
      ['제안', 'open', 0.4],
      ['계약 완료', 'won', 1],
      ['실주', 'lost', 0],
      ['협상', 'open', 0],
    ]);
    const read = readDeals(deals, pipeline, { zone });
    expect(read.problems).toEqual([]);
    expect(forecastByMonth(read.deals).map((f) => f.weighted)).toEqual([1.4]);
  });

  it('follows the column map, and needs the Deals’ Amount and Stage columns', () => {
    const deals = [
      ['Name', 'Budget', 'Phase'],
      ['A', 1, 'Demo'],
    ];
    expect(() => proposeStages(deals)).toThrow(MissingColumnsError);
    expect(brief(deals, { map: { amount: 'Budget', stage: 'Phase' } })).toEqual([['Demo', 'open', null]]);
  });
});
