/**
 * What a chain does along a scenario, worked out from the chain's rules without running it: each
 * notice it queues (touchpoint, template, facts, channels) and when, and where the chain stands
 * after each moment (for notices that become pointless while they wait). It follows workflows/chain-run.ts,
 * courier-call.ts and pickup.ts (./pickup-model.ts) on the same pure helpers and the same state (chain-state.ts
 * keeps its stage, promise and touchpoints; local-time.ts its times; touchpoints.ts and channels.ts the data);
 * test/scripts/journey.test.ts holds it to the real chain.
 */
import type { NoticeFacts } from '../workflows/notice-facts';
import {
  addTouchpoint,
  daysBetween,
  initialState,
  isTrackingStage,
  latest,
  modeOf,
  rankOf,
  stageAfter,
} from '../workflows/chain-state';
import type { CarriedChain, ChainOrder, ChainState, WindowQuestion } from '../workflows/contract';
import { DAY_MS, MINUTE_MS } from '../workflows/durations';
import { courierWindows, deliveryDayDeadline, guardTime, nextPromise } from '../workflows/local-time';
import { phoneFirst } from '../workflows/channels';
import { sentOn, specOf, templateIn, touchpointIdOf } from '../workflows/touchpoints';
import type { TemplateId, TouchpointId } from '../workflows/touchpoints';
import type { ChainModel, Lane, QueuedNotice, Snapshot } from './model';
import { PickupModel } from './pickup-model';
import { orderOf, orderTime, stepsOf, type Plan, type PlannedStep } from './plan';

/** The real chain draws a PIN per order; the preview shows this one. */
const SAMPLE_PIN = '4821';

type Timers = CarriedChain['timers'];
type TimerName = keyof Timers;

class Walk {
  readonly notices: QueuedNotice[] = [];
  readonly snapshots: Snapshot[] = [];
  /** The chain's state as its rules keep it: stage, promise, touchpoints (`delay-2`), the open question. */
  private readonly state: ChainState;
  private called = false;
  private returning = false;
  private finished = false;
  private now: number;
  private readonly timers: Timers = {};
  private readonly revisions = new Map<string, number>();
  private readonly pickup: PickupModel;

  constructor(
    private readonly plan: Plan,
    readonly order: ChainOrder,
  ) {
    this.state = initialState({ order, shop: plan.shop, trackingUrl: '' });
    this.now = orderTime(plan);
    const { state, timers } = this;
    const send = (key: string, facts: NoticeFacts) => this.send(key, facts);
    const stopCourier = () => {
      this.clearCallDeadlines();
      this.called = false;
      this.state.courierQuestion = undefined;
    };
    this.pickup = new PickupModel({ state, timers, shop: plan.shop, order, now: () => this.now, send, stopCourier });
  }

  /** The whole scenario: the order, each step (with the timers due before it), then the timers left. */
  run(): void {
    this.send('confirmation', { promisedDate: this.state.promisedDate });
    this.armGuard();
    this.snapshot();
    for (const step of stepsOf(this.plan)) {
      this.timersUntil(step.at);
      if (this.finished) continue;
      this.now = step.at;
      this.step(step);
      this.snapshot();
    }
    this.timersUntil(Infinity);
    if (this.state.stage !== 'cancelled') this.send('closing', {}, undefined, undefined, this.returning);
  }

