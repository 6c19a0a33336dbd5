/**
 * The deal panel's round trips (SPEC §4, issue 14 point 1): one call per
 * selection change returns everything the panel shows, each sheet read once
 * per call (Stages, Deals, Stage history, Tasks: 4 reads), and an action never
 * reads back what it just wrote. None of it may grow with the number of deals.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { measurePanelCalls, type PanelCallCounts } from '../support/panel-calls';

const sizes: Record<number, PanelCallCounts> = {};

beforeAll(() => {
  for (const count of [100, 20_000]) sizes[count] = measurePanelCalls(count);
  for (const count of [100, 20_000]) console.log(`panel service calls at ${count} deals:`, sizes[count]);
}, 120_000);

describe('deal panel service calls at 100 and 20,000 deals', () => {
  test('a selection change, a tick and a move cost the same at both sizes', () => {
    expect(sizes[20_000]).toEqual(sizes[100]);
  });

  test('each sheet is read once per call, and an action does not read again after writing', () => {
    // 4 sheets: the state is read once; a tick or a move reads the same 4 under the lock and
    // answers with the state worked out from what it wrote.
    expect(sizes[100]?.reads).toEqual({ state: 4, tick: 4, move: 4 });
  });
});
