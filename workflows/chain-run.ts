/**
 * One run of an order's chain: its state, its durable timers and how each backend event, timer and
 * customer answer moves it. The update handler records events synchronously; `run()` handles them
 * in order, and notices go out through the Notifier without holding the chain up.
 */
import {
  ApplicationFailure,
  type ChildWorkflowHandle,
  condition,
  patched,
  startChild,
  workflowInfo,
} from '@temporalio/workflow';
import type { NoticeFacts } from '../activities/templates/render';
import type {
  CarriedChain,
  ChainInput,
  ChainState,
  Delay,
  DelaySource,
  Shop,
  Touchpoint,
  TrackingEvent,
} from './contract';
import { addTouchpoint, daysBetween, initialState, isTrackingStage, latest, mergeTouchpoint } from './chain-state';
import { obsoleteReason, rankOf, rejectionOf, skipPending, stageAfter } from './chain-state';
import {
  returnEventSignal,
  shopSettingsSignal,
  type CustomerReply,
  type DeliveryReceipt,
  type EventResult,
  type RatingInput,
  type RatingResult,
  type ReturnProgress,
} from './definitions';
import { Alarm } from './alarm';
import { now, nowIso } from './clock';
import { Checks } from './checks';
import { SupportDesk, type DeskChain } from './support-desk';
import { CourierCall } from './courier-call';
import { guardTime, nextPromise } from './local-time';
import { Notifier } from './notifier';
import { ChainRecords } from './records';
import { returnChainWorkflow } from './return-chain';
import { reindex, staleIndex } from './search-attributes';
import type { TemplateId, TouchpointId } from './touchpoints';

export const DAY_MS = 86_400_000;
type TimerName = keyof CarriedChain['timers'];
type Delivered = Extract<TrackingEvent, { type: 'delivered' }>;

