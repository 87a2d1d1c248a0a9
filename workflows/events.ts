/** What happens to an order after it enters: the backend's tracking events, feedback and support actions. */
import { z } from 'zod';
import { PickupPoint } from './delivery';
import { at, isoDate, TimeWindow } from './fields';
import { scoreRange } from './touchpoints';

/** Any check's scores: a rating arrives before its touchpoint (and so its scale) is known. */
const ANY_SCORE = scoreRange(10);

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
  // Pickup-point chains (./delivery.ts): the parcel waits at the point with its code until the deadline.
  event(
    'ready_for_pickup',
    z.object({
      pickupCode: z.string().trim().min(1).max(32),
      pickupUntil: at,
      /** The point the carrier took the parcel to, when it is not the one the order named. */
      point: PickupPoint.optional(),
    }),
  ),
  event('pickup_extended', z.object({ pickupUntil: at })),
  event('picked_up', z.object({ proof: z.string().max(500).optional() }).default({})),
  event('pickup_expired', noData),
  event('returned_to_sender', noData),
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
