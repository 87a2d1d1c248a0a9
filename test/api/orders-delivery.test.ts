/**
 * An order's delivery mode through the REST API, against the real dev server and worker: a pickup point is
 * checked field by field (a 400 names each bad field and starts nothing), the OpenAPI document describes the
 * order's `delivery` and the chain's `delivery` and `pickup`, and a locker order's chain shows its point, then
 * its code and deadline once the parcel is ready, refusing home-delivery events with the reason.
 */
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { apiBed } from '../helpers/api';
import { waitForState } from '../helpers/chains';
import { LOCKER, orderBody, shopConfig, toPoint } from '../helpers/fixtures';

const KEY = 'acme-delivery-key-0001';
const bed = apiBed({
  shops: [shopConfig()],
  apiKeys: [{ key: KEY, shop: 'acme', scopes: ['orders:write', 'chains:read'] }],
});

const auth = { Authorization: `Bearer ${KEY}` };
const post = (path: string, body: object) => request(bed.app).post(path).set(auth).send(body);
const get = (path: string) => request(bed.app).get(path).set(auth);
const pathsOf = (res: request.Response) => res.body.errors.map((e: { path: string }) => e.path).sort();

type Schema = { properties: Record<string, Schema>; [keyword: string]: unknown };

describe('POST /v1/orders with a delivery mode', () => {
  it('names every invalid field of a pickup point in a problem+json answer and starts nothing', async () => {
    const body = orderBody({
      ...toPoint({ ...LOCKER, id: ' ', kind: 'drone_port', mapUrl: 'javascript:x()' }),
    });
    const res = await post('/v1/orders', body);
    expect(res.status).toBe(400);
    expect(res.type).toBe('application/problem+json');
    expect(pathsOf(res)).toEqual(['delivery.point.id', 'delivery.point.kind', 'delivery.point.mapUrl']);
    expect((await get(`/v1/orders/${body.orderId}`)).status).toBe(404);

    const pointless = await post('/v1/orders', orderBody({ delivery: { mode: 'pickup_point' } }));
    expect([pointless.status, pathsOf(pointless)]).toEqual([400, ['delivery.point']]);
    const unknown = await post('/v1/orders', orderBody({ delivery: { mode: 'drone' } }));
    expect([unknown.status, pathsOf(unknown)]).toEqual([400, ['delivery.mode']]);
  });

  it("documents the order's delivery and the chain's delivery and pickup in the OpenAPI document", async () => {
    const doc = (await request(bed.app).get('/v1/openapi.json')).body;
    const { OrderInput, Chain } = doc.components.schemas as Record<string, Schema>;
    const modes = (delivery: Schema) => delivery.oneOf ?? delivery.anyOf;
    const ordered = modes(OrderInput.properties.delivery) as Schema[];
    expect(ordered.flatMap((m) => m.properties.mode.enum)).toEqual(['home', 'pickup_point']);
    const point = ordered[1].properties.point;
    expect(point.required).toEqual(['id', 'kind', 'name', 'address']);
    expect(point.properties.kind.enum).toEqual(['locker', 'shop', 'post_office']);
    expect(OrderInput.required).not.toContain('delivery');

    expect(modes(Chain.properties.delivery)).toHaveLength(2);
    expect(Chain.properties.delivery.description).toContain('the point it waits at now');
    // A carrier that sends the code to the customer itself leaves the chain without one.
    expect(Chain.properties.pickup.required).toEqual(['until']);
    expect(Object.keys(Chain.properties.pickup.properties)).toEqual(['code', 'until', 'reminderAt', 'expired']);
  });
});

describe('a pickup-point chain through the API', () => {
  it('shows its point, then its code and deadline once ready; a home-delivery event is refused with the reason', async () => {
    await bed.env.withWorker(async () => {
      const body = orderBody(toPoint());
      expect((await post('/v1/orders', body)).status).toBe(201);
      const started = await get(`/v1/orders/${body.orderId}`);
      expect(started.body.delivery).toEqual({ mode: 'pickup_point', point: LOCKER });
      expect(started.body.pickup).toBeUndefined();

      const event = (type: string, data: object = {}) => ({
        eventId: `${body.orderId}-${type}`,
        type,
        at: new Date().toISOString(),
        data,
      });
      const refused = await post(`/v1/orders/${body.orderId}/events`, event('out_for_delivery'));
      expect(refused.status).toBe(409);
      expect(refused.body.detail).toContain('out_for_delivery is a home-delivery event');

      const until = new Date(Date.now() + 3 * 86_400_000).toISOString();
      const moved = { ...LOCKER, id: 'KRA02M', name: 'Paczkomat KRA02M', address: 'ul. Krótka 2, Kraków' };
      const ready = event('ready_for_pickup', { pickupCode: '482913', pickupUntil: until, point: moved });
      expect((await post(`/v1/orders/${body.orderId}/events`, ready)).body).toEqual({
        stage: 'ready_for_pickup',
        duplicate: false,
      });
      const handle = bed.env.client.workflow.getHandle(`order-acme-${body.orderId}`);
      await waitForState(handle, (s) => !!s.pickup);
      const waiting = (await get(`/v1/orders/${body.orderId}`)).body;
      expect(waiting.delivery).toEqual({ mode: 'pickup_point', point: moved });
      expect(waiting.pickup).toMatchObject({ code: '482913', until });
      await handle.terminate('test over');
    });
  });
});
