/**
 * A chain's notices, sent without holding up the chain: urgent ones at once, the rest one after
 * another, each waiting on a durable timer while the customer's quiet hours (computed here) or the
 * daily cap (the send activity's answer) hold it back, and dropped when it became obsolete while it
 * waited. Delivery receipts move a notice that did not arrive on to the next channel.
 */
import {
  ActivityFailure,
  ApplicationFailure,
  condition,
  patched,
  proxyActivities,
  workflowInfo,
} from '@temporalio/workflow';
import { now, nowIso } from './clock';
import type { Activities, SendNoticeInput, SendOutcome } from '../activities';
import type { CarriedNotices, ChainInput, NoticeRequest } from './carried';
import type { ChannelName } from './channels';
import type { Decision, Notice, Touchpoint } from './state';
import { FAILURE } from './failures';
import type { NoticeFacts } from './notice-facts';
import type { DeliveryReceipt } from './definitions';
import { Lane } from './lane';
import { localLabel, NO_CALLS, quietHoursReason, quietUntil, STALE_MS } from './local-time';
import { HOME, type Delivery } from './delivery';
import { specOf, templateIn, type TemplateId, type TouchpointId } from './touchpoints';

const { sendNotice } = proxyActivities<Activities>({
  // Providers answer within 20 s (client timeouts); the rest is the ledger and the render.
  startToCloseTimeout: '1 minute',
  // A send that takes long heartbeats: a worker that died mid-send is noticed in seconds, not at the minute.
  heartbeatTimeout: '10 seconds',
  // Transient provider outages are retried with backoff for about an hour; permanent ones are not.
  retry: {
    initialInterval: '1 second',
    backoffCoefficient: 2,
    maximumInterval: '5 minutes',
    maximumAttempts: 20,
    nonRetryableErrorTypes: [FAILURE.noUsableChannel],
  },
});

/** Receipts that came before their send's result, kept (a few) until it arrives. */
const EARLY_RECEIPTS = 20;

export interface NotifierHooks {
  /** Why a notice that waited is no longer worth sending, if it is not. */
  obsolete(tp: Touchpoint): string | undefined;
  /** A notice reached nobody: support should look. */
  failed(reason: string): void;
  /** A touchpoint's notices changed (the return chain reports it to its parent). */
  changed?(tp: Touchpoint): void;
  /**
   * How the chain's parcel reaches the customer now (home when unset): a notice speaks its mode's template, and
   * names the pickup point the parcel goes to.
   */
  delivery?(): Delivery;
}

export class Notifier {
  // A notice job only fails on a bug: support hears of it, the notices after it still go.
  private readonly urgentLane = new Lane((err) =>
    this.hooks.failed(`a notice could not be handled: ${(err as Error).message}`),
  );
  private readonly calmLane = new Lane((err) =>
    this.hooks.failed(`a notice could not be handled: ${(err as Error).message}`),
  );
  /** Facts, template and channels of each notice by `touchpoint:revision`, for a fallback to render it again. */
  private readonly requests: Record<string, NoticeRequest>;
  private readonly early: DeliveryReceipt[];

  constructor(
    private readonly input: ChainInput,
    private readonly hooks: NotifierHooks,
    carried?: CarriedNotices,
  ) {
    this.requests = carried?.requests ?? {};
    this.early = carried?.early ?? [];
  }

  carry(): CarriedNotices {
    return { requests: this.requests, early: this.early };
  }

  /** No notice is waiting or being sent. */
  idle(): boolean {
    return this.urgentLane.idle() && this.calmLane.idle();
  }

