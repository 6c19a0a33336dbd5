/**
 * A `Date` cell as Sheets hands it over for a Seoul spreadsheet: the instant
 * of that wall-clock time in Asia/Seoul (UTC+9, no DST). Built from UTC so the
 * result does not depend on the machine's zone (the suite runs in Los Angeles).
 */
export function seoul(year: number, month: number, day: number, hour = 0, minute = 0): Date {
  return new Date(Date.UTC(year, month - 1, day, hour, minute) - 9 * 3_600_000);
}
