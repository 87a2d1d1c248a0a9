/**
 * One notice tried on one channel: reached (address, opt-out), claimed in the ledger (a send that
 * ended already is reused or skipped), sent or found at the provider, and the outcome recorded.
 * Permanent failures pass to the next channel; transient ones are thrown for Temporal to retry.
 */
import type { Logger } from 'pino';
import { mask } from '../../common/logger';
import { ledgerKey, type LedgerRow } from '../../store/ledger';
import type { CheckSent } from '../../store/facts';
import { EVERY_SHOP } from '../../store/opt-outs';
import type { ChannelName, Decision, Notice } from '../../workflows/contract';
import { localDay } from '../../workflows/local-time';
import { optOutStops } from '../../workflows/channels';
import {
  contentFor,
  reach,
  type Channel,
  type OutgoingMessage,
  type SendResult,
  type TemplateContent,
} from '../channels/channel';
import { classify, transientFailure } from '../channels/failures';
import { claimToSend } from '../claim';
import type { ActivityDeps } from '../deps';
import type { Composed } from './compose';
import type { SendNoticeInput } from './input';
import { whatsappForm } from './whatsapp';

/** One send of a notice across its channels: what every channel's attempt reads and adds to. */
export interface NoticeRun {
  input: SendNoticeInput;
  composed: Composed;
  chainId: string;
  /** The touchpoint's id, as metrics name it. */
  label: string;
  essential: boolean;
  urgent: boolean;
  customerKey: string;
  check: CheckSent;
  log: Logger;
  decisions: Decision[];
  decide(outcome: Decision['outcome'], channel: ChannelName, reason: string): Decision;
  /** The channel the notice fell from, and why (a receipt's fallback, or a failure in this send). */
  fellFrom?: { channel: ChannelName; reason: string };
}

type Deps = Pick<ActivityDeps, 'channels' | 'store' | 'addressKey' | 'metrics' | 'voices'> & { now(): Date };

