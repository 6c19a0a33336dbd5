import { instrument } from './calls';
import { Service } from './context';

/** Logger.log and console: lines go to `standIn.logs`, never to the test's output. */

function render(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value instanceof Error || Object.prototype.toString.call(value) === '[object Error]') {
    const e = value as Error;
    return `${e.name}: ${e.message}`;
  }
  try {
    return typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value);
  } catch {
    return String(value);
  }
}

/** `Logger.log('x %s', y)` substitutes like Apps Script; otherwise values are joined. */
export function formatLog(args: readonly unknown[]): string {
  const [first, ...rest] = args;
  if (typeof first === 'string' && /%[sd]/.test(first)) {
    let k = 0;
    return first.replace(/%[sd]/g, () => render(rest[k++]));
  }
  return args.map(render).join(' ');
}

export class Logger extends Service {
  log(...args: unknown[]): this {
    this.ctx.logs.push(formatLog(args));
    return this;
  }

  getLog(): string {
    return this.ctx.logs.join('\n');
  }

  clear(): void {
    this.ctx.logs.length = 0;
  }
}

/** `console` is not a service call in Apps Script (it goes to Cloud Logging), so it is not counted. */
export function makeConsole(
  logs: string[],
): Record<'log' | 'info' | 'warn' | 'error' | 'debug', (...args: unknown[]) => void> {
  const at =
    (level: string) =>
    (...args: unknown[]) => {
      logs.push(level === 'log' ? formatLog(args) : `[${level}] ${formatLog(args)}`);
    };
  return { log: at('log'), info: at('info'), warn: at('warn'), error: at('error'), debug: at('debug') };
}

instrument(Logger, 'Logger');
