/**
 * When a parcel is polled next, by what the carrier last said: often near a stage change (out for
 * delivery, a failed attempt), rarely while it travels. Data, one row per meaning, each row tested.
 */
import type { StatusMeaning } from '../model';

const MINUTE = 60_000;

/** Minutes until the next poll after a status of this meaning. */
export const POLL_INTERVALS: Readonly<Record<StatusMeaning['event'] | 'not_found' | 'no_events', number>> = {
  // Not at the carrier yet: it shows up within the hour or so after its label is made.
  not_found: 60,
  no_events: 60,
  packed: 60,
  handed_to_carrier: 120,
  // Travelling: nothing changes for hours.
  in_transit: 240,
  eta_changed: 240,
  carrier_status: 180,
  exception: 60,
  // Near the door: the next scan is close.
  arrived_in_city: 60,
  out_for_delivery: 20,
  courier_called: 30,
  delivery_failed: 60,
  ready_for_pickup: 120,
  pickup_extended: 240,
  // Final statuses stop the polling; a chain that disagrees (a late scan) is still polled a little.
  delivered: 240,
  picked_up: 240,
  pickup_expired: 240,
  returned_to_sender: 240,
  return_requested: 240,
  return_received: 240,
  refund_issued: 240,
  cancelled: 240,
};

/** When the parcel is polled next after `last` (the meaning of its newest status), `scale` shortening the wait. */
export function nextPollAt(now: Date, last: keyof typeof POLL_INTERVALS, scale = 1): Date {
  return new Date(now.getTime() + POLL_INTERVALS[last] * MINUTE * scale);
}
