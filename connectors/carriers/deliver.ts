/**
 * Hands a carrier's update to the chains its parcel belongs to, found through the parcel index by
 * (carrier, tracking number). Shared by the push route (API) and the pull connectors (worker), each
 * with its own way of sending a chain an event.
 */
import type { Parcels, ParcelRef } from '../../store/parcels';
import type { TrackingEvent } from '../../workflows/contract';
import { toTrackingEvent, type CarrierUpdate } from './model';

/** What became of an update: moved a chain, was seen before, fits no chain now, or belongs to no known parcel. */
export type UpdateOutcome = 'moved' | 'duplicate' | 'refused' | 'finished' | 'unknown';

/** How doorstep_carrier_updates_total counts one chain's outcome of an update (push and pull alike). */
export const UPDATE_RESULTS = ['mapped', 'unmapped', 'unknown_parcel', 'refused', 'duplicate'] as const;
export type UpdateResult = (typeof UPDATE_RESULTS)[number];

/** The metric's result of one chain's outcome of `update`: a finished chain refused it; an unmapped status moved nothing. */
export function updateResult(update: CarrierUpdate, outcome: UpdateOutcome): UpdateResult {
  if (outcome === 'unknown') return 'unknown_parcel';
  if (outcome === 'refused' || outcome === 'finished') return 'refused';
  if (outcome === 'duplicate') return 'duplicate';
  return update.meaning.event === 'carrier_status' ? 'unmapped' : 'mapped';
}

/** Sends one chain one event: what the chain made of it ('refused': an impossible transition). */
export type SendEvent = (parcel: ParcelRef, event: TrackingEvent) => Promise<Exclude<UpdateOutcome, 'unknown'>>;

/**
 * Delivers `update` to every chain its number belongs to (in `shop` only, when the endpoint is one
 * shop's); 'unknown' when none is linked yet (carriers often scan before the order reaches Doorstep).
 */
export async function deliverUpdate(
  update: CarrierUpdate,
  { parcels, send, shop }: { parcels: Pick<Parcels, 'find'>; send: SendEvent; shop?: string },
): Promise<UpdateOutcome[]> {
  const linked = await parcels.find(update.carrier, update.trackingNumber, shop);
  if (!linked.length) return ['unknown'];
  const event = toTrackingEvent(update);
  return Promise.all(linked.map((parcel) => send(parcel, event)));
}
