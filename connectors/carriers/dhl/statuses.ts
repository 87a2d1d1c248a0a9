/**
 * DHL Shipment Tracking - Unified: its `status.statusCode` values and what each means for the chain
 * (https://developer.dhl.com/api-reference/shipment-tracking, "supermodelIoLogisticsTrackingShipmentEvent").
 * 'unknown' is left out on purpose: DHL does not know, so the chain keeps it as an unmapped status.
 */
import type { StatusTable } from '../model';

export const DHL_STATUSES: StatusTable = {
  'pre-transit': { event: 'handed_to_carrier' },
  transit: { event: 'in_transit' },
  delivered: { event: 'delivered' },
  failure: { event: 'exception', reason: 'other' },
};

/** DHL's statuses after which the parcel is not polled again. */
export const DHL_FINAL = new Set(['delivered']);
