/**
 * One run of an order's chain: its state, its handlers and its loop. The update handler records
 * events synchronously; `run()` takes them and the durable timers in order and lets ChainSteps say
 * what each does; the promise (DeliveryPromise), the courier call, the return child, the checks and
 * the notices (Notifier, which never holds the chain up) each keep their own part.
 */
import { ApplicationFailure, condition, patched, workflowInfo } from '@temporalio/workflow';
import type { CarriedChain, ChainInput, Timers } from './carried';
import {
  initialState,
  isTrackingStage,
  latest,
  mergeTouchpoint,
  modeOf,
  obsoleteReason,
  passedBy,
  sendToPoint,
} from './chain-state';
import { rejectionOf, skipPending, stageAfter } from './chain-state';
import { ChainSteps } from './chain-steps';
import type {
  CustomerReply,
  DeliveryReceipt,
  EventResult,
  RatingInput,
  RatingResult,
  ReturnProgress,
} from './definitions';
import { Alarm } from './alarm';
import { now } from './clock';
import { CarrierWatch, isScan } from './carrier-watch';
import { Checks } from './checks';
import { SupportDesk, type DeskChain } from './support-desk';
import { CourierCall } from './courier-call';
import { DeliveryPromise } from './delivery-promise';
import type { TrackingEvent } from './events';
import { FAILURE } from './failures';
import { Notifier } from './notifier';
import { Pickup } from './pickup';
import { ChainRecords } from './records';
import { ReturnChild } from './return-child';
import { reindex, staleIndex } from './search-attributes';
import type { Shop } from './shop';
import { HOME, inMode, type PickupPoint } from './delivery';
import type { ChainState, DelaySource, Touchpoint } from './state';
import type { TouchpointId } from './touchpoints';

type TimerName = keyof Timers;

export class ChainRun implements DeskChain {
  readonly state: ChainState;
  private readonly inbox: TrackingEvent[];
  private readonly seen: Set<string>;
  /** Durable timers as epoch milliseconds of workflow time. */
  private readonly timers: Timers;
  private readonly notifier: Notifier;
  private readonly records: ChainRecords;
  readonly courier: CourierCall;
  private readonly promise: DeliveryPromise;
  private readonly returns: ReturnChild;
  private readonly pickup: Pickup;
  private readonly steps: ChainSteps;
  readonly checks: Checks;
  readonly desk: SupportDesk;
  /** A handler changed the timers (new shop settings): the loop sets its alarm again. */
  private retimed = false;

  constructor(private readonly input: ChainInput) {
    const carried = input.carried;
    this.state = carried?.state ?? initialState(input);
    this.inbox = carried?.inbox ?? [];
    this.seen = new Set(carried?.seen);
    this.timers = carried?.timers ?? {};
    this.records = new ChainRecords(input, this.state);
    const hooks = {
      obsolete: (tp: Touchpoint) => obsoleteReason(this.state, tp, this.courier.called) ?? this.pickup.obsolete(tp),
      failed: (reason: string) => this.records.flag(reason, 'notice_failed'),
      delivery: () => this.state.delivery ?? HOME,
    };
    this.notifier = new Notifier(input, hooks, carried?.notices);
    this.courier = new CourierCall(input, this.state, this.notifier, this.timers, carried);
    this.checks = new Checks(input, this.state, this.records, this.notifier);
    this.desk = new SupportDesk(this, this.notifier);
    this.promise = new DeliveryPromise(input, this.state, this.timers, this.records, this.notifier, this.courier);
    this.returns = new ReturnChild(input, this.state, this.timers, (failure) => {
      if (failure) this.records.flag(failure, 'other');
      this.steps.done = true;
    });
    this.pickup = new Pickup(input, this.state, this.timers, this.notifier, this.records);
    const watch = new CarrierWatch(input, this.state, this.timers, this.records, this.promise);
    const { notifier, records, courier, promise, returns, pickup } = this;
    const parts = { notifier, records, courier, promise, returns, pickup, watch };
    this.steps = new ChainSteps(input, this.state, this.timers, parts);
  }

  /** Where this run stands, for the next run after continue-as-new. */
  carry(): CarriedChain {
    const { state, inbox, timers } = this;
    return { state, seen: [...this.seen], inbox, timers, ...this.courier.carry(), notices: this.notifier.carry() };
  }

  handled(id: string): boolean {
    return this.seen.has(id);
  }

  remember(id: string): void {
    this.seen.add(id);
  }

  /** Support (or the shop's system) moves the promise later: the customer gets a delay notice with the reason. */
  postpone(newDate: string, reason: string, source: DelaySource): void {
    this.promise.delay(newDate, { reason }, source);
  }

  /** The order goes to a pickup point: a home order's courier call gives way to the point's ready notice. */
  switchToPoint(point: PickupPoint): void {
    if (!sendToPoint(this.state, point)) return;
    this.courier.stopDeadlines();
    this.courier.reset();
  }

  /** Support has seen what needs attention: off the attention list until something new comes up. */
  acknowledge(acknowledged: NonNullable<ChainState['acknowledged']>): void {
    this.records.acknowledge(acknowledged);
  }

  /**
   * Signal handler: the shop's configuration changed. Every later decision (quiet hours, the cap,
   * the support contact, lead times) follows it; the promise guard is set again by the new lead time.
   */
  followShop({ shops }: { shops: Shop[] }): void {
    const shop = shops.find((s) => s.id === this.input.shop.id);
    if (!shop) return;
    this.input.shop = shop;
    this.returns.followShop(shop);
    this.promise.rearm();
    this.retimed = true;
  }