/** Tries notices on channels with `deps`: the answer is the notice when a channel took it (or had taken it already). */
export function channelAttempts(deps: Deps) {
  const { ledger, optOuts } = deps.store;

  /** Why an opt-out stops this notice on this channel, if it does (the channel table says which notices it stops). */
  async function optedOut(run: NoticeRun, channel: ChannelName, addressKey: string): Promise<string | undefined> {
    if (!optOutStops(channel, run.essential)) return undefined;
    const found = await optOuts.find(run.input.shop.id, channel, addressKey);
    return found && `opted out of ${channel} (${found.source}, ${found.at.toISOString().slice(0, 10)})`;
  }

  /**
   * A send that ended on an earlier attempt: a sent one is the notice (a row an erasure emptied still went),
   * a failed one passes on.
   */
  async function ended(
    run: NoticeRun,
    channel: ChannelName,
    key: string,
    prior: LedgerRow,
  ): Promise<Notice | undefined> {
    const { input, label, log } = run;
    if (prior.status === 'sent') {
      await deps.store.facts.checkSent(run.check);
      log.info({ touchpoint: input.touchpoint, channel, key }, 'notice already sent; returning the recorded result');
      deps.metrics.notices.inc({ channel, touchpoint: label, outcome: 'reused' });
      const at = prior.claimedAt.toISOString();
      const { revision } = input;
      return prior.notice ?? { revision, channel, status: 'sent', at, providerId: prior.providerId, decisions: [] };
    }
    if (prior.decision) run.decisions.push(prior.decision);
    const { reason } =
      prior.decision ?? run.decide('failed', channel, 'failed on an earlier attempt (its details were erased)');
    run.fellFrom = { channel, reason };
    return undefined;
  }

  /** Claims the ledger key and sends (or finds the message an attempt that died had sent). */
  async function claimAndSend(
    run: NoticeRun,
    channel: Channel,
    to: string,
    addressKey: string,
    content: TemplateContent | undefined,
  ) {
    const { input, chainId, log } = run;
    const { touchpoint, revision } = input;
    const key = ledgerKey(chainId, touchpoint, channel.name, revision);
    const claimed = await claimToSend(
      ledger,
      {
        key,
        chainId,
        workflowId: input.workflowId,
        shop: input.shop.id,
        touchpoint,
        channel: channel.name,
        revision,
        addressKey,
        customerKey: run.customerKey,
        urgent: run.urgent,
        localDay: localDay(Date.parse(input.decidedAt), input.order.customer.timezone),
        locale: run.composed.rendered.language,
      },
      deps.now(),
    );
    if (claimed.ended) return ended(run, channel.name, key, claimed.ended);
    // The shop's own senders go with the message: a find asks for it from the sender it was sent from.
    const message = { to, idempotencyKey: key, ...run.composed, sender: deps.voices.get(input.shop.id), content };
    // An earlier attempt died after claiming: the provider may have taken its message before it could be recorded.
    const taken = claimed.staleSince && (await channel.find?.(message, claimed.staleSince));
    if (taken)
      log.info(
        { touchpoint, channel: channel.name, key, providerId: taken.providerId },
        "an earlier attempt's message was taken by the provider; recording it instead of sending again",
      );
    return deliver(run, channel, message, taken);
  }

  /** Sends `message` unless it was `taken` already; records the outcome. */
  async function deliver(run: NoticeRun, channel: Channel, message: OutgoingMessage, taken?: SendResult) {
    const { name } = channel;
    const stopTimer = deps.metrics.sendSeconds.startTimer({ channel: name });
    let sent: SendResult;
    try {
      sent = taken ?? (await channel.send(message));
    } catch (err) {
      // Awaited inside the try: the send timer (stopped in finally) also covers recording the refusal.
      return await refused(run, channel, message, err);
    } finally {
      stopTimer();
    }
    return recordSent(run, name, message, sent);
  }

  /** A send the provider refused: thrown for a retry when transient, recorded and passed on when permanent. */
  async function refused(run: NoticeRun, channel: Channel, { to, idempotencyKey: key }: OutgoingMessage, err: unknown) {
    const { name } = channel;
    const touchpoint = { touchpoint: run.label };
    const failure = classify(err);
    run.log.warn(
      {
        touchpoint: run.input.touchpoint,
        channel: name,
        to: mask(to),
        reason: failure.reason,
        permanent: failure.permanent,
      },
      'notice not accepted',
    );
    if (!failure.permanent) {
      // Unsure whether the provider took it, and the provider can be asked: the claim stays for
      // the next attempt to take over and ask first. Otherwise nothing went out, or it cannot be
      // told: the next attempt sends (under the same idempotency key).
      if (!(failure.unsure && channel.find)) await ledger.release(key);
      deps.metrics.notices.inc({ channel: name, ...touchpoint, outcome: 'retried' });
      throw transientFailure(name, failure);
    }
    if (failure.optedOut) await optOuts.optOut(EVERY_SHOP, name, deps.addressKey(to), failure.optedOut);
    await ledger.failed(key, run.decide('failed', name, failure.reason));
    deps.metrics.notices.inc({ channel: name, ...touchpoint, outcome: 'failed' });
    run.fellFrom = { channel: name, reason: failure.reason };
    return undefined;
  }

  /** Accepted by the provider: from here on nothing may release the key (a retry must not send again). */
  async function recordSent(run: NoticeRun, channel: ChannelName, message: OutgoingMessage, sent: SendResult) {
    const { input, label, fellFrom } = run;
    const how = message.content ? ` as template ${message.content.sid}` : '';
    run.decide(
      'sent',
      channel,
      fellFrom ? `fell back to ${channel}${how}: ${fellFrom.reason}` : `sent by ${channel}${how}`,
    );
    // The version of the shop's wording it carried goes into the ledger too: a retry that finds the send
    // done answers the version that went out, not the one in effect by then.
    const templateVersion = run.composed.versions[channel];
    const notice: Notice = {
      revision: input.revision,
      channel,
      status: 'sent',
      at: sent.acceptedAt,
      providerId: sent.providerId,
      ...contentFor(channel, run.composed.rendered),
      decisions: run.decisions,
      ...(templateVersion && { templateVersion }),
    };
    await ledger.sent(message.idempotencyKey, sent.providerId, notice, run.check);
    deps.metrics.notices.inc({ channel, touchpoint: label, outcome: 'sent' });
    if (fellFrom) deps.metrics.fallbacks.inc({ from: fellFrom.channel, to: channel });
    if (input.afterQuietHours) deps.metrics.deferrals.inc({ touchpoint: label, reason: 'quiet_hours' });
    const { touchpoint, revision } = input;
    run.log.info({ touchpoint, channel, to: mask(message.to), providerId: sent.providerId, revision }, 'notice sent');
    return notice;
  }

  /** Free-form inside the customer's 24-hour window, else the shop's approved template, else skipped. */
  function whatsappFormOf(run: NoticeRun, channel: Channel, addressKey: string) {
    const { input, composed } = run;
    return whatsappForm(
      channel,
      {
        input,
        language: composed.rendered.language,
        variables: composed.templateVariables,
        voice: deps.voices.get(input.shop.id),
        now: deps.now(),
      },
      (sender) => deps.store.whatsappSessions.lastInbound(sender, addressKey),
    );
  }

  /**
   * Tries the notice on `name`: the notice when it went (or had gone), undefined when the next channel is to
   * be tried.
   */
  return async function attempt(run: NoticeRun, name: ChannelName): Promise<Notice | undefined> {
    const found = reach(deps.channels, name, run.input.order.customer, deps.voices.get(run.input.shop.id));
    if ('skipped' in found) {
      run.decide('skipped', name, found.skipped);
      return undefined;
    }
    const addressKey = deps.addressKey(found.to);
    const suppressed = await optedOut(run, name, addressKey);
    if (suppressed) {
      run.decide('suppressed', name, suppressed);
      deps.metrics.notices.inc({ channel: name, touchpoint: run.label, outcome: 'suppressed' });
      return undefined;
    }
    const form = name === 'whatsapp' ? await whatsappFormOf(run, found.channel, addressKey) : {};
    if ('skipped' in form) {
      run.decide('skipped', name, form.skipped);
      return undefined;
    }
    return claimAndSend(run, found.channel, found.to, addressKey, form.content);
  };
}