  /**
   * Queues the notice of `tp` and returns at once: its own template (its delivery mode's variant) unless
   * another is named, on
   * the customer's channels in their order unless another order is given.
   */
  send(
    tp: Touchpoint,
    facts: NoticeFacts = {},
    template: TemplateId = templateIn(tp.name as TouchpointId, (this.hooks.delivery?.() ?? HOME).mode),
    channels: ChannelName[] = this.input.order.customer.channels,
  ): void {
    const delivery = this.hooks.delivery?.();
    if (delivery?.mode === 'pickup_point') facts = { point: delivery.point, ...facts };
    const revision = Math.max(0, ...tp.notices.map((n) => n.revision)) + 1;
    this.requests[`${tp.key}:${revision}`] = { facts, template, channels };
    const notice: Notice = { revision, status: 'queued', at: nowIso(), decisions: [] };
    tp.notices.push(notice);
    // The touchpoint has happened; its notice follows as soon as it may.
    if (tp.status === 'pending') tp.status = 'done';
    tp.at ??= notice.at;
    this.enqueue(tp, notice, channels);
  }

  /** Whether this notifier sent the touchpoint's latest notice (and so can send it again). */
  resendable(tp: Touchpoint): boolean {
    return (
      tp.notices.length > 0 &&
      this.requests[`${tp.key}:${Math.max(...tp.notices.map((n) => n.revision))}`] !== undefined
    );
  }

  /** Sends a touchpoint's latest notice again as a new revision (a support resend), on the customer's channels. */
  resend(tp: Touchpoint): void {
    const { facts, template } = this.requests[`${tp.key}:${Math.max(...tp.notices.map((n) => n.revision))}`];
    this.send(tp, facts, template);
  }

  /** Records a provider's receipt; a notice that did not arrive goes on to its next channel. */
  receipt(receipt: DeliveryReceipt, touchpoints: Touchpoint[]): void {
    const tp = touchpoints.find((t) => t.key === receipt.touchpoint);
    const notice = tp?.notices.find((n) => n.providerId === receipt.providerId);
    if (!tp || !notice) {
      // The send's result is not in yet (a retried attempt): the receipt waits for it.
      this.early.push(receipt);
      this.early.splice(0, this.early.length - EARLY_RECEIPTS);
      return;
    }
    if (!notice.channel || notice.status !== 'sent') return;
    notice.status = receipt.status;
    notice.decisions.push({ at: receipt.at, outcome: receipt.status, channel: notice.channel, reason: receipt.reason });
    this.hooks.changed?.(tp);
    if (receipt.status === 'delivered') return;
    const request = this.requests[`${tp.key}:${notice.revision}`];
    const rest = request ? request.channels.slice(request.channels.indexOf(notice.channel) + 1) : [];
    // No channel left, or a notice another run sent (a finished return chain): support takes over.
    if (!rest.length) return this.hooks.failed(`notice ${tp.key} did not arrive: ${receipt.reason}`);
    const fallback: Notice = { revision: notice.revision, status: 'queued', at: nowIso(), decisions: [] };
    tp.notices.push(fallback);
    this.enqueue(tp, fallback, rest, { channel: notice.channel, reason: receipt.reason });
  }

  private enqueue(
    tp: Touchpoint,
    notice: Notice,
    channels: ChannelName[],
    fallbackFrom?: { channel: ChannelName; reason: string },
  ): void {
    const urgent = specOf(tp.key)?.urgent ?? true;
    (urgent ? this.urgentLane : this.calmLane).add(() => this.deliver(tp, notice, channels, urgent, fallbackFrom));
  }

