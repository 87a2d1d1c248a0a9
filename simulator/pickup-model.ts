/**
 * The pickup-point part of the chain's model: a home order sent to a point, the parcel ready there with its code
 * and deadline, the reminder before the deadline (the chain's own time rule, pickupReminderTime, moves it out of
 * quiet hours), re-armed by an extension, stopped once collected, and the expiry. It follows workflows/pickup.ts
 * and chain-state.ts `sendToPoint` on the same state (chain-state.ts keeps the touchpoints, state.pickup the code,
 * deadline and reminder).
 */
import { addTouchpoint, latest, sendToPoint, skipPending } from '../workflows/chain-state';
import type { CarriedChain, ChainOrder, ChainState, PickupPoint, Shop, TrackingEvent } from '../workflows/contract';
import { pickupReminderTime } from '../workflows/local-time';
import type { NoticeFacts } from '../workflows/notice-facts';

type Ready = Extract<TrackingEvent, { type: 'ready_for_pickup' }>['data'];

/** What the pickup part reads and moves of the walk along a scenario. */
export interface PickupWalk {
  state: ChainState;
  timers: CarriedChain['timers'];
  shop: Shop;
  order: ChainOrder;
  /** The walk's clock (epoch ms). */
  now(): number;
  /** Queues a touchpoint's notice in its mode's template, naming the point. */
  send(key: string, facts: NoticeFacts): void;
  /** The courier part stops: no deadline, no question, no call. */
  stopCourier(): void;
}

export class PickupModel {
  constructor(private readonly walk: PickupWalk) {}

  /**
   * The customer sends the order to a point (workflows/chain-state.ts `sendToPoint`): a home order's courier call
   * gives way to the point's ready notice.
   */
  switchTo(point: PickupPoint): void {
    if (sendToPoint(this.walk.state, point)) this.walk.stopCourier();
  }

  /** The parcel waits at its point (another one than the order named, when the carrier moved it). */
  ready({ pickupCode, pickupUntil, point }: Ready): void {
    const { state } = this.walk;
    if (point && state.delivery?.mode === 'pickup_point') state.delivery = { ...state.delivery, point };
    state.pickup = { code: pickupCode, until: pickupUntil };
    this.walk.send(latest(state, 'ready-for-pickup')!.key, this.facts());
    this.arm();
  }

  /** The point keeps the parcel longer: the reminder follows the new deadline. */
  extended(pickupUntil: string): void {
    this.walk.state.pickup = { ...this.walk.state.pickup!, until: pickupUntil };
    this.arm();
  }

  collected(): void {
    this.stop();
    skipPending(this.walk.state, ['ready-for-pickup']);
  }

  /** Nobody came in time: the customer hears what happens to the parcel, per the shop's setting. */
  expired(): void {
    const { state, shop } = this.walk;
    this.stop();
    skipPending(state, ['handover']);
    state.pickup = { ...state.pickup!, expired: true };
    const afterExpiry = shop.pickupExpiredAction ?? 'return';
    this.walk.send(addTouchpoint(state, 'pickup-expired').key, { ...this.facts(), afterExpiry });
  }

  /** The reminder's timer is due. */
  remind(): void {
    const { state } = this.walk;
    delete state.pickup?.reminderAt;
    const reminder = latest(state, 'pickup-reminder');
    if (reminder?.status === 'pending') this.walk.send(reminder.key, this.facts());
  }

  /** No reminder waits any more (collected, expired, cancelled). */
  stop(): void {
    delete this.walk.timers.pickupReminder;
    delete this.walk.state.pickup?.reminderAt;
    skipPending(this.walk.state, ['pickup-reminder']);
  }

  /** What the pickup notices say beside the point (every notice of the mode names it): the code and the deadline. */
  private facts(): NoticeFacts {
    const { pickup } = this.walk.state;
    return { pickupCode: pickup?.code, pickupUntil: pickup?.until };
  }

  /** The reminder at the chain's time for it; none once that moment has passed. */
  private arm(): void {
    const { state, shop, order, timers } = this.walk;
    const pickup = state.pickup!;
    const at = pickupReminderTime(
      pickup.until,
      shop.pickupReminderHours ?? 24,
      order.customer.timezone,
      shop.quietHours,
    );
    if (at <= this.walk.now()) return this.stop();
    if (latest(state, 'pickup-reminder')?.status !== 'pending') addTouchpoint(state, 'pickup-reminder');
    timers.pickupReminder = at;
    pickup.reminderAt = new Date(at).toISOString();
  }
}