  private step(step: PlannedStep): void {
    if ('reply' in step) return this.answer(step.reply);
    if ('switchTo' in step) return this.pickup.switchTo(step.switchTo);
    const event = step.event(new Date(this.now).toISOString());
    const stage = stageAfter(this.state.stage, event);
    // A late tracking event moves nothing and sends nothing.
    if (stage === this.state.stage && isTrackingStage(event.type)) return;
    this.state.stage = stage;
    // The touchpoints the table says this event sends (tracking, arrival), unless they went already.
    for (const id of sentOn(event.type)) if (!this.revisions.has(id)) this.send(id);
    switch (event.type) {
      case 'arrived_in_city':
        this.leaveStagesBehind();
        if (modeOf(this.state) === 'home') this.armDeliveryDayCall();
        return;
      case 'out_for_delivery':
        this.leaveStagesBehind();
        if (!this.called && !this.state.courierQuestion) this.armCallDeadline();
        return this.armDeliveryDayCall();
      case 'eta_changed':
        if (daysBetween(this.state.promisedDate, event.data.newEta) > 0)
          this.delay(event.data.newEta, { reason: event.data.reason });
        return;
      case 'courier_called':
        this.clearCallDeadlines();
        return this.agree(event.data.window);
      case 'delivery_failed':
        this.called = false;
        this.state.courierQuestion = undefined;
        this.send(this.add('failed-attempt'), { reason: event.data.reason });
        this.add('courier-call');
        return this.armCallDeadline();
      case 'delivered':
        this.clearCallDeadlines();
        this.state.courierQuestion = undefined;
        return this.handOver();
      case 'ready_for_pickup':
        this.leaveStagesBehind();
        return this.pickup.ready(event.data);
      case 'pickup_extended':
        return this.pickup.extended(event.data.pickupUntil);
      case 'picked_up':
        this.pickup.collected();
        return this.handOver();
      case 'pickup_expired':
        return this.pickup.expired();
      case 'returned_to_sender':
        this.finished = true;
        return;
      case 'return_requested':
        delete this.timers.returnWindow;
        this.returning = true;
        return this.send('return-accepted');
      case 'return_received':
        return this.send('return-received');
      case 'refund_issued':
        this.finished = true;
        return this.send('return-refund', { amount: event.data.amount });
      case 'cancelled': {
        this.finished = true;
        this.clearCallDeadlines();
        this.pickup.stop();
        // Cancelled while its return window was open: the order is closed, no return offered.
        const afterDelivery = this.timers.returnWindow !== undefined;
        delete this.timers.returnWindow;
        return this.send(
          this.add('cancellation'),
          { reason: event.data.reason },
          afterDelivery ? 'cancellation-after-delivery' : undefined,
        );
      }
      default:
        return;
    }
  }

  /** Fires the timers due before `until`, earliest first, as the chain's alarm would. */
  private timersUntil(until: number): void {
    for (;;) {
      const due = (Object.entries(this.timers) as [TimerName, number][]).sort((a, b) => a[1] - b[1])[0];
      if (!due || due[1] >= until || this.finished) return;
      delete this.timers[due[0]];
      this.now = due[1];
      if (due[0] === 'returnWindow') this.finished = true;
      else if (due[0] === 'guard') {
        const { guardDelayDays, courierLeadTimeHours, quietHours } = this.plan.shop;
        this.delay(
          nextPromise(this.state.promisedDate, guardDelayDays, this.now, this.zone, courierLeadTimeHours, quietHours),
          { reasonCode: 'not-in-city' },
        );
      } else if (due[0] === 'pickupReminder') this.pickup.remind();
      else this.ask();
      this.snapshot();
    }
  }

  /** The customer has the parcel, from the courier or the point: the handover, then the return window. */
  private handOver(): void {
    this.leaveStagesBehind();
    this.send('handover', { returnDays: this.order.returnWindowDays });
    if (this.order.returnWindowDays > 0) this.timers.returnWindow = this.now + this.order.returnWindowDays * DAY_MS;
    else this.finished = true;
  }

  /** No call in time: Doorstep offers windows itself, by phone first. */
  private ask(): void {
    this.clearCallDeadlines();
    const options = courierWindows(this.now, this.zone, this.plan.shop.quietHours);
    const touchpoint = this.latest('courier-call');
    this.state.courierQuestion = { touchpoint, options };
    const channels = this.order.customer.channels;
    this.send(touchpoint, { options }, 'courier-call-request', phoneFirst(channels));
  }

