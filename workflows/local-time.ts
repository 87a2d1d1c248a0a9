/**
 * Times in the customer's zone, computed inside the workflow as pure functions of workflow time
 * (replay gives the same answers, and no activity is needed): the promise guard, quiet hours, the
 * next day of the daily cap, and the courier windows Doorstep offers.
 */
import { DateTime } from 'luxon';
import { MINUTE_MS } from './durations';
import type { Shop } from './shop';

type QuietHours = Shop['quietHours'];

const at = (ms: number, zone: string) => DateTime.fromMillis(ms, { zone });
const atTime = (hhmm: string, day: DateTime) => {
  const [hour, minute] = hhmm.split(':').map(Number);
  return day.set({ hour, minute, second: 0, millisecond: 0 });
};

/** When quiet hours around `t` end, or undefined when `t` is not in them (equal start and end: none). */
function quietEnd(t: DateTime, { start, end }: QuietHours): DateTime | undefined {
  if (start === end) return undefined;
  const from = atTime(start, t);
  const to = atTime(end, t);
  if (from < to) return t >= from && t < to ? to : undefined;
  if (t >= from) return atTime(end, t.plus({ days: 1 }));
  return t < to ? to : undefined;
}

/** A notice that has been waiting longer than this is checked for being obsolete before it goes. */
export const STALE_MS = MINUTE_MS;

/** Automated calls ring only 08:00–21:00 customer-local (the TCPA's calling hours), however urgent the notice. */
export const NO_CALLS: QuietHours = { start: '21:00', end: '08:00' };

/** When the quiet hours the customer is in at `now` end (epoch ms), or undefined when they are not in them. */
export function quietUntil(now: number, zone: string, quiet: QuietHours): number | undefined {
  return quietEnd(at(now, zone), quiet)?.toMillis();
}

/** The first moment of the customer's next day outside quiet hours (a capped notice waits for it). */
export function nextDay(now: number, zone: string, quiet: QuietHours): number {
  const tomorrow = at(now, zone).plus({ days: 1 }).startOf('day');
  return (quietEnd(tomorrow, quiet) ?? tomorrow).toMillis();
}

/** The customer's calendar date at `ms` (the day a notice counts against the cap). */
export function localDay(ms: number, zone: string): string {
  return at(ms, zone).toISODate()!;
}

/** "2026-11-24 09:00 Europe/Warsaw", for the reasons support reads. */
export function localLabel(ms: number, zone: string): string {
  return `${at(ms, zone).toFormat('yyyy-MM-dd HH:mm')} ${zone}`;
}

/** The start of the quiet hours that `t` falls in. */
function quietStart(t: DateTime, { start }: QuietHours): DateTime {
  const from = atTime(start, t);
  return from <= t ? from : from.minus({ days: 1 });
}

/**
 * When the promise guard fires (epoch ms): end of the promised day in the customer's zone, minus
 * the lead time; moved to an hour before quiet hours when it would fall in them, so that the
 * (urgent) delay notice does not wake the customer.
 */
export function guardTime(promisedDate: string, zone: string, leadTimeHours: number, quiet: QuietHours): number {
  const t = DateTime.fromISO(promisedDate, { zone }).plus({ days: 1 }).startOf('day').minus({ hours: leadTimeHours });
  return outOfQuiet(t, quiet);
}

/**
 * When the reminder before a pickup point's deadline goes (epoch ms): `hours` before it, moved to an hour
 * before quiet hours when it would fall in them — earlier, so it never comes after the deadline.
 */
export function pickupReminderTime(until: string, hours: number, zone: string, quiet: QuietHours): number {
  return outOfQuiet(DateTime.fromISO(until, { zone }).minus({ hours }), quiet);
}

/** `t`, or an hour before the quiet hours it falls in (epoch ms). */
function outOfQuiet(t: DateTime, quiet: QuietHours): number {
  return (quietEnd(t, quiet) ? quietStart(t, quiet).minus({ hours: 1 }) : t).toMillis();
}

