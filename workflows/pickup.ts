/**
 * A pickup-point chain's own part (SPEC "Delivery modes"): the parcel ready at its point with its code and
 * deadline, the reminder before the deadline (at a decent hour, re-armed by an extension, skipped once collected),
 * and what happens when nobody comes: the customer is told what follows, support is alerted, and the chain is
 * returning until the shop reports the parcel back.
 */
import type { ChainInput, Timers } from './carried';
import { addTouchpoint, latest, pickupReminderObsolete, skipPending } from './chain-state';
import { now } from './clock';
import type { TrackingEvent } from './events';
import { pickupReminderTime } from './local-time';
import type { NoticeFacts } from './notice-facts';
import type { Notifier } from './notifier';
import type { ChainRecords } from './records';
import type { ChainState, Touchpoint } from './state';

type Ready = Extract<TrackingEvent, { type: 'ready_for_pickup' }>['data'];

export class Pickup {
  constructor(
    private readonly input: ChainInput,
    private readonly state: ChainState,
    private readonly timers: Timers,
    private readonly notifier: Notifier,
    private readonly records: ChainRecords,
  ) {}

  /** The parcel waits at its point (another one than the order named, when the carrier moved it). */
  ready({ pickupCode, pickupUntil, point }: Ready): void {
    const { delivery } = this.state;
    if (point && delivery?.mode === 'pickup_point') this.state.delivery = { ...delivery, point };
    // A second ready (the carrier moved the parcel) is no new fact: the first counts for the time to collection.
    if (!this.state.pickup) this.records.fact({ kind: 'pickup', step: 'ready' });
    this.state.pickup = { ...(pickupCode && { code: pickupCode }), until: pickupUntil };
    this.notifier.send(latest(this.state, 'ready-for-pickup')!, this.facts());
    this.arm();
  }

  /** The point keeps the parcel longer: the reminder follows the new deadline. */
  extended(pickupUntil: string): void {
    this.state.pickup = { ...this.state.pickup!, until: pickupUntil };
    this.arm();
  }

  /** The customer has the parcel: no reminder any more (nor a ready notice, when the carrier never reported one). */
  collected(): void {
    this.records.fact({ kind: 'pickup', step: 'collected' });
    this.stop();
    skipPending(this.state, ['ready-for-pickup']);
  }

  /** Nobody came in time: the customer hears what happens now, support is alerted, the parcel goes back. */
  expired(): void {
    this.records.fact({ kind: 'pickup', step: 'expired' });
    this.stop();
    skipPending(this.state, ['handover']);
    const pickup = (this.state.pickup = { ...this.state.pickup!, expired: true as const });
    const afterExpiry = this.input.shop.pickupExpiredAction ?? 'return';
    this.notifier.send(addTouchpoint(this.state, 'pickup-expired'), { ...this.facts(), afterExpiry });
    const point = this.state.delivery?.mode === 'pickup_point' ? ` at ${this.state.delivery.point.name}` : '';
    this.records.flag(`nobody collected the parcel${point} by ${pickup.until}: ${afterExpiry}`, 'pickup_expired');
  }

  /** The reminder's time has come. */
  remind(): void {
    delete this.state.pickup?.reminderAt;
    const reminder = latest(this.state, 'pickup-reminder');
    if (reminder?.status === 'pending') this.notifier.send(reminder, this.facts());
  }

  /** The reminder is dropped once its deadline passed while it waited (quiet hours, the daily cap). */
  obsolete(tp: Pick<Touchpoint, 'name'>): string | undefined {
    return pickupReminderObsolete(this.state.pickup, tp, now());
  }

  /** The chain ends early (cancelled, collected, expired): no reminder waits. */
  stop(): void {
    delete this.timers.pickupReminder;
    delete this.state.pickup?.reminderAt;
    skipPending(this.state, ['pickup-reminder']);
  }

  /** What the pickup notices say beside the point (the notifier adds it): the code (if the chain has it) and the deadline. */
  private facts(): NoticeFacts {
    const { pickup } = this.state;
    return { pickupCode: pickup?.code, pickupUntil: pickup?.until };
  }

  /**
   * The reminder `pickupReminderHours` before the deadline, out of quiet hours; none when that moment has passed
   * already (the ready notice just named the deadline). A reminder sent for an earlier deadline stays on the
   * chain; the new deadline gets its own.
   */
  private arm(): void {
    const { shop, order } = this.input;
    const pickup = this.state.pickup!;
    const hours = shop.pickupReminderHours ?? 24;
    const at = pickupReminderTime(pickup.until, hours, order.customer.timezone, shop.quietHours);
    if (at <= now()) return this.stop();
    const last = latest(this.state, 'pickup-reminder');
    if (last?.status !== 'pending') addTouchpoint(this.state, 'pickup-reminder');
    this.timers.pickupReminder = at;
    pickup.reminderAt = new Date(at).toISOString();
  }
}
