/**
 * WhatsApp notices as WhatsApp allows them (issue 18), through the real twilio SDK against the local endpoint,
 * which keeps the 24-hour window and knows the approved templates as Twilio does
 * (https://www.twilio.com/docs/api/errors/63016,
 * https://www.twilio.com/docs/content/send-templates-created-with-the-content-template-builder): outside the window
 * a notice goes as the shop's template (ContentSid, ContentVariables), after the customer writes (the signed inbound
 * webhook) as text; with neither it falls back to SMS with the reason, as it does when Twilio answers 63016.
 */
import { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import express from 'express';
import { Registry } from 'prom-client';
import request from 'supertest';
import twilio from 'twilio';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import type { Channels } from '../../activities/channels/channel';
import { classify } from '../../activities/channels/failures';
import type { Chains } from '../../api/chains';
import { twilioRouter } from '../../api/routes/twilio';
import { createStore, type Store } from '../../store';
import { addressKeyer } from '../../store/address-key';
import { buildChannels } from '../../worker/transports';
import { workerActivities } from '../../worker/worker';
import { configWith } from '../helpers/api';
import { shopConfig } from '../helpers/fixtures';
import { TWILIO_SID, TWILIO_TOKEN, twilioEndpoint, twilioEnv, type TwilioEndpoint } from '../helpers/twilio-endpoint';
import { contractMessage } from './channels/contract';
import { inActivityContext, noticeInput, noticeOf } from './notice-input';
import type { Notice } from '../../workflows/contract';

const CONFIRMATION_EN = `HX${'c0'.repeat(16)}`;
const CONFIRMATION_DE = `HX${'d0'.repeat(16)}`;
const BUSINESS = 'whatsapp:+48111222444';

let endpoint: TwilioEndpoint;
let store: Store;
let sendNotice: ReturnType<typeof inActivityContext>;
let channels: Channels;
let app: express.Express;
let n = 0;

beforeAll(async () => {
  endpoint = await twilioEndpoint({ whatsapp: { approved: [CONFIRMATION_EN, CONFIRMATION_DE] } });
  const whatsappTemplates = { confirmation: { en: CONFIRMATION_EN, 'de-DE': CONFIRMATION_DE } };
  const config = configWith({ shops: [{ ...shopConfig(), twilio: { whatsappTemplates } }] }, twilioEnv(endpoint));
  store = await createStore(config);
  channels = buildChannels(config);
  sendNotice = inActivityContext(workerActivities(config, { store, registry: new Registry() }).sendNotice);
  const addressKey = addressKeyer(config.secret);
  app = express().use(express.urlencoded({ extended: false }));
  const chains = {} as Chains; // a text without a digit answers no chain
  const publicBaseUrl = config.publicBaseUrl;
  app.use(
    twilioRouter({
      authToken: TWILIO_TOKEN,
      publicBaseUrl,
      chains,
      store,
      addressKey,
      registry: new OpenAPIRegistry(),
    }),
  );
});
afterAll(async () => {
  await endpoint.close();
  await store.close();
});
beforeEach(() => endpoint.reset());

/** A `template` notice tried on WhatsApp, then SMS, to a customer of their own in `locale`. */
function notice(template: 'confirmation' | 'tracking', locale = 'en') {
  const base = noticeInput(['whatsapp', 'sms'], {
    touchpoint: template,
    template,
    facts: { promisedDate: '2026-12-03' },
  });
  const phone = `+4860090${String(++n).padStart(4, '0')}`;
  const customer = { ...base.order.customer, phone, locale, timezone: 'Europe/Warsaw' };
  return { ...base, order: { ...base.order, orderId: `W-${n}`, customer } };
}

/** The customer writes to the shop's WhatsApp number: Twilio sees it, and posts it to Doorstep's signed webhook. */
async function customerWrites(phone: string) {
  const form = { From: `whatsapp:${phone}`, To: BUSINESS, Body: 'Hello', MessageSid: `SM${phone.slice(1)}` };
  const url = 'http://localhost:8080/webhooks/twilio/inbound';
  const signature = twilio.getExpectedTwilioSignature(TWILIO_TOKEN, url, form);
  const res = await request(app)
    .post('/webhooks/twilio/inbound')
    .type('form')
    .set('X-Twilio-Signature', signature)
    .send(form);
  expect(res.status).toBe(200);
  endpoint.inbound(form.From, form.To);
}

const posts = () => endpoint.requests.filter((r) => r.method === 'POST').map((r) => r.form);

it("outside the window a notice goes as the shop's approved template with Doorstep's variables", async () => {
  const i = notice('confirmation');
  const sent = noticeOf(await sendNotice(i));
  const [form] = posts();
  expect(form).toMatchObject({ To: `whatsapp:${i.order.customer.phone}`, From: BUSINESS, ContentSid: CONFIRMATION_EN });
  expect(form).not.toHaveProperty('Body');
  expect(JSON.parse(form.ContentVariables)).toEqual({
    '1': 'Acme',
    '2': i.order.orderId,
    '3': 'December 3, 2026',
    '4': 'http://localhost:8080/t/abc',
    '5': expect.stringMatching(/^http:\/\/localhost:8080\/r\/.+/),
  });
  expect(sent).toMatchObject({ channel: 'whatsapp', providerId: endpoint.accepted[0] });
  expect(sent.decisions.at(-1)).toMatchObject({ reason: `sent by whatsapp as template ${CONFIRMATION_EN}` });
});

it("takes the template of the customer's locale, in their language's words", async () => {
  const i = notice('confirmation', 'de-DE');
  noticeOf(await sendNotice(i));
  const [form] = posts();
  expect(form.ContentSid).toBe(CONFIRMATION_DE);
  expect(JSON.parse(form.ContentVariables)['3']).toBe('3. Dezember 2026');
});

it('after the customer writes on WhatsApp the notice goes as text', async () => {
  const i = notice('tracking');
  await customerWrites(i.order.customer.phone!);
  const sent = noticeOf(await sendNotice(i));
  const [form] = posts();
  expect(form).not.toHaveProperty('ContentSid');
  expect(form.Body).toContain(`order ${i.order.orderId}`);
  expect(sent).toMatchObject({ channel: 'whatsapp', text: form.Body });
});

/** The notice went by SMS, and its decisions say why WhatsApp did not take it. */
function expectSmsAfterWhatsApp(sent: Notice, outcome: 'skipped' | 'failed', reason: string): void {
  expect(sent.channel).toBe('sms');
  expect(sent.decisions).toContainEqual(expect.objectContaining({ outcome, channel: 'whatsapp', reason }));
}

it('without a template and outside the window it falls back to SMS with the reason on the notice', async () => {
  const i = notice('tracking');
  const sent = noticeOf(await sendNotice(i));
  expect(posts().map((f) => f.To)).toEqual([i.order.customer.phone]);
  expectSmsAfterWhatsApp(sent, 'skipped', 'no approved WhatsApp template for tracking in en, outside the 24 h session');
});

it("falls back to SMS when Twilio answers 63016 (its window closed where Doorstep's record had it open)", async () => {
  const i = notice('tracking');
  await customerWrites(i.order.customer.phone!);
  endpoint.reset(); // Twilio no longer counts the customer's message
  const sent = noticeOf(await sendNotice(i));
  expect(posts().map((f) => f.To)).toEqual([`whatsapp:${i.order.customer.phone}`, i.order.customer.phone]);
  expectSmsAfterWhatsApp(
    sent,
    'failed',
    '63016 outside the WhatsApp 24 h session: a free-form message needs an approved template',
  );
});

it('the endpoint refuses an unknown Content SID (63027) and variables that are not JSON (21656), as Twilio does', async () => {
  const refusal = (params: Record<string, string>) =>
    fetch(`${endpoint.baseUrl}/2010-04-01/Accounts/${TWILIO_SID}/Messages.json`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ To: 'whatsapp:+48600123456', From: BUSINESS, ...params }),
    }).then(async (res) => ({ http: res.status, ...(await res.json()) }));
  expect(await refusal({ ContentSid: `HX${'ff'.repeat(16)}`, ContentVariables: '{"1":"a"}' })).toMatchObject({
    http: 400,
    code: 63027,
  });
  expect(await refusal({ ContentSid: CONFIRMATION_EN, ContentVariables: '{1: a}' })).toMatchObject({ code: 21656 });
  expect(await refusal({ ContentSid: CONFIRMATION_EN, ContentVariables: '{"1":""}' })).toMatchObject({ code: 21656 });
  expect(await refusal({ Body: 'free-form' })).toMatchObject({ code: 63016 });
  // Through the SDK an unknown template fails the send for good: a retry would be refused the same way.
  const whatsapp = channels.whatsapp!;
  const content = { sid: `HX${'ee'.repeat(16)}`, variables: { '1': 'Acme' } };
  const failure = classify(await whatsapp.send({ ...contractMessage(whatsapp), content }).catch((e: unknown) => e));
  expect(failure).toMatchObject({ permanent: true, code: 63027 });
});

