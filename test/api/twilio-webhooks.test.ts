/**
 * Twilio's callbacks end to end: the real API app, a real worker on the dev server, the real twilio
 * SDK on a local endpoint. Requests are signed the way Twilio signs them, over PUBLIC_BASE_URL.
 */
import type { WorkflowHandle } from '@temporalio/client';
import request from 'supertest';
import twilio from 'twilio';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ChainState, Notice, TrackingEvent } from '../../workflows/contract';
import { trackingEventUpdate } from '../../workflows/definitions';
import { startChain, waitForState } from '../helpers/chains';
import { afternoonZone, event, order, shop } from '../helpers/fixtures';
import { appBed } from '../helpers/api';
import { outbox, testConfig } from '../helpers/temporal';
import { TWILIO_TOKEN, twilioEndpoint, twilioEnv, type TwilioEndpoint } from '../helpers/twilio-endpoint';

let twilioApi: TwilioEndpoint;
let phones = 0;

beforeAll(async () => {
  twilioApi = await twilioEndpoint();
});
afterAll(() => twilioApi.close());
const bed = appBed(() => testConfig(twilioEnv(twilioApi)));
beforeEach(() => twilioApi.reset());

/** POSTs a form to a webhook, signed as Twilio signs it unless a signature is given. */
function webhook(
  path: string,
  form: Record<string, string>,
  signature = twilio.getExpectedTwilioSignature(TWILIO_TOKEN, `http://localhost:8080${path}`, form),
) {
  return request(bed.app).post(path).type('form').set('X-Twilio-Signature', signature).send(form);
}
/** An order whose customer has a phone number of their own (opt-outs follow the number). */
function phoneOrder(channels: ('sms' | 'email' | 'voice')[]) {
  const phone = `+4860070${String(++phones).padStart(4, '0')}`;
  // Early afternoon for the customer whatever the hour: no call waits for the end of quiet hours.
  return order({ customer: { ...order().customer, phone, channels, timezone: afternoonZone() } });
}
const send = (h: WorkflowHandle, e: TrackingEvent) => h.executeUpdate(trackingEventUpdate, { args: [e] });
const notices = (s: ChainState, key: string): Notice[] => s.touchpoints.find((t) => t.key === key)?.notices ?? [];

describe('delivery receipts', () => {
  it('need a valid signature; an undelivered SMS falls back to email, once, however often Twilio repeats it', async () => {
    await bed.env.withWorker(async () => {
      const o = phoneOrder(['sms', 'email']);
      const h = await startChain(bed.env, o, shop());
      const sent = await waitForState(h, (s) => notices(s, 'confirmation')[0]?.status === 'sent');
      const sid = notices(sent, 'confirmation')[0].providerId!;
      const form = { MessageSid: sid, MessageStatus: 'undelivered', ErrorCode: '30003', AccountSid: 'AC1' };

      expect((await request(bed.app).post('/webhooks/twilio/status').type('form').send(form)).status).toBe(403);
      expect((await webhook('/webhooks/twilio/status', form, 'forged-signature')).status).toBe(403);
      expect(
        (
          await webhook(
            '/webhooks/twilio/status',
            { ...form, ErrorCode: '30005' },
            twilio.getExpectedTwilioSignature(TWILIO_TOKEN, 'http://localhost:8080/webhooks/twilio/status', form),
          )
        ).status,
      ).toBe(403);
      expect(notices(await waitForState(h, () => true), 'confirmation')).toHaveLength(1);
      // A callback for a message the ledger does not know (yet) is asked to come again, and changes nothing.
      const early = await webhook('/webhooks/twilio/status', {
        ...form,
        MessageSid: 'SM0000000000000000000000000000beef',
      });
      expect([early.status, early.headers['retry-after']]).toEqual([503, '5']);

      // Twilio repeats a callback it thinks was lost: three at once.
      const repeats = await Promise.all([1, 2, 3].map(() => webhook('/webhooks/twilio/status', form)));
      expect(repeats.map((r) => r.status)).toEqual([204, 204, 204]);
      const fellBack = await waitForState(h, (s) => notices(s, 'confirmation')[1]?.status === 'sent');
      const [sms, email] = notices(fellBack, 'confirmation');
      expect(sms).toMatchObject({
        channel: 'sms',
        status: 'undelivered',
        decisions: [{ outcome: 'sent' }, { outcome: 'undelivered', reason: '30003 unreachable handset' }],
      });
      expect(email).toMatchObject({
        channel: 'email',
        status: 'sent',
        revision: 1,
        decisions: [{ outcome: 'sent', reason: 'fell back to email: 30003 unreachable handset' }],
      });
      expect(
        outbox(bed.env.config).filter((m) => m.idempotencyKey === `order-acme-${o.orderId}:confirmation:email:1`),
      ).toHaveLength(1);

      await send(h, event('handed_to_carrier'));
      const tracking = await waitForState(h, (s) => notices(s, 'tracking')[0]?.status === 'sent');
      await webhook('/webhooks/twilio/status', {
        MessageSid: notices(tracking, 'tracking')[0].providerId!,
        MessageStatus: 'delivered',
      });
      const delivered = await waitForState(h, (s) => notices(s, 'tracking')[0]?.status === 'delivered');
      expect(notices(delivered, 'tracking')).toHaveLength(1);
      expect(notices(await waitForState(h, () => true), 'confirmation')).toHaveLength(2);
      await h.terminate('test over');
    });
  });
});

