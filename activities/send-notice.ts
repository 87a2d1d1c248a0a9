/**
 * Sending one notice: rendered in the customer's language, tried on each of the given channels in
 * order, exactly once per ledger key. Opt-outs suppress a channel, permanent failures fall back to
 * the next one, transient ones are thrown for Temporal to retry; every decision is recorded.
 */
import { ApplicationFailure, Context } from '@temporalio/activity';
import { customerAddress } from '../workflows/channels';
import type { ChannelName, Decision } from '../workflows/contract';
import { chainWorkflowId } from '../workflows/definitions';
import { FAILURE } from '../workflows/failures';
import { dailyCapReason, localDay, nextDay } from '../workflows/local-time';
import { scaleOf, specOf, touchpointIdOf } from '../workflows/touchpoints';
import type { ActivityDeps } from './deps';
import { channelAttempts, type NoticeRun } from './notice/attempt';
import { compose } from './notice/compose';
import type { SendNoticeInput, SendOutcome } from './notice/input';

export type { SendNoticeInput, SendOutcome } from './notice/input';

/** How often a long send heartbeats (well inside the notifier's 10 s heartbeat timeout). */
const HEARTBEAT_MS = 2_000;

/** The sendNotice activity, closed over its dependencies. */
export function sendNoticeActivity(deps: ActivityDeps) {
  const now = deps.clock ?? (() => new Date());
  const { ledger } = deps.store;
  const attempt = channelAttempts({ ...deps, now });

  /** The daily cap: when a customer already had their non-urgent notices today, until when this one waits. */
  async function capped(
    { shop, order, decidedAt, touchpoint, revision }: SendNoticeInput,
    label: string,
    customerKey: string,
  ): Promise<SendOutcome | undefined> {
    const { timezone } = order.customer;
    const decided = Date.parse(decidedAt);
    const self = { chainId: chainWorkflowId(shop.id, order.orderId), touchpoint, revision };
    const sent = await ledger.sentOnDay(shop.id, customerKey, localDay(decided, timezone), self);
    if (sent < shop.maxNoticesPerDay) return undefined;
    deps.metrics.deferrals.inc({ touchpoint: label, reason: 'daily_cap' });
    const until = nextDay(decided, timezone, shop.quietHours);
    return {
      deferred: {
        until: new Date(until).toISOString(),
        reason: dailyCapReason(until, timezone, shop.maxNoticesPerDay),
      },
    };
  }

  /** What every channel's attempt at this notice shares; `decisions` collects what became of each. */
  async function startRun(input: SendNoticeInput, label: string, customerKey: string): Promise<NoticeRun> {
    const { shop, order, touchpoint } = input;
    const spec = specOf(touchpoint);
    const chainId = chainWorkflowId(shop.id, order.orderId);
    const decisions: Decision[] = [];
    return {
      input,
      composed: await compose(deps, input),
      chainId,
      label,
      essential: spec?.essential ?? true,
      urgent: spec?.urgent ?? true,
      customerKey,
      // The touchpoint's satisfaction check went out with its notice (idempotent: once per touchpoint).
      check: {
        chainId,
        touchpoint,
        touchpointId: label,
        shop: shop.id,
        carrier: order.carrier,
        scale: scaleOf(touchpoint),
        sentAt: input.decidedAt,
      },
      // Every line about this notice names the chain's workflow: an operator finds it in Temporal from the log.
      log: deps.log.child({ workflowId: input.workflowId }),
      decisions,
      decide(outcome: Decision['outcome'], channel: ChannelName, reason: string) {
        const d: Decision = { at: now().toISOString(), outcome, channel, reason };
        decisions.push(d);
        return d;
      },
      fellFrom: input.fallbackFrom,
    };
  }

  /**
   * No channel took the notice: suppressed when an opt-out stopped it and nothing failed, else a failure the
   * chain records.
   */
  function undelivered({ input, decisions }: NoticeRun): SendOutcome {
    if (decisions.some((d) => d.outcome === 'suppressed') && !decisions.some((d) => d.outcome === 'failed')) {
      return { notice: { revision: input.revision, status: 'suppressed', at: now().toISOString(), decisions } };
    }
    throw ApplicationFailure.create({
      type: FAILURE.noUsableChannel,
      nonRetryable: true,
      message: `no channel could deliver: ${decisions.map((d) => `${d.channel} ${d.reason}`).join('; ')}`,
      details: [decisions],
    });
  }

  async function send(input: SendNoticeInput): Promise<SendOutcome> {
    const { touchpoint, order } = input;
    const label = touchpointIdOf(touchpoint) ?? touchpoint;
    // The customer is one person whichever channel reaches them: their key counts their notices a day.
    const customerKey = deps.addressKey(customerAddress(order.customer));
    // A fallback is the same notice on another channel: the cap counted it already.
    const held = specOf(touchpoint)?.urgent || input.fallbackFrom ? undefined : await capped(input, label, customerKey);
    if (held) return held;
    const run = await startRun(input, label, customerKey);
    for (const channel of input.channels) {
      const notice = await attempt(run, channel);
      if (notice) return { notice };
    }
    return undelivered(run);
  }

  return async function sendNotice(input: SendNoticeInput): Promise<SendOutcome> {
    const ctx = Context.current();
    const beat = setInterval(() => ctx.heartbeat(), HEARTBEAT_MS);
    try {
      return await send(input);
    } finally {
      clearInterval(beat);
    }
  };
}
