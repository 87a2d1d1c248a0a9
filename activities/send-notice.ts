/**
 * Sending one notice: rendered in the customer's language, tried on each of the given channels in
 * order, exactly once per ledger key. Opt-outs suppress a channel, permanent failures fall back to
 * the next one, transient ones are thrown for Temporal to retry; every decision is recorded.
 */
import { ApplicationFailure, Context } from '@temporalio/activity';
import { mask } from '../common/logger';
import { ledgerKey } from '../store/ledger';
import { EVERY_SHOP } from '../store/opt-outs';
import type { ChannelName, Customer, Decision, Notice, Shop } from '../workflows/contract';
import { chainWorkflowId } from '../workflows/definitions';
import { dailyCapReason, localDay, nextDay } from '../workflows/local-time';
import { scaleOf, specOf, touchpointIdOf, type TemplateId } from '../workflows/touchpoints';
import { contentFor, type SendResult } from './channels/channel';
import { claimToSend } from './claim';
import { classify, transientFailure, TWILIO_OPTED_OUT } from './channels/errors';
import type { ActivityDeps } from './deps';
import { languageOf } from './templates/catalog';
import { render, type NoticeFacts, type OrderSummary } from './templates/render';

export interface SendNoticeInput {
  /** The workflow that sends it (the chain, or its return child): receipts go back to it. */
  workflowId: string;
  shop: Shop;
  order: OrderSummary;
  /** Touchpoint key the notice and its rating belong to. */
  touchpoint: string;
  template: TemplateId;
  facts: NoticeFacts;
  trackingUrl: string;
  revision: number;
  /** When the chain decided to send it (workflow time): the customer-local day it counts against the cap. */
  decidedAt: string;
  /** Channels to try, in order: the customer's, or those after one that did not deliver. */
  channels: ChannelName[];
  /** Set when a delivery receipt turned this into a fallback: from where, and why. */
  fallbackFrom?: { channel: ChannelName; reason: string };
  /** The notice waited out the customer's quiet hours (counted in the metrics when it goes). */
  afterQuietHours?: boolean;
}

/** What became of a send: the notice as sent (or suppressed), or held back by the daily cap until a time. */
export type SendOutcome = { notice: Notice } | { deferred: { until: string; reason: string } };

/** How often a long send heartbeats (well inside the notifier's 10 s heartbeat timeout). */
const HEARTBEAT_MS = 2_000;

/** Name of the failure when no channel could deliver (not retried: the workflow records it). */
export const NO_USABLE_CHANNEL = 'NoUsableChannel';

function addressOf(customer: Customer, channel: ChannelName): string | undefined {
  return channel === 'email' ? customer.email : customer.phone;
}

