/**
 * Turning a scenario into an order and its events at customer-local moments, and walking a chain
 * through them on the time-skipping server's clock.
 */
import type { WorkflowHandle } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { DateTime } from 'luxon';
import { OrderInput, resolveOrder, TrackingEvent, type ChainOrder, type Shop } from '../../workflows/contract';
import { chainStateQuery, customerReplyUpdate, trackingEventUpdate } from '../../workflows/definitions';
import { ORDER_AT, PERSONAS, RETURN_WINDOW_DAYS, SCENARIOS, type Action, type JourneyLocale, type JourneyScenario, type When } from './scenarios';

/** One journey's fixed frame: its scenario, customer and shop, and the Monday it starts on. */
export interface Plan {
  scenario: JourneyScenario;
  locale: JourneyLocale;
  shop: Shop;
  orderId: string;
  /** 00:00 of the order's day in the customer's zone. */
  day0: DateTime;
}

/**
 * The first Monday after `now` (epoch ms) in `zone`, at 00:00. Every journey starts on a fresh week,
 * so an earlier journey of the same customer never counts against this one's daily cap.
 */
export function nextMonday(now: number, zone: string): DateTime {
  const tomorrow = DateTime.fromMillis(now, { zone }).plus({ days: 1 }).startOf('day');
  return tomorrow.plus({ days: (8 - tomorrow.weekday) % 7 });
}

const DAY_MS = 86_400_000;
const localDate = (plan: Plan, day: number) => plan.day0.plus({ days: day }).toISODate()!;
const moment = (plan: Plan, day: number, hhmm: string) => {
  const [hour, minute] = hhmm.split(':').map(Number);
  return plan.day0.plus({ days: day }).set({ hour, minute });
};

/** A moment as the customer reads it, e.g. "Tue 24 Nov 10:00" (epoch ms, their zone and locale). */
export function localTimeOf(ms: number, zone: string, locale = 'en'): string {
  return DateTime.fromMillis(ms, { zone, locale }).toFormat('EEE d MMM HH:mm');
}

/** When a step happens (epoch ms). */
export function timeOf(plan: Plan, when: When): number {
  return moment(plan, when.day, when.time).plus({ minutes: when.afterCallDeadline ? plan.shop.courierCallDeadlineMinutes : 0 }).toMillis();
}

/** The synthetic order: the locale's customer on email then SMS, one item, promised on the scenario's day. */
export function orderOf(plan: Plan): ChainOrder {
  const p = PERSONAS[plan.locale];
  const order = OrderInput.parse({
    orderId: plan.orderId,
    customer: { name: p.name, email: p.email, phone: p.phone, locale: plan.locale, timezone: p.timezone, channels: ['email', 'sms'] },
    items: [{ name: p.item, qty: 1 }],
    promisedDate: localDate(plan, SCENARIOS[plan.scenario].promisedDay),
    carrier: p.carrier,
    destinationCity: p.city,
    returnWindowDays: RETURN_WINDOW_DAYS,
  });
  return resolveOrder(order, plan.shop);
}

/** The data of a step's backend event, in the customer's language where it carries words. */
function dataOf(plan: Plan, action: Exclude<Action, { reply: number }>): Record<string, unknown> {
  const p = PERSONAS[plan.locale];
  switch (action.event) {
    case 'handed_to_carrier':
      return { trackingNumber: p.trackingNumber };
    case 'eta_changed':
      return { newEta: localDate(plan, action.newEtaDay), reason: action.reason[plan.locale] };
    case 'courier_called': {
      const { day, from, to } = action.window;
      return { window: { from: moment(plan, day, from).toUTC().toISO(), to: moment(plan, day, to).toUTC().toISO() } };
    }
    case 'delivery_failed':
    case 'return_requested':
    case 'cancelled':
      return { reason: action.reason[plan.locale] };
    case 'delivered':
      return { proof: 'photo at the door' };
    case 'refund_issued':
      return { amount: p.refund };
    default:
      return {};
  }
}

/** Skips the server's clock to `target` (epoch ms), or not at all when it is already there; returns the time. */
export async function sleepUntil(env: TestWorkflowEnvironment, target: number): Promise<number> {
  const now = await env.currentTimeMs();
  if (target > now) await env.sleep(target - now);
  return Math.max(target, now);
}

/** Runs the scenario's steps in order, each once the chain took the one before (an update returns when it did). */
export async function drive(env: TestWorkflowEnvironment, handle: WorkflowHandle, plan: Plan): Promise<void> {
  for (const [i, { at, action }] of SCENARIOS[plan.scenario].steps.entries()) {
    const when = new Date(await sleepUntil(env, timeOf(plan, at))).toISOString();
    if ('reply' in action) {
      // The customer answers the latest courier-call notice, the one with Doorstep's question.
      const state = await handle.query(chainStateQuery);
      const touchpoint = state.touchpoints.findLast((t) => t.name === 'courier-call')!.key;
      await handle.executeUpdate(customerReplyUpdate, { args: [{ touchpoint, digit: action.reply, channel: 'sms', at: when }] });
      continue;
    }
    const event = TrackingEvent.parse({ eventId: `${plan.orderId}-${i + 1}`, type: action.event, at: when, data: dataOf(plan, action) });
    await handle.executeUpdate(trackingEventUpdate, { args: [event] });
  }
}

/** When the order is placed (epoch ms). */
export const orderTime = (plan: Plan) => timeOf(plan, ORDER_AT);

/**
 * Lets the chain run to its end (return window, closing notice, feedback window) on the server's
 * clock, at most a day past when it should have ended; a chain still running then is terminated.
 * Returns why the chain did not complete, if it did not.
 */
export async function finish(env: TestWorkflowEnvironment, handle: WorkflowHandle, plan: Plan): Promise<string | undefined> {
  const last = Math.max(...SCENARIOS[plan.scenario].steps.map((s) => timeOf(plan, s.at)));
  // Not handle.result(): it lets the server skip freely, and past the chain's end it skips years ahead.
  const end = last + (RETURN_WINDOW_DAYS + plan.shop.feedbackWindowDays + 1) * DAY_MS;
  await sleepUntil(env, end);
  const { status } = await handle.describe();
  if (status.name === 'COMPLETED') return undefined;
  if (status.name === 'RUNNING') await handle.terminate('the journey is over');
  return `The chain did not complete by ${localTimeOf(end, plan.day0.zoneName!)} (${status.name.toLowerCase()}).`;
}
