/** SMS, WhatsApp and voice through the real twilio SDK against a local HTTP endpoint: the exact requests. */
import { ApplicationFailure } from '@temporalio/common';
import { Registry } from 'prom-client';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createStore, type Store } from '../../store';
import { addressKeyer } from '../../store/address-key';
import type { ChannelName } from '../../workflows/contract';
import { workerActivities } from '../../worker/worker';
import { outbox, testConfig } from '../helpers/temporal';
import { TWILIO_SID, TWILIO_TOKEN, twilioEndpoint, twilioEnv, type TwilioEndpoint } from '../helpers/twilio-endpoint';
import { noticeInput, noticeOf, inActivityContext } from './notice-input';

let twilio: TwilioEndpoint;
let store: Store;
let config: ReturnType<typeof testConfig>;
let acts: ReturnType<typeof workerActivities>;
let sendNotice: ReturnType<typeof inActivityContext>;
const registry = new Registry();
let n = 0;

beforeAll(async () => {
  twilio = await twilioEndpoint();
  config = testConfig(twilioEnv(twilio));
  store = await createStore(config);
  acts = workerActivities(config, { store, registry });
  sendNotice = inActivityContext(acts.sendNotice);
});
afterAll(async () => {
  await twilio.close();
  await store.close();
});
beforeEach(() => twilio.reset());

/** A notice for a fresh order, so that every test has its own ledger keys. */
function input(channels: ChannelName[], overrides: Parameters<typeof noticeInput>[1] = {}) {
  const base = noticeInput(channels, overrides);
  return { ...base, order: { ...base.order, orderId: `T-${++n}` } };
}
const MESSAGES = `/2010-04-01/Accounts/${TWILIO_SID}/Messages.json`;
const CALLS = `/2010-04-01/Accounts/${TWILIO_SID}/Calls.json`;
const STATUS = 'http://localhost:8080/webhooks/twilio/status';

