/**
 * A chain's notices, sent without holding up the chain: urgent ones at once, the rest one after
 * another, each waiting on a durable timer while the customer's quiet hours (computed here) or the
 * daily cap (the send activity's answer) hold it back, and dropped when obsolete after waiting. Delivery receipts move a notice that did not
 * arrive on to the customer's next channel.
 */
import { ActivityFailure, ApplicationFailure, condition, proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { Activities, SendNoticeInput, SendOutcome } from '../activities';
import type { NoticeFacts } from '../activities/templates/render';
import type { ChainInput, ChannelName, Decision, Notice, Touchpoint } from './contract';
import type { DeliveryReceipt } from './definitions';
import { localLabel, quietUntil } from './local-time';
import { specOf, TOUCHPOINTS, type TemplateId, type TouchpointId } from './touchpoints';

const { sendNotice } = proxyActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  // Transient provider outages are retried with backoff for about an hour; permanent ones are not.
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '5 minutes', maximumAttempts: 20, nonRetryableErrorTypes: ['NoUsableChannel'] },
});

interface NoticeRequest {
  facts: NoticeFacts;
  template: TemplateId;
}

export interface NotifierHooks {
  /** Why a notice that waited for its slot is no longer worth sending, if it is not. */
  obsolete(tp: Touchpoint): string | undefined;
  /** A notice reached nobody: support should look. */
  failed(reason: string): void;
  /** A touchpoint's notices changed (the return chain reports it to its parent). */
  changed?(tp: Touchpoint): void;
}

/** What a notifier hands to the next run after continue-as-new. */
export interface CarriedNotices {
  requests: Record<string, NoticeRequest>;
}

const nowIso = () => new Date().toISOString();

export class Notifier {
  private urgentLane: Promise<void> = Promise.resolve();
  private calmLane: Promise<void> = Promise.resolve();
  private pending = 0;
  /** Facts and template of each notice by `touchpoint:revision`, for a fallback to render it again. */
  private readonly requests: Record<string, NoticeRequest>;

  constructor(
    private readonly input: ChainInput,
    private readonly hooks: NotifierHooks,
    carried?: CarriedNotices,
  ) {
    this.requests = carried?.requests ?? {};
  }

  carry(): CarriedNotices {
    return { requests: this.requests };
  }

  /** No notice is waiting or being sent. */
  idle(): boolean {
    return this.pending === 0;
  }

  /** Resolves once every queued notice has been sent, dropped or given up. */
  drained(): Promise<void> {
    return condition(() => this.pending === 0);
  }

  /**
   * Queues the notice of `tp` and returns at once: its own template unless another is named, on
   * the customer's channels in their order unless another order is given.
   */
  send(
    tp: Touchpoint,
    facts: NoticeFacts = {},
    template: TemplateId = TOUCHPOINTS[tp.name as TouchpointId].template,
    channels: ChannelName[] = this.input.order.customer.channels,
  ): void {
    const revision = Math.max(0, ...tp.notices.map((n) => n.revision)) + 1;
    this.requests[`${tp.key}:${revision}`] = { facts, template };
    const notice: Notice = { revision, status: 'queued', at: nowIso(), decisions: [] };
    tp.notices.push(notice);
    // The touchpoint has happened; its notice follows as soon as it may.
    if (tp.status === 'pending') tp.status = 'done';
    tp.at ??= notice.at;
    this.enqueue(tp, notice, channels);
  }