  private async deliver(
    tp: Touchpoint,
    notice: Notice,
    channels: ChannelName[],
    urgent: boolean,
    fallbackFrom?: { channel: ChannelName; reason: string },
  ): Promise<void> {
    const { order, trackingUrl } = this.input;
    const { facts, template } = this.requests[`${tp.key}:${notice.revision}`];
    const zone = order.customer.timezone;
    const queuedAt = Date.parse(notice.at);
    let [afterQuietHours, waited] = [false, false];
    for (;;) {
      // Read on every round: a notice that waited follows the shop's settings as they are now.
      const { shop } = this.input;
      // A notice that waited (its own deferral, or behind others) may have become pointless meanwhile.
      const obsolete = waited || now() - queuedAt > STALE_MS ? this.hooks.obsolete(tp) : undefined;
      if (obsolete) return this.drop(tp, notice, obsolete);
      const quiet = urgent ? undefined : quietUntil(now(), zone, shop.quietHours);
      if (quiet !== undefined) {
        [afterQuietHours, waited] = [true, true];
        await this.defer(tp, notice, quiet, quietHoursReason(quiet, zone, shop.quietHours));
        continue;
      }
      const callsFrom = channels.includes('voice') ? quietUntil(now(), zone, NO_CALLS) : undefined;
      // Chains before 0.3 called at any hour when the notice was urgent.
      if (callsFrom !== undefined && patched('calling-hours')) {
        const hours = `outside calling hours (${NO_CALLS.end}–${NO_CALLS.start})`;
        if (channels.length === 1) {
          waited = true;
          await this.defer(tp, notice, callsFrom, `${hours}: the call waits until ${localLabel(callsFrom, zone)}`);
          continue;
        }
        notice.decisions.push({ at: nowIso(), outcome: 'skipped', channel: 'voice', reason: `${hours}: no call now` });
        channels = channels.filter((c) => c !== 'voice');
      }
      const input = {
        workflowId: workflowInfo().workflowId,
        shop,
        order,
        touchpoint: tp.key,
        template,
        facts,
        trackingUrl,
        revision: notice.revision,
        decidedAt: nowIso(),
      };
      const outcome = await this.attempt({ ...input, channels, fallbackFrom, afterQuietHours });
      if ('deferred' in outcome) {
        waited = true;
        await this.defer(tp, notice, Date.parse(outcome.deferred.until), outcome.deferred.reason);
        continue;
      }
      Object.assign(notice, outcome.notice, { decisions: [...notice.decisions, ...outcome.notice.decisions] });
      if (notice.status === 'failed')
        this.hooks.failed(
          `notice ${tp.key} failed: ${outcome.notice.decisions.map((d) => `${d.channel ?? ''} ${d.reason}`.trim()).join('; ')}`,
        );
      this.hooks.changed?.(tp);
      this.applyEarlyReceipts(notice, tp);
      return;
    }
  }

  /**
   * The send activity; a failure it could not get past becomes a failed notice, with every channel's decision
   * when there are some.
   */
  private async attempt(input: SendNoticeInput): Promise<SendOutcome> {
    try {
      return await sendNotice(input);
    } catch (err) {
      const cause = err instanceof ActivityFailure && err.cause instanceof ApplicationFailure ? err.cause : undefined;
      const details = cause?.type === FAILURE.noUsableChannel ? cause.details?.[0] : undefined;
      const decisions: Decision[] = Array.isArray(details)
        ? details
        : [{ at: nowIso(), outcome: 'failed', reason: (cause ?? (err as Error)).message }];
      return { notice: { revision: input.revision, status: 'failed', at: nowIso(), decisions } };
    }
  }

  /** Holds the notice back until `until`, waking early when it becomes obsolete (the next round drops it). */
  private async defer(tp: Touchpoint, notice: Notice, until: number, reason: string): Promise<void> {
    notice.status = 'deferred';
    notice.decisions.push({ at: nowIso(), outcome: 'deferred', reason });
    this.hooks.changed?.(tp);
    await condition(() => this.hooks.obsolete(tp) !== undefined, Math.max(1, until - now()));
  }

  private applyEarlyReceipts(notice: Notice, tp: Touchpoint): void {
    const i = this.early.findIndex((r) => r.providerId === notice.providerId);
    if (i < 0) return;
    const [receipt] = this.early.splice(i, 1);
    this.receipt(receipt, [tp]);
  }

  private drop(tp: Touchpoint, notice: Notice, reason: string): void {
    Object.assign(notice, { status: 'dropped', at: nowIso() });
    notice.decisions.push({ at: nowIso(), outcome: 'dropped', reason });
    if (tp.status === 'done' && tp.notices.every((n) => n.status === 'dropped')) {
      tp.status = 'skipped';
      tp.note = `notice dropped: ${reason}`;
    }
    this.hooks.changed?.(tp);
  }
}