/** The start of the customer's delivery day: 08:00 on the promised date, or the end of quiet hours if later. */
function deliveryDayStart(promisedDate: string, zone: string, quiet: QuietHours): number {
  const eight = DateTime.fromISO(promisedDate, { zone }).set({ hour: 8 });
  return (quietEnd(eight, quiet) ?? eight).toMillis();
}

/**
 * When Doorstep asks the customer itself if no courier call came on the delivery day: its start plus the
 * shop's call deadline.
 */
export function deliveryDayDeadline(
  promisedDate: string,
  zone: string,
  shop: Pick<Shop, 'quietHours' | 'courierCallDeadlineMinutes'>,
): number {
  return deliveryDayStart(promisedDate, zone, shop.quietHours) + shop.courierCallDeadlineMinutes * MINUTE_MS;
}

/** Why a non-urgent notice waits for the end of quiet hours, as support reads it. */
export function quietHoursReason(until: number, zone: string, { start, end }: QuietHours): string {
  return `quiet hours (${start}–${end}): waits until ${localLabel(until, zone)}`;
}

/** Why a non-urgent notice waits for the customer's next day, as support reads it. */
export function dailyCapReason(until: number, zone: string, maxNoticesPerDay: number): string {
  return `daily cap (${maxNoticesPerDay} a day) reached: waits until ${localLabel(until, zone)}`;
}

/**
 * The new promise when the guard fires: `delayDays` later, and later still while its own guard
 * would already have passed (a chain that started late, or waited out an outage), so that one
 * firing never sets off the next at once.
 */
export function nextPromise(
  promisedDate: string,
  delayDays: number,
  now: number,
  zone: string,
  leadTimeHours: number,
  quiet: QuietHours,
): string {
  let date = plusDays(promisedDate, delayDays);
  while (guardTime(date, zone, leadTimeHours, quiet) <= now) date = plusDays(date, 1);
  return date;
}

/** An ISO date `days` later. */
export function plusDays(date: string, days: number): string {
  return DateTime.fromISO(date, { zone: 'UTC' }).plus({ days }).toISODate()!;
}

type Window = { from: string; to: string };

/** When the quiet hours a two-hour window from `start` meets end, or undefined when it meets none. */
function quietInWindow(start: DateTime, quiet: QuietHours): DateTime | undefined {
  const inside = quietEnd(start, quiet);
  if (inside || quiet.start === quiet.end) return inside;
  const today = atTime(quiet.start, start);
  const next = today > start ? today : atTime(quiet.start, start.plus({ days: 1 }));
  return next < start.plus({ hours: 2 }) ? quietEnd(next, quiet) : undefined;
}

/** The first check looked at a window's ends only, so quiet hours shorter than a window slipped inside. */
const quietAtEnds = (start: DateTime, quiet: QuietHours) =>
  quietEnd(start, quiet) ?? quietEnd(start.plus({ minutes: 119 }), quiet);

/**
 * Three two-hour courier windows from the next full hour after an hour's notice, wholly outside
 * quiet hours. `endsOnly` gives the windows of the first check, for chains that offered them.
 */
export function courierWindows(now: number, zone: string, quiet: QuietHours, endsOnly = false): Window[] {
  const blockedFrom = endsOnly ? quietAtEnds : quietInWindow;
  let start: DateTime = at(now, zone).plus({ hours: 1 }).startOf('hour').plus({ hours: 1 });
  const windows: Window[] = [];
  while (windows.length < 3) {
    const blocked = blockedFrom(start, quiet);
    if (blocked) {
      start = blocked;
      continue;
    }
    windows.push({ from: start.toUTC().toISO()!, to: start.plus({ hours: 2 }).toUTC().toISO()! });
    start = start.plus({ hours: 2 });
  }
  return windows;
}
