/**
 * Carriers' Standard Webhooks endpoint, against the real dev server and worker: signed events move chains,
 * anything else changes nothing.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { MINUTE_MS } from '../../workflows/durations';
import { orderBody, shopConfig } from '../helpers/fixtures';
import { apiBed, postOrder } from '../helpers/api';

const secret = () => `whsec_${randomBytes(24).toString('base64')}`;
const [OLD, NEW, STRANGER] = [secret(), secret(), secret()];
const KEY = 'acme-writer-key-0001';
const bed = apiBed({
  shops: [shopConfig({ feedbackWindowDays: 0 })],
  apiKeys: [{ key: KEY, shop: 'acme', scopes: ['orders:write', 'chains:read'] }],
  // Mid-rotation: the carrier may sign with the old secret, the new one, or both.
  carrierWebhooks: [{ id: 'acme-dpd', shop: 'acme', carrier: 'DPD', secrets: [OLD, NEW] }],
});

interface Signed {
  secrets?: string[];
  at?: Date;
  /** Sign these bytes but send `body` (a body altered on the way). */
  signedBody?: string;
  id?: string;
}

/** Posts `body` to the endpoint, signed as a carrier would (one signature per secret). */
function deliver(
  body: unknown,
  { secrets = [OLD], at = new Date(), signedBody, id = `msg_${randomUUID()}` }: Signed = {},
  endpoint = 'acme-dpd',
) {
  const raw = typeof body === 'string' ? body : JSON.stringify(body);
  const signature = secrets.map((s) => new Webhook(s).sign(id, at, signedBody ?? raw)).join(' ');
  return request(bed.app)
    .post(`/webhooks/carriers/${endpoint}`)
    .set({
      'content-type': 'application/json',
      'webhook-id': id,
      'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
      'webhook-signature': signature,
    })
    .send(raw);
}

const event = (type: string, data?: object) => ({
  eventId: `e-${randomUUID().slice(0, 8)}`,
  type,
  at: new Date().toISOString(),
  ...(data && { data }),
});

const startOrder = (carrier = 'dpd') => postOrder(bed.app, KEY, { carrier });

const stageOf = async (orderId: string) =>
  (
    await request(bed.app)
      .get(`/v1/orders/${orderId}`)
      .set({ Authorization: `Bearer ${KEY}` })
  ).body.stage as string;

