/**
 * Alerting support when a chain needs attention (a low rating, a second delay, a conflict, a
 * notice nobody got): an email to the shop's support address, sent once per alert through the send
 * ledger, and, when the shop has one, a webhook signed the Standard Webhooks way.
 */
import { ApplicationFailure } from '@temporalio/activity';
import { Webhook } from 'standardwebhooks';
import { escapeHtml } from '../common/html';
import { ledgerKey } from '../store/ledger';
import type { Shop } from '../workflows/contract';
import { chainWorkflowId } from '../workflows/definitions';
import { FAILURE } from '../workflows/failures';
import type { SendResult } from './channels/channel';
import { classify, transientFailure } from './channels/failures';
import { claimToSend } from './claim';
import type { ActivityDeps } from './deps';
import type { Rendered } from './templates/render';

/** Why support is alerted; `carrier_*`: the carrier's exception, its ETA after the promise, its silence (watchlist). */
export type AlertKind =
  | 'low_rating'
  | 'repeated_delay'
  | 'conflict'
  | 'notice_failed'
  | 'pickup_expired'
  | 'carrier_exception'
  | 'carrier_eta'
  | 'carrier_watch'
  | 'other';

export interface SupportAlertInput {
  shop: Shop;
  orderId: string;
  carrier: string;
  /** The chain's nth alert (from 1): with the chain, it keys the alert for exactly-once. */
  n: number;
  kind: AlertKind;
  reason: string;
  /** Workflow time, ISO. */
  at: string;
}

/**
 * The support email: plain words for a person on the support desk (their language is the shop's business,
 * English here), linking the order's console page.
 */
function alertMessage({ shop, orderId, carrier, reason, at }: SupportAlertInput, consoleUrl: string): Rendered {
  const subject = `Doorstep: order ${orderId} needs attention`;
  const lines = [
    `Order ${orderId} (${carrier}) of ${shop.name} needs attention: ${reason}.`,
    `The whole chain, in the support console: ${consoleUrl}`,
    `Raised ${at}.`,
  ];
  const text = lines.join('\n\n');
  const html = `<!doctype html><html lang="en"><body>${lines.map((l) => `<p>${escapeHtml(l)}</p>`).join('')}</body></html>`;
  return { language: 'en', subject, text, html, short: lines[0], spoken: lines[0] };
}

/** The alertSupport activity, closed over its dependencies. */
export function alertSupportActivity(deps: ActivityDeps) {
  const { ledger } = deps.store;

  /** Emails support once per alert; true when this attempt sent it. */
  async function email(input: SupportAlertInput, key: string, rendered: Rendered): Promise<boolean> {
    const { shop, orderId } = input;
    const chainId = chainWorkflowId(shop.id, orderId);
    const base = {
      key,
      chainId,
      workflowId: chainId,
      shop: shop.id,
      touchpoint: `support-alert-${input.n}`,
      channel: 'email' as const,
      revision: 1,
    };
    const claim = {
      ...base,
      addressKey: deps.addressKey(shop.supportEmail),
      customerKey: '',
      urgent: true,
      localDay: input.at.slice(0, 10),
      locale: 'en',
    };
    if ((await claimToSend(ledger, claim, new Date())).ended) return false;
    let sent: SendResult;
    try {
      sent = await deps.channels.email!.send({ to: shop.supportEmail, idempotencyKey: key, rendered });
    } catch (err) {
      const failure = classify(err);
      await ledger.release(key);
      throw failure.permanent
        ? ApplicationFailure.nonRetryable(`support email: ${failure.reason}`, FAILURE.supportAlertFailed)
        : transientFailure('email', failure);
    }
    await ledger.sent(key, sent.providerId, {
      revision: 1,
      channel: 'email',
      status: 'sent',
      at: sent.acceptedAt,
      providerId: sent.providerId,
      subject: rendered.subject,
      text: rendered.text,
      decisions: [],
    });
    return true;
  }

  async function webhook(
    url: string,
    key: string,
    input: SupportAlertInput,
    links: { chain: string; console: string },
  ): Promise<void> {
    const body = JSON.stringify({
      type: 'chain.attention',
      shop: input.shop.id,
      orderId: input.orderId,
      carrier: input.carrier,
      kind: input.kind,
      reason: input.reason,
      at: input.at,
      ...links,
    });
    const now = new Date();
    // The webhook-id stays the same on every retry, so the receiver can drop repeats.
    const headers = {
      'content-type': 'application/json',
      'webhook-id': key,
      'webhook-timestamp': String(Math.floor(now.getTime() / 1000)),
      'webhook-signature': new Webhook(deps.alertWebhookSecret!).sign(key, now, body),
    };
    const res = await fetch(url, { method: 'POST', headers, body, signal: AbortSignal.timeout(10_000) }).catch(
      (err: Error) => {
        throw ApplicationFailure.retryable(`alert webhook: ${err.message}`, FAILURE.transientDelivery);
      },
    );
    if (res.ok) return;
    const why = `alert webhook answered ${res.status}`;
    throw res.status === 429 || res.status >= 500
      ? ApplicationFailure.retryable(why, FAILURE.transientDelivery)
      : ApplicationFailure.nonRetryable(why, FAILURE.supportAlertFailed);
  }

  /**
   * Emails support (once per alert) and posts the signed webhook when the shop has one; each is
   * tried whatever became of the other. A transient failure of either retries the activity (the
   * ledger keeps the email from going twice); a permanent one is reported after both were tried.
   */
  return async function alertSupport(input: SupportAlertInput): Promise<void> {
    const key = ledgerKey(chainWorkflowId(input.shop.id, input.orderId), `support-alert-${input.n}`, 'email', 1);
    const order = encodeURIComponent(input.orderId);
    // People open the console page (signed in); systems read the chain from the API (with a key).
    const links = {
      chain: `${deps.publicBaseUrl}/v1/orders/${order}`,
      console: `${deps.publicBaseUrl}/console/orders/${order}`,
    };
    const url = input.shop.alertWebhookUrl;
    const [mailed, posted] = await Promise.allSettled([
      email(input, key, alertMessage(input, links.console)),
      url ? webhook(url, key, input, links) : Promise.resolve(),
    ]);
    if (mailed.status === 'fulfilled' && mailed.value) deps.metrics.attention.inc({ reason: input.kind });
    const failures = [mailed, posted].flatMap((r) => (r.status === 'rejected' ? [r.reason as ApplicationFailure] : []));
    const transient = failures.find((f) => !f.nonRetryable);
    if (transient) throw transient;
    if (failures.length)
      throw ApplicationFailure.nonRetryable(failures.map((f) => f.message).join('; '), FAILURE.supportAlertFailed);
  };
}
