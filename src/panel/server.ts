import type { ServerApi } from '../shared/server-api';

/**
 * google.script.run as promises, typed by the server's API: the function
 * name, its arguments and its answer are checked at build time. Apps Script
 * allows about ten calls in flight per page; the panel keeps far fewer by
 * asking `inFlight()` before it polls.
 */
let pending = 0;

export function inFlight(): number {
  return pending;
}

export function call<K extends keyof ServerApi>(
  name: K,
  ...args: Parameters<ServerApi[K]>
): Promise<ReturnType<ServerApi[K]>> {
  return new Promise((resolve, reject) => {
    pending += 1;
    const runner = google.script.run
      .withSuccessHandler((value) => {
        pending -= 1;
        resolve(value as ReturnType<ServerApi[K]>);
      })
      .withFailureHandler((error) => {
        pending -= 1;
        reject(error);
      });
    // Server functions are properties of the runner, named after the globals in Code.js.
    const fn = (runner as unknown as Record<string, ((...a: unknown[]) => void) | undefined>)[name];
    if (typeof fn !== 'function') {
      pending -= 1;
      reject(new Error(`No server function ${name}`));
      return;
    }
    fn.apply(runner, args);
  });
}

/** Message of whatever a failure handler received (Apps Script sends an Error; be lenient). */
export function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'object' && error !== null && 'message' in error) return String(error.message);
  return String(error);
}
