/**
 * The courier-call touchpoint of a chain: the deadlines after which Doorstep asks the customer
 * itself, the window agreed by the courier (or picked by the customer when Doorstep asked),
 * confirmed in writing with the delivery PIN, and the conflicts a delivery can reveal (no call at
 * all, a wrong PIN).
 */
import { patched, uuid4 } from '@temporalio/workflow';
import { now } from './clock';
import { MINUTE_MS } from './durations';
import type { CarriedChain, ChainInput, ChainState, CourierWindow, Touchpoint, TrackingEvent } from './contract';
import { latest } from './chain-state';
import type { CustomerReply } from './definitions';
import { courierWindows, deliveryDayDeadline } from './local-time';
import { phoneFirst } from './channels';
import type { Notifier } from './notifier';

type Delivered = Extract<TrackingEvent, { type: 'delivered' }>;

/**
 * The windows to offer. Where checking whole windows against quiet hours gives other windows than
 * the first check of their ends only, a chain that asked before the fix keeps the old ones on
 * replay: the customer's digit must pick the window the customer was offered.
 */
function windowsToOffer(t: number, zone: string, quiet: ChainInput['shop']['quietHours']) {
  const windows = courierWindows(t, zone, quiet);
  const before = courierWindows(t, zone, quiet, true);
  const same = windows.every((w, i) => w.from === before[i].from);
  return same || patched('courier-window-inside-quiet') ? windows : before;
}

export class CourierCall {
  /** A window has been agreed for the current delivery attempt. */
  called: boolean;
  private readonly pin: string;

  constructor(
    private readonly input: ChainInput,
    private readonly state: ChainState,
    private readonly notifier: Notifier,
    /** The chain's durable timers: `call` and `callDay` are this touchpoint's deadlines. */
    private readonly timers: CarriedChain['timers'],
    carried?: CarriedChain,
  ) {
    this.called = carried?.called ?? false;
    // Runs before 0.3 carried the open question beside the state.
    if (carried?.question) state.courierQuestion ??= carried.question;
    this.pin = carried?.pin ?? String(parseInt(uuid4().slice(0, 8), 16) % 10_000).padStart(4, '0');
  }

  /** The PIN the customer hands the courier, once a window is agreed. */
  agreedPin(): string | undefined {
    return this.state.courierWindow ? this.pin : undefined;
  }

  carry(): Pick<CarriedChain, 'called' | 'pin'> {
    return { called: this.called, pin: this.pin };
  }

  /** The deadline from out_for_delivery or a failed attempt, unless a window is agreed or asked for already. */
  armDeadline(): void {
    if (this.called || this.state.courierQuestion) return;
    this.timers.call = now() + this.input.shop.courierCallDeadlineMinutes * MINUTE_MS;
  }

  /**
   * A carrier that never reports out_for_delivery must not keep Doorstep from asking: the deadline
   * also runs from the start of the delivery day (the current promise, customer-local).
   */
  armDeliveryDay(): void {
    if (this.timers.callDay === undefined) this.setDeliveryDay();
  }

  /** The promise moved: a delivery-day deadline that runs moves with it. */
  followPromise(): void {
    if (this.timers.callDay !== undefined) this.setDeliveryDay();
  }

  /** Sets the delivery-day deadline, unless a window is agreed or asked for (chains before 0.3 had none). */
  private setDeliveryDay(): void {
    if (this.called || this.state.courierQuestion || !patched('delivery-day-call')) return;
    this.timers.callDay = deliveryDayDeadline(
      this.state.promisedDate,
      this.input.order.customer.timezone,
      this.input.shop,
    );
  }

  /** No deadline runs any more: a window was agreed or asked for, or the chain moved past the call. */
  stopDeadlines(): void {
    delete this.timers.call;
    delete this.timers.callDay;
  }

  /** A window agreed with the customer, confirmed in writing with the delivery PIN. */
  agree(window: CourierWindow, note?: string): void {
    this.stopDeadlines();
    this.called = true;
    this.state.courierQuestion = undefined;
    this.state.courierWindow = window;
    const call = this.touchpoint();
    if (note) call.note = note;
    this.notifier.send(call, { window, pin: this.pin });
  }

  /** No call in time: Doorstep asks the customer itself, by phone first, to pick a window by digit. */
  ask(): void {
    this.stopDeadlines();
    const { shop, order } = this.input;
    const options = windowsToOffer(now(), order.customer.timezone, shop.quietHours);
    const call = this.touchpoint();
    call.note = 'no courier call reported in time: Doorstep contacted the customer';
    this.state.courierQuestion = { touchpoint: call.key, options };
    const channels = order.customer.channels;
    this.notifier.send(call, { options }, 'courier-call-request', phoneFirst(channels));
  }

  /**
   * Takes a digit sent to the touchpoint that asked for a window: undefined when no question is
   * open there (the digit may be a rating), else whether it picked a window (another digit is
   * neither a window nor a rating).
   */
  answer({ touchpoint, digit, channel }: CustomerReply): boolean | undefined {
    const question = this.state.courierQuestion;
    if (question?.touchpoint !== touchpoint) return undefined;
    if (digit < 1 || digit > question.options.length) return false;
    this.agree(
      { ...question.options[digit - 1], agreedBy: 'customer' },
      `the customer chose window ${digit} by ${channel}`,
    );
    return true;
  }

  /** A failed attempt: the next delivery needs a new call (an old window question no longer stands). */
  reset(): void {
    this.called = false;
    this.state.courierQuestion = undefined;
  }

  /** The parcel was handed over: records a delivery without any call, or with the wrong PIN, as a conflict. */
  delivered(event: Delivered): void {
    this.stopDeadlines();
    this.state.courierQuestion = undefined;
    const call = this.touchpoint();
    if (!this.called && !call.notices.length) {
      call.status = 'conflict';
      this.state.conflicts.push({
        type: 'delivered_without_call',
        at: event.at,
        detail: 'delivered without any call to agree a time',
      });
    }
    if (event.data.pin && event.data.pin !== this.pin) {
      this.state.conflicts.push({
        type: 'pin_mismatch',
        at: event.at,
        detail: 'the PIN given to the courier does not match the one sent',
      });
    }
  }

  private touchpoint(): Touchpoint {
    return latest(this.state, 'courier-call')!;
  }
}
