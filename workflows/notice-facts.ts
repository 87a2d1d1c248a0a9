/** What a chain tells the send activity about a notice: the facts its template may mention, and the order. */
import type { ChainOrder } from './order';

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
}

/** The parts of an order a notice names. */
export interface OrderSummary {
  orderId: string;
  customer: ChainOrder['customer'];
  items: { name: string; qty: number }[];
  carrier: string;
  destinationCity: string;
}