  /** Records a provider's receipt; a notice that did not arrive goes on to the customer's next channel. */
  receipt(receipt: DeliveryReceipt, touchpoints: Touchpoint[]): void {
    const tp = touchpoints.find((t) => t.key === receipt.touchpoint);
    const notice = tp?.notices.find((n) => n.providerId === receipt.providerId);
    if (!tp || !notice?.channel || notice.status !== 'sent') return;
    notice.status = receipt.status;
    notice.decisions.push({ at: receipt.at, outcome: receipt.status, channel: notice.channel, reason: receipt.reason });
    this.hooks.changed?.(tp);
    if (receipt.status === 'delivered') return;
    const channels = this.input.order.customer.channels;
    const rest = channels.slice(channels.indexOf(notice.channel) + 1);
    // No channel left, or a notice another run sent (a finished return chain): support takes over.
    if (!rest.length || !this.requests[`${tp.key}:${notice.revision}`]) return this.hooks.failed(`notice ${tp.key} did not arrive: ${receipt.reason}`);
    const fallback: Notice = { revision: notice.revision, status: 'queued', at: nowIso(), decisions: [] };
    tp.notices.push(fallback);
    this.enqueue(tp, fallback, rest, { channel: notice.channel, reason: receipt.reason });
  }

  private enqueue(tp: Touchpoint, notice: Notice, channels: ChannelName[], fallbackFrom?: { channel: ChannelName; reason: string }): void {
    const urgent = specOf(tp.key)?.urgent ?? true;
    const job = () => this.deliver(tp, notice, channels, urgent, fallbackFrom);
    this.pending++;
    const done = () => void this.pending--;
    if (urgent) this.urgentLane = this.urgentLane.then(job).finally(done);
    else this.calmLane = this.calmLane.then(job).finally(done);
  }

  private async deliver(tp: Touchpoint, notice: Notice, channels: ChannelName[], urgent: boolean, fallbackFrom?: { channel: ChannelName; reason: string }): Promise<void> {
    const { shop, order, trackingUrl } = this.input;
    const { facts, template } = this.requests[`${tp.key}:${notice.revision}`];
    let afterQuietHours = false;
    for (;;) {
      const quiet = urgent ? undefined : quietUntil(Date.now(), order.customer.timezone, shop.quietHours);
      if (quiet !== undefined) {
        afterQuietHours = true;
        const reason = `quiet hours (${shop.quietHours.start}–${shop.quietHours.end}): waits until ${localLabel(quiet, order.customer.timezone)}`;
        if (await this.defer(tp, notice, quiet, reason)) return;
        continue;
      }
      const outcome = await this.attempt({ workflowId: workflowInfo().workflowId, shop, order, touchpoint: tp.key, template, facts, trackingUrl, revision: notice.revision, decidedAt: nowIso(), channels, fallbackFrom, afterQuietHours });
      if ('deferred' in outcome) {
        if (await this.defer(tp, notice, Date.parse(outcome.deferred.until), outcome.deferred.reason)) return;
        continue;
      }
      Object.assign(notice, outcome.notice, { decisions: [...notice.decisions, ...outcome.notice.decisions] });
      if (notice.status === 'failed') this.hooks.failed(`notice ${tp.key} failed: ${outcome.notice.decisions.map((d) => `${d.channel ?? ''} ${d.reason}`.trim()).join('; ')}`);
      this.hooks.changed?.(tp);
      return;
    }
  }

  /** The send activity; a failure it could not get past becomes a failed notice with every channel's decision. */
  private async attempt(input: SendNoticeInput): Promise<SendOutcome> {
    try {
      return await sendNotice(input);
    } catch (err) {
      const cause = err instanceof ActivityFailure && err.cause instanceof ApplicationFailure ? err.cause : undefined;
      const decisions = (cause?.details?.[0] as Decision[] | undefined) ?? [{ at: nowIso(), outcome: 'failed', reason: (cause ?? (err as Error)).message }];
      return { notice: { revision: input.revision, status: 'failed', at: nowIso(), decisions } };
    }
  }

  /** Holds the notice back until `until`; true when it became obsolete meanwhile and was dropped. */
  private async defer(tp: Touchpoint, notice: Notice, until: number, reason: string): Promise<boolean> {
    notice.status = 'deferred';
    notice.decisions.push({ at: nowIso(), outcome: 'deferred', reason });
    this.hooks.changed?.(tp);
    await condition(() => this.hooks.obsolete(tp) !== undefined, Math.max(1, until - Date.now()));
    const obsolete = this.hooks.obsolete(tp);
    if (obsolete) this.drop(tp, notice, obsolete);
    return obsolete !== undefined;
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