describe('inbound texts', () => {
  it('STOP opts the number out of every later SMS (the notice goes by email); START opts it back in', async () => {
    await bed.env.withWorker(async () => {
      const o = phoneOrder(['sms', 'email']);
      const h = await startChain(bed.env, o, shop());
      await waitForState(h, (s) => notices(s, 'confirmation')[0]?.status === 'sent');
      const inbound = (Body: string, n: number) =>
        webhook('/webhooks/twilio/inbound', {
          From: o.customer.phone!,
          To: '+48111222333',
          Body,
          MessageSid: `SMin${phones}${n}`,
        });

      expect(
        (
          await request(bed.app)
            .post('/webhooks/twilio/inbound')
            .type('form')
            .send({ From: o.customer.phone, Body: 'STOP', MessageSid: 'SMx' })
        ).status,
      ).toBe(403);
      const stop = await inbound('STOP', 1);
      expect(stop.status).toBe(200);
      expect(stop.text).toBe('<?xml version="1.0" encoding="UTF-8"?><Response/>');
      await send(h, event('handed_to_carrier'));
      const stopped = await waitForState(h, (s) => notices(s, 'tracking')[0]?.status === 'sent');
      expect(notices(stopped, 'tracking')[0]).toMatchObject({
        channel: 'email',
        decisions: [
          { outcome: 'suppressed', channel: 'sms', reason: expect.stringMatching(/^opted out of sms \(STOP by sms/) },
          { outcome: 'sent' },
        ],
      });

      await inbound('start', 2);
      await send(h, event('arrived_in_city'));
      const back = await waitForState(h, (s) => notices(s, 'arrival')[0]?.status === 'sent');
      expect(notices(back, 'arrival')[0].channel).toBe('sms');
      await h.terminate('test over');
    });
  });

  it('a digit rates the touchpoint last texted; an unsigned one changes nothing', async () => {
    await bed.env.withWorker(async () => {
      const o = phoneOrder(['sms']);
      const h = await startChain(bed.env, o, shop());
      await send(h, event('handed_to_carrier'));
      await waitForState(h, (s) => notices(s, 'tracking')[0]?.status === 'sent');
      const form = { From: o.customer.phone!, To: '+48111222333', Body: ' 4 ', MessageSid: `SMrate${phones}` };
      expect((await webhook('/webhooks/twilio/inbound', form, 'bad')).status).toBe(403);
      const reply = await webhook('/webhooks/twilio/inbound', form);
      expect(reply.text).toBe(
        '<?xml version="1.0" encoding="UTF-8"?><Response><Message>Thank you! We have recorded your answer.</Message></Response>',
      );
      const rated = await waitForState(h, (s) => !!s.touchpoints.find((t) => t.key === 'tracking')?.rating);
      expect(rated.touchpoints.find((t) => t.key === 'tracking')!.rating).toMatchObject({ score: 4 });
      expect(rated.touchpoints.find((t) => t.key === 'confirmation')!.rating).toBeUndefined();
      await h.terminate('test over');
    });
  });

  it('when Doorstep calls because the courier did not, the digit pressed picks the delivery window', async () => {
    await bed.env.withWorker(async () => {
      const o = phoneOrder(['voice', 'email']);
      const h = await startChain(bed.env, o, shop({ courierCallDeadlineMinutes: 0.01 }));
      await send(h, event('out_for_delivery'));
      const asked = await waitForState(h, (s) => notices(s, 'courier-call')[0]?.status === 'sent');
      const call = notices(asked, 'courier-call')[0];
      expect(call.channel).toBe('voice');
      expect(twilioApi.requests.findLast((r) => r.path.endsWith('/Calls.json'))!.form.Twiml).toContain(
        '<Gather numDigits="1" action="http://localhost:8080/webhooks/twilio/inbound"',
      );

      const answer = await webhook('/webhooks/twilio/inbound', {
        CallSid: call.providerId!,
        From: o.customer.phone!,
        To: '+48111222333',
        Digits: '2',
      });
      expect(answer.text).toBe(
        '<?xml version="1.0" encoding="UTF-8"?><Response><Say>Thank you! We have recorded your answer.</Say></Response>',
      );
      const agreed = await waitForState(h, (s) => notices(s, 'courier-call')[1]?.status === 'sent');
      expect(agreed.courierWindow).toMatchObject({ agreedBy: 'customer' });
      expect(agreed.touchpoints.find((t) => t.key === 'courier-call')!.note).toBe(
        'the customer chose window 2 by voice',
      );
      expect(notices(agreed, 'courier-call')[1].text).toMatch(/Delivery PIN: \d{4}/);
      await send(h, event('delivered', { proof: 'photo' }));
      expect((await waitForState(h, (s) => s.stage !== 'out_for_delivery')).conflicts).toEqual([]);
      await h.terminate('test over');
    });
  });
});
