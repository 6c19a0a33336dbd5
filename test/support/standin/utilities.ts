import { randomUUID } from 'node:crypto';
import { DAYS, MONTHS, pad } from './calendar-names';
import { instrument } from './calls';
import { isDate } from './cells';
import { Service } from './context';
import { isTimeZone, offsetAt, wallClock } from './time-zone';

/**
 * Utilities.formatDate with Java SimpleDateFormat letters (what Apps Script
 * uses): `yyyy-MM-dd HH:mm:ss`, `M/d`, `EEE`, `a`, `Z`, `XXX`, `'quoted'`.
 * Like Java, an unknown time zone id silently means GMT.
 */

function offsetText(offsetMs: number, style: 'Z' | 'X' | 'XX' | 'XXX'): string {
  const minutes = Math.round(offsetMs / 60_000);
  if (minutes === 0 && style !== 'Z') return 'Z';
  const sign = minutes < 0 ? '-' : '+';
  const h = pad(Math.floor(Math.abs(minutes) / 60), 2);
  const m = pad(Math.abs(minutes) % 60, 2);
  if (style === 'X') return `${sign}${h}`;
  if (style === 'XXX') return `${sign}${h}:${m}`;
  return `${sign}${h}${m}`;
}

export function formatJavaDate(instantMs: number, timeZone: string, pattern: string): string {
  const zone = isTimeZone(timeZone) ? timeZone : 'UTC';
  const w = wallClock(instantMs, zone);
  const offset = offsetAt(instantMs, zone);
  const startOfYear = Date.UTC(w.year, 0, 1);
  const dayOfYear = Math.floor((Date.UTC(w.year, w.month - 1, w.day) - startOfYear) / 86_400_000) + 1;
  let out = '';
  let i = 0;
  while (i < pattern.length) {
    const ch = pattern[i] ?? '';
    if (ch === "'") {
      const end = pattern.indexOf("'", i + 1);
      if (end === i + 1) {
        out += "'";
        i += 2;
        continue;
      }
      const stop = end < 0 ? pattern.length : end;
      out += pattern.slice(i + 1, stop);
      i = stop + 1;
      continue;
    }
    if (!/[A-Za-z]/.test(ch)) {
      out += ch;
      i++;
      continue;
    }
    let n = 1;
    while (pattern[i + n] === ch) n++;
    i += n;
    switch (ch) {
      case 'y':
      case 'Y':
        out += n === 2 ? pad(w.year % 100, 2) : pad(w.year, n);
        break;
      case 'M':
      case 'L':
        out +=
          n >= 4 ? MONTHS[w.month - 1] : n === 3 ? (MONTHS[w.month - 1] ?? '').slice(0, 3) : pad(w.month, n);
        break;
      case 'd':
        out += pad(w.day, n);
        break;
      case 'D':
        out += pad(dayOfYear, n);
        break;
      case 'E':
        out += n >= 4 ? DAYS[w.weekday] : (DAYS[w.weekday] ?? '').slice(0, 3);
        break;
      case 'u':
        out += pad(w.weekday === 0 ? 7 : w.weekday, n);
        break;
      case 'a':
        out += w.hour < 12 ? 'AM' : 'PM';
        break;
      case 'H':
        out += pad(w.hour, n);
        break;
      case 'k':
        out += pad(w.hour === 0 ? 24 : w.hour, n);
        break;
      case 'K':
        out += pad(w.hour % 12, n);
        break;
      case 'h':
        out += pad(w.hour % 12 || 12, n);
        break;
      case 'm':
        out += pad(w.minute, n);
        break;
      case 's':
        out += pad(w.second, n);
        break;
      case 'S':
        out += pad(w.millisecond, n);
        break;
      case 'Z':
        out += offsetText(offset, 'Z');
        break;
      case 'X':
        out += offsetText(offset, n === 1 ? 'X' : n === 2 ? 'XX' : 'XXX');
        break;
      case 'z':
        out += zone === 'UTC' ? 'GMT' : `GMT${offsetText(offset, 'XXX').replace('Z', '')}`;
        break;
      default:
        throw new Error(`Illegal pattern character '${ch}'`);
    }
  }
  return out;
}

/** The Utilities global. */
export class Utilities extends Service {
  formatDate(date: Date, timeZone: string, format: string): string {
    if (!isDate(date) || typeof timeZone !== 'string' || typeof format !== 'string') {
      throw this.ctx.exception("The parameters don't match the method signature for Utilities.formatDate.");
    }
    try {
      return formatJavaDate(date.getTime(), timeZone, format);
    } catch (e) {
      throw this.ctx.exception((e as Error).message);
    }
  }

  getUuid(): string {
    return randomUUID();
  }

  /** No timers in a test: returns at once. */
  sleep(milliseconds: number): void {
    void milliseconds;
  }

  /** `%s`, `%d`, `%%` as in Apps Script's formatString (a subset of Java's String.format). */
  formatString(template: string, ...args: unknown[]): string {
    let k = 0;
    return String(template).replace(/%([sd%])/g, (_, c: string) => {
      if (c === '%') return '%';
      const v = args[k++];
      return c === 'd' ? String(Math.trunc(Number(v))) : String(v);
    });
  }

  base64Encode(data: string): string {
    return Buffer.from(String(data), 'utf8').toString('base64');
  }

  base64Decode(encoded: string): number[] {
    return [...Buffer.from(String(encoded), 'base64')].map((b) => (b > 127 ? b - 256 : b));
  }
}

instrument(Utilities, 'Utilities');
