/**
 * Support acting on a chain: cancel, agree a courier window, open a return, resend a notice, move
 * the promise (the customer gets a delay notice). Each action is validated against the chain's
 * state (a refusal is an HTTP 409), done once per request id, and written to the audit trail.
 */
import { ApplicationFailure } from '@temporalio/workflow';
import type { AuditEntry, ChainState, DelaySource, PickupPoint, SupportAction, TrackingEvent } from './contract';
import { daysBetween, needsAttention, rankOf, switchRefusal } from './chain-state';
import { FAILURE } from './failures';
import type { EventResult, SupportActionInput } from './definitions';
import type { Notifier } from './notifier';

/** What the desk needs of the chain it acts on. */
export interface DeskChain {
  readonly state: ChainState;
  /** Whether an event or request id was handled already. */
  handled(id: string): boolean;
  /** Marks a request id handled (an event's id is marked by `accept`). */
  remember(id: string): void;
  validate(event: TrackingEvent): void;
  accept(event: TrackingEvent): EventResult;
  postpone(newDate: string, reason: string, source: DelaySource): void;
  /** Takes the chain off the attention list until something new needs attention. */
  acknowledge(acknowledged: NonNullable<ChainState['acknowledged']>): void;
  /** Sends the order to a pickup point (a home order stops waiting for a courier). */
  switchToPoint(point: PickupPoint): void;
}

type EventAction = Extract<SupportAction, { action: 'cancel' | 'courier-call' | 'open-return' }>;

/** The tracking event an action stands for, keyed by its request. */
function eventOf(action: EventAction, { requestId, at }: SupportActionInput): TrackingEvent {
  const eventId = `support-${requestId}`;
  if (action.action === 'courier-call') return { eventId, type: 'courier_called', at, data: { window: action.window } };
  const data = { ...(action.reason && { reason: action.reason }) };
  return action.action === 'cancel'
    ? { eventId, type: 'cancelled', at, data }
    : { eventId, type: 'return_requested', at, data };
}

/** The audit line of an action. */
function detailOf(action: SupportAction): string {
  switch (action.action) {
    case 'acknowledge':
      return `acknowledged what needs attention: ${action.note}`;
    case 'cancel':
      return `cancelled the order${action.reason ? `: ${action.reason}` : ''}`;
    case 'courier-call':
      return `agreed the courier window ${action.window.from} – ${action.window.to}`;
    case 'open-return':
      return `opened a return${action.reason ? `: ${action.reason}` : ''}`;
    case 'resend':
      return `resent the notice of ${action.touchpoint}`;
    case 'set-promise':
      return `moved the promise to ${action.promisedDate}: ${action.reason}`;
    case 'switch-to-point':
      return `sent the order to the pickup point ${action.point.name} (${action.point.id}, ${action.point.address})`;
  }
}

/** Resends of one touchpoint's notice a chain accepts in all. */
const MAX_RESENDS = 3;

export class SupportDesk {
  constructor(
    private readonly chain: DeskChain,
    private readonly notifier: Notifier,
  ) {}

  /** Update validator: why the action cannot be done now, as an ApplicationFailure; a repeated request passes. */
  validate(input: SupportActionInput): void {
    if (this.chain.handled(`support-${input.requestId}`)) return;
    const { action } = input;
    if (action.action === 'cancel' || action.action === 'courier-call' || action.action === 'open-return')
      return this.chain.validate(eventOf(action, input));
    const why = this.refusal(action);
    if (why) throw ApplicationFailure.create({ type: FAILURE.actionRefused, message: why, nonRetryable: true });
  }

  /** Why an action that is no tracking event cannot be done now. */
  private refusal(action: Exclude<SupportAction, EventAction>): string | undefined {
    switch (action.action) {
      case 'resend':
        return this.resendRefusal(action.touchpoint);
      case 'set-promise':
        return this.promiseRefusal(action.promisedDate);
      case 'switch-to-point':
        return switchRefusal(this.chain.state, action.point);
      case 'acknowledge':
        return this.acknowledgeRefusal();
    }
  }

  /** Update handler: does the (validated) action and writes it to the audit trail. */
  act(input: SupportActionInput): EventResult {
    const id = `support-${input.requestId}`;
    const { state } = this.chain;
    if (this.chain.handled(id)) return { stage: state.stage, duplicate: true };
    const { action } = input;
    let result: EventResult = { stage: state.stage, duplicate: false };
    if (action.action === 'resend') {
      this.chain.remember(id);
      this.notifier.resend(state.touchpoints.find((t) => t.key === action.touchpoint)!);
    } else if (action.action === 'set-promise') {
      this.chain.remember(id);
      this.chain.postpone(action.promisedDate, action.reason, input.via === 'api' ? 'shop' : 'support');
    } else if (action.action === 'acknowledge') {
      this.chain.remember(id);
      this.chain.acknowledge({ at: input.at, actor: input.actor, note: action.note, seen: state.attention.length });
    } else if (action.action === 'switch-to-point') {
      this.chain.remember(id);
      this.chain.switchToPoint(action.point);
    } else {
      result = this.chain.accept(eventOf(action, input));
    }
    const entry: AuditEntry = { at: input.at, actor: input.actor, action: action.action, detail: detailOf(action) };
    state.audit.push(entry);
    return { ...result, stage: state.stage };
  }

  /**
   * A resend flood (a stuck button, a leaked key) must not flood the customer: one waiting resend at a time,
   * a few in all.
   */
  private resendRefusal(key: string): string | undefined {
    const tp = this.chain.state.touchpoints.find((t) => t.key === key);
    if (!tp?.notices.length) return `${key} has no notice to resend`;
    if (!this.notifier.resendable(tp)) return `the notices of ${key} belong to the return chain`;
    const latest = Math.max(...tp.notices.map((n) => n.revision));
    if (tp.notices.some((n) => n.revision === latest && (n.status === 'queued' || n.status === 'deferred')))
      return `the last notice of ${key} has not gone out yet`;
    return latest > MAX_RESENDS ? `${key} was resent ${MAX_RESENDS} times already` : undefined;
  }

  private acknowledgeRefusal(): string | undefined {
    return needsAttention(this.chain.state) ? undefined : 'nothing new needs attention on this chain';
  }

  private promiseRefusal(date: string): string | undefined {
    const { stage, promisedDate } = this.chain.state;
    if (rankOf(stage) >= rankOf('delivered'))
      return `the promise cannot move: the order is ${stage.replaceAll('_', ' ')}`;
    return daysBetween(promisedDate, date) > 0 ? undefined : `the new promise must be later than ${promisedDate}`;
  }
}
