/** Message definitions shared by the chain workflows, the API and the tests. Names are stable. */
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { ChainState, Shop, TrackingEvent } from './contract';
import type {
  CustomerReply,
  DeliveryReceipt,
  EventResult,
  RatingInput,
  RatingResult,
  ReturnEvent,
  ReturnProgress,
  SupportActionInput,
} from './messages';

export type * from './messages';

/** Default task queue of the chains (DOORSTEP_TASK_QUEUE overrides it). */
export const TASK_QUEUE = 'doorstep';

export const trackingEventUpdate = defineUpdate<EventResult, [TrackingEvent]>('trackingEvent');
/** Support acts on the chain; the validator refuses what cannot be done now (HTTP 409). */
export const supportActionUpdate = defineUpdate<EventResult, [SupportActionInput]>('supportAction');
export const chainStateQuery = defineQuery<ChainState>('chainState');
/**
 * The delivery PIN once a courier window is agreed (undefined before): for the customer's tracking page only, kept
 * out of the chain state that the shop's API and the console read.
 */
export const deliveryPinQuery = defineQuery<string | undefined>('deliveryPin');
/** A rating from the page or the API; the validator refuses a closed or unknown check (HTTP 409). */
export const ratingUpdate = defineUpdate<RatingResult, [RatingInput]>('rating');
export const deliveryReceiptSignal = defineSignal<[DeliveryReceipt]>('deliveryReceipt');
/** A digit the customer sent; answers whether it counted (a window picked, a rating recorded). */
export const customerReplyUpdate = defineUpdate<boolean, [CustomerReply]>('customerReply');
/** The shop's current settings (its configuration changed): running chains follow them from their next decision on. */
export const shopSettingsSignal = defineSignal<[{ shops: Shop[] }]>('shopSettings');
/** Parent → return child: the backend's return events. */
export const returnEventSignal = defineSignal<[ReturnEvent]>('returnEvent');
/** Return child → parent. */
export const returnProgressSignal = defineSignal<[ReturnProgress]>('returnProgress');

/** Workflow id of an order's chain: one per shop and order. */
export function chainWorkflowId(shop: string, orderId: string): string {
  return `order-${shop}-${orderId}`;
}