describe('Twilio channels', () => {
  it('an SMS is one POST to the Messages API: To, From, the short body with the rating hint, the status callback', async () => {
    const i = input(['sms']);
    const notice = noticeOf(await sendNotice(i));
    expect(twilio.requests).toEqual([
      {
        at: expect.any(Number),
        method: 'POST',
        path: MESSAGES,
        auth: `Basic ${Buffer.from(`${TWILIO_SID}:${TWILIO_TOKEN}`).toString('base64')}`,
        form: {
          To: '+48600123456',
          From: '+48111222333',
          Body: `Acme: order ${i.order.orderId} is with dpd. Track it: http://localhost:8080/t/abc Reply 1-5 to rate it.`,
          StatusCallback: STATUS,
        },
      },
    ]);
    expect(notice).toMatchObject({
      channel: 'sms',
      status: 'sent',
      providerId: twilio.accepted[0],
      text: twilio.requests[0].form.Body,
    });
  });

  it('WhatsApp sends from and to whatsapp: addresses (free-form, inside the customer 24 h window)', async () => {
    const i = input(['whatsapp'], { touchpoint: 'arrival', template: 'arrival' });
    await store.whatsappSessions.heard('+48111222444', addressKeyer(config.secret)('+48600123456'), new Date());
    noticeOf(await sendNotice(i));
    expect(twilio.requests.map((r) => [r.path, r.form])).toEqual([
      [
        MESSAGES,
        {
          To: 'whatsapp:+48600123456',
          From: 'whatsapp:+48111222444',
          Body: `Acme: order ${i.order.orderId} is in Warsaw. The courier will call you to agree a time. Reply 1-5 to rate it.`,
          StatusCallback: STATUS,
        },
      ],
    ]);
  });

  it('the closing question by phone gathers one or two keys ended by the hash key (0-10)', async () => {
    noticeOf(await sendNotice(input(['voice'], { touchpoint: 'closing', template: 'closing' })));
    const twiml = twilio.requests[0].form.Twiml;
    expect(twiml).toContain(
      '<Gather numDigits="2" finishOnKey="#" action="http://localhost:8080/webhooks/twilio/inbound"',
    );
    expect(twiml).toContain(
      'How likely are you to order from us again? Press a number from 0 to 10, then the hash key.',
    );
  });

  it('a voice call reads the notice in the customer language; a question gathers one digit', async () => {
    const ru = input(['voice'], { touchpoint: 'arrival', template: 'arrival' });
    ru.order.customer = { ...ru.order.customer, locale: 'ru' };
    noticeOf(await sendNotice(ru));
    const ask = input(['voice'], {
      touchpoint: 'courier-call',
      template: 'courier-call-request',
      facts: {
        options: [
          { from: '2026-11-24T09:00:00Z', to: '2026-11-24T11:00:00Z' },
          { from: '2026-11-24T11:00:00Z', to: '2026-11-24T13:00:00Z' },
        ],
      },
    });
    ask.order.customer = { ...ask.order.customer, timezone: 'UTC' };
    noticeOf(await sendNotice(ask));
    const XML = '<?xml version="1.0" encoding="UTF-8"?>';
    expect(twilio.requests.map((r) => [r.path, r.form])).toEqual([
      [
        CALLS,
        {
          To: '+48600123456',
          From: '+48111222333',
          Twiml:
            `${XML}<Response><Say language="ru-RU">Acme: заказ ${ru.order.orderId} уже в вашем городе. ` +
            'Курьер позвонит, чтобы договориться о времени.</Say></Response>',
          StatusCallback: STATUS,
        },
      ],
      [
        CALLS,
        {
          To: '+48600123456',
          From: '+48111222333',
          Twiml:
            `${XML}<Response>` +
            '<Gather numDigits="1" action="http://localhost:8080/webhooks/twilio/inbound" method="POST" timeout="10">' +
            `<Say language="en-GB">Hello, this is Acme. Your order ${ask.order.orderId} is due for delivery on November 24, 2026. ` +
            'When shall the courier come? Press 1 for 9:00 AM to 11:00 AM, 2 for 11:00 AM to 1:00 PM.</Say></Gather></Response>',
          StatusCallback: STATUS,
        },
      ],
    ]);
  });

  it('an invalid number (21211) falls back to email, and the notice says so', async () => {
    twilio.answers.push({
      status: 400,
      body: { code: 21211, message: "The 'To' number is not a valid phone number.", status: 400 },
    });
    const i = input(['sms', 'email']);
    const notice = noticeOf(await sendNotice(i));
    expect(twilio.requests).toHaveLength(1);
    expect(notice.channel).toBe('email');
    expect(notice.decisions.map((d) => [d.outcome, d.channel, d.reason])).toEqual([
      ['failed', 'sms', '21211 invalid number'],
      ['sent', 'email', 'fell back to email: 21211 invalid number'],
    ]);
    expect(
      outbox(config).filter((m) => m.idempotencyKey === `order-acme-${i.order.orderId}:tracking:email:1`),
    ).toHaveLength(1);
    const metrics = await registry.metrics();
    expect(metrics).toMatch(/doorstep_notice_fallbacks_total\{from="sms",to="email"\} 1\n/);
    expect(metrics).toMatch(/doorstep_notices_total\{channel="sms",touchpoint="tracking",outcome="failed"\} 1\n/);
    expect(metrics).toMatch(/doorstep_notice_send_seconds_count\{channel="sms"\} [2-9]/);
  });

  it('a recipient who sent STOP (21610) is opted out: later SMS are suppressed without asking Twilio', async () => {
    twilio.answers.push({
      status: 400,
      body: { code: 21610, message: 'Attempt to send to unsubscribed recipient', status: 400 },
    });
    const stopped = (i: ReturnType<typeof input>) => ({
      ...i,
      order: { ...i.order, customer: { ...i.order.customer, phone: '+48600999999' } },
    });
    const first = noticeOf(await sendNotice(stopped(input(['sms', 'email']))));
    expect(first.decisions[0]).toMatchObject({ outcome: 'failed', reason: '21610 recipient opted out (STOP)' });
    const later = noticeOf(
      await sendNotice(stopped(input(['sms', 'email'], { touchpoint: 'arrival', template: 'arrival' }))),
    );
    expect(twilio.requests).toHaveLength(1);
    expect(later.channel).toBe('email');
    expect(later.decisions[0]).toMatchObject({
      outcome: 'suppressed',
      channel: 'sms',
      reason: expect.stringContaining('opted out of sms (Twilio 21610'),
    });
  });

  it('rate limiting (429) and outages (500) are transient: Temporal retries, nothing falls back', async () => {
    for (const status of [429, 500]) {
      twilio.answers.push({ status, body: { code: status === 429 ? 20429 : 20500, message: 'try later', status } });
      const i = input(['sms', 'email']);
      const failure = await sendNotice(i).catch((e: unknown) => e);
      expect(failure).toBeInstanceOf(ApplicationFailure);
      expect(failure).toMatchObject({
        nonRetryable: false,
        type: 'TransientDeliveryFailure',
        message: `sms: ${status === 429 ? '429 rate limited' : '500 provider error'}`,
      });
      expect(outbox(config).filter((m) => m.idempotencyKey.startsWith(`order-acme-${i.order.orderId}:`))).toEqual([]);
    }
  });
});
