/** What a chain tells the send activity about a notice: the facts its template may mention, and the order. */
import type { PickupPoint } from './delivery';
import type { ChainOrder } from './order';
import type { Shop } from './shop';

/** Facts a notice may mention; dates as ISO strings, formatted by the template. */
export interface NoticeFacts {
  promisedDate?: string;
  promisedWindow?: { from: string; to: string };
  newDate?: string;
  days?: number;
  reason?: string;
  /** The delay comes from Doorstep's own promise guard: its reason is said in the customer's language. */
  reasonCode?: 'not-in-city';
  window?: { from: string; to: string };
  pin?: string;
  returnDays?: number;
  amount?: string;
  /** Courier windows offered when Doorstep asks the customer itself, answered by digit. */
  options?: { from: string; to: string }[];
  /** The pickup point the parcel goes to, or waits at (pickup-point chains). */
  point?: PickupPoint;
  /** The code that opens the locker or shows at the counter. */
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
