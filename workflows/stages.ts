/** The stages of a chain: the tracking line a parcel walks, then the return and the chain's ends. */
export const TRACKING_STAGES = [
  'accepted',
  'packed',
  'handed_to_carrier',
  'in_transit',
  'arrived_in_city',
  'out_for_delivery',
  'ready_for_pickup',
  'delivered',
] as const;
export type TrackingStage = (typeof TRACKING_STAGES)[number];
export const STAGES = [...TRACKING_STAGES, 'returning', 'returned', 'closed', 'cancelled'] as const;
export type Stage = (typeof STAGES)[number];

/** The tracking line of a delivery mode: a home parcel goes out for delivery, a pickup one waits at its point. */
export function trackingStagesOf(mode: 'home' | 'pickup_point'): readonly TrackingStage[] {
  const other: TrackingStage = mode === 'home' ? 'ready_for_pickup' : 'out_for_delivery';
  return TRACKING_STAGES.filter((s) => s !== other);
}
