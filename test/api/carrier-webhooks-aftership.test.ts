/**
 * AfterShip's format on `POST /webhooks/carriers/{endpoint}`, against the real dev server, worker and
 * store: AfterShip's documented sample, signed the AfterShip way, moves the chain its tracking number
 * was filed under; a forged, replayed, unmapped or unknown delivery is refused, acts once, is kept or
 * is counted, and says so in the metrics.
 */
import { createHmac, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { apiBed, postOrder } from '../helpers/api';
import { shopConfig } from '../helpers/fixtures';

const SAMPLE = JSON.parse(readFileSync('test/fixtures/carriers/aftership-tracking-update.json', 'utf8')).body;
const SECRET = 'acme-aftership-webhook-secret';
const KEY = 'acme-aftership-key-0001';
const bed = apiBed({
  shops: [shopConfig({ feedbackWindowDays: 0 })],
  apiKeys: [{ key: KEY, shop: 'acme', scopes: ['orders:write', 'chains:read'] }],
  carrierWebhooks: [
    { id: 'acme-aftership', shop: 'acme', format: 'aftership', secrets: [SECRET], carriers: { 'dhl-pl': 'DHL' } },
    { id: 'acme-walled', shop: 'acme', format: 'aftership', secrets: [SECRET], allowFrom: ['192.0.2.0/24'] },
  ],
});

/** A delivery of `body` to `endpoint`, signed with `secret` (over `signed` bytes, when an attacker alters them). */
function deliver(body: unknown, { secret = SECRET, signed = '', endpoint = 'acme-aftership' } = {}) {
  const raw = JSON.stringify(body);
  const signature = createHmac('sha256', secret)
    .update(signed || raw)
    .digest('base64');
  return request(bed.app)
    .post(`/webhooks/carriers/${endpoint}`)
    .set({ 'content-type': 'application/json', 'aftership-hmac-sha256': signature })
    .send(raw);
}

/** The sample as a new delivery: another parcel (`number`), now `tag`/`subtag`. */
function tracking(number: string, tag = 'InTransit', subtag = 'InTransit_001', slug = 'usps') {
  return { ...SAMPLE, event_id: randomUUID(), msg: { ...SAMPLE.msg, tracking_number: number, slug, tag, subtag } };
}

const api = (path: string) =>
  request(bed.app)
    .get(path)
    .set({ Authorization: `Bearer ${KEY}` });
const chain = async (orderId: string) => (await api(`/v1/orders/${orderId}`)).body;

const startOrder = (overrides: Record<string, unknown>) => postOrder(bed.app, KEY, overrides);

/** The counter's value now (0 before its first count). */
async function counted(name: string, labels: string): Promise<number> {
  const text = (await request(bed.app).get('/metrics')).text;
  const line = text.split('\n').find((l) => l.startsWith(`${name}{${labels}}`));
  return line ? Number(line.split(' ').at(-1)) : 0;
}
const updates = (result: string) =>
  counted('doorstep_carrier_updates_total', `connector="aftership",result="${result}"`);
const deliveries = (outcome: string) =>
  counted('doorstep_carrier_deliveries_total', `connector="aftership",outcome="${outcome}"`);

describe('AfterShip webhooks', () => {
  it("moves the chain its documented sample's tracking number was given at start, with AfterShip's status on the event", () =>
    bed.env.withWorker(async () => {
      const orderId = await startOrder({ carrier: 'USPS', trackingNumber: SAMPLE.msg.tracking_number });
      const mapped = await updates('mapped');
      const res = await deliver(SAMPLE);
      expect(res.status).toBe(202);
      expect(res.body).toEqual({
        duplicate: false,
        updates: [
          {
            carrier: 'usps',
            trackingNumber: '9361289676091361892011',
            status: 'InTransit_001',
            event: 'in_transit',
            outcomes: ['moved'],
          },
        ],
      });
      const state = await chain(orderId);
      expect(state.stage).toBe('in_transit');
      expect(state.events.at(-1)).toMatchObject({
        type: 'in_transit',
        carrierStatus: { code: 'InTransit_001', text: 'In Transit', eta: '2021-01-16' },
      });
      expect(await updates('mapped')).toBe(mapped + 1);
    }));

  it('refuses a forged signature, an altered body and an unsigned one (401), and nothing changes', () =>
    bed.env.withWorker(async () => {
      const number = `FORGED${Date.now()}`;
      const orderId = await startOrder({ carrier: 'usps', trackingNumber: number });
      const rejected = await deliveries('rejected_signature');
      const body = tracking(number, 'Delivered', 'Delivered_001');
      const answers = [
        await deliver(body, { secret: 'a-stranger-secret' }),
        await deliver(body, { signed: JSON.stringify(tracking(number)) }),
        await request(bed.app).post('/webhooks/carriers/acme-aftership').send(body),
      ];
      expect(answers.map((a) => [a.status, a.body.detail])).toEqual([
        [401, 'webhook refused: no matching signature'],
        [401, 'webhook refused: no matching signature'],
        [401, 'webhook refused: no aftership-hmac-sha256 header'],
      ]);
      expect(await deliveries('rejected_signature')).toBe(rejected + 3);
      const state = await chain(orderId);
      expect([state.stage, state.events]).toEqual(['accepted', []]);
    }));

  it('acts once on a replayed delivery, and once on the same status in a new delivery', () =>
    bed.env.withWorker(async () => {
      const number = `REPLAY${Date.now()}`;
      const orderId = await startOrder({ carrier: 'usps', trackingNumber: number });
      const body = tracking(number, 'OutForDelivery', 'OutForDelivery_001');
      expect((await deliver(body)).status).toBe(202);
      const replay = await deliver(body);
      expect([replay.status, replay.body.duplicate, replay.body.updates[0].outcomes]).toEqual([200, true, []]);
      const resent = await deliver({ ...body, event_id: randomUUID() });
      expect([resent.status, resent.body.updates[0].outcomes]).toEqual([202, ['duplicate']]);
      const state = await chain(orderId);
      expect(state.events.map((e: { type: string }) => e.type)).toEqual(['out_for_delivery']);
    }));

  it('keeps an unmapped status on the chain without moving it, and counts it', () =>
    bed.env.withWorker(async () => {
      const number = `UNMAPPED${Date.now()}`;
      const orderId = await startOrder({ carrier: 'usps', trackingNumber: number });
      const unmapped = await updates('unmapped');
      const res = await deliver(tracking(number, 'Teleported', 'Teleported_007'));
      expect(res.status).toBe(202);
      expect(res.body.updates[0]).toMatchObject({ event: 'carrier_status', outcomes: ['moved'] });
      const state = await chain(orderId);
      expect(state.stage).toBe('accepted');
      expect(state.events).toMatchObject([{ type: 'carrier_status', carrierStatus: { code: 'Teleported_007' } }]);
      expect(await updates('unmapped')).toBe(unmapped + 1);
    }));

  it('answers an unknown number 202 and counts it; an impossible transition 202, refused and counted', () =>
    bed.env.withWorker(async () => {
      const unknown = await updates('unknown_parcel');
      const res = await deliver(tracking(`NOBODY${Date.now()}`));
      expect([res.status, res.body.updates[0].outcomes]).toEqual([202, ['unknown']]);
      expect(await updates('unknown_parcel')).toBe(unknown + 1);
      const number = `EARLY${Date.now()}`;
      const orderId = await startOrder({ carrier: 'usps', trackingNumber: number });
      const refused = await updates('refused');
      // A failed delivery attempt before the parcel reached the city: the chain refuses it.
      const attempt = await deliver(tracking(number, 'AttemptFail', 'AttemptFail_001'));
      expect([attempt.status, attempt.body.updates[0].outcomes]).toEqual([202, ['refused']]);
      expect(await updates('refused')).toBe(refused + 1);
      expect((await chain(orderId)).stage).toBe('accepted');
    }));

  it("finds a chain by the number handed_to_carrier gave, under the slug's mapped carrier; an exception keeps its reason", () =>
    bed.env.withWorker(async () => {
      const orderId = await startOrder({ carrier: 'DHL' });
      const number = `HANDED${Date.now()}`;
      const handed = await request(bed.app)
        .post(`/v1/orders/${orderId}/events`)
        .set({ Authorization: `Bearer ${KEY}` })
        .send({
          eventId: 'h-1',
          type: 'handed_to_carrier',
          at: new Date().toISOString(),
          data: { trackingNumber: number },
        });
      expect(handed.status).toBe(202);
      const res = await deliver(tracking(number, 'Exception', 'Exception_004', 'dhl-pl'));
      expect(res.body.updates[0]).toMatchObject({ carrier: 'DHL', event: 'exception', outcomes: ['moved'] });
      const state = await chain(orderId);
      expect(state.events.at(-1)).toMatchObject({
        type: 'exception',
        reason: 'customs',
        carrierStatus: { code: 'Exception_004' },
      });
      expect(state.trackingNumber).toBe(number);
    }));

  it('takes a long history (AfterShip sends every checkpoint), and refuses a body over a megabyte (413)', () =>
    bed.env.withWorker(async () => {
      const number = `LONG${Date.now()}`;
      const orderId = await startOrder({ carrier: 'usps', trackingNumber: number });
      const long = (n: number) => {
        const body = tracking(number);
        return { ...body, msg: { ...body.msg, checkpoints: Array(n).fill(SAMPLE.msg.checkpoints[0]) } };
      };
      expect(JSON.stringify(long(2000)).length).toBeGreaterThan(300_000);
      expect((await deliver(long(2000))).status).toBe(202);
      expect((await chain(orderId)).stage).toBe('in_transit');
      expect((await deliver(long(8000))).status).toBe(413);
    }));

  it("refuses a delivery from outside the endpoint's allow-list (403), and a signed body that is not AfterShip's (400)", () =>
    bed.env.withWorker(async () => {
      const walled = await deliver(tracking('ANY'), { endpoint: 'acme-walled' });
      expect([walled.status, walled.body.detail]).toEqual([403, 'not from an allowed address']);
      const bad = await deliveries('bad_body');
      const notJson = await request(bed.app)
        .post('/webhooks/carriers/acme-aftership')
        .set({ 'aftership-hmac-sha256': createHmac('sha256', SECRET).update('{"msg":').digest('base64') })
        .send('{"msg":');
      expect([notJson.status, notJson.body.detail]).toEqual([400, 'the body is not JSON']);
      const other = await deliver({ event: 'return.approved', data: {} });
      expect(other.status).toBe(400);
      expect(other.body.detail).toMatch(/not an AfterShip tracking webhook[\s\S]*msg/);
      expect(await deliveries('bad_body')).toBe(bad + 2);
    }));
});
