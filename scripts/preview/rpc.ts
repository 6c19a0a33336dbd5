import type { EntryFunction } from '../../test/support/load-bundle';
import type { PreviewWorkbook } from './workbook';

/**
 * google.script.run, answered in-process: the named global function of the
 * built bundle runs as a sidebar execution of the stand-in. Only the
 * functions the sidebar and the dialogs call are reachable, and
 * values cross as google.script.run lets them (no Dates, no functions),
 * so a server function that would fail in Apps Script fails here too.
 */
export type RpcAnswer = { ok: true; value: unknown } | { ok: false; error: string };

const CALLABLE = /^(panel|settings|connect|review)[A-Z]\w*$/;

export function callServer(workbook: PreviewWorkbook, fn: unknown, args: unknown): RpcAnswer {
  if (typeof fn !== 'string' || !CALLABLE.test(fn))
    return { ok: false, error: `Script function not found: ${fn}` };
  const target = workbook.bundle[fn];
  if (typeof target !== 'function') return { ok: false, error: `Script function not found: ${fn}` };
  if (!Array.isArray(args)) return { ok: false, error: 'Bad request: args must be an array' };
  workbook.standIn.begin('sidebar');
  try {
    const value = (target as EntryFunction)(...args);
    const illegal = illegalValue(value, 'return value');
    return illegal ? { ok: false, error: illegal } : { ok: true, value };
  } catch (error) {
    return { ok: false, error: messageOf(error) };
  }
}

/** Where a value holds something google.script.run refuses to pass, or null. */
function illegalValue(value: unknown, path: string): string | null {
  if (value === null || value === undefined) return null;
  const type = typeof value;
  if (type === 'string' || type === 'number' || type === 'boolean') return null;
  if (type !== 'object') return `google.script.run cannot pass a ${type} (${path})`;
  if (Object.prototype.toString.call(value) === '[object Date]')
    return `google.script.run cannot pass a Date (${path}): send an ISO string`;
  const entries = Array.isArray(value) ? value.entries() : Object.entries(value as object);
  for (const [key, item] of entries) {
    const found = illegalValue(item, `${path}.${key}`);
    if (found) return found;
  }
  return null;
}

/** Errors thrown in the bundle come from its own realm, so `instanceof Error` cannot be trusted here. */
function messageOf(error: unknown): string {
  return typeof error === 'object' && error !== null && 'message' in error
    ? String(error.message)
    : String(error);
}
