/**
 * AfterShip's delivery statuses (tags) and sub-statuses (subtags) as Doorstep reads them: data, one
 * row per status, each row tested. A subtag's row wins over its tag's; a status neither names is
 * unmapped (kept on the chain, counted). Sources: https://www.aftership.com/docs/tracking/enum/delivery-statuses
 * and https://www.aftership.com/docs/tracking/enum/delivery-sub-statuses (Exception_016–018:
 * https://support.aftership.com/en/article/learn-about-delivery-sub-statuses-1b0hdlx/).
 */
import type { StatusTable } from '../model';

/** The nine tags. Pending and Expired say nothing about the parcel (not tracked yet, or no news for 30 days). */
export const AFTERSHIP_TAGS: StatusTable = {
  Pending: { event: 'carrier_status' },
  InfoReceived: { event: 'packed' },
  InTransit: { event: 'in_transit' },
  OutForDelivery: { event: 'out_for_delivery' },
  AttemptFail: { event: 'delivery_failed' },
  Delivered: { event: 'delivered' },
  // AfterShip gives no pickup code or deadline, so the chain cannot offer the pickup: the parcel is near.
  AvailableForPickup: { event: 'arrived_in_city' },
  Exception: { event: 'exception', reason: 'other' },
  Expired: { event: 'carrier_status' },
};

/** The subtags whose meaning differs from their tag's: the exceptions' reasons, and returns and missed pickups. */
export const AFTERSHIP_SUBTAGS: StatusTable = {
  Exception_001: { event: 'exception', reason: 'other' },
  Exception_002: { event: 'exception', reason: 'address_problem' },
  Exception_003: { event: 'exception', reason: 'other' },
  Exception_004: { event: 'exception', reason: 'customs' },
  Exception_005: { event: 'exception', reason: 'other' },
  Exception_006: { event: 'exception', reason: 'other' },
  Exception_007: { event: 'exception', reason: 'address_problem' },
  Exception_008: { event: 'pickup_expired' },
  Exception_009: { event: 'exception', reason: 'other' },
  Exception_010: { event: 'returned_to_sender' },
  Exception_011: { event: 'returned_to_sender' },
  Exception_012: { event: 'exception', reason: 'damaged' },
  Exception_013: { event: 'exception', reason: 'lost' },
  Exception_016: { event: 'exception', reason: 'capacity' },
  Exception_017: { event: 'exception', reason: 'weather' },
  Exception_018: { event: 'exception', reason: 'customs' },
};
