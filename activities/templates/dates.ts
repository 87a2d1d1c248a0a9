/**
 * Dates and times as the customer reads them, in their zone and language, for notices and the
 * customer pages alike. Russian and Ukrainian full dates end in "г." / "р." (the year), and the texts end
 * their sentences themselves.
 */
import { DateTime } from 'luxon';

export function customerDates(zone: string, locale: string) {
  const at = (iso: string) => DateTime.fromISO(iso, { zone }).setLocale(locale);
  const day = (iso: string) =>
    at(iso)
      .toLocaleString(DateTime.DATE_FULL)
      .replace(/ [гр]\.$/, '');
  const time = (iso: string) => at(iso).toLocaleString(DateTime.TIME_SIMPLE);
  return {
    /** "24 November 2026". */
    day,
    /** "Nov 24" (a day close to the one already named). */
    dayMonth: (iso: string) => at(iso).toLocaleString({ month: 'short', day: 'numeric' }),
    /** "Nov 24, 2026". */
    shortDay: (iso: string) => at(iso).toLocaleString(DateTime.DATE_MED),
    /** "10:30 AM". */
    time,
    /** "24 November 2026, 10:30 AM": a deadline, whose hour matters as much as its day. */
    dayTime: (iso: string) => `${day(iso)}, ${time(iso)}`,
  };
}
