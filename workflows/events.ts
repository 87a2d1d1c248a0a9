/** What happens to an order after it enters: the backend's tracking events, feedback and support actions. */
import { z } from 'zod';
import { PickupPoint } from './delivery';
import { at, isoDate, TimeWindow } from './fields';
import { scoreRange } from './touchpoints';

/** Any check's scores: a rating arrives before its touchpoint (and so its scale) is known. */
const ANY_SCORE = scoreRange(10);

/**
 * The normalized reasons a carrier's exception has, whatever the carrier calls it (in the spirit of
 * AfterShip's tags and Karrio's TrackerStatus): the customer's notice words the reason, never the carrier's text.
 */
export const EXCEPTION_REASONS = [
  'consignee_not_home',
  'address_problem',
  'damaged',
  'customs',
  'weather',
  'capacity',
  'lost',
  'other',
] as const;
export const ExceptionReason = z.enum(EXCEPTION_REASONS);
export type ExceptionReason = z.infer<typeof ExceptionReason>;

/**
 * What the carrier itself said, when a connector translated the event from the carrier's status: kept on
 * the chain's event for support (the raw code and text), with the carrier's own expected delivery date.
 */
export const CarrierStatus = z.object({
  code: z.string().min(1).max(100),
  text: z.string().max(500).optional(),
  /** The carrier's expected delivery date, when it gives one. */
  eta: isoDate.optional(),
});
export type CarrierStatus = z.infer<typeof CarrierStatus>;

const event = <T extends string, D extends z.ZodType>(type: T, data: D) =>
  z.object({
    eventId: z.string().min(1).max(128),
    type: z.literal(type),
    at,
    data,
    carrierStatus: CarrierStatus.optional(),
  });
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
  // Pickup-point chains (./delivery.ts): the parcel waits at the point until the deadline.
  event(
    'ready_for_pickup',
    z.object({
      /** Absent when the carrier sends the code to the customer itself (InPost ShipX, CDEK webhooks carry none). */
      pickupCode: z.string().trim().min(1).max(32).optional(),
      pickupUntil: at,
      /** The point the carrier took the parcel to, when it is not the one the order named. */
      point: PickupPoint.optional(),
    }),
  ),
  event('pickup_extended', z.object({ pickupUntil: at })),
  event('picked_up', z.object({ proof: z.string().max(500).optional() }).default({})),
  event('pickup_expired', noData),
  event('returned_to_sender', noData),
  /** Something went wrong with the parcel at the carrier: support looks; a threatened promise moves with a notice. */
  event(
    'exception',
    z.object({ reason: ExceptionReason, code: z.string().max(100).optional(), text: z.string().max(500).optional() }),
  ),
  /** A carrier status no table maps (kept on the chain for support, counted, never dropped): nothing moves. */
  event('carrier_status', noData),
  event('return_requested', z.object({ reason: z.string().max(300).optional() }).default({})),
  event('return_received', noData),
  event('refund_issued', z.object({ amount: z.string().max(32).optional() }).default({})),
  event('cancelled', z.object({ reason: z.string().max(300).optional() }).default({})),
]);
export type TrackingEvent = z.infer<typeof TrackingEvent>;
export type EventType = TrackingEvent['type'];

export const Feedback = z.object({
  token: z.string().min(10).max(1000),
  score: z.coerce.number().int().min(ANY_SCORE.min).max(ANY_SCORE.max),
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
  /** The customer (from the tracking page) or support sends the order to a pickup point, or to another one. */
  z.object({ action: z.literal('switch-to-point'), point: PickupPoint }),
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
