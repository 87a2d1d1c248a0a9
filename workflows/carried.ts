/**
 * What a chain run starts from: its input and, after continue-as-new, what the previous run carried
 * (the state, the timers, the courier call and the notices under way). Types only.
 */
import type { ChannelName } from './channels';
import type { TrackingEvent } from './events';
import type { DeliveryReceipt } from './messages';
import type { NoticeFacts } from './notice-facts';
import type { ChainOrder } from './order';
import type { Shop } from './shop';
import type { ChainState, WindowQuestion } from './state';
import type { TemplateId } from './touchpoints';

/** Everything a chain needs at start: the order, a snapshot of its shop and its public links. */
export interface ChainInput {
  order: ChainOrder;
  shop: Shop;
  trackingUrl: string;
  /** Set when a long chain continues as new: where the previous run left off. */
  carried?: CarriedChain;
}

/** One notice as the notifier asked for it: what a fallback or a resend renders again. */
export interface NoticeRequest {
  facts: NoticeFacts;
  template: TemplateId;
  /** The channels this notice tries, in order; a fallback continues along them. */
  channels: ChannelName[];
}

/** What a notifier hands to the next run after continue-as-new. */
export interface CarriedNotices {
  requests: Record<string, NoticeRequest>;
  early: DeliveryReceipt[];
}

/** What a chain run hands to its next run (continue-as-new keeps history small). */
export interface CarriedChain {
  state: ChainState;
  seen: string[];
  inbox: TrackingEvent[];
  /**
   * `call`: the deadline from out_for_delivery or a failed attempt; `callDay`: from the morning of the
   * delivery day; `pickupReminder`: the reminder before a pickup point's deadline; `firstScan` and `silent`:
   * the carrier watchlist's (no scan since handed_to_carrier, no scan in transit).
   */
  timers: Partial<
    Record<'guard' | 'call' | 'callDay' | 'returnWindow' | 'pickupReminder' | 'firstScan' | 'silent', number>
  >;
  pin: string;
  called: boolean;
  /** Runs before 0.3 carried the open courier-window question here; it lives in the state now. */
  question?: WindowQuestion;
  notices: CarriedNotices;
}

/** The chain's durable timers, as epoch milliseconds of workflow time. */
export type Timers = CarriedChain['timers'];
