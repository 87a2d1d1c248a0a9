/**
 * Each shop's Twilio senders through the real twilio SDK against the local endpoint: an SMS through the
 * shop's Messaging Service (Twilio's `MessagingServiceSid`, no From) is found again from that service only,
 * a WhatsApp sender set for one shop alone serves that shop and leaves the others' WhatsApp not set up, a
 * call goes from the shop's number, and the endpoint refuses a message without a sender as Twilio does.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { reach, type Channels, type Senders } from '../../../activities/channels/channel';
import { classify } from '../../../activities/channels/failures';
import { buildChannels } from '../../../worker/transports';
import { configWith } from '../../helpers/api';
import { shopConfig } from '../../helpers/fixtures';
import { TWILIO_SID, twilioEndpoint, twilioEnv, type TwilioEndpoint } from '../../helpers/twilio-endpoint';
import { contractMessage } from './contract';

const SERVICE = `MG${'a1'.repeat(16)}`;
const OTHER_SERVICE = `MG${'b2'.repeat(16)}`;
const WITH_SERVICE: Senders = { twilio: { messagingServiceSid: SERVICE } };
const WITH_NUMBERS: Senders = { twilio: { from: '+48500111222', whatsappFrom: '+48500111333' } };

let endpoint: TwilioEndpoint;
let channels: Channels;
beforeAll(async () => {
  endpoint = await twilioEndpoint();
  // No global WhatsApp sender: only the shop with its own has WhatsApp.
  const config = configWith(
    {
      shops: [
        shopConfig(),
        shopConfig({ id: 'bolt', name: 'Bolt', supportEmail: 'help@bolt.example', ...WITH_NUMBERS }),
      ],
    },
    { ...twilioEnv(endpoint), TWILIO_WHATSAPP_FROM: '' },
  );
  channels = buildChannels(config);
});
afterAll(() => endpoint.close());

const lastPost = () => endpoint.requests.filter((r) => r.method === 'POST').at(-1)!.form;

it("sends an SMS through the shop's Messaging Service and finds it again from that service only", async () => {
  const sms = channels.sms!;
  const message = { ...contractMessage(sms), sender: WITH_SERVICE };
  const since = new Date(Date.now() - 1_000);
  const sent = await sms.send(message);
  expect(lastPost()).toMatchObject({ MessagingServiceSid: SERVICE, To: message.to, Body: message.rendered.short });
  expect(lastPost()).not.toHaveProperty('From');
  expect(await sms.find!(message, since)).toMatchObject({ providerId: sent.providerId });
  // The same text to the same number from another sender is not this notice.
  expect(await sms.find!({ ...message, sender: { twilio: { messagingServiceSid: OTHER_SERVICE } } }, since)).toBe(
    undefined,
  );
  expect(await sms.find!({ ...message, sender: undefined }, since)).toBeUndefined();
});

it("sends the shop's SMS, WhatsApp message and call from its own numbers, another shop's from the globals", async () => {
  const sent: Record<string, string>[] = [];
  for (const sender of [WITH_NUMBERS, undefined])
    for (const name of ['sms', 'voice'] as const) {
      await channels[name]!.send({ ...contractMessage(channels[name]!), sender });
      sent.push(lastPost());
    }
  expect(sent.map((form) => form.From)).toEqual(['+48500111222', '+48500111222', '+48111222333', '+48111222333']);
  await channels.whatsapp!.send({ ...contractMessage(channels.whatsapp!), sender: WITH_NUMBERS });
  expect(lastPost()).toMatchObject({ From: 'whatsapp:+48500111333', To: 'whatsapp:+48600123456' });
});

it('leaves WhatsApp not set up for a shop without its own sender when there is no global one', () => {
  const customer = { phone: '+48600123456' };
  expect(reach(channels, 'whatsapp', customer, WITH_NUMBERS)).toMatchObject({ to: '+48600123456' });
  expect(reach(channels, 'whatsapp', customer, WITH_SERVICE)).toEqual({ skipped: 'whatsapp is not set up' });
  expect(reach(channels, 'whatsapp', customer)).toEqual({ skipped: 'whatsapp is not set up' });
  expect(reach(channels, 'sms', customer, WITH_SERVICE)).toMatchObject({ to: '+48600123456' });
});

it('refuses a message without a sender (21603) or with a malformed service SID (21705), as Twilio does', async () => {
  const refusal = (params: object) =>
    fetch(`${endpoint.baseUrl}/2010-04-01/Accounts/${TWILIO_SID}/Messages.json`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ To: '+48600123456', Body: 'hi', ...params }),
    }).then(async (res) => ({ http: res.status, ...(await res.json()) }));
  expect(await refusal({})).toMatchObject({ http: 400, code: 21603 });
  expect(await refusal({ From: '+48111222333' })).toMatchObject({ http: 201, from: '+48111222333', status: 'queued' });
  // Through the SDK a refused sender fails the send for good: a retry would be refused the same way.
  const sms = channels.sms!;
  const broken = { ...contractMessage(sms), sender: { twilio: { messagingServiceSid: 'MG123' } } };
  const failure = classify(await sms.send(broken).catch((e: unknown) => e));
  expect(failure).toMatchObject({ permanent: true, code: 21705, reason: '21705 invalid Messaging Service' });
});
