import { generatePipeline } from '../addon/generate';
import { callGlobal, loadBundle } from './load-bundle';
import { seoul } from './seoul';
import { createStandIn } from './standin';

/**
 * What the deal panel costs in service calls, on a generated pipeline of
 * `count` deals set up by the add-on (the bundle loaded with loadBundle, as
 * Apps Script runs it): the poll that sees a selection change, the one call
 * that then fetches the state, a tick and a move. Speed in Sheets is round
 * trips, so none of these may grow with the number of deals. Shared by the
 * node tests and `npm run bench`.
 */
export interface PanelCallCounts {
  /** panelGetSelection, the poll that notices the new row. */
  poll: number;
  /** panelGetState: everything the panel shows, in one call. */
  state: number;
  tick: number;
  move: number;
  /** getSheetValues calls of state, tick and move: each sheet read once per call. */
  reads: { state: number; tick: number; move: number };
}

const DEAL = 'D-00004'; // deal 4 of every block of 25: healthy in 미팅 약속 완료, no tasks yet.
const STAGE = '미팅 약속 완료';

export function measurePanelCalls(count: number): PanelCallCounts {
  const { deals, history } = generatePipeline(count, seoul(2023, 11, 15));
  const standIn = createStandIn({
    timeZone: 'Asia/Seoul',
    locale: 'ko_KR',
    now: () => seoul(2023, 11, 15, 10),
    userEmail: 'sua.choi@example.com',
    sheets: { Deals: deals, 'Stage history': history },
  });
  const app = loadBundle(standIn);
  standIn.begin('menu');
  callGlobal(app, 'setupPipeline');
  // Blank rows under the history, as a sheet in use has (a full sheet costs one insertRowsAfter more, at any size).
  const historySheet = standIn.spreadsheet.getSheetByName('Stage history');
  historySheet?.insertRowsAfter(historySheet.getMaxRows(), 100);
  // The panel has been open on another deal: what is measured is following the selection to DEAL.
  standIn.select('Deals', 'C2');
  standIn.begin('sidebar');
  callGlobal(app, 'panelGetState');
  standIn.select('Deals', `C${deals.findIndex((r) => r[0] === DEAL) + 1}`);

  const measured = (fn: string, ...args: unknown[]) => {
    standIn.begin('sidebar');
    standIn.calls.reset();
    const answer = callGlobal(app, fn, ...args) as Record<string, unknown>;
    return { answer, calls: standIn.calls.total(), reads: standIn.calls.count('Sheet.getSheetValues') };
  };
  const poll = measured('panelGetSelection');
  const state = measured('panelGetState');
  const shown = state.answer as { deal: { id: string } | null; checklist: { criterion: string }[] };
  if (shown.deal?.id !== DEAL) throw new Error(`the panel shows ${shown.deal?.id}, not ${DEAL}`);
  const criterion = shown.checklist[0]?.criterion ?? '';
  const tick = measured('panelSetChecklistItem', { dealId: DEAL, stage: STAGE, criterion, done: true });
  const move = measured('panelMoveDeal', {
    dealId: DEAL,
    expectedStage: STAGE,
    toStage: '제품 살펴보는 중',
    override: true,
    note: '고객 요청으로 데모 먼저 진행',
  });
  if (tick.answer.ok !== true || move.answer.ok !== true) throw new Error('the tick or the move was refused');
  return {
    poll: poll.calls,
    state: state.calls,
    tick: tick.calls,
    move: move.calls,
    reads: { state: state.reads, tick: tick.reads, move: move.reads },
  };
}
