import { PipelineError, shortText } from './problems';

/**
 * Wall-clock time as a plain number: milliseconds since 1970-01-01 00:00 of
 * the *local* calendar, as if that calendar were UTC. Two local times compare
 * and subtract as numbers, and `Math.floor(local / DAY_MS)` is the local day.
 * Everything the engine counts (days in stage, months) is in this space.
 */
export type LocalTime = number;
/** Whole local days since 1970-01-01; `dayNumber * DAY_MS` is that day's midnight. */
export type DayNumber = number;

export const DAY_MS = 86_400_000;
const BUCKET_MS = 900_000; // Zone offsets change on quarter-hour boundaries at the finest.
const MIXED = Number.NaN; // a UTC day in which the offset changes (a DST transition)
/**
 * Offsets are looked up for instants within this distance of 1970: a `Date`
 * holds ±8.64e15 ms, and Intl refuses anything beyond. Further out (years past
 * ±270,000, which no parser accepts) the offset at the limit is used, so an
 * instant never throws RangeError here.
 */
const OFFSET_LIMIT_MS = 8.64e15 - 2 * DAY_MS;

/**
 * The spreadsheet's time zone. A `Date` from a cell is an instant; which
 * calendar day it is depends on the zone, never on the machine running the code.
 *
 * Intl formatting costs microseconds, so offsets are cached per quarter hour:
 * half a million date cells mostly share a few thousand distinct days.
 */
export class Zone {
  readonly id: string;
  private readonly format: Intl.DateTimeFormat;
  /** Offset of each UTC day, or MIXED on the few days a transition falls in. */
  private readonly dayOffsets = new Map<number, number>();
  private readonly offsets = new Map<number, number>();

  constructor(timeZone: string) {
    try {
      this.format = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        era: 'short',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch {
      throw new PipelineError(
        `Unknown time zone '${shortText(String(timeZone))}'. Use an IANA name such as Asia/Seoul.`,
      );
    }
    this.id = this.format.resolvedOptions().timeZone;
  }

  /**
   * The wall-clock time of an instant in this zone. Offsets are cached per
   * UTC day (two Intl calls per distinct day: its first and last instant
   * agree on all but transition days), and per quarter hour on those days.
   */
  local(instantMs: number): LocalTime {
    if (!Number.isFinite(instantMs)) throw new PipelineError('That is not a valid date.');
    const day = Math.floor(instantMs / DAY_MS);
    let dayOffset = this.dayOffsets.get(day);
    if (dayOffset === undefined) {
      const start = this.offsetAt(day * DAY_MS);
      dayOffset = start === this.offsetAt(day * DAY_MS + DAY_MS - 1) ? start : MIXED;
      this.dayOffsets.set(day, dayOffset);
    }
    if (!Number.isNaN(dayOffset)) return instantMs + dayOffset;
    const bucket = Math.floor(instantMs / BUCKET_MS);
    let offset = this.offsets.get(bucket);
    if (offset === undefined) {
      offset = this.offsetAt(bucket * BUCKET_MS);
      this.offsets.set(bucket, offset);
    }
    return instantMs + offset;
  }

  day(instantMs: number): DayNumber {
    return Math.floor(this.local(instantMs) / DAY_MS);
  }

  /**
   * The instant whose wall-clock time is `local`. A time that does not exist
   * (inside a DST gap, such as midnight of 3 September 2023 in Santiago) is
   * moved forward by the gap, so a day still begins on that day.
   */
  instant(local: LocalTime): number {
    if (!Number.isFinite(local)) throw new PipelineError('That is not a valid date.');
    const first = local - this.offsetAt(local);
    const second = local - (this.local(first) - first);
    if (this.local(second) === local) return second;
    if (this.local(first) === local) return first;
    // In a gap: of the two offsets around it, the instant read with the earlier one lies after the gap.
    return Math.max(first, second);
  }

  private offsetAt(instantMs: number): number {
    const t = Math.min(OFFSET_LIMIT_MS, Math.max(-OFFSET_LIMIT_MS, instantMs));
    const parts = this.format.formatToParts(new Date(t));
    const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value ?? 0);
    let year = get('year');
    if (parts.some((p) => p.type === 'era' && p.value.startsWith('B'))) year = 1 - year;
    // localOf, not Date.UTC: Date.UTC reads the years 0–99 as 1900–1999.
    const asUtc = localOf(year, get('month'), get('day'), get('hour'), get('minute'), get('second'));
    return asUtc - (t - (((t % 1000) + 1000) % 1000));
  }
}

/** Local time of a civil date-time; months 1-based. */
export function localOf(
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
): LocalTime {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  d.setUTCHours(hour, minute, second, 0);
  return d.getTime();
}

/**
 * Civil date of a day number, by Howard Hinnant's `civil_from_days`: pure
 * arithmetic, so a month key costs no allocation on hot paths.
 *
 * @example
 * civilOf(localOf(2024, 2, 29) / DAY_MS) // → { year: 2024, month: 2, day: 29 }
 */
export function civilOf(day: DayNumber): { year: number; month: number; day: number } {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (m <= 2 ? 1 : 0), month: m, day: d };
}

/** `year * 12 + month - 1`: months as consecutive integers, for bucketing. */
export function monthIndexOf(day: DayNumber): number {
  const c = civilOf(day);
  return c.year * 12 + c.month - 1;
}

/**
 * `YYYY-MM` of a month index, as the forecast's Month column shows it.
 *
 * @example
 * monthKey(2023 * 12 + 10) // → '2023-11'
 */
export function monthKey(monthIndex: number): string {
  const year = Math.floor(monthIndex / 12);
  const month = monthIndex - year * 12 + 1;
  return `${String(year).padStart(4, '0')}-${month < 10 ? '0' : ''}${month}`;
}

/**
 * `YYYY-MM-DD` of a day number.
 *
 * @example
 * isoDate(localOf(2023, 11, 5) / DAY_MS) // → '2023-11-05'
 */
export function isoDate(day: DayNumber): string {
  const c = civilOf(day);
  return `${String(c.year).padStart(4, '0')}-${String(c.month).padStart(2, '0')}-${String(c.day).padStart(2, '0')}`;
}

export function isoDateTime(local: LocalTime): string {
  const day = Math.floor(local / DAY_MS);
  const ms = local - day * DAY_MS;
  const hh = Math.floor(ms / 3_600_000);
  const mm = Math.floor((ms % 3_600_000) / 60_000);
  return `${isoDate(day)} ${String(hh).padStart(2, '0')}:${String(mm).padStart(2, '0')}`;
}
