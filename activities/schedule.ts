/**
 * Times the chain waits for, computed in the customer's time zone: the promise guard, the next
 * moment a non-urgent notice may go (quiet hours, daily cap), the courier windows Doorstep offers.
 */
import { DateTime } from 'luxon';
import type { Customer, Shop } from '../workflows/contract';
import { touchpointIdOf } from '../workflows/touchpoints';
import type { ActivityDeps } from './deps';

export interface GuardTimeInput {
  promisedDate: string;
  timezone: string;
  leadTimeHours: number;
}

export interface GuardDelayInput extends GuardTimeInput {
  /** Days the guard adds to the promise when it fires. */
  delayDays: number;
  /** Workflow time, ISO. */
  now: string;
}

export interface NoticeSlotInput {
  shop: Shop;
  customer: Customer;
  touchpoint: string;
  /** Workflow time, ISO. */
  now: string;
}

export interface NoticeSlot {
  /** When the notice may go: `now` when it may go at once. */
  at: string;
  /** Why it waits, in words support reads. */
  reason?: string;
}

export interface CourierWindowsInput {
  shop: Shop;
  timezone: string;
  now: string;
}

type QuietHours = Shop['quietHours'];

const atTime = (hhmm: string, day: DateTime) => {
  const [hour, minute] = hhmm.split(':').map(Number);
  return day.set({ hour, minute, second: 0, millisecond: 0 });
};

/** When the quiet hours around `t` end, or undefined when `t` is not in them. */
export function quietUntil(t: DateTime, { start, end }: QuietHours): DateTime | undefined {
  if (start === end) return undefined;
  const from = atTime(start, t);
  const to = atTime(end, t);
  if (from < to) return t >= from && t < to ? to : undefined;
  if (t >= from) return atTime(end, t.plus({ days: 1 }));
  return t < to ? to : undefined;
}

/** When the promise guard fires: end of the promised day in the customer's zone, minus lead time. */
function guardAt({ promisedDate, timezone, leadTimeHours }: GuardTimeInput): DateTime {
  return DateTime.fromISO(promisedDate, { zone: timezone }).plus({ days: 1 }).startOf('day').minus({ hours: leadTimeHours });
}

/** The activities that compute times, closed over their dependencies. */
export function scheduleActivities(deps: ActivityDeps) {
  return {
    async guardTime(input: GuardTimeInput): Promise<string> {
      return guardAt(input).toUTC().toISO()!;
    },

    /**
     * The new promise when the guard fires: `delayDays` later, and later still if its own guard
     * would already have passed (a chain that starts late, or waited out an outage), so that one
     * firing never sets off the next at once.
     */
    async guardDelay({ delayDays, now, ...input }: GuardDelayInput): Promise<string> {
      const date = (iso: string, days: number) => DateTime.fromISO(iso, { zone: 'UTC' }).plus({ days }).toISODate()!;
      let promisedDate = date(input.promisedDate, delayDays);
      while (guardAt({ ...input, promisedDate }) <= DateTime.fromISO(now)) promisedDate = date(promisedDate, 1);
      return promisedDate;
    },

    /** The first moment a non-urgent notice may go: outside quiet hours and under the daily cap. */
    async noticeSlot({ shop, customer, touchpoint, now }: NoticeSlotInput): Promise<NoticeSlot> {
      const local = DateTime.fromISO(now, { zone: customer.timezone });
      const label = touchpointIdOf(touchpoint) ?? touchpoint;
      const fmt = (t: DateTime) => `${t.toFormat('yyyy-MM-dd HH:mm')} ${customer.timezone}`;
      const quiet = quietUntil(local, shop.quietHours);
      if (quiet) {
        deps.metrics.deferrals.inc({ touchpoint: label, reason: 'quiet_hours' });
        return { at: quiet.toUTC().toISO()!, reason: `quiet hours (${shop.quietHours.start}–${shop.quietHours.end}): waits until ${fmt(quiet)}` };
      }
      const customerKey = deps.addressKey(customer.email ?? customer.phone ?? '');
      const sent = await deps.store.ledger.sentOnDay(shop.id, customerKey, local.toISODate()!);
      if (sent >= shop.maxNoticesPerDay) {
        const tomorrow = local.plus({ days: 1 }).startOf('day');
        const next = quietUntil(tomorrow, shop.quietHours) ?? tomorrow;
        deps.metrics.deferrals.inc({ touchpoint: label, reason: 'daily_cap' });
        return { at: next.toUTC().toISO()!, reason: `daily cap (${shop.maxNoticesPerDay} a day) reached: waits until ${fmt(next)}` };
      }
      return { at: now };
    },

    /** Three two-hour courier windows from the next full hour after an hour's notice, outside quiet hours. */
    async courierWindows({ shop, timezone, now }: CourierWindowsInput): Promise<{ from: string; to: string }[]> {
      let start: DateTime = DateTime.fromISO(now, { zone: timezone }).plus({ hours: 1 }).startOf('hour').plus({ hours: 1 });
      const windows: { from: string; to: string }[] = [];
      while (windows.length < 3) {
        start = quietUntil(start, shop.quietHours) ?? start;
        windows.push({ from: start.toUTC().toISO()!, to: start.plus({ hours: 2 }).toUTC().toISO()! });
        start = start.plus({ hours: 2 });
      }
      return windows;
    },
  };
}
