/**
 * What a chain exposes: its state as the query returns it, with its touchpoints, their notices and
 * each send decision, the delays, conflicts and the courier window.
 */
import type { ChannelName } from './channels';
import type { Delivery } from './delivery';
import type { AuditEntry, CarrierStatus, EventType, ExceptionReason } from './events';
import type { Stage } from './stages';

export type TouchpointStatus = 'pending' | 'done' | 'skipped' | 'conflict';

/** Where a notice stands: waiting (queued, deferred), handed to a provider, or ended without one. */
export type NoticeStatus =
  'queued' | 'deferred' | 'sent' | 'delivered' | 'undelivered' | 'failed' | 'suppressed' | 'dropped';

/** One send decision and its reason, as support sees it ("fell back to email: 21211 invalid number"). */
export interface Decision {
  at: string;
  outcome: 'deferred' | 'sent' | 'failed' | 'suppressed' | 'skipped' | 'dropped' | 'delivered' | 'undelivered';
  channel?: ChannelName;
  reason: string;
}

export interface Notice {
  /** 1 for the first send of a touchpoint's notice; a resend counts up. */
  revision: number;
  /** The channel that carried it, once one did. */
  channel?: ChannelName;
  status: NoticeStatus;
  at: string;
  providerId?: string;
  /** Exactly what the customer got on that channel. */
  subject?: string;
  text?: string;
  /** The version of the shop's own wording it carried; unset, the built-in catalog's. */
  templateVersion?: number;
  decisions: Decision[];
}

export interface Rating {
  score: number;
  comment?: string;
  at: string;
  /** Set when the customer changed their first answer while the check was open. */
  changedAt?: string;
  /** A low score started service recovery (support alerted, the customer followed up). */
  recovered?: boolean;
}

export interface Touchpoint {
  /** Unique within the chain: the touchpoint id, or id-N for a repeat (delay-2, courier-call-2). */
  key: string;
  name: string;
  status: TouchpointStatus;
  at?: string;
  notices: Notice[];
  rating?: Rating;
  note?: string;
}

/**
 * Who moved the promise: the carrier's new ETA, Doorstep's promise guard, a support agent in the
 * console, or the shop's own system through the API.
 */
export type DelaySource = 'carrier' | 'guard' | 'support' | 'shop';

export interface Delay {
  days: number;
  reason: string;
  newDate: string;
  at: string;
  source: DelaySource;
  /** The carrier is to blame (its ETA, or a guard that fired while it held the parcel); unset in chains before 0.3. */
  carrierCaused?: boolean;
}

export interface Conflict {
  type: 'delivered_without_call' | 'pin_mismatch';
  at: string;
  detail: string;
}

export interface CourierWindow {
  from: string;
  to: string;
  /** Agreed by the courier's call, or picked by the customer when Doorstep asked. */
  agreedBy: 'courier' | 'customer';
}

export interface ChainState {
  orderId: string;
  shop: string;
  carrier: string;
  /** The customer's locale and time zone: pages and the console show dates as the customer reads them. */
  locale: string;
  timezone: string;
  stage: Stage;
  promisedDate: string;
  promisedWindow?: { from: string; to: string };
  delays: Delay[];
  courierWindow?: CourierWindow;
  /** How the parcel reaches the customer, with the point it waits at now; unset in chains before 0.4: home. */
  delivery?: Delivery;
  /** The parcel waits at its pickup point: its code and deadline (the shop's and the customer's to know). */
  pickup?: PickupWait;
  /** Windows Doorstep offered the customer itself (no courier call came), while the question is open. */
  courierQuestion?: WindowQuestion;
  /** Until when the customer may still open a return (ISO), once delivered with a return window. */
  returnUntil?: string;
  touchpoints: Touchpoint[];
  conflicts: Conflict[];
  /** Every reason the chain needed attention, oldest first. */
  attention: string[];
  /** Support's last acknowledgement: the chain needs attention again once `attention` grows past `seen`. */
  acknowledged?: { at: string; actor: string; note: string; seen: number };
  /** The carrier's tracking number, from the order or handed_to_carrier. */
  trackingNumber?: string;
  /** The proof of delivery the carrier gave (a signature or photo reference), from delivered. */
  deliveryProof?: string;
  events: ChainEvent[];
  audit: AuditEntry[];
  trackingUrl: string;
}

/** One event as the chain took it: `applied` false when it came late and moved nothing. */
export interface ChainEvent {
  eventId: string;
  type: EventType;
  at: string;
  applied: boolean;
  /** What the carrier itself said (its raw status, text and ETA), for support. */
  carrierStatus?: CarrierStatus;
  /** An exception's normalized reason. */
  reason?: ExceptionReason;
}

/** A parcel waiting at its pickup point. */
export interface PickupWait {
  /** Unset when the carrier sends the code to the customer itself. */
  code?: string;
  /** The deadline (ISO instant); an extension moves it. */
  until: string;
  /** When the reminder is due (ISO instant), while one is armed. */
  reminderAt?: string;
  /** Nobody came in time: the parcel goes back to the shop. */
  expired?: true;
}

/** Courier windows Doorstep offered the customer, answered by digit on the touchpoint that asked. */
export interface WindowQuestion {
  touchpoint: string;
  options: { from: string; to: string }[];
}
