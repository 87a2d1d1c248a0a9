/**
 * A scenario made concrete: its order and each step's backend event at a customer-local moment,
 * counted from a Monday. The console's preview and the journey simulator both read journeys so.
 */
import { DateTime } from 'luxon';
import {
  OrderInput,
  resolveOrder,
  TrackingEvent,
  type ChainOrder,
  type PickupPoint,
  type Shop,
} from '../workflows/contract';
import {
  ORDER_AT,
  PERSONAS,
  RETURN_WINDOW_DAYS,
  SCENARIOS,
  type Action,
  type JourneyLocale,
  type JourneyScenario,
  type When,
} from './scenarios';
import { LOCKERS } from './lockers';

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
 * A step of the plan at its moment (epoch ms): the customer's reply, the point they send their order to, or the
 * backend event sent at a given time (ISO).
 */
export type PlannedStep = { at: number } & (
  { reply: number } | { switchTo: PickupPoint } | { event: (at: string) => TrackingEvent }
);

/**
 * The journey's plan, starting on the first Monday after `now` (epoch ms) in its customer's zone,
 * at 00:00. Every journey starts on a fresh week, so an earlier journey of the same customer never
 * counts against this one's daily cap.
 */
export function planFrom(frame: Omit<Plan, 'day0'>, now: number): Plan {
  const zone = PERSONAS[frame.locale].timezone;
  const tomorrow = DateTime.fromMillis(now, { zone }).plus({ days: 1 }).startOf('day');
  return { ...frame, day0: tomorrow.plus({ days: (8 - tomorrow.weekday) % 7 }) };
}

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
function timeOf(plan: Plan, when: When): number {
  return moment(plan, when.day, when.time)
    .plus({ minutes: when.afterCallDeadline ? plan.shop.courierCallDeadlineMinutes : 0 })
    .toMillis();
}

/** When the order is placed (epoch ms). */
export const orderTime = (plan: Plan) => timeOf(plan, ORDER_AT);

/**
 * The synthetic order: the locale's customer on email then SMS, one item, promised on the scenario's day, to
 * their door or their locker.
 */
export function orderOf(plan: Plan): ChainOrder {
  const p = PERSONAS[plan.locale];
  const order = OrderInput.parse({
    orderId: plan.orderId,
    customer: {
      name: p.name,
      email: p.email,
      phone: p.phone,
      locale: plan.locale,
      timezone: p.timezone,
      channels: ['email', 'sms'],
    },
    items: [{ name: p.item, qty: 1 }],
    promisedDate: localDate(plan, SCENARIOS[plan.scenario].promisedDay),
    carrier: p.carrier,
    destinationCity: p.city,
    returnWindowDays: RETURN_WINDOW_DAYS,
    ...(SCENARIOS[plan.scenario].toLocker && { delivery: { mode: 'pickup_point', point: LOCKERS[plan.locale].point } }),
  });
  return resolveOrder(order, plan.shop);
}

/** The data of a step's backend event, in the customer's language where it carries words. */
function dataOf(plan: Plan, action: Extract<Action, { event: string }>): Record<string, unknown> {
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
    case 'ready_for_pickup':
    case 'pickup_extended': {
      const pickupUntil = moment(plan, action.until.day, action.until.time).toUTC().toISO();
      return action.event === 'pickup_extended'
        ? { pickupUntil }
        : { pickupUntil, pickupCode: LOCKERS[plan.locale].code };
    }
    default:
      return {};
  }
}

/** The scenario's steps in order, each at its moment; an event is numbered by its step (`J-1001-3`). */
export function stepsOf(plan: Plan): PlannedStep[] {
  return SCENARIOS[plan.scenario].steps.map(({ at, action }, i): PlannedStep => {
    const time = timeOf(plan, at);
    if ('reply' in action) return { at: time, reply: action.reply };
    if ('switchTo' in action) return { at: time, switchTo: LOCKERS[plan.locale].point };
    const eventAt = (when: string) =>
      TrackingEvent.parse({
        eventId: `${plan.orderId}-${i + 1}`,
        type: action.event,
        at: when,
        data: dataOf(plan, action),
      });
    return { at: time, event: eventAt };
  });
}
