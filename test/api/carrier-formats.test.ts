/**
 * InPost ShipX, CDEK and a mapped carrier on `POST /webhooks/carriers/{endpoint}`, and the dry run,
 * against the real dev server, worker and store: each documented sample moves a real chain found by
 * its tracking number; a delivery without the endpoint's key or signature is refused and changes nothing;
 * a dry run shows what a payload becomes and delivers nothing.
 */
import { createHmac, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { chainWorkflowId } from '../../workflows/definitions';
import { apiBed, postOrder } from '../helpers/api';
import { waitForState } from '../helpers/chains';
import { outbox } from '../helpers/temporal';
import { shopConfig, toPoint } from '../helpers/fixtures';

const sample = (name: string) => JSON.parse(readFileSync(`test/fixtures/carriers/${name}.json`, 'utf8')).body;
const INPOST_KEY = 'acme-inpost-url-key-000000000001';
const CDEK_KEY = 'acme-cdek-url-key-0000000000001';
const ZX_SECRET = 'acme-zx-signing-secret-0001';
const WRITER = 'acme-writer-key-0001';
const READER = 'acme-reader-key-0001';
const STRANGER = 'globex-writer-key-0001';
const bed = apiBed({
  shops: [shopConfig({ feedbackWindowDays: 0 }), shopConfig({ id: 'globex', name: 'Globex' })],
  apiKeys: [
    { key: WRITER, shop: 'acme', scopes: ['orders:write', 'chains:read'] },
    { key: READER, shop: 'acme', scopes: ['chains:read'] },
    { key: STRANGER, shop: 'globex', scopes: ['orders:write'] },
  ],
  carrierWebhooks: [
    { id: 'acme-inpost', shop: 'acme', carrier: 'InPost', format: 'inpost', keys: [INPOST_KEY] },
    { id: 'acme-cdek', shop: 'acme', carrier: 'CDEK', format: 'cdek', keys: [CDEK_KEY] },
    {
      id: 'acme-zx',
      shop: 'acme',
      carrier: 'ZX',
      format: 'mapped',
      auth: { scheme: 'hmac', header: 'X-ZX-Signature', algorithm: 'sha256', encoding: 'hex', secrets: [ZX_SECRET] },
      fields: { items: 'parcels', trackingNumber: 'ref', status: 'state.code', text: 'state.label', at: 'at' },
      statuses: { OUT: { event: 'out_for_delivery' }, WEATHER: { event: 'exception', reason: 'weather' } },
    },
  ],
});

const post = (endpoint: string, body: unknown, { key = '', headers = {} as Record<string, string> } = {}) =>
  request(bed.app)
    .post(`/webhooks/carriers/${endpoint}${key && `?key=${key}`}`)
    .set({ 'content-type': 'application/json', ...headers })
    .send(JSON.stringify(body));
const signed = (body: unknown, secret = ZX_SECRET) => ({
  'x-zx-signature': createHmac('sha256', secret).update(JSON.stringify(body)).digest('hex'),
});
const chain = async (orderId: string) =>
  (
    await request(bed.app)
      .get(`/v1/orders/${orderId}`)
      .set({ Authorization: `Bearer ${WRITER}` })
  ).body;

const startOrder = (overrides: Record<string, unknown>) => postOrder(bed.app, WRITER, overrides);

/** CDEK's samples for another parcel (a new number each test: the parcel index is shared by the file). */
function cdekSample(name: string, number: string) {
  const body = sample(name);
  return { ...body, attributes: { ...body.attributes, cdek_number: number } };
}

/** The mapped carrier's sample: two parcels, the first out for delivery, the second held by the weather. */
function zxSample(first: string, second: string) {
  const body = sample('mapped-sample');
  const [a, b] = body.parcels;
  return {
    ...body,
    id: randomUUID(),
    parcels: [
      { ...a, ref: first },
      { ...b, ref: second },
    ],
  };
}

describe('InPost, CDEK and mapped webhooks', () => {
  it("moves a pickup chain to ready_for_pickup with ShipX's documented sample, its key in the URL", () =>
    bed.env.withWorker(async () => {
      const body = sample('inpost-status-changed');
      const orderId = await startOrder({
        carrier: 'inpost',
        trackingNumber: body.payload.tracking_number,
        ...toPoint(),
      });
      const res = await post('acme-inpost', body, { key: INPOST_KEY });
      expect(res.status).toBe(202);
      expect(res.body.updates).toEqual([
        {
          carrier: 'InPost',
          trackingNumber: '602677439331630337653846',
          status: 'ready_to_pickup',
          event: 'ready_for_pickup',
          outcomes: ['moved'],
        },
      ]);
      const state = await chain(orderId);
      expect(state.stage).toBe('ready_for_pickup');
      expect(state.events.at(-1)).toMatchObject({
        type: 'ready_for_pickup',
        carrierStatus: { code: 'ready_to_pickup' },
      });
    }));

  it("closes a locker chain's handover with ShipX's delivered (collected), its ready notice naming InPost's code", () =>
    bed.env.withWorker(async () => {
      const number = `${Date.now()}`.padStart(24, '6');
      const orderId = await startOrder({ carrier: 'InPost', trackingNumber: number, ...toPoint() });
      const shipx = (status: string) => {
        const body = sample('inpost-status-changed');
        return { ...body, payload: { shipment_id: Number(number.slice(-9)), status, tracking_number: number } };
      };
      expect((await post('acme-inpost', shipx('ready_to_pickup'), { key: INPOST_KEY })).status).toBe(202);
      const res = await post('acme-inpost', shipx('delivered'), { key: INPOST_KEY });
      expect(res.status).toBe(202);
      expect(res.body.updates).toMatchObject([{ status: 'delivered', event: 'delivered', outcomes: ['moved'] }]);
      const handle = bed.env.client.workflow.getHandle(chainWorkflowId('acme', orderId));
      const state = await waitForState(handle, (s) => s.stage === 'closed');
      // Collected: the chain hands over (no return window in this shop) and closes.
      expect(state.touchpoints.find((t) => t.name === 'handover')).toMatchObject({ status: 'done' });
      expect(state.pickup).not.toHaveProperty('code');
      expect(state.events.map((e) => [e.type, e.carrierStatus?.code])).toEqual([
        ['ready_for_pickup', 'ready_to_pickup'],
        ['picked_up', 'delivered'],
      ]);
      const ready = outbox(bed.env.config).find((m) =>
        m.idempotencyKey.startsWith(`${handle.workflowId}:ready-for-pickup`),
      );
      expect(ready?.text).toContain('Use the code InPost sent you.');
    }));

  it("counts CDEK's DELIVERED at an office as the customer collecting the parcel there", () =>
    bed.env.withWorker(async () => {
      const number = `${Date.now()}`.slice(-10);
      const office = { id: 'MSK123', kind: 'shop', name: 'CDEK MSK123', address: 'Тверская 1, Москва' };
      const orderId = await startOrder({ carrier: 'CDEK', trackingNumber: number, ...toPoint(office) });
      const res = await post(
        'acme-cdek',
        { ...cdekSample('cdek-order-status', number), uuid: randomUUID() },
        { key: CDEK_KEY },
      );
      expect(res.body.updates).toMatchObject([{ status: 'DELIVERED', event: 'delivered', outcomes: ['moved'] }]);
      const state = await chain(orderId);
      // Collected, then closed at once: this shop has no return window.
      expect(['delivered', 'closed']).toContain(state.stage);
      expect(state.events).toMatchObject([{ type: 'picked_up', carrierStatus: { code: 'DELIVERED' } }]);
    }));

  it("raises an exception on a real chain with CDEK's DELIV_PROBLEM, and moves it with ORDER_STATUS", () =>
    bed.env.withWorker(async () => {
      const number = `${Date.now()}`.slice(-10);
      const orderId = await startOrder({ carrier: 'CDEK', trackingNumber: number });
      const problem = await post('acme-cdek', cdekSample('cdek-deliv-problem', number), { key: CDEK_KEY });
      expect(problem.status).toBe(202);
      expect(problem.body.updates[0]).toMatchObject({ status: 'DELIV_PROBLEM:13', event: 'exception' });
      const state = await chain(orderId);
      expect(state.events.at(-1)).toMatchObject({
        type: 'exception',
        reason: 'consignee_not_home',
        carrierStatus: { code: 'DELIV_PROBLEM:13' },
      });
      const status = { ...cdekSample('cdek-order-status', number) };
      status.attributes = { ...status.attributes, code: 'ACCEPTED_IN_RECIPIENT_CITY' };
      expect((await post('acme-cdek', status, { key: CDEK_KEY })).status).toBe(202);
      expect((await chain(orderId)).stage).toBe('arrived_in_city');
    }));

  it("moves two chains with one mapped delivery signed the shop's configured way", () =>
    bed.env.withWorker(async () => {
      const [first, second] = [`ZX${Date.now()}`, `ZX${Date.now() + 1}`];
      const out = await startOrder({ carrier: 'zx', trackingNumber: first });
      const held = await startOrder({ carrier: 'zx', trackingNumber: second });
      for (const id of [out, held]) {
        const arrived = { eventId: `arrived-${id}`, type: 'arrived_in_city', at: new Date().toISOString() };
        await request(bed.app)
          .post(`/v1/orders/${id}/events`)
          .set({ Authorization: `Bearer ${WRITER}` })
          .send(arrived)
          .expect(202);
      }
      const body = zxSample(first, second);
      const res = await post('acme-zx', body, { headers: signed(body) });
      expect(res.status).toBe(202);
      expect(res.body.updates.map((u: { event: string }) => u.event)).toEqual(['out_for_delivery', 'exception']);
      expect((await chain(out)).stage).toBe('out_for_delivery');
      expect((await chain(held)).events.at(-1)).toMatchObject({
        type: 'exception',
        reason: 'weather',
        carrierStatus: { code: 'WEATHER', text: 'Held: storm' },
      });
    }));

  it('refuses a delivery without the key, with a wrong key or a forged signature (401), and nothing changes', () =>
    bed.env.withWorker(async () => {
      const number = `${Date.now()}`.slice(-10);
      const orderId = await startOrder({ carrier: 'CDEK', trackingNumber: number, ...toPoint() });
      const inpost = { ...sample('inpost-status-changed') };
      inpost.payload = { ...inpost.payload, tracking_number: number };
      const zx = zxSample(number, `${number}9`);
      const answers = [
        await post('acme-cdek', cdekSample('cdek-deliv-problem', number)),
        await post('acme-cdek', cdekSample('cdek-deliv-problem', number), { key: INPOST_KEY }),
        await post('acme-inpost', inpost, { key: `${INPOST_KEY}x` }),
        await post('acme-zx', zx, { headers: signed(zx, 'a-stranger-secret-000') }),
        await post('acme-zx', zx),
      ];
      expect(answers.map((a) => [a.status, a.body.detail])).toEqual([
        [401, 'webhook refused: no key in the URL'],
        [401, 'webhook refused: no matching key'],
        [401, 'webhook refused: no matching key'],
        [401, 'webhook refused: no matching x-zx-signature signature'],
        [401, 'webhook refused: no matching x-zx-signature signature'],
      ]);
      const state = await chain(orderId);
      expect([state.stage, state.events]).toEqual(['accepted', []]);
    }));
});

describe('POST /v1/carrier-webhooks/{endpoint}/dry-run', () => {
  const dryRun = (endpoint: string, body: unknown, key = WRITER) =>
    request(bed.app)
      .post(`/v1/carrier-webhooks/${endpoint}/dry-run`)
      .set({ Authorization: `Bearer ${key}` })
      .send(body as object);

  it('shows what a sample becomes and the chain its number is linked to, delivering nothing', () =>
    bed.env.withWorker(async () => {
      const number = `${Date.now()}`.slice(-10);
      const orderId = await startOrder({ carrier: 'cdek', trackingNumber: number });
      const res = await dryRun('acme-cdek', cdekSample('cdek-deliv-problem', number));
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        endpoint: 'acme-cdek',
        format: 'cdek',
        updates: [
          {
            carrier: 'CDEK',
            trackingNumber: number,
            carrierStatus: { code: 'DELIV_PROBLEM:13' },
            meaning: { event: 'exception', reason: 'consignee_not_home' },
            unmapped: false,
            event: {
              eventId: `cdek-${number}-DELIV_PROBLEM:13-1715679600`,
              type: 'exception',
              at: '2024-05-14T12:40:00+03:00',
              data: { reason: 'consignee_not_home', code: 'DELIV_PROBLEM:13' },
              carrierStatus: { code: 'DELIV_PROBLEM:13' },
            },
            chains: [{ orderId }],
          },
        ],
      });
      const unknown = await dryRun('acme-zx', zxSample('NOBODY-1', 'NOBODY-2'));
      expect(unknown.body.updates.map((u: { chains: unknown[] }) => u.chains)).toEqual([[], []]);
      const unmapped = { ...sample('inpost-status-changed') };
      unmapped.payload = { ...unmapped.payload, status: 'teleported' };
      expect((await dryRun('acme-inpost', unmapped)).body.updates[0]).toMatchObject({
        meaning: { event: 'carrier_status' },
        unmapped: true,
      });
      const state = await chain(orderId);
      expect([state.stage, state.events]).toEqual(['accepted', []]);
    }));

  it("answers another shop's endpoint as unknown, needs orders:write, reads a large sample, and names what a bad one lacks", async () => {
    const body = sample('cdek-order-status');
    expect((await dryRun('acme-cdek', body, STRANGER)).status).toBe(404);
    expect((await dryRun('acme-nothing', body)).status).toBe(404);
    expect((await dryRun('acme-cdek', body, READER)).status).toBe(403);
    expect((await dryRun('acme-cdek', body, 'no-such-key')).status).toBe(401);
    const bad = await dryRun('acme-cdek', { type: 'ORDER_STATUS', attributes: {} });
    expect(bad.status).toBe(400);
    expect(bad.type).toBe('application/problem+json');
    expect(bad.body.detail).toMatch(/not a CDEK webhook: [\s\S]*at uuid[\s\S]*at attributes\.code/);
    // A sample as large as an aggregator sends one (its whole history) is read, not refused as too large.
    const large = { ...sample('inpost-status-changed'), history: 'x'.repeat(300_000) };
    expect((await dryRun('acme-inpost', large)).status).toBe(200);
    const notAnObject = await dryRun('acme-cdek', [1, 2]);
    expect([notAnObject.status, notAnObject.body.errors[0].path]).toEqual([400, '(body)']);
  });

  it('is in the OpenAPI document, secured', async () => {
    const doc = (await request(bed.app).get('/v1/openapi.json')).body;
    const op = doc.paths['/v1/carrier-webhooks/{endpoint}/dry-run'].post;
    expect(op.security).toEqual([{ apiKey: [] }]);
    expect(Object.keys(op.responses).sort()).toEqual(['200', '400', '401', '403', '404', '429']);
  });
});
