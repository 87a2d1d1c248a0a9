/**
 * What each backend event and each durable timer does to a chain, in `ChainRun.run()`'s order: the
 * notices it sends, the touchpoints it adds or leaves behind, the deadlines it arms or stops, and
 * when the active part of the chain is over.
 */
import type { ChainInput, Timers } from './carried';
import { addTouchpoint, latest, modeOf, passedBy, skipPending } from './chain-state';
import { now } from './clock';
import type { CarrierWatch } from './carrier-watch';
import { etaDelay } from './carrier-delay';
import type { CourierCall } from './courier-call';
import type { DeliveryPromise } from './delivery-promise';
import { DAY_MS } from './durations';
import type { TrackingEvent } from './events';
import type { Notifier } from './notifier';
import type { Pickup } from './pickup';
import type { ChainRecords } from './records';
import type { ReturnChild } from './return-child';
import type { ChainState, Touchpoint } from './state';
import { sentOn, type TouchpointId } from './touchpoints';

type Delivered = Extract<TrackingEvent, { type: 'delivered' }>;
type PickedUp = Extract<TrackingEvent, { type: 'picked_up' }>;
type Cancelled = Extract<TrackingEvent, { type: 'cancelled' }>;

/** The parts of a chain its steps move. */
export interface ChainParts {
  notifier: Notifier;
  records: ChainRecords;
  courier: CourierCall;
  promise: DeliveryPromise;
  returns: ReturnChild;
  pickup: Pickup;
  watch: CarrierWatch;
}

export class ChainSteps {
  /** The active part of the chain is over: cancelled, or delivered and past any return. */
  done = false;

  constructor(
    private readonly input: ChainInput,
    private readonly state: ChainState,
    private readonly timers: Timers,
    private readonly parts: ChainParts,
  ) {}

  /** The effects of an event `accept` took (the stage has moved already), then what the carrier's side makes of it. */
  async handle(event: TrackingEvent): Promise<void> {
    // A late event (a repeated scan) moved nothing: only the carrier's side hears it.
    if (this.state.events.findLast((e) => e.eventId === event.eventId)?.applied !== false) await this.apply(event);
    this.parts.watch.heard(event);
  }

  private async apply(event: TrackingEvent): Promise<void> {
    const { courier, promise, returns, pickup } = this.parts;
    switch (event.type) {
      case 'handed_to_carrier':
      case 'in_transit':
        return this.sendOn(event.type);
      case 'arrived_in_city':
        this.leaveStagesBehind();
        this.sendOn(event.type);
        if (modeOf(this.state) === 'home') courier.armDeliveryDay();
        return;
      case 'out_for_delivery':
        this.leaveStagesBehind();
        courier.armDeadline();
        courier.armDeliveryDay();
        return;
      case 'eta_changed':
        if (etaDelay(event.data.newEta, this.state.promisedDate))
          promise.delay(event.data.newEta, { reason: event.data.reason }, 'carrier');
        return;
      case 'exception':
        return this.parts.watch.exception(event);
      case 'courier_called':
        courier.agree({ ...event.data.window, agreedBy: 'courier' });
        return;
      case 'delivery_failed':
        courier.reset();
        this.parts.notifier.send(addTouchpoint(this.state, 'failed-attempt'), { reason: event.data.reason });
        addTouchpoint(this.state, 'courier-call');
        courier.armDeadline();
        return;
      case 'delivered':
        return this.handOver(event, () => courier.delivered(event));
      case 'ready_for_pickup':
        this.leaveStagesBehind();
        return pickup.ready(event.data);
      case 'pickup_extended':
        return pickup.extended(event.data.pickupUntil);
      case 'picked_up':
        return this.handOver(event, () => pickup.collected());
      case 'pickup_expired':
        return pickup.expired();
      case 'returned_to_sender':
        this.done = true;
        return;
      case 'return_requested':
        return returns.start();
      case 'return_received':
      case 'refund_issued':
        await returns.forward(event);
        return;
      case 'cancelled':
        return this.cancelled(event);
      default:
        return;
    }
  }

  /** A durable timer is due: the return window ends, the guard moves the promise, or Doorstep asks for a window. */
  timer(name: keyof Timers): void {
    delete this.timers[name];
    if (name === 'returnWindow') {
      this.parts.returns.closeWindow();
      this.done = true;
    } else if (name === 'guard') {
      this.parts.promise.fired();
    } else if (name === 'pickupReminder') {
      this.parts.pickup.remind();
    } else if (name === 'firstScan' || name === 'silent') {
      this.parts.watch.silence(name);
    } else {
      this.parts.courier.ask();
    }
  }

  /** The shop closes the chain: before delivery the order is off; after it, the return offer ends. */
  private cancelled(event: Cancelled): void {
    this.done = true;
    this.parts.courier.stopDeadlines();
    this.parts.pickup.stop();
    this.parts.watch.stop();
    const afterDelivery = this.state.returnUntil !== undefined;
    this.parts.returns.closeWindow();
    this.parts.notifier.send(
      addTouchpoint(this.state, 'cancellation'),
      { reason: event.data.reason },
      afterDelivery ? 'cancellation-after-delivery' : undefined,
    );
    skipPending(this.state);
  }

  /** The customer has the parcel, from the courier or the point (`settle` ends that mode's part). */
  private handOver(event: Delivered | PickedUp, settle: () => void): void {
    this.leaveStagesBehind();
    if (event.data.proof) this.state.deliveryProof = event.data.proof;
    const known = this.state.conflicts.length;
    settle();
    this.parts.records.delivered(event.at, known);
    const { returnWindowDays } = this.input.order;
    this.parts.notifier.send(this.tp('handover'), { returnDays: returnWindowDays });
    if (returnWindowDays > 0) {
      this.timers.returnWindow = now() + returnWindowDays * DAY_MS;
      this.state.returnUntil = new Date(this.timers.returnWindow).toISOString();
    } else this.done = true;
  }

  /** Touchpoints the parcel went past without their event are skipped; the guard and the watchlist end on arrival. */
  private leaveStagesBehind(): void {
    skipPending(this.state, passedBy(this.state.stage));
    this.parts.promise.end();
    this.parts.watch.stop();
  }

  /** The touchpoints this tracking event sends, unless they went out already. */
  private sendOn(type: TrackingEvent['type']): void {
    for (const id of sentOn(type)) if (!this.tp(id).notices.length) this.parts.notifier.send(this.tp(id));
  }

  private tp(name: TouchpointId): Touchpoint {
    return latest(this.state, name)!;
  }
}