/** The sendNotice activity, closed over its dependencies. */
export function sendNoticeActivity(deps: ActivityDeps) {
  const now = deps.clock ?? (() => new Date());
  const { ledger, optOuts } = deps.store;

  /** Why an opt-out stops this notice on this channel, if it does (STOP holds for every SMS/WhatsApp). */
  async function optedOut(
    shop: string,
    channel: ChannelName,
    addressKey: string,
    essential: boolean,
  ): Promise<string | undefined> {
    if (channel === 'voice' || (channel === 'email' && essential)) return undefined;
    const found = await optOuts.find(shop, channel, addressKey);
    return found && `opted out of ${channel} (${found.source}, ${found.at.toISOString().slice(0, 10)})`;
  }

  /** The daily cap: when a customer already had their non-urgent notices today, until when this one waits. */
  async function capped(
    { shop, order, decidedAt, touchpoint, revision }: SendNoticeInput,
    label: string,
  ): Promise<SendOutcome | undefined> {
    const { timezone, email, phone } = order.customer;
    const decided = Date.parse(decidedAt);
    const self = { chainId: chainWorkflowId(shop.id, order.orderId), touchpoint, revision };
    const sent = await ledger.sentOnDay(
      shop.id,
      deps.addressKey(email ?? phone ?? ''),
      localDay(decided, timezone),
      self,
    );
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

  /** The notice's links (rating, unsubscribe) and every form of its text, in the customer's language. */
  function compose({ shop, order, touchpoint, decidedAt, ...input }: SendNoticeInput) {
    // The rating link expires when the check closes: the rating window counts from when the chain sent it.
    const exp = Math.floor(Date.parse(decidedAt) / 1000 + shop.ratingWindowDays * 86_400);
    const lang = languageOf(order.customer.locale, shop.defaultLocale);
    const rate = deps.tokens.sign({ kind: 'rate', shop: shop.id, order: order.orderId, touchpoint, exp, lang });
    const { email } = order.customer;
    const unsubscribeUrl =
      email &&
      `${deps.publicBaseUrl}/u/${deps.tokens.sign({ kind: 'unsub', shop: shop.id, address: deps.addressKey(email) })}`;
    const rendered = render({
      ...input,
      shop,
      order,
      ratingUrl: `${deps.publicBaseUrl}/r/${rate}`,
      scale: scaleOf(touchpoint),
      unsubscribeUrl: unsubscribeUrl || undefined,
    });
    return { rendered, unsubscribeUrl: unsubscribeUrl || undefined };
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

  async function send(input: SendNoticeInput): Promise<SendOutcome> {
    const { shop, order, touchpoint, revision } = input;
    const { customer } = order;
    const spec = specOf(touchpoint);
    const label = touchpointIdOf(touchpoint) ?? touchpoint;
    // Every line about this notice names the chain's workflow: an operator finds it in Temporal from the log.
    const log = deps.log.child({ workflowId: input.workflowId });
    // A fallback is the same notice on another channel: the cap counted it already.
    const held = spec?.urgent || input.fallbackFrom ? undefined : await capped(input, label);
    if (held) return held;
    const chainId = chainWorkflowId(shop.id, order.orderId);
    const { rendered, unsubscribeUrl } = compose(input);
    const decisions: Decision[] = [];
    const decide = (outcome: Decision['outcome'], channel: ChannelName, reason: string) => {
      const d: Decision = { at: now().toISOString(), outcome, channel, reason };
      decisions.push(d);
      return d;
    };
    let fellFrom = input.fallbackFrom;
    // The touchpoint's satisfaction check went out with its notice (idempotent: once per touchpoint).
    const check = {
      chainId,
      touchpoint,
      touchpointId: label,
      shop: shop.id,
      carrier: order.carrier,
      scale: scaleOf(touchpoint),
      sentAt: input.decidedAt,
    };

    for (const channel of input.channels) {
      const impl = deps.channels[channel];
      const to = addressOf(customer, channel);
      if (!impl || !to) {
        decide(
          'skipped',
          channel,
          to ? `${channel} is not set up` : `no ${channel === 'email' ? 'email address' : 'phone number'}`,
        );
        continue;
      }
      const addressKey = deps.addressKey(to);
      const suppressed = await optedOut(shop.id, channel, addressKey, spec?.essential ?? true);
      if (suppressed) {
        decide('suppressed', channel, suppressed);
        deps.metrics.notices.inc({ channel, touchpoint: label, outcome: 'suppressed' });
        continue;
      }
      const key = ledgerKey(chainId, touchpoint, channel, revision);
      const claimed = await claimToSend(
        ledger,
        {
          key,
          chainId,
          workflowId: input.workflowId,
          shop: shop.id,
          touchpoint,
          channel,
          revision,
          addressKey,
          customerKey: deps.addressKey(customer.email ?? customer.phone ?? ''),
          urgent: spec?.urgent ?? true,
          localDay: localDay(Date.parse(input.decidedAt), customer.timezone),
          locale: rendered.language,
        },
        now(),
      );
      const prior = claimed.ended;
      // A row whose text an erasure took is still a send that happened: it never goes again.
      if (prior?.status === 'sent') {
        await deps.store.facts.checkSent(check);
        log.info({ touchpoint, channel, key }, 'notice already sent; returning the recorded result');
        deps.metrics.notices.inc({ channel, touchpoint: label, outcome: 'reused' });
        return {
          notice: prior.notice ?? {
            revision,
            channel,
            status: 'sent',
            at: prior.claimedAt.toISOString(),
            providerId: prior.providerId,
            decisions: [],
          },
        };
      }
      if (prior?.status === 'failed') {
        if (prior.decision) decisions.push(prior.decision);
        const { reason } =
          prior.decision ?? decide('failed', channel, 'failed on an earlier attempt (its details were erased)');
        fellFrom = { channel, reason };
        continue;
      }
      // A call gathers the answer to its question: a courier window, or the closing's 0–10.
      const choices = input.facts.options?.length ?? (scaleOf(touchpoint) === 10 ? 11 : undefined);
      const message = { to, idempotencyKey: key, rendered, unsubscribeUrl, choices };
      // An earlier attempt died after claiming: the provider may have taken its message before it could be recorded.
      const taken = claimed.staleSince && (await impl.find?.(message, claimed.staleSince));
      if (taken)
        log.info(
          { touchpoint, channel, key, providerId: taken.providerId },
          "an earlier attempt's message was taken by the provider; recording it instead of sending again",
        );
      const stopTimer = deps.metrics.sendSeconds.startTimer({ channel });
      let sent: SendResult;
      try {
        sent = taken || (await impl.send(message));
      } catch (err) {
        const failure = classify(err);
        log.warn(
          { touchpoint, channel, to: mask(to), reason: failure.reason, permanent: failure.permanent },
          'notice not accepted',
        );
        if (!failure.permanent) {
          // Unsure whether the provider took it, and the provider can be asked: the claim stays for
          // the next attempt to take over and ask first. Otherwise nothing went out, or it cannot be
          // told: the next attempt sends (under the same idempotency key).
          if (!(failure.unsure && impl.find)) await ledger.release(key);
          deps.metrics.notices.inc({ channel, touchpoint: label, outcome: 'retried' });
          throw transientFailure(channel, failure);
        }
        if (failure.code === TWILIO_OPTED_OUT) await optOuts.optOut(EVERY_SHOP, channel, addressKey, 'Twilio 21610');
        await ledger.failed(key, decide('failed', channel, failure.reason));
        deps.metrics.notices.inc({ channel, touchpoint: label, outcome: 'failed' });
        fellFrom = { channel, reason: failure.reason };
        continue;
      } finally {
        stopTimer();
      }
      // Accepted by the provider: from here on nothing may release the key (a retry must not send again).
      decide('sent', channel, fellFrom ? `fell back to ${channel}: ${fellFrom.reason}` : `sent by ${channel}`);
      const notice: Notice = {
        revision,
        channel,
        status: 'sent',
        at: sent.acceptedAt,
        providerId: sent.providerId,
        ...contentFor(channel, rendered),
        decisions,
      };
      await ledger.sent(key, sent.providerId, notice, check);
      deps.faults?.afterSend?.(key);
      deps.metrics.notices.inc({ channel, touchpoint: label, outcome: 'sent' });
      if (fellFrom) deps.metrics.fallbacks.inc({ from: fellFrom.channel, to: channel });
      if (input.afterQuietHours) deps.metrics.deferrals.inc({ touchpoint: label, reason: 'quiet_hours' });
      log.info({ touchpoint, channel, to: mask(to), providerId: sent.providerId, revision }, 'notice sent');
      return { notice };
    }
    if (decisions.some((d) => d.outcome === 'suppressed') && !decisions.some((d) => d.outcome === 'failed')) {
      return { notice: { revision, status: 'suppressed', at: now().toISOString(), decisions } };
    }
    throw ApplicationFailure.create({
      type: NO_USABLE_CHANNEL,
      nonRetryable: true,
      message: `no channel could deliver: ${decisions.map((d) => `${d.channel} ${d.reason}`).join('; ')}`,
      details: [decisions],
    });
  }
}