  /** Update validator: rejects impossible transitions (a repeated eventId is always accepted). */
  validate(reported: TrackingEvent): void {
    if (this.seen.has(reported.eventId)) return;
    const event = inMode(modeOf(this.state), reported);
    const returnOpen = this.state.returnUntil !== undefined;
    const why = rejectionOf(this.state, event, { returnReceived: this.returns.received, returnOpen });
    if (why) throw ApplicationFailure.create({ type: FAILURE.impossibleTransition, message: why, nonRetryable: true });
  }

  /** Update handler: records the event and moves the stage at once; effects follow in `run()`. */
  accept(reported: TrackingEvent): EventResult {
    if (this.seen.has(reported.eventId)) return { stage: this.state.stage, duplicate: true };
    this.seen.add(reported.eventId);
    const event = inMode(modeOf(this.state), reported);
    const stage = stageAfter(this.state.stage, event);
    const late = stage === this.state.stage && isTrackingStage(event.type);
    this.state.events.push({
      eventId: event.eventId,
      type: event.type,
      at: event.at,
      applied: !late,
      ...(event.carrierStatus && { carrierStatus: event.carrierStatus }),
      ...(event.type === 'exception' && { reason: event.data.reason }),
    });
    if (event.type === 'return_received') this.returns.received = true;
    // Kept even from a late event: support and the tracking page show it.
    if (event.type === 'handed_to_carrier' && event.data.trackingNumber)
      this.state.trackingNumber = event.data.trackingNumber;
    this.state.stage = stage;
    // `run()` handles the event and indexes the new stage in the same workflow task; once it is over, this does.
    // A repeated scan moves no stage, but the watchlist counts from it and its ETA may be news (chains before 0.5 ignored it).
    if (!late || (isScan(event) && patched('carrier-late-scan'))) this.inbox.push(event);
    if (this.steps.done) this.reindex();
    return { stage, duplicate: false };
  }

  /** Update handler: a customer's rating lands on its touchpoint (validated by `checks.validate`). */
  rate(rating: RatingInput): RatingResult {
    return this.checks.rate(rating);
  }

  /** A digit from the customer: the answer to an open courier-window question, else a rating; whether it counted. */
  reply(reply: CustomerReply): boolean {
    const answered = this.courier.answer(reply);
    // A window picked on the tracking page answers the question or nothing: it is never a rating.
    if (reply.channel === 'web') return answered ?? false;
    return answered ?? this.checks.answer(reply);
  }

  /** A provider's delivery receipt for one of this chain's notices. */
  receipt(receipt: DeliveryReceipt): void {
    this.notifier.receipt(receipt, this.state.touchpoints);
  }

  /** The return child reports a touchpoint as it progresses, or something support should look at. */
  returnProgress(progress: ReturnProgress): void {
    if ('alert' in progress) this.records.flag(progress.alert, 'notice_failed');
    else mergeTouchpoint(this.state, progress.touchpoint);
  }

  /**
   * Confirmation, then events and timers in order until the active part of the chain is over
   * ('done'), or until Temporal suggests continuing as new ('continue'; never while a notice
   * waits or a return runs, neither of which would outlive this run).
   */
  async run(): Promise<'done' | 'continue'> {
    if (!this.input.carried) {
      this.records.fact({ kind: 'started', firstPromise: this.state.promisedDate, mode: modeOf(this.state) });
      this.notifier.send(this.tp('confirmation'), {
        promisedDate: this.state.promisedDate,
        promisedWindow: this.state.promisedWindow,
      });
      this.promise.arm();
    }
    const mayContinue = () => workflowInfo().continueAsNewSuggested && !this.returns.started && this.idle();
    const alarm = new Alarm();
    while (!this.steps.done) {
      // What the last turn changed; the last turn's changes are indexed by close() with the final stage.
      this.reindex();
      const due = (Object.entries(this.timers) as [TimerName, number][]).sort((a, b) => a[1] - b[1])[0];
      alarm.set(due?.[1], now());
      // A handler that changed what the lists show (a reply, a support promise) wakes the loop to index it.
      await condition(
        () =>
          this.inbox.length > 0 ||
          this.steps.done ||
          mayContinue() ||
          alarm.rang ||
          this.retimed ||
          staleIndex(this.state, this.courier.called).length > 0,
      );
      this.retimed = false;
      if (this.inbox.length) {
        await this.steps.handle(this.inbox.shift()!);
        // Logged at once: the chain's last event (a delivery without a return window) ends the loop.
        this.records.stage();
      } else if (mayContinue()) return 'continue';
      // A handler may have moved or cleared the timer while the alarm rang for it.
      else if (alarm.take() && due && this.timers[due[0]] === due[1]) this.steps.timer(due[0]);
    }
    alarm.set(undefined, now());
    return 'done';
  }

  /** The closing notice (unless the chain was cancelled); resolves once every notice is out. */
  async close(): Promise<void> {
    if (this.state.stage !== 'cancelled') {
      this.state.stage = 'closed';
      skipPending(this.state, passedBy(this.state.stage));
      this.notifier.send(this.tp('closing'));
    }
    this.reindex();
    await this.settled();
  }

  /** Resolves once no notice, fact or alert is waiting or under way. */
  settled(): Promise<void> {
    return condition(() => this.idle());
  }

  private idle(): boolean {
    return this.notifier.idle() && this.records.idle();
  }

  private tp(name: TouchpointId): Touchpoint {
    return latest(this.state, name)!;
  }

  /** Visibility (and the stage log, and a final stage's fact) catch up with the stage and work lists. */
  private reindex(): void {
    reindex(this.state, this.courier.called);
    this.records.stage();
  }
}
