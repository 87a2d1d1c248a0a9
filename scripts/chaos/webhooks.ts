/**
 * Webhooks delivered three times, out of order and at once, as carriers and Twilio retry them: every
 * carrier event of a chain three times concurrently (twice under one webhook-id, once under a new
 * one), then all of them again shuffled, and each chain's first SMS reported undelivered three times
 * at once. Counted: transitions applied more than once, fallbacks sent more than once, 5xx answers.
 */
import { randomUUID } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import twilio from 'twilio';
import { ON_TIME_PATH, onTimeEvent, orderBody } from '../bench/driver';
import { setTimeout as sleep } from 'node:timers/promises';
import { seeded } from '../seeded';
import type { Bed } from './faults';
import { TWILIO_TOKEN, type ChaosStack } from './stack';
import { request } from './traffic';

export interface WebhookResult {
  orders: number;
  carrierDeliveries: number;
  statusDeliveries: number;
  /** Answers by status code, over every delivery. */
  answers: Record<string, number>;
  /** Events a chain recorded beyond one per eventId. */
  duplicateTransitions: number;
  /** Chains that did not record every event once. */
  eventsMissing: number;
  /** Fallback emails beyond one per undelivered SMS. */
  duplicateFallbacks: number;
  fallbacksMissing: number;
}

/** The first SMS the Twilio endpoint took for an order, waited for up to 30 s. */
export async function firstSms(stack: ChaosStack, orderId: string) {
  for (let i = 0; i < 120; i++) {
    const sms = stack.twilio.taken.find((t) => t.orderId === orderId);
    if (sms) return sms;
    await sleep(250);
  }
  return undefined;
}

/** A carrier's delivery of `event` for `orderId`, signed with the endpoint's secret (or another). */
export function carrierDelivery(
  stack: ChaosStack,
  orderId: string,
  event: object,
  id = `msg_${randomUUID()}`,
  at = new Date(),
  secret = stack.carrier.secret,
) {
  const body = JSON.stringify({ orderId, event });
  const signature = new Webhook(secret).sign(id, at, body);
  const headers = {
    'content-type': 'application/json',
    'webhook-id': id,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': signature,
  };
  return fetch(`${stack.apiUrl}/webhooks/carriers/${stack.carrier.id}`, { method: 'POST', headers, body });
}

/** Twilio's signed status callback. */
export function statusCallback(stack: ChaosStack, params: Record<string, string>, signature?: string) {
  const url = `${stack.apiUrl}/webhooks/twilio/status`;
  const headers = {
    'content-type': 'application/x-www-form-urlencoded',
    'x-twilio-signature': signature ?? twilio.getExpectedTwilioSignature(TWILIO_TOKEN, url, params),
  };
  return fetch(url, { method: 'POST', headers, body: new URLSearchParams(params).toString() });
}

export async function webhooksThrice(bed: Bed, orders: number): Promise<WebhookResult> {
  const { stack } = bed;
  const random = seeded(bed.seed + 7);
  const result: WebhookResult = {
    orders,
    carrierDeliveries: 0,
    statusDeliveries: 0,
    answers: {},
    duplicateTransitions: 0,
    eventsMissing: 0,
    duplicateFallbacks: 0,
    fallbacksMissing: 0,
  };
  const answered = async (res: Promise<Response>) => {
    const status = String(
      await res.then(
        (r) => r.status,
        () => 0,
      ),
    );
    result.answers[status] = (result.answers[status] ?? 0) + 1;
  };
  const ids = Array.from({ length: orders }, (_, i) => bed.first + i);
  await Promise.all(
    ids.map(async (n) => {
      const body = orderBody(n);
      const orderId = body.orderId;
      await request(stack, 'POST', '/v1/orders', {
        ...body,
        customer: { ...body.customer, channels: ['sms', 'email'] },
      });
      const sms = await firstSms(stack, orderId);
      if (sms) {
        const params = { MessageSid: sms.providerId, MessageStatus: 'undelivered', ErrorCode: '30003' };
        await Promise.all([1, 2, 3].map(() => answered(retried(() => statusCallback(stack, params)))));
        result.statusDeliveries += 3;
      }
      const events = ON_TIME_PATH.map((type) => onTimeEvent(orderId, type));
      for (const event of events) {
        const id = `msg_${randomUUID()}`;
        await Promise.all([id, id, undefined].map((i) => answered(carrierDelivery(stack, orderId, event, i))));
        result.carrierDeliveries += 3;
      }
      const shuffled = events.map((e) => ({ e, k: random() })).sort((a, b) => a.k - b.k);
      await Promise.all(shuffled.map(({ e }) => answered(carrierDelivery(stack, orderId, e))));
      result.carrierDeliveries += events.length;
      const state = await chainState(stack, orderId);
      const recorded = state?.events.length ?? 0;
      const unique = new Set(state?.events.map((e) => e.eventId)).size;
      result.duplicateTransitions += recorded - unique;
      if (unique < events.length) result.eventsMissing++;
      const fallbacks = stack.smtp.taken.filter((t) => t.orderId === orderId && t.touchpoint === 'confirmation').length;
      if (sms) {
        result.duplicateFallbacks += Math.max(0, fallbacks - 1);
        if (!fallbacks) result.fallbacksMissing++;
      }
    }),
  );
  return result;
}

/** A callback sent again after a 503 (the message not known yet), as Twilio's callback retries do, up to five times. */
async function retried(deliver: () => Promise<Response>): Promise<Response> {
  for (let i = 0; ; i++) {
    const res = await deliver();
    if (res.status !== 503 || i === 4) return res;
    await sleep(1000);
  }
}

/** The chain's state once its events have been taken in (it may have closed meanwhile). */
async function chainState(stack: ChaosStack, orderId: string): Promise<{ events: { eventId: string }[] } | undefined> {
  for (let i = 0; i < 60; i++) {
    const { status, body } = await request(stack, 'GET', `/v1/orders/${orderId}`);
    const state = body as { stage?: string; events: { eventId: string }[] };
    if (status === 200 && ['delivered', 'closed'].includes(state.stage ?? '')) return state;
    await sleep(500);
  }
  return undefined;
}
