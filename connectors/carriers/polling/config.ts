/**
 * A pull connector's configuration (`carrierPolls[]`): the carrier whose open parcels Doorstep polls,
 * its API and key, and the rate the carrier allows across all chains.
 */
import { z } from 'zod';

export const CarrierPoll = z.object({
  /** The carrier as orders name it (compared without case): its open parcels with a tracking number are polled. */
  carrier: z.string().min(1).max(64),
  /** Which carrier API speaks: DHL's Unified Shipment Tracking, or Poczta Polska's tracking web service. */
  api: z.enum(['dhl', 'poczta-polska']),
  /** The API's base URL (the carrier's production URL when unset). */
  baseUrl: z.url({ protocol: /^https?$/ }).optional(),
  /** The carrier's API key (DHL), or a dedicated account as "user:password" (Poczta Polska; its public one when unset). */
  apiKey: z.string().min(1).optional(),
  /** Calls a minute across all chains and workers (the carrier's quota). */
  requestsPerMinute: z.number().int().min(1).max(10_000).default(60),
  /** Shortens every interval between a parcel's polls by this factor (drills and tests: 0.01 makes hours into minutes). */
  intervalScale: z.number().gt(0).max(1).default(1),
});
export type CarrierPoll = z.infer<typeof CarrierPoll>;
