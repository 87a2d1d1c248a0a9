/**
 * The shared contract: zod schemas and inferred types for what enters a chain (order, events,
 * ratings) and what a chain exposes. The API validates with these; workflows import types only.
 */
import { z } from 'zod';
import type { CarriedNotices } from './notifier';

import { CHANNEL_ADDRESS, CHANNELS, type ChannelName } from './channels';

export { CHANNELS, type ChannelName };

export const TRACKING_STAGES = [
  'accepted',
  'packed',
  'handed_to_carrier',
  'in_transit',
  'arrived_in_city',
  'out_for_delivery',
  'delivered',
] as const;
export type TrackingStage = (typeof TRACKING_STAGES)[number];
export const STAGES = [...TRACKING_STAGES, 'returning', 'returned', 'closed', 'cancelled'] as const;
export type Stage = (typeof STAGES)[number];

const slug = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'letters, digits, ".", "_" or "-", at most 64');
const isoDate = z.iso.date();
const timeZone = z.string().refine(isTimeZone, 'an IANA time zone such as Europe/Warsaw');
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM');

function isLocale(tag: string): boolean {
  try {
    return Intl.getCanonicalLocales(tag).length === 1;
  } catch {
    return false;
  }
}

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

export const Shop = z.object({
  id: slug,
  name: z.string().min(1),
  supportEmail: z.email(),
  supportPhone: z.e164().optional(),
  /** The language of customers whose order names none. */
  defaultLocale: z.string().refine(isLocale, 'a BCP 47 language tag such as pl-PL').default('en'),
  /** The time zone of customers whose order names none. */
  timezone: timeZone.default('UTC'),
  /** Customer-local hours when non-urgent notices wait; equal start and end mean none. */
  quietHours: z.object({ start: hhmm, end: hhmm }).default({ start: '21:00', end: '09:00' }),
  /** Non-urgent notices per customer and customer-local day; more wait for the next day. */
  maxNoticesPerDay: z.int().positive().default(3),
  courierLeadTimeHours: z.number().nonnegative().default(24),
  courierCallDeadlineMinutes: z.number().positive().default(120),
  /** Days a closed chain still accepts late ratings before its workflow completes. */
  feedbackWindowDays: z.number().nonnegative().default(14),
  /** Days added to the promise when the guard fires and the carrier gave no new ETA. */
  guardDelayDays: z.int().positive().default(1),
  /** Days a satisfaction check stays open after its notice: its link expires, a rating may change until then. */
  ratingWindowDays: z.number().positive().default(14),
  /** Mean scores (of 5) from which a touchpoint is Wow, or OK; below is Bad. */
  verdicts: z
    .object({ wow: z.number().min(0).max(5), ok: z.number().min(0).max(5) })
    .refine((v) => v.ok <= v.wow, { path: ['ok'], message: 'must not be above wow' })
    .default({ wow: 4.5, ok: 3.5 }),
  /** Where support alerts are also POSTed, signed the Standard Webhooks way (DOORSTEP_ALERT_WEBHOOK_SECRET). */
  alertWebhookUrl: z.url().optional(),
});
export type Shop = z.infer<typeof Shop>;

export const Customer = z
  .object({
    name: z.string().trim().min(1).max(200),
    /** How the customer is greeted ("Anna"); without it, notices greet without a name. */
    givenName: z.string().trim().min(1).max(100).optional(),
    email: z.email().optional(),
    phone: z.e164().optional(),
    // A BCP 47 tag ("pl-PL"; "pl_PL" is read as that): dates are formatted in it. Unset: the shop's defaultLocale.
    locale: z
      .string()
      .min(2)
      .max(35)
      .transform((l) => l.replace(/_/g, '-'))
      .refine(isLocale, 'a BCP 47 language tag such as pl-PL')
      .optional(),
    /** Unset: the shop's timezone. */
    timezone: timeZone.optional(),
    channels: z.array(z.enum(CHANNELS)).min(1),
  })
  .superRefine((c, ctx) => {
    c.channels.forEach((channel, i) => {
      const needs = CHANNEL_ADDRESS[channel].field;
      if (!c[needs]) {
        ctx.addIssue({ code: 'custom', path: ['channels', i], message: `${channel} needs customer.${needs}` });
      }
    });
  });
export type Customer = z.infer<typeof Customer>;

const DateWindow = z
  .object({ from: isoDate, to: isoDate })
  .refine((w) => w.from <= w.to, { path: ['to'], message: 'must not be before from' });

