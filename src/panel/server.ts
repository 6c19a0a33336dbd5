import type {
  ActionResult,
  ChecklistRequest,
  MoveRequest,
  PanelSelection,
  PanelState,
  TaskDoneRequest,
} from '../shared/panel-protocol';

/**
 * google.script.run as promises. Apps Script allows about ten calls in flight
 * per page; the panel keeps far fewer by asking `inFlight()` before it polls.
 */
let pending = 0;

export function inFlight(): number {
  return pending;
}

export function run<T>(fn: string, ...args: unknown[]): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    pending += 1;
    const runner = google.script.run
      .withSuccessHandler((value) => {
        pending -= 1;
        resolve(value as T);
      })
      .withFailureHandler((error) => {
        pending -= 1;
        reject(error);
      });
    // Server functions are properties of the runner, named after the globals in Code.js.
    const call = (runner as unknown as Record<string, ((...a: unknown[]) => void) | undefined>)[fn];
    if (typeof call !== 'function') {
      pending -= 1;
      reject(new Error(`No server function ${fn}`));
      return;
    }
    call.apply(runner, args);
  });
}

/** Message of whatever a failure handler received (Apps Script sends an Error; be lenient). */
export function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'object' && error !== null && 'message' in error) return String(error.message);
  return String(error);
}

/** The deal panel's server functions (src/addon/panel-server.ts). */
export const panelServer = {
  selection: () => run<PanelSelection>('panelGetSelection'),
  // An absent argument, not `undefined`: the server then reads the selected row.
  state: (dealId?: string) =>
    dealId ? run<PanelState>('panelGetState', dealId) : run<PanelState>('panelGetState'),
  move: (request: MoveRequest) => run<ActionResult>('panelMoveDeal', request),
  setChecklistItem: (request: ChecklistRequest) => run<ActionResult>('panelSetChecklistItem', request),
  setTaskDone: (request: TaskDoneRequest) => run<ActionResult>('panelSetTaskDone', request),
};
