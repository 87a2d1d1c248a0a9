/**
 * How an order reaches its customer (SPEC "Delivery modes"): home delivery by courier (the default), or a
 * pickup point — a parcel locker, a shop or a post office — where the customer collects it with a code before
 * a deadline. Each mode has events that make sense only in it; the other mode's are refused with the reason.
 */
import { z } from 'zod';
import type { EventType, TrackingEvent } from './events';
import type { DeliveryMode } from './touchpoints';

export const PickupPoint = z.object({
  /** The carrier's id of the point ("KRA01M", a CDEK office code). */
  id: z.string().trim().min(1).max(64),
  kind: z.enum(['locker', 'shop', 'post_office']),
  name: z.string().trim().min(1).max(120),
  address: z.string().trim().min(1).max(300),
  /** As the carrier words them ("24/7", "Mon–Fri 9:00–19:00"). */
  openingHours: z.string().trim().min(1).max(200).optional(),
  mapUrl: z
    .url({ protocol: /^https?$/ })
    .max(2000)
    .optional(),
});
export type PickupPoint = z.infer<typeof PickupPoint>;

export const Delivery = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('home') }),
  z.object({ mode: z.literal('pickup_point'), point: PickupPoint }),
]);
export type Delivery = z.infer<typeof Delivery>;

/** An order that names no delivery goes home, as every order did before delivery modes. */
export const HOME: Delivery = { mode: 'home' };

/** The events that belong to one mode only; every other event is common to both. */
const MODE_EVENTS: Record<DeliveryMode, readonly EventType[]> = {
  home: ['out_for_delivery', 'courier_called', 'delivery_failed', 'delivered'],
  pickup_point: ['ready_for_pickup', 'pickup_extended', 'picked_up', 'pickup_expired', 'returned_to_sender'],
};

/** Why an event cannot happen in a chain of this mode, or undefined when it can. */
export function modeRejection(mode: DeliveryMode, type: EventType): string | undefined {
  const other = (Object.keys(MODE_EVENTS) as DeliveryMode[]).find((m) => m !== mode && MODE_EVENTS[m].includes(type));
  if (!other) return undefined;
  return mode === 'home'
    ? `${type} is a pickup-point event; this order is delivered to the customer's door`
    : `${type} is a home-delivery event; this order goes to a pickup point`;
}

/**
 * The event as a chain of this mode reads it: a carrier reports a parcel collected at a locker or an office as
 * `delivered` (ShipX, CDEK), which a pickup-point chain takes as `picked_up`, keeping the id and the carrier's status.
 */
export function inMode(mode: DeliveryMode, event: TrackingEvent): TrackingEvent {
  if (mode !== 'pickup_point' || event.type !== 'delivered') return event;
  const { proof } = event.data;
  return { ...event, type: 'picked_up', data: proof === undefined ? {} : { proof } };
}