export const OrderInput = z
  .object({
    // Its return chain runs as "<chain id>-return": an order id must not look like one.
    orderId: slug.refine((id) => !id.endsWith('-return'), 'must not end in "-return"'),
    customer: Customer,
    items: z.array(z.object({ name: z.string().min(1).max(200), qty: z.int().positive() })).min(1),
    promisedDate: isoDate.optional(),
    promisedWindow: DateWindow.optional(),
    carrier: z.string().min(1).max(64),
    destinationCity: z.string().min(1).max(120),
    /** Fractions are allowed so that a demo or a test can make the window minutes long. */
    returnWindowDays: z.number().min(0).max(365).default(14),
  })
  .superRefine((o, ctx) => {
    if (!o.promisedDate === !o.promisedWindow) {
      ctx.addIssue({
        code: 'custom',
        path: ['promisedDate'],
        message: 'give exactly one of promisedDate or promisedWindow',
      });
    }
  });
export type OrderInput = z.infer<typeof OrderInput>;

/** An order as its chain holds it: the customer's language and time zone settled. */
export type ChainOrder = OrderInput & { customer: Customer & { locale: string; timezone: string } };

/** The order with the shop's defaults where it names no language or time zone of the customer's. */
export function resolveOrder(order: OrderInput, shop: Pick<Shop, 'defaultLocale' | 'timezone'>): ChainOrder {
  const { customer } = order;
  return {
    ...order,
    customer: {
      ...customer,
      locale: customer.locale ?? shop.defaultLocale,
      timezone: customer.timezone ?? shop.timezone,
    },
  };
}

const at = z.iso.datetime({ offset: true });
const TimeWindow = z
  .object({ from: at, to: at })
  .refine((w) => Date.parse(w.from) < Date.parse(w.to), { path: ['to'], message: 'must be after from' });
const event = <T extends string, D extends z.ZodType>(type: T, data: D) =>
  z.object({ eventId: z.string().min(1).max(128), type: z.literal(type), at, data });
const noData = z.object({}).passthrough().default({});

export const TrackingEvent = z.discriminatedUnion('type', [
  event('packed', noData),
  event('handed_to_carrier', z.object({ trackingNumber: z.string().max(64).optional() }).default({})),
  event('in_transit', noData),
  event('arrived_in_city', noData),
  event('eta_changed', z.object({ newEta: isoDate, reason: z.string().min(1).max(300) })),
  event('out_for_delivery', noData),
  event('courier_called', z.object({ window: TimeWindow })),
  event('delivery_failed', z.object({ reason: z.string().max(300).optional() }).default({})),
  event(
    'delivered',
    z
      .object({
        pin: z
          .string()
          .regex(/^\d{4}$/)
          .optional(),
        proof: z.string().max(500).optional(),
      })
      .default({}),
  ),
  event('return_requested', z.object({ reason: z.string().max(300).optional() }).default({})),
  event('return_received', noData),
  event('refund_issued', z.object({ amount: z.string().max(32).optional() }).default({})),
  event('cancelled', z.object({ reason: z.string().max(300).optional() }).default({})),
]);
export type TrackingEvent = z.infer<typeof TrackingEvent>;
export type EventType = TrackingEvent['type'];

export const Feedback = z.object({
  token: z.string().min(10).max(1000),
  score: z.coerce.number().int().min(0).max(10),
  comment: z.string().trim().max(2000).optional(),
});
export type Feedback = z.infer<typeof Feedback>;

/** What support may do to a chain (`POST /v1/orders/{orderId}/actions/{action}`), the action named in the path. */
export const SupportAction = z.discriminatedUnion('action', [
  /** Support has seen what needs attention: the chain leaves the attention list until something new comes up. */
  z.object({ action: z.literal('acknowledge'), note: z.string().trim().min(1).max(500) }),
  z.object({ action: z.literal('cancel'), reason: z.string().max(300).optional() }),
  z.object({ action: z.literal('courier-call'), window: TimeWindow }),
  z.object({ action: z.literal('open-return'), reason: z.string().max(300).optional() }),
  z.object({ action: z.literal('resend'), touchpoint: z.string().min(1).max(64) }),
  z.object({ action: z.literal('set-promise'), promisedDate: isoDate, reason: z.string().trim().min(1).max(300) }),
]);
export type SupportAction = z.infer<typeof SupportAction>;
/** The names of the support actions, as the API's paths and the console's forms name them. */
export const SUPPORT_ACTIONS = SupportAction.options.map((o) => o.shape.action.value);

/** One support action, as the chain's audit trail keeps it. */
export interface AuditEntry {
  at: string;
  /** Who acted: the API key's name, or a staff member. */
  actor: string;
  action: SupportAction['action'];
  detail: string;
}

export type TouchpointStatus = 'pending' | 'done' | 'skipped' | 'conflict';

