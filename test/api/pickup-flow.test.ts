/**
 * Issue 19's acceptance through the HTTP API alone, on the dev server with a real worker: a locker order gets its
 * confirmation naming the point, ready-for-pickup with the code and the QR image, the reminder before the deadline,
 * and the collected handover (email at a real SMTP server); another expires, the customer is told (SMS through the
 * real twilio SDK at the local endpoint), support is alerted, and the chain closes when the parcel is back. Events
 * of the other mode answer 409 with the reason.
 */
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { expect, it } from 'vitest';
import type { ChainState } from '../../workflows/contract';
import { apiBed } from '../helpers/api';
import { LOCKER, orderBody, shopConfig, toPoint } from '../helpers/fixtures';
import { usePeers } from '../helpers/peers';
import { twilioEnv } from '../helpers/twilio-endpoint';

const KEY = 'acme-pickup-flow-key-0001';
const peers = usePeers();
// No quiet hours and room in the daily cap: the run is minutes long. The reminder comes a minute before the deadline.
const bed = apiBed(
  {
    shops: [
      shopConfig({
        quietHours: { start: '00:00', end: '00:00' },
        maxNoticesPerDay: 20,
        feedbackWindowDays: 0,
        pickupReminderHours: 1 / 60,
        pickupExpiredAction: 'refund',
      }),
    ],
    apiKeys: [{ key: KEY, shop: 'acme', scopes: ['orders:write', 'chains:read'] }],
  },
  () => ({ SMTP_URL: peers.sink.url, ...twilioEnv(peers.twilio) }),
);
const as = { Authorization: `Bearer ${KEY}` };

const post = (orderId: string, type: string, data: object = {}) =>
  request(bed.app)
    .post(`/v1/orders/${orderId}/events`)
    .set(as)
    .send({ eventId: randomUUID(), type, at: new Date().toISOString(), data });

/** The chain once `ok` holds, read through the API. */
async function stateWhen(orderId: string, ok: (s: ChainState) => boolean): Promise<ChainState> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const state: ChainState = (await request(bed.app).get(`/v1/orders/${orderId}`).set(as)).body;
    if (ok(state)) return state;
    if (Date.now() > deadline) throw new Error(`the chain never got there: ${JSON.stringify(state)}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}
const sentOn = (s: ChainState, key: string) => s.touchpoints.find((t) => t.key === key)?.notices[0]?.status === 'sent';
const mails = (to: string) => peers.sink.received.filter((r) => r.envelopeTo.includes(to)).map((r) => r.mail);

it('a locker order: confirmation, ready with code and QR, reminder, collected — and the home events refused', async () => {
  const email = `locker.${randomUUID().slice(0, 6)}@example.com`;
  const body = orderBody({ ...toPoint(), customer: { ...orderBody().customer, email, channels: ['email'] } });
  await bed.env.withWorker(async () => {
    expect((await request(bed.app).post('/v1/orders').set(as).send(body)).status).toBe(201);
    await stateWhen(body.orderId, (s) => sentOn(s, 'confirmation'));
    expect(mails(email)[0].text).toContain(LOCKER.name);
    expect((await post(body.orderId, 'handed_to_carrier')).status).toBe(202);
    expect((await post(body.orderId, 'arrived_in_city')).status).toBe(202);
    const refused = await post(body.orderId, 'out_for_delivery');
    expect([refused.status, refused.body.detail]).toEqual([
      409,
      'out_for_delivery is a home-delivery event; this order goes to a pickup point',
    ]);
    const pickupUntil = new Date(Date.now() + 80_000).toISOString();
    const ready = await post(body.orderId, 'ready_for_pickup', { pickupCode: '491 207', pickupUntil });
    expect([ready.status, ready.body.stage]).toEqual([202, 'ready_for_pickup']);
    const waiting = await stateWhen(body.orderId, (s) => sentOn(s, 'ready-for-pickup'));
    expect(waiting.pickup).toMatchObject({ code: '491 207', until: pickupUntil });
    const readyMail = mails(email).find((m) => m.text?.includes('491 207'))!;
    // The QR image goes inline, referenced by the HTML (mailparser inlines a cid: image it resolved as data).
    expect(readyMail.attachments).toMatchObject([
      { contentType: 'image/png', contentDisposition: 'inline', related: true },
    ]);
    expect(readyMail.html).toMatch(/<img[^>]+src="data:image\/png;base64,/);
    // The reminder is due a minute before the deadline: about twenty seconds from now.
    const reminded = await stateWhen(body.orderId, (s) => sentOn(s, 'pickup-reminder'));
    expect(reminded.touchpoints.find((t) => t.key === 'pickup-reminder')!.notices[0].text).toContain('491 207');
    expect((await post(body.orderId, 'picked_up', { proof: 'locker log 77' })).body.stage).toBe('delivered');
    const collected = await stateWhen(body.orderId, (s) => sentOn(s, 'handover'));
    expect(collected.deliveryProof).toBe('locker log 77');
  });
});

it('an expired locker parcel: the customer told by SMS what follows, support alerted, closed once it is back', async () => {
  const phone = '+48600990077';
  const body = orderBody({ ...toPoint(), customer: { ...orderBody().customer, phone, channels: ['sms'] } });
  await bed.env.withWorker(async () => {
    expect((await request(bed.app).post('/v1/orders').set(as).send(body)).status).toBe(201);
    const pickupUntil = new Date(Date.now() + 5_000).toISOString();
    expect((await post(body.orderId, 'ready_for_pickup', { pickupCode: 'EXP-31', pickupUntil })).status).toBe(202);
    await stateWhen(body.orderId, (s) => sentOn(s, 'ready-for-pickup'));
    const early = await post(body.orderId, 'returned_to_sender');
    expect([early.status, early.body.detail]).toEqual([
      409,
      'returned_to_sender needs a parcel whose pickup time expired',
    ]);
    expect((await post(body.orderId, 'pickup_expired')).body.stage).toBe('returning');
    const expired = await stateWhen(body.orderId, (s) => sentOn(s, 'pickup-expired'));
    expect(expired.attention).toEqual([expect.stringContaining(`nobody collected the parcel at ${LOCKER.name}`)]);
    const sms = peers.twilio.requests.filter((r) => r.method === 'POST' && r.form.To === phone).map((r) => r.form.Body);
    expect(sms.at(-1)).toMatch(/refund/i);
    expect((await post(body.orderId, 'returned_to_sender')).body.stage).toBe('returned');
    await stateWhen(body.orderId, (s) => s.stage === 'closed');
  });
});
