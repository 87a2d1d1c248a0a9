/** The payloads of the chain's messages (see definitions.ts for the messages themselves). */
import type { ChannelName } from './channels';
import type { SupportAction, TrackingEvent } from './events';
import type { Stage } from './stages';
import type { Rating, Touchpoint } from './state';

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

/**
 * A digit the customer sent back: an SMS/WhatsApp reply, a key pressed during a call, or a choice on the
 * tracking page.
 */
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

/** What the return child reports: a touchpoint as it progresses, or a reason for support to look. */
export type ReturnProgress = { touchpoint: Touchpoint } | { alert: string };
