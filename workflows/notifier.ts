/**
 * A chain's notices, sent without holding up the chain: urgent ones at once, the rest one after
 * another, each waiting on a durable timer while quiet hours or the daily cap hold it back, and
 * dropped when they became obsolete while waiting. Delivery receipts move a notice that did not
 * arrive on to the customer's next channel.
 */
import { ActivityFailure, ApplicationFailure, condition, proxyActivities, proxyLocalActivities, workflowInfo } from '@temporalio/workflow';
import type { Activities } from '../activities';
import type { NoticeFacts } from '../activities/templates/render';
import type { ChainInput, ChannelName, Decision, Notice, Touchpoint } from './contract';
import type { DeliveryReceipt } from './definitions';
import { specOf, TOUCHPOINTS, type TemplateId, type TouchpointId } from './touchpoints';

const { sendNotice } = proxyActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  // Transient provider outages are retried with backoff for about an hour; permanent ones are not.
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '5 minutes', maximumAttempts: 20, nonRetryableErrorTypes: ['NoUsableChannel'] },
});
// The slot needs the store (daily cap); while the store is down the notice waits, it is not lost.
const { noticeSlot } = proxyLocalActivities<Activities>({ startToCloseTimeout: '10 seconds', retry: { initialInterval: '1 second', maximumInterval: '1 minute' } });

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
    if (!urgent && (await this.waitForSlot(tp, notice))) {
      const obsolete = this.hooks.obsolete(tp);
      if (obsolete) return this.drop(tp, notice, obsolete);
    }
    const { shop, order, trackingUrl } = this.input;
    const { facts, template } = this.requests[`${tp.key}:${notice.revision}`];
    try {
      const sent = await sendNotice({ workflowId: workflowInfo().workflowId, shop, order, touchpoint: tp.key, template, facts, trackingUrl, revision: notice.revision, decidedAt: nowIso(), channels, fallbackFrom });
      Object.assign(notice, sent, { decisions: [...notice.decisions, ...sent.decisions] });
    } catch (err) {
      // The activity's own failure carries every channel's decision; anything else is said as it is.
      const cause = err instanceof ActivityFailure && err.cause instanceof ApplicationFailure ? err.cause : undefined;
      const decisions = (cause?.details?.[0] as Decision[] | undefined) ?? [{ at: nowIso(), outcome: 'failed', reason: (cause ?? (err as Error)).message }];
      Object.assign(notice, { status: 'failed', at: nowIso(), decisions: [...notice.decisions, ...decisions] });
      this.hooks.failed(`notice ${tp.key} failed: ${decisions.map((d) => `${d.channel ?? ''} ${d.reason}`.trim()).join('; ')}`);
    }
    this.hooks.changed?.(tp);
  }

  /** Waits while quiet hours or the daily cap hold the notice back; true when it had to wait. */
  private async waitForSlot(tp: Touchpoint, notice: Notice): Promise<boolean> {
    let waited = false;
    for (;;) {
      const slot = await noticeSlot({ shop: this.input.shop, customer: this.input.order.customer, touchpoint: tp.key, now: nowIso() });
      const wait = Date.parse(slot.at) - Date.now();
      if (wait <= 0) return waited;
      waited = true;
      notice.status = 'deferred';
      notice.decisions.push({ at: nowIso(), outcome: 'deferred', reason: slot.reason ?? `waits until ${slot.at}` });
      this.hooks.changed?.(tp);
      if (await condition(() => this.hooks.obsolete(tp) !== undefined, wait)) return true;
    }
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
