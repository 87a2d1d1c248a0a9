/**
 * The chain's promise to the customer: the guard timer that fires before the promise breaks while
 * the parcel is not yet in the city, and every delay (a carrier ETA, the guard, support, the shop)
 * that moves it, with its notice, its fact and the alert a repeated delay raises.
 */
import { patched } from '@temporalio/workflow';
import type { ChainInput, Timers } from './carried';
import { DELAY_REASONS } from './carrier-delay';
import { addTouchpoint, daysBetween, rankOf } from './chain-state';
import { now, nowIso } from './clock';
import type { CourierCall } from './courier-call';
import { guardTime, nextPromise } from './local-time';
import type { NoticeFacts } from './notice-facts';
import type { Notifier } from './notifier';
import type { ChainRecords } from './records';
import type { ChainState, Delay, DelaySource } from './state';

export class DeliveryPromise {
  constructor(
    private readonly input: ChainInput,
    private readonly state: ChainState,
    /** The chain's durable timers: `guard` is this promise's. */
    private readonly timers: Timers,
    private readonly records: ChainRecords,
    private readonly notifier: Notifier,
    private readonly courier: CourierCall,
  ) {}

  /** The promise guard: fires before the promise breaks while the parcel is not yet in the city. */
  arm(): void {
    if (rankOf(this.state.stage) >= rankOf('arrived_in_city')) return;
    const { courierLeadTimeHours, quietHours } = this.input.shop;
    this.timers.guard = guardTime(
      this.state.promisedDate,
      this.input.order.customer.timezone,
      courierLeadTimeHours,
      quietHours,
    );
  }

  /** The shop's lead time or quiet hours changed: a guard that runs is set again by them. */
  rearm(): void {
    if (this.timers.guard !== undefined) this.arm();
  }

  /** The parcel reached the city (or went further): the guard ends. */
  end(): void {
    if (rankOf(this.state.stage) >= rankOf('arrived_in_city')) delete this.timers.guard;
  }

  /** The guard fired: the promise moves on by the shop's guard delay, with Doorstep's own reason. */
  fired(): void {
    const { courierLeadTimeHours, guardDelayDays, quietHours } = this.input.shop;
    const next = nextPromise(
      this.state.promisedDate,
      guardDelayDays,
      now(),
      this.input.order.customer.timezone,
      courierLeadTimeHours,
      quietHours,
    );
    this.delay(next, { reasonCode: 'not-in-city' }, 'guard');
  }

  /** Moves the promise to `newDate`: the customer gets a delay notice, and the guard and the courier follow. */
  delay(newDate: string, why: Pick<NoticeFacts, 'reason' | 'reasonCode'>, source: DelaySource): void {
    const reason = why.reason ?? DELAY_REASONS[why.reasonCode ?? 'not-in-city'];
    // The carrier is to blame for its own ETA, and for a guard that fired while it held the parcel.
    const carrierCaused =
      source === 'carrier' || (source === 'guard' && rankOf(this.state.stage) >= rankOf('handed_to_carrier'));
    const delay: Delay = {
      days: daysBetween(this.state.promisedDate, newDate),
      reason,
      newDate,
      at: nowIso(),
      source,
      carrierCaused,
    };
    this.state.delays.push(delay);
    this.state.promisedDate = newDate;
    this.state.promisedWindow = undefined;
    const n = this.state.delays.length;
    this.records.fact({ kind: 'delay', n, days: delay.days, source, carrierCaused });
    // Every delay after the first alerts support (chains before 0.3 alerted on the second only).
    if (n === 2 || (n > 2 && patched('every-delay-alerts')))
      this.records.flag(`delay ${n}: service recovery needed`, 'repeated_delay');
    this.notifier.send(addTouchpoint(this.state, 'delay'), { days: delay.days, newDate, ...why });
    this.arm();
    this.courier.followPromise();
  }
}
