/**
 * Fixtures for the years a date may fall in (SPEC §2: 1900–9999), shared by
 * the date and zone tests.
 */
import type { Cell } from '../../../src/engine/cells';
import { readDeals } from '../../../src/engine/deals';
import { readPipeline } from '../../../src/engine/stages';
import { Zone } from '../../../src/engine/zone';

/** A Date at a civil UTC date-time in any year, 0–99 included (Date.UTC would read those as 1900–1999). */
export const utc = (y: number, m: number, d: number, h = 0) => {
  const date = new Date(Date.UTC(2000, m - 1, d, h));
  date.setUTCFullYear(y);
  return date;
};

/** A 50% stage and a won stage. */
export const STAGES = [
  ['Stage', 'Probability'],
  ['A', '50%'],
  ['Won', '100%'],
];
const pipeline = readPipeline(STAGES);
const seoul = new Zone('Asia/Seoul');

/** A Seoul Deals sheet with one deal in stage A per cell, that cell as its Expected close. */
export function closeProblems(cells: Cell[]) {
  const grid = [
    ['Deal ID', 'Amount', 'Stage', 'Expected close'],
    ...cells.map((c, i) => [`D-${i}`, 100, 'A', c]),
  ];
  return readDeals(grid, pipeline, { zone: seoul });
}