  private answer(digit: number): void {
    const option = this.state.courierQuestion?.options[digit - 1];
    if (option) this.agree(option);
  }

  private agree(window: WindowQuestion['options'][number]): void {
    this.called = true;
    this.state.courierQuestion = undefined;
    this.send(this.latest('courier-call'), { window, pin: SAMPLE_PIN });
  }

  private delay(newDate: string, why: Pick<NoticeFacts, 'reason' | 'reasonCode'>): void {
    const days = daysBetween(this.state.promisedDate, newDate);
    this.state.promisedDate = newDate;
    this.send(this.add('delay'), { days, newDate, ...why });
    this.armGuard();
    // The promise moved: a delivery-day deadline that runs moves with it.
    if (this.timers.callDay !== undefined) this.setDeliveryDayCall();
  }

  private armGuard(): void {
    if (rankOf(this.state.stage) >= rankOf('arrived_in_city')) return;
    const { courierLeadTimeHours, quietHours } = this.plan.shop;
    this.timers.guard = guardTime(this.state.promisedDate, this.zone, courierLeadTimeHours, quietHours);
  }

  /** The courier has the shop's deadline to call, from now. */
  private armCallDeadline(): void {
    this.timers.call = this.now + this.plan.shop.courierCallDeadlineMinutes * MINUTE_MS;
  }

  private armDeliveryDayCall(): void {
    if (this.timers.callDay === undefined) this.setDeliveryDayCall();
  }

  private setDeliveryDayCall(): void {
    if (this.called || this.state.courierQuestion) return;
    this.timers.callDay = deliveryDayDeadline(this.state.promisedDate, this.zone, this.plan.shop);
  }

  private clearCallDeadlines(): void {
    delete this.timers.call;
    delete this.timers.callDay;
  }

  private leaveStagesBehind(): void {
    if (rankOf(this.state.stage) >= rankOf('arrived_in_city')) delete this.timers.guard;
  }

  /** A further touchpoint of a kind (`delay`, then `delay-2`), named as the chain names it. */
  private add(name: TouchpointId): string {
    return addTouchpoint(this.state, name).key;
  }

  private latest(name: TouchpointId): string {
    return latest(this.state, name)!.key;
  }

  private send(
    key: string,
    facts: NoticeFacts = {},
    template?: TemplateId,
    channels = this.order.customer.channels,
    afterReturn = false,
  ): void {
    const { delivery } = this.state;
    // Every notice of a pickup chain names the point the parcel goes to (or waits at) now, as the notifier does.
    if (delivery?.mode === 'pickup_point') facts = { point: delivery.point, ...facts };
    const revision = (this.revisions.get(key) ?? 0) + 1;
    this.revisions.set(key, revision);
    // Done, as the chain's notifier marks it: a further touchpoint of its kind is listed after it.
    const tp = this.state.touchpoints.find((t) => t.key === key);
    if (tp) tp.status = 'done';
    const spec = specOf(key)!;
    const lane: Lane = key.startsWith('return-') ? 'return' : spec.urgent ? 'urgent' : 'calm';
    this.notices.push({
      key,
      revision,
      template: template ?? templateIn(touchpointIdOf(key)!, modeOf(this.state)),
      facts,
      channels,
      urgent: spec.urgent,
      lane,
      queuedAt: this.now,
      afterReturn,
    });
  }

  private snapshot(): void {
    const { stage, pickup } = this.state;
    this.snapshots.push({ at: this.now, stage, courierCalled: this.called, pickupUntil: pickup?.until });
  }

  private get zone(): string {
    return this.order.customer.timezone;
  }
}

/** Every notice the chain would queue along the plan's scenario, and where it stands meanwhile. */
export function modelChain(plan: Plan): ChainModel {
  const walk = new Walk(plan, orderOf(plan));
  walk.run();
  return { order: walk.order, notices: walk.notices, snapshots: walk.snapshots };
}
