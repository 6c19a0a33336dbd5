/**
 * Numbers and dates as the spreadsheet's locale writes them. Sheets names
 * locales `ko_KR`; Intl wants `ko-KR`. Which currency an amount is in is
 * the server's decision (the deal's Currency, else the locale's); the
 * browser only writes it the locale's way.
 */

/** `ko_KR` → `ko-KR`; anything Intl cannot read falls back to `en-US`. */
export function localeTag(sheetsLocale: string): string {
  const tag = sheetsLocale.replace(/_/g, '-');
  try {
    return Intl.getCanonicalLocales(tag)[0] ?? 'en-US';
  } catch {
    return 'en-US';
  }
}

export function formatMoney(amount: number, currency: string | null, tag: string): string {
  const options: Intl.NumberFormatOptions = currency
    ? { style: 'currency', currency, maximumFractionDigits: amount % 1 === 0 ? 0 : 2 }
    : { maximumFractionDigits: 2 };
  return new Intl.NumberFormat(tag, options).format(amount);
}

/** A `YYYY-MM-DD` day from the server, shown in the locale; read as UTC so no zone shifts it. */
export function formatDay(isoDay: string, tag: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDay);
  if (!m) return isoDay;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}

/**
 * An ISO instant (the last run) in the spreadsheet's time zone, named, as
 * the daily hour beside it is: a viewer elsewhere must not read 10:00 Seoul
 * as their own 17:00 with nothing to say so.
 */
export function formatInstant(iso: string, tag: string, timeZone: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  try {
    const time = new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(
      date,
    );
    return `${time} (${timeZone})`;
  } catch {
    // A zone this browser does not know: its own clock, still named.
    return new Intl.DateTimeFormat(tag, {
      dateStyle: 'medium',
      timeStyle: 'short',
      timeZoneName: 'short',
    }).format(date);
  }
}
