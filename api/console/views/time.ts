/** Times on the console read as the customer lived them: in the customer's time zone. */
import { DateTime } from 'luxon';

/** "24 Nov 2026, 10:15" in `zone`. */
export function customerTime(iso: string, zone: string): string {
  return DateTime.fromISO(iso, { zone }).toFormat('d LLL yyyy, HH:mm');
}

/** "24 Nov 2026" for an ISO date. */
export function day(isoDate: string): string {
  return DateTime.fromISO(isoDate, { zone: 'UTC' }).toFormat('d LLL yyyy');
}