it('finds a template message again by To, From, time and a body carrying its variables (the rating link)', async () => {
  const whatsapp = channels.whatsapp!;
  const variables = { '1': 'Acme', '2': 'F-1', '3': '—', '4': 'http://localhost:8080/t/f', '5': 'http://x/r/one' };
  const message = { ...contractMessage(whatsapp), content: { sid: CONFIRMATION_EN, variables } };
  const since = new Date(Date.now() - 1_000);
  const sent = await whatsapp.send(message);
  expect(await whatsapp.find!(message, since)).toMatchObject({ providerId: sent.providerId });
  const other = { ...message, content: { sid: CONFIRMATION_EN, variables: { ...variables, '5': 'http://x/r/two' } } };
  expect(await whatsapp.find!(other, since)).toBeUndefined();
});

it("a shop's own WhatsApp wording goes on WhatsApp and its SMS wording on SMS, each with its version", async () => {
  const i = notice('tracking');
  const slot = (channel: string) => ({ template: 'tracking', locale: 'en', channel });
  const sms = await store.templates.put(i.shop.id, slot('sms'), { text: 'SMS {orderId}: <track>track</track>' }, 't');
  const wa = await store.templates.put(
    i.shop.id,
    slot('whatsapp'),
    { text: 'WA {orderId}! <track>track</track>' },
    't',
  );
  try {
    await customerWrites(i.order.customer.phone!);
    const onWhatsApp = noticeOf(await sendNotice(i));
    expect(posts()[0].Body).toMatch(new RegExp(`^WA ${i.order.orderId}! track: http`));
    expect(onWhatsApp).toMatchObject({ channel: 'whatsapp', templateVersion: wa.version });
    endpoint.reset(); // Twilio no longer counts the customer's message: 63016, and the notice falls back to SMS
    const onSms = noticeOf(await sendNotice({ ...i, revision: i.revision + 1 }));
    expect(posts().map((f) => f.Body.split(':')[0])).toEqual([
      `WA ${i.order.orderId}! track`,
      `SMS ${i.order.orderId}`,
    ]);
    expect(onSms).toMatchObject({ channel: 'sms', templateVersion: sms.version });
  } finally {
    await store.templates.remove(i.shop.id, slot('sms'), 't');
    await store.templates.remove(i.shop.id, slot('whatsapp'), 't');
  }
});