describe('POST /webhooks/carriers/{endpoint}', () => {
  it('applies an event signed with either secret of a rotation, once per eventId', () =>
    bed.env.withWorker(async () => {
      const orderId = await startOrder();
      const packed = event('packed');
      const first = await deliver({ orderId, event: packed });
      expect(first.status).toBe(202);
      expect(first.body).toEqual({ stage: 'packed', duplicate: false });
      const handed = event('handed_to_carrier');
      expect((await deliver({ orderId, event: handed }, { secrets: [NEW] })).status).toBe(202);
      // Both signatures, as a carrier sends them mid-rotation; a stranger's signature alongside does not matter.
      const again = await deliver({ orderId, event: handed }, { secrets: [STRANGER, OLD, NEW] });
      expect(again.status).toBe(200);
      expect(again.body.duplicate).toBe(true);
      expect(await stageOf(orderId)).toBe('handed_to_carrier');
    }));

  it('applies each event once when the carrier delivers every webhook three times, out of order and at once', () =>
    bed.env.withWorker(async () => {
      const orderId = await startOrder();
      const path = ['packed', 'handed_to_carrier', 'in_transit', 'arrived_in_city'].map((type, i) => ({
        ...event(type),
        at: new Date(Date.now() + i * MINUTE_MS).toISOString(),
      }));
      // Each delivery is its own message (webhook-id), as a carrier's retries are.
      const deliveries = path.flatMap((e) => [e, e, e]).sort(() => Math.random() - 0.5);
      const answers = await Promise.all(deliveries.map((e) => deliver({ orderId, event: e })));
      expect(answers.every((a) => a.status === 200 || a.status === 202)).toBe(true);
      expect(answers.filter((a) => a.status === 202 && !a.body.duplicate)).toHaveLength(path.length);
      const state = (
        await request(bed.app)
          .get(`/v1/orders/${orderId}`)
          .set({ Authorization: `Bearer ${KEY}` })
      ).body;
      expect(state.stage).toBe('arrived_in_city');
      expect(state.events.map((e: { eventId: string }) => e.eventId).sort()).toEqual(path.map((e) => e.eventId).sort());
    }));

  it('refuses a replay older than five minutes, a wrong key, an altered body and missing headers, and changes nothing', () =>
    bed.env.withWorker(async () => {
      const orderId = await startOrder();
      const body = { orderId, event: event('packed') };
      const refusals = [
        await deliver(body, { at: new Date(Date.now() - 6 * MINUTE_MS) }),
        await deliver(body, { at: new Date(Date.now() + 6 * MINUTE_MS) }),
        await deliver(body, { secrets: [STRANGER] }),
        await deliver(body, { signedBody: JSON.stringify({ orderId, event: event('cancelled', { reason: 'x' }) }) }),
        await request(bed.app).post('/webhooks/carriers/acme-dpd').set('content-type', 'application/json').send(body),
      ];
      expect(refusals.map((r) => r.status)).toEqual([401, 401, 401, 401, 401]);
      expect(refusals.map((r) => r.body.detail)).toEqual([
        'webhook refused: message timestamp too old',
        'webhook refused: message timestamp too new',
        'webhook refused: no matching signature',
        'webhook refused: no matching signature',
        'webhook refused: missing required headers',
      ]);
      for (const r of refusals) expect(r.type).toBe('application/problem+json');
      expect(await stageOf(orderId)).toBe('accepted');
    }));

  it("answers another carrier's order and an unknown order alike, without touching either", () =>
    bed.env.withWorker(async () => {
      const theirs = await startOrder('inpost');
      const res = await deliver({ orderId: theirs, event: event('packed') });
      expect(res.status).toBe(404);
      expect(res.body.detail).toBe(`no order ${theirs}`);
      expect((await deliver({ orderId: 'never-placed', event: event('packed') })).body.detail).toBe(
        'no order never-placed',
      );
      expect(await stageOf(theirs)).toBe('accepted');
    }));

  it('names the invalid fields of a signed body, refuses what is not JSON, and knows only its endpoints', () =>
    bed.env.withWorker(async () => {
      const orderId = await startOrder();
      const bad = await deliver({ orderId: '', event: { eventId: 'x', type: 'teleported', at: 'yesterday' } });
      expect(bad.status).toBe(400);
      expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['event.type', 'orderId']);
      const notJson = await deliver('{"orderId":');
      expect([notJson.status, notJson.body.detail]).toEqual([400, 'the body is not JSON']);
      expect((await deliver({ orderId, event: event('packed') }, {}, 'acme-ups')).status).toBe(404);
      const huge = await deliver({ orderId, event: event('packed'), pad: 'x'.repeat(200_000) });
      expect(huge.status).toBe(413);
      expect(await stageOf(orderId)).toBe('accepted');
    }));

  it("finds the order by the parcel's tracking number instead of its orderId, and refuses both or an unknown number", () =>
    bed.env.withWorker(async () => {
      const trackingNumber = `DPD${Date.now()}`;
      const body = orderBody({ carrier: 'dpd', trackingNumber });
      const started = await request(bed.app)
        .post('/v1/orders')
        .set({ Authorization: `Bearer ${KEY}` })
        .send(body);
      expect(started.status).toBe(201);
      const res = await deliver({ trackingNumber, event: event('in_transit') });
      expect([res.status, res.body.stage]).toEqual([202, 'in_transit']);
      const unknown = await deliver({ trackingNumber: 'DPD-NEVER', event: event('packed') });
      expect([unknown.status, unknown.body.detail]).toEqual([404, 'no order with tracking number DPD-NEVER']);
      const both = await deliver({ orderId: body.orderId, trackingNumber, event: event('packed') });
      expect([both.status, both.body.errors[0].path]).toEqual([400, 'orderId']);
      expect(await stageOf(body.orderId)).toBe('in_transit');
    }));

  it('is in the OpenAPI document with its signature headers', async () => {
    const doc = (await request(bed.app).get('/v1/openapi.json')).body;
    const params = doc.paths['/webhooks/carriers/{endpoint}'].post.parameters.map((p: { name: string }) => p.name);
    expect(params).toEqual(
      expect.arrayContaining(['endpoint', 'webhook-id', 'webhook-timestamp', 'webhook-signature']),
    );
  });
});