/** Where a notice stands: waiting (queued, deferred), handed to a provider, or ended without one. */
export type NoticeStatus =
  'queued' | 'deferred' | 'sent' | 'delivered' | 'undelivered' | 'failed' | 'suppressed' | 'dropped';

/** One send decision and its reason, as support sees it ("fell back to email: 21211 invalid number"). */
export interface Decision {
  at: string;
  outcome: 'deferred' | 'sent' | 'failed' | 'suppressed' | 'skipped' | 'dropped' | 'delivered' | 'undelivered';
  channel?: ChannelName;
  reason: string;
}

export interface Notice {
  /** 1 for the first send of a touchpoint's notice; a resend counts up. */
  revision: number;
  /** The channel that carried it, once one did. */
  channel?: ChannelName;
  status: NoticeStatus;
  at: string;
  providerId?: string;
  /** Exactly what the customer got on that channel. */
  subject?: string;
  text?: string;
  decisions: Decision[];
}

export interface Rating {
  score: number;
  comment?: string;
  at: string;
  /** Set when the customer changed their first answer while the check was open. */
  changedAt?: string;
  /** A low score started service recovery (support alerted, the customer followed up). */
  recovered?: boolean;
}

export interface Touchpoint {
  /** Unique within the chain: the touchpoint id, or id-N for a repeat (delay-2, courier-call-2). */
  key: string;
  name: string;
  status: TouchpointStatus;
  at?: string;
  notices: Notice[];
  rating?: Rating;
  note?: string;
}

/**
 * Who moved the promise: the carrier's new ETA, Doorstep's promise guard, a support agent in the
 * console, or the shop's own system through the API.
 */
export type DelaySource = 'carrier' | 'guard' | 'support' | 'shop';

export interface Delay {
  days: number;
  reason: string;
  newDate: string;
  at: string;
  source: DelaySource;
  /** The carrier is to blame (its ETA, or a guard that fired while it held the parcel); unset in chains before 0.3. */
  carrierCaused?: boolean;
}

export interface Conflict {
  type: 'delivered_without_call' | 'pin_mismatch';
  at: string;
  detail: string;
}

export interface CourierWindow {
  from: string;
  to: string;
  /** Agreed by the courier's call, or picked by the customer when Doorstep asked. */
  agreedBy: 'courier' | 'customer';
}

export interface ChainState {
  orderId: string;
  shop: string;
  carrier: string;
  /** The customer's locale and time zone: pages and the console show dates as the customer reads them. */
  locale: string;
  timezone: string;
  stage: Stage;
  promisedDate: string;
  promisedWindow?: { from: string; to: string };
  delays: Delay[];
  courierWindow?: CourierWindow;
  /** Windows Doorstep offered the customer itself (no courier call came), while the question is open. */
  courierQuestion?: WindowQuestion;
  /** Until when the customer may still open a return (ISO), once delivered with a return window. */
  returnUntil?: string;
  touchpoints: Touchpoint[];
  conflicts: Conflict[];
  /** Every reason the chain needed attention, oldest first. */
  attention: string[];
  /** Support's last acknowledgement: the chain needs attention again once `attention` grows past `seen`. */
  acknowledged?: { at: string; actor: string; note: string; seen: number };
  /** The carrier's tracking number, from handed_to_carrier. */
  trackingNumber?: string;
  /** The proof of delivery the carrier gave (a signature or photo reference), from delivered. */
  deliveryProof?: string;
  events: { eventId: string; type: EventType; at: string; applied: boolean }[];
  audit: AuditEntry[];
  trackingUrl: string;
}

/** Everything a chain needs at start: the order, a snapshot of its shop and its public links. */
export interface ChainInput {
  order: ChainOrder;
  shop: Shop;
  trackingUrl: string;
  /** Set when a long chain continues as new: where the previous run left off. */
  carried?: CarriedChain;
}

/** Courier windows Doorstep offered the customer, answered by digit on the touchpoint that asked. */
export interface WindowQuestion {
  touchpoint: string;
  options: { from: string; to: string }[];
}

/** What a chain run hands to its next run (continue-as-new keeps history small). */
export interface CarriedChain {
  state: ChainState;
  seen: string[];
  inbox: TrackingEvent[];
  /** `call`: the deadline from out_for_delivery or a failed attempt; `callDay`: from the morning of the delivery day. */
  timers: Partial<Record<'guard' | 'call' | 'callDay' | 'returnWindow', number>>;
  pin: string;
  called: boolean;
  /** Runs before 0.3 carried the open courier-window question here; it lives in the state now. */
  question?: WindowQuestion;
  notices: CarriedNotices;
}
