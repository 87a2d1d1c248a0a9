/** The stages of a chain: the tracking line a parcel walks, then the return and the chain's ends. */
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
