import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import vm from 'node:vm';
import type { StandIn } from './standin';

/**
 * Loads the built Apps Script bundle the way Apps Script runs it: one classic
 * script in a fresh global scope whose only non-JavaScript globals are the
 * stand-in's services. No `require`, `process`, `module` or timers exist there,
 * so a bundle that leans on Node fails here as it would in Apps Script.
 *
 * Values the stand-in returns (arrays, Dates) come from this outer realm, so
 * inside the bundle `instanceof Array`/`instanceof Date` are false: the code
 * must use `Array.isArray` and the `[object Date]` tag, which also holds for
 * values Apps Script hands across its own boundary.
 */
export type EntryFunction = (...args: unknown[]) => unknown;

/** The global functions SPEC §5 names; present once the bundle defines them. */
interface EntryPoints {
  onOpen: EntryFunction;
  onInstall: EntryFunction;
  onEdit: EntryFunction;
  showDealPanel: EntryFunction;
  setupPipeline: EntryFunction;
  runDailyChecks: EntryFunction;
  buildDashboard: EntryFunction;
  FORECAST_WEIGHTED: EntryFunction;
  FORECAST_RANGE: EntryFunction;
  STAGE_CONVERSION: EntryFunction;
  WIN_RATE: EntryFunction;
}

/** The bundle's global object: its top-level functions and vars, and the stand-in's globals. */
export type BundleContext = { readonly [name: string]: unknown } & EntryPoints;

export interface LoadOptions {
  /**
   * Make `new Date()` and `Date.now()` inside the bundle read the stand-in's
   * clock (default true). The bundle's `Date` stays a real Date constructor.
   */
  useStandInClock?: boolean;
}

/** Replaces the context's Date with one whose "now" is the stand-in's clock; leaves no extra global. */
const CLOCK_PRELUDE = `(function (now) {
  var RealDate = Date;
  function StandInDate() {
    var args = Array.prototype.slice.call(arguments);
    if (!new.target) return new RealDate(now()).toString();
    if (args.length === 0) return new RealDate(now());
    return new (Function.prototype.bind.apply(RealDate, [null].concat(args)))();
  }
  StandInDate.prototype = RealDate.prototype;
  StandInDate.now = function () { return now(); };
  StandInDate.UTC = RealDate.UTC;
  StandInDate.parse = RealDate.parse;
  Object.defineProperty(RealDate.prototype, 'constructor', { value: StandInDate, writable: true, configurable: true });
  Object.defineProperty(globalThis, 'Date', { value: StandInDate, writable: true, configurable: true, enumerable: false });
})`;

export function loadBundle(
  standIn: StandIn,
  bundlePath = 'dist/Code.js',
  options: LoadOptions = {},
): BundleContext {
  const path = resolve(bundlePath);
  const code = readFileSync(path, 'utf8');
  const sandbox: Record<string, unknown> = { ...standIn.globals };
  const context = vm.createContext(sandbox, { name: 'Apps Script (Sheets stand-in)' });
  if (options.useStandInClock !== false) {
    const install = vm.runInContext(CLOCK_PRELUDE, context) as (now: () => number) => void;
    install(() => standIn.now().getTime());
  }
  standIn.attachBundle(sandbox, vm.runInContext('Error', context) as ErrorConstructor);
  new vm.Script(code, { filename: path }).runInContext(context);
  return sandbox as BundleContext;
}

/** Calls a global function of the bundle by name, with a clear error when the bundle lacks it. */
export function callGlobal(context: BundleContext, name: string, ...args: unknown[]): unknown {
  const fn = context[name];
  if (typeof fn !== 'function') throw new Error(`The bundle defines no global function ${name}`);
  return (fn as EntryFunction)(...args);
}
