/**
 * Wall clocks in a named time zone, via Intl only, so results never depend on
 * the machine's zone (the suite runs with TZ set far away on purpose).
 */

export interface WallClock {
  year: number;
  month: number; // 1..12
  day: number;
  hour: number; // 0..23
  minute: number;
  second: number;
  millisecond: number;
  weekday: number; // 0 = Sunday
}

const formatters = new Map<string, Intl.DateTimeFormat>();
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      weekday: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export function isTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The wall clock of an instant in `timeZone`. */
const wallClocks = new Map<string, WallClock>();

/** Memoised per instant and zone (bounded), since big writes repeat the same dates. */
export function wallClock(instantMs: number, timeZone: string): WallClock {
  const key = `${timeZone}|${instantMs}`;
  const known = wallClocks.get(key);
  if (known) return { ...known };
  const computed = computeWallClock(instantMs, timeZone);
  if (wallClocks.size > 50_000) wallClocks.clear();
  wallClocks.set(key, computed);
  return { ...computed };
}

function computeWallClock(instantMs: number, timeZone: string): WallClock {
  const parts: Record<string, string> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(instantMs))) parts[p.type] = p.value;
  const ms = ((instantMs % 1000) + 1000) % 1000;
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
    millisecond: ms,
    weekday: WEEKDAYS.indexOf(parts.weekday ?? ''),
  };
}

/** Milliseconds `timeZone` is ahead of UTC at that instant. */
export function offsetAt(instantMs: number, timeZone: string): number {
  const w = wallClock(instantMs, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second, w.millisecond);
  return asUtc - instantMs;
}

/**
 * The instant at which the wall clock in `timeZone` shows the given time.
 * Two passes settle DST edges; a time skipped by a spring-forward gap lands
 * just after the gap, as Sheets does when you type it.
 */
export function instantAt(
  timeZone: string,
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
  millisecond = 0,
): number {
  const asUtc = Date.UTC(year, month - 1, day, hour, minute, second, millisecond);
  let guess = asUtc - offsetAt(asUtc, timeZone);
  guess = asUtc - offsetAt(guess, timeZone);
  return guess;
}

const SERIAL_EPOCH = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

/** Sheets' serial number of an instant (days since 1899-12-30 on the zone's wall clock). */
export function serialNumber(instantMs: number, timeZone: string): number {
  return (instantMs + offsetAt(instantMs, timeZone) - SERIAL_EPOCH) / DAY_MS;
}

/** True when the instant is midnight on the zone's wall clock (a date with no time). */
export function isMidnight(instantMs: number, timeZone: string): boolean {
  const w = wallClock(instantMs, timeZone);
  return w.hour === 0 && w.minute === 0 && w.second === 0 && w.millisecond === 0;
}
