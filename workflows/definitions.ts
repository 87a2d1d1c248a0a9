/** Message definitions shared by the chain workflows, the API and the tests. Names are stable. */
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type {
  ChainState,
  ChannelName,
  Rating,
  Shop,
  Stage,
  SupportAction,
  Touchpoint,
  TrackingEvent,
} from './contract';

/** Default task queue of the chains (DOORSTEP_TASK_QUEUE overrides it). */
export const TASK_QUEUE = 'doorstep';

export interface EventResult {
  stage: Stage;
  duplicate: boolean;
}

export interface RatingInput extends Omit<Rating, 'changedAt' | 'recovered'> {
  touchpoint: string;
}

export interface RatingResult {
  touchpoint: string;
  score: number;
  /** The customer changed an earlier answer. */
  changed: boolean;
}

/** A provider's final word on a notice (Twilio status callback). */
export interface DeliveryReceipt {
  touchpoint: string;
  providerId: string;
  status: 'delivered' | 'undelivered';
  /** "30003 unreachable handset", "no answer", "delivered". */
  reason: string;
  at: string;
}

/** A digit the customer sent back: an SMS/WhatsApp reply, a key pressed during a call, or a choice on the tracking page. */
export interface CustomerReply {
  /** The touchpoint whose notice the customer answered. */
  touchpoint: string;
  digit: number;
  channel: ChannelName | 'web';
  at: string;
}

export type ReturnEvent = Extract<TrackingEvent, { type: 'return_received' | 'refund_issued' }>;

/** A support action with who took it; `requestId` makes a retried request a no-op. */
export interface SupportActionInput {
  action: SupportAction;
  actor: string;
  /** Whether a staff member acted in the console or the shop's system through the API (unset before 0.3: staff). */
  via?: 'console' | 'api';
  at: string;
  requestId: string;
}

export const trackingEventUpdate = defineUpdate<EventResult, [TrackingEvent]>('trackingEvent');
/** Support acts on the chain; the validator refuses what cannot be done now (HTTP 409). */
export const supportActionUpdate = defineUpdate<EventResult, [SupportActionInput]>('supportAction');
export const chainStateQuery = defineQuery<ChainState>('chainState');
/** A rating from the page or the API; the validator refuses a closed or unknown check (HTTP 409). */
export const ratingUpdate = defineUpdate<RatingResult, [RatingInput]>('rating');
export const deliveryReceiptSignal = defineSignal<[DeliveryReceipt]>('deliveryReceipt');
/** A digit the customer sent; answers whether it counted (a window picked, a rating recorded). */
export const customerReplyUpdate = defineUpdate<boolean, [CustomerReply]>('customerReply');
/** The shop's current settings (its configuration changed): running chains follow them from their next decision on. */
export const shopSettingsSignal = defineSignal<[{ shops: Shop[] }]>('shopSettings');
/** Parent → return child: the backend's return events. */
export const returnEventSignal = defineSignal<[ReturnEvent]>('returnEvent');
/** What the return child reports: a touchpoint as it progresses, or a reason for support to look. */
export type ReturnProgress = { touchpoint: Touchpoint } | { alert: string };
/** Return child → parent. */
export const returnProgressSignal = defineSignal<[ReturnProgress]>('returnProgress');

/** Workflow id of an order's chain: one per shop and order. */
export function chainWorkflowId(shop: string, orderId: string): string {
  return `order-${shop}-${orderId}`;
}
