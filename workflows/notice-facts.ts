/** What a chain tells the send activity about a notice: the facts its template may mention, and the order. */
import type { PickupPoint } from './delivery';
import type { ExceptionReason } from './events';
import type { ChainOrder } from './order';
import type { Shop } from './shop';

/**
 * Delay reasons the carrier's side gives, said in the customer's language: its ETA after the promise, its
 * silence (the watchlist), or an exception's normalized reason (never the carrier's own text).
 */
export type CarrierReasonCode = 'carrier-eta' | 'carrier-silent' | ExceptionReason;
/** A delay reason the notice words in the customer's language; 'not-in-city': Doorstep's own promise guard. */
export type ReasonCode = 'not-in-city' | CarrierReasonCode;

/** Facts a notice may mention; dates as ISO strings, formatted by the template. */
export interface NoticeFacts {
  promisedDate?: string;
  promisedWindow?: { from: string; to: string };
  newDate?: string;
  days?: number;
  reason?: string;
  /** A delay reason Doorstep words itself, in the customer's language (in place of `reason`). */
  reasonCode?: ReasonCode;
  window?: { from: string; to: string };
  pin?: string;
  returnDays?: number;
  amount?: string;
  /** Courier windows offered when Doorstep asks the customer itself, answered by digit. */
  options?: { from: string; to: string }[];
  /** The pickup point the parcel goes to, or waits at (pickup-point chains). */
  point?: PickupPoint;
  /** The code that opens the locker or shows at the counter; unset when the carrier sends it to the customer. */
  pickupCode?: string;
  /** Until when the parcel waits at the point (ISO instant). */
  pickupUntil?: string;
  /** What happens to a parcel nobody collected, as the shop set it. */
  afterExpiry?: Shop['pickupExpiredAction'];
}

/** The parts of an order a notice names. */
export interface OrderSummary {
  orderId: string;
  customer: ChainOrder['customer'];
  items: { name: string; qty: number }[];
  carrier: string;
  destinationCity: string;
}