export class ChainRun implements DeskChain {
  readonly state: ChainState;
  private readonly inbox: TrackingEvent[];
  private readonly seen: Set<string>;
  /** Durable timers as epoch milliseconds of workflow time. */
  private readonly timers: CarriedChain['timers'];
  private readonly notifier: Notifier;
  private readonly records: ChainRecords;
  private readonly courier: CourierCall;
  readonly checks: Checks;
  readonly desk: SupportDesk;
  private returnReceived = false;
  private returnChild?: ChildWorkflowHandle<typeof returnChainWorkflow>;
  /** The active part of the chain is over: cancelled, or delivered and past any return. */
  private done = false;
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
      obsolete: (tp: Touchpoint) => obsoleteReason(this.state, tp, this.courier.called),
      failed: (reason: string) => this.records.flag(reason, 'notice_failed'),
    };
    this.notifier = new Notifier(input, hooks, carried?.notices);
    this.courier = new CourierCall(input, this.state, this.notifier, this.timers, carried);
    this.checks = new Checks(input, this.state, this.records, this.notifier);
    this.desk = new SupportDesk(this, this.notifier);
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
    this.recordDelay(newDate, { reason }, source);
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
    // A return that has finished no longer takes signals: nothing to tell it then.
    this.returnChild?.signal(shopSettingsSignal, { shops: [shop] }).catch(() => undefined);
    if (this.timers.guard !== undefined) this.armGuard();
    this.retimed = true;
  }

  /** Update validator: rejects impossible transitions (a repeated eventId is always accepted). */
  validate(event: TrackingEvent): void {
    if (this.seen.has(event.eventId)) return;
    const returnOpen = this.state.returnUntil !== undefined;
    const why = rejectionOf(this.state, event, { returnReceived: this.returnReceived, returnOpen });
    if (why) throw ApplicationFailure.create({ type: 'ImpossibleTransition', message: why, nonRetryable: true });
  }

  /** Update handler: records the event and moves the stage at once; effects follow in `run()`. */
  accept(event: TrackingEvent): EventResult {
    if (this.seen.has(event.eventId)) return { stage: this.state.stage, duplicate: true };
    this.seen.add(event.eventId);
    const stage = stageAfter(this.state.stage, event);
    const late = stage === this.state.stage && isTrackingStage(event.type);
    this.state.events.push({ eventId: event.eventId, type: event.type, at: event.at, applied: !late });
    if (event.type === 'return_received') this.returnReceived = true;
    // Kept even from a late event: support and the tracking page show it.
    if (event.type === 'handed_to_carrier' && event.data.trackingNumber)
      this.state.trackingNumber = event.data.trackingNumber;
    this.state.stage = stage;
    // `run()` handles the event and indexes the new stage in the same workflow task; once it is over, this does.
    if (!late) this.inbox.push(event);
    if (this.done) this.reindex();
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
      this.records.fact({ kind: 'started', firstPromise: this.state.promisedDate });
      this.send(this.tp('confirmation'), {
        promisedDate: this.state.promisedDate,
        promisedWindow: this.state.promisedWindow,
      });
      this.armGuard();
    }
    const mayContinue = () => workflowInfo().continueAsNewSuggested && !this.returnChild && this.idle();
    const alarm = new Alarm();
    while (!this.done) {
      // What the last turn changed; the last turn's changes are indexed by close() with the final stage.
      this.reindex();
      const due = (Object.entries(this.timers) as [TimerName, number][]).sort((a, b) => a[1] - b[1])[0];
      alarm.set(due?.[1], now());
      // A handler that changed what the lists show (a reply, a support promise) wakes the loop to index it.
      await condition(
        () =>
          this.inbox.length > 0 ||
          this.done ||
          mayContinue() ||
          alarm.rang ||
          this.retimed ||
          staleIndex(this.state, this.courier.called).length > 0,
      );
      this.retimed = false;
      if (this.inbox.length) {
        await this.handle(this.inbox.shift()!);
        // Logged at once: the chain's last event (a delivery without a return window) ends the loop.
        this.records.stage();
      } else if (mayContinue()) return 'continue';
      // A handler may have moved or cleared the timer while the alarm rang for it.
      else if (alarm.take() && due && this.timers[due[0]] === due[1]) this.onTimer(due[0]);
    }
    alarm.set(undefined, now());
    return 'done';
  }

  /** The closing notice (unless the chain was cancelled); resolves once every notice is out. */
  async close(): Promise<void> {
    if (this.state.stage !== 'cancelled') {
      this.state.stage = 'closed';
      skipPending(this.state, ['tracking', 'arrival']);
      this.send(this.tp('closing'));
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

  private async handle(event: TrackingEvent): Promise<void> {
    switch (event.type) {
      case 'handed_to_carrier':
      case 'in_transit':
        if (!this.tp('tracking').notices.length) this.send(this.tp('tracking'));
        return;
      case 'arrived_in_city':
        this.leaveStagesBehind();
        if (!this.tp('arrival').notices.length) this.send(this.tp('arrival'));
        this.courier.armDeliveryDay();
        return;
      case 'out_for_delivery':
        this.leaveStagesBehind();
        this.courier.armDeadline();
        this.courier.armDeliveryDay();
        return;
      case 'eta_changed':
        if (daysBetween(this.state.promisedDate, event.data.newEta) > 0)
          this.recordDelay(event.data.newEta, { reason: event.data.reason }, 'carrier');
        return;
      case 'courier_called':
        this.courier.agree({ ...event.data.window, agreedBy: 'courier' });
        return;
      case 'delivery_failed':
        this.courier.reset();
        this.send(addTouchpoint(this.state, 'failed-attempt'), { reason: event.data.reason });
        addTouchpoint(this.state, 'courier-call');
        this.courier.armDeadline();
        return;
      case 'delivered':
        return this.delivered(event);
      case 'return_requested':
        return this.startReturn();
      case 'return_received':
      case 'refund_issued':
        await this.returnChild?.signal(returnEventSignal, event);
        return;
      case 'cancelled':
        return this.cancelled(event);
      default:
        return;
    }
  }

  /** The shop closes the chain: before delivery the order is off; after it, the return offer ends. */
  private cancelled(event: Extract<TrackingEvent, { type: 'cancelled' }>): void {
    this.done = true;
    this.courier.stopDeadlines();
    const afterDelivery = this.state.returnUntil !== undefined;
    delete this.timers.returnWindow;
    this.state.returnUntil = undefined;
    this.send(
      addTouchpoint(this.state, 'cancellation'),
      { reason: event.data.reason },
      afterDelivery ? 'cancellation-after-delivery' : undefined,
    );
    skipPending(this.state);
  }

  private delivered(event: Delivered): void {
    this.leaveStagesBehind();
    if (event.data.proof) this.state.deliveryProof = event.data.proof;
    const known = this.state.conflicts.length;
    this.courier.delivered(event);
    this.records.delivered(event.at, known);
    const { order } = this.input;
    const { returnWindowDays } = order;
    this.send(this.tp('handover'), { returnDays: returnWindowDays });
    if (returnWindowDays > 0) {
      this.timers.returnWindow = now() + returnWindowDays * DAY_MS;
      this.state.returnUntil = new Date(this.timers.returnWindow).toISOString();
    } else this.done = true;
  }

  private async startReturn(): Promise<void> {
    delete this.timers.returnWindow;
    this.state.returnUntil = undefined;
    for (const name of ['return-accepted', 'return-received', 'return-refund'] as const)
      addTouchpoint(this.state, name);
    const parentWorkflowId = workflowInfo().workflowId;
    const { order, shop, trackingUrl } = this.input;
    this.returnChild = await startChild(returnChainWorkflow, {
      workflowId: `${parentWorkflowId}-return`,
      args: [{ order, shop, trackingUrl, parentWorkflowId }],
    });
    void this.returnChild.result().then(
      () => (this.done = true),
      (err: Error) => {
        this.records.flag(`return chain failed: ${err.message}`, 'other');
        this.done = true;
      },
    );
  }

  private onTimer(name: TimerName): void {
    delete this.timers[name];
    if (name === 'returnWindow') {
      this.state.returnUntil = undefined;
      this.done = true;
    } else if (name === 'guard') {
      const { courierLeadTimeHours, guardDelayDays, quietHours } = this.input.shop;
      const next = nextPromise(
        this.state.promisedDate,
        guardDelayDays,
        now(),
        this.input.order.customer.timezone,
        courierLeadTimeHours,
        quietHours,
      );
      this.recordDelay(next, { reasonCode: 'not-in-city' }, 'guard');
    } else {
      this.courier.ask();
    }
  }

  private recordDelay(newDate: string, why: Pick<NoticeFacts, 'reason' | 'reasonCode'>, source: DelaySource): void {
    const reason = why.reason ?? 'the parcel has not reached your city yet';
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
    this.send(addTouchpoint(this.state, 'delay'), { days: delay.days, newDate, ...why });
    this.armGuard();
    this.courier.followPromise();
  }

  /** The promise guard: fires before the promise breaks while the parcel is not yet in the city. */
  private armGuard(): void {
    if (rankOf(this.state.stage) >= rankOf('arrived_in_city')) return;
    const { courierLeadTimeHours, quietHours } = this.input.shop;
    this.timers.guard = guardTime(
      this.state.promisedDate,
      this.input.order.customer.timezone,
      courierLeadTimeHours,
      quietHours,
    );
  }

  /** Touchpoints the parcel went past without their event are skipped; the guard ends on arrival. */
  private leaveStagesBehind(): void {
    const rank = rankOf(this.state.stage);
    if (rank > rankOf('in_transit')) skipPending(this.state, ['tracking']);
    if (rank > rankOf('arrived_in_city')) skipPending(this.state, ['arrival']);
    if (rank >= rankOf('arrived_in_city')) delete this.timers.guard;
  }

  private send(tp: Touchpoint, facts?: NoticeFacts, template?: TemplateId): void {
    this.notifier.send(tp, facts, template);
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
