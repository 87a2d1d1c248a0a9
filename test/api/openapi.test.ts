/**
 * The OpenAPI document against the API's real answers: every operation is called on the real stack
 * (dev server, worker, store, local Twilio endpoint), and every answer's status, content type and
 * body must be what the document says (Ajv, JSON Schema 2020-12 as OpenAPI 3.1 uses it).
 */
import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { Webhook } from 'standardwebhooks';
import request from 'supertest';
import twilio from 'twilio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiBed } from '../helpers/api';
import { courierWindow, inDays, LOCKER, orderBody, shopConfig, toPoint } from '../helpers/fixtures';
import { outbox } from '../helpers/temporal';
import { TWILIO_TOKEN, twilioEndpoint, twilioEnv, type TwilioEndpoint } from '../helpers/twilio-endpoint';

const KEY = 'acme-openapi-key-0001';
const HOOK_SECRET = `whsec_${randomBytes(24).toString('base64')}`;
const AFTERSHIP_SECRET = 'openapi-aftership-secret';
const AFTERSHIP_SAMPLE = JSON.parse(readFileSync('test/fixtures/carriers/aftership-tracking-update.json', 'utf8')).body;
let twilioApi: TwilioEndpoint;
beforeAll(async () => void (twilioApi = await twilioEndpoint()));
afterAll(() => twilioApi?.close());
const bed = apiBed(
  {
    shops: [shopConfig({ feedbackWindowDays: 0 })],
    apiKeys: [
      {
        key: KEY,
        shop: 'acme',
        scopes: ['orders:write', 'chains:read', 'chains:act', 'templates:write'],
        name: 'openapi test',
      },
    ],
    carrierWebhooks: [
      { id: 'acme-dpd', shop: 'acme', carrier: 'dpd', secrets: [HOOK_SECRET] },
      { id: 'acme-aftership', shop: 'acme', format: 'aftership', secrets: [AFTERSHIP_SECRET] },
    ],
  },
  () => twilioEnv(twilioApi),
);

type Doc = {
  paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, unknown> }> }>>;
};
let doc: Doc;
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats.default(ajv);
/** Operations ("post /v1/orders") that answered with a success, and every status seen per operation. */
const answered = new Map<string, Set<number>>();

beforeAll(async () => {
  doc = (await request(bed.app).get('/v1/openapi.json')).body;
  ajv.addSchema(doc, 'openapi');
});

const pointer = (...parts: string[]) => parts.map((p) => p.replaceAll('~', '~0').replaceAll('/', '~1')).join('/');

/** Checks one real answer against the document's operation `method template`; returns the answer. */
async function conform(method: string, template: string, pending: request.Test): Promise<request.Response> {
  const res = await pending;
  const op = `${method} ${template}`;
  const documented = doc.paths[template]?.[method];
  expect(documented, `${op} is not in the document`).toBeDefined();
  const answer = documented!.responses[String(res.status)];
  expect(
    answer,
    `${op} answered ${res.status}, which the document does not list: ${res.text.slice(0, 300)}`,
  ).toBeDefined();
  const type = String(res.headers['content-type'] ?? '').split(';')[0];
  if (answer!.content) {
    expect(Object.keys(answer!.content), `${op} ${res.status} answered ${type}`).toContain(type);
    if (type.endsWith('json')) {
      const validate = ajv.getSchema(
        `openapi#/${pointer('paths', template, method, 'responses', String(res.status), 'content', type, 'schema')}`,
      )!;
      expect(
        validate(res.body),
        `${op} ${res.status}: ${ajv.errorsText(validate.errors)}\n${JSON.stringify(res.body).slice(0, 500)}`,
      ).toBe(true);
    }
  } else expect(res.text ?? '', `${op} ${res.status} documents no body`).toBe('');
  if (!answered.has(op)) answered.set(op, new Set());
  answered.get(op)!.add(res.status);
  return res;
}

const auth = { Authorization: `Bearer ${KEY}` };
const api = {
  get: (template: string, path = template) => conform('get', template, request(bed.app).get(path).set(auth)),
  post: (template: string, path: string, body: unknown, headers: Record<string, string> = {}) =>
    conform(
      'post',
      template,
      request(bed.app)
        .post(path)
        .set({ ...auth, ...headers })
        .send(body as object),
    ),
  put: (template: string, path: string, body: object) =>
    conform('put', template, request(bed.app).put(path).set(auth).send(body)),
  delete: (template: string, path: string) => conform('delete', template, request(bed.app).delete(path).set(auth)),
};
const event = (type: string, data?: object) => ({
  eventId: `e-${randomUUID().slice(0, 8)}`,
  type,
  at: new Date().toISOString(),
  ...(data && { data }),
});

async function until<T>(read: () => Promise<T>, ok: (v: T) => boolean): Promise<T> {
  for (let i = 0; ; i++) {
    const value = await read();
    if (ok(value) || i > 200) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('the OpenAPI document', () => {
  it('describes every answer of every operation, checked against the real API', () =>
    bed.env.withWorker(async () => {
      const ORDER = '/v1/orders/{orderId}';
      const body = orderBody({
        customer: {
          name: 'Anna Nowak',
          givenName: 'Anna',
          email: 'anna@example.com',
          phone: '+48600999001',
          channels: ['email', 'sms'],
        },
        returnWindowDays: 1,
      });
      const id = body.orderId;
      expect((await api.post('/v1/orders', '/v1/orders', body)).status).toBe(201);
      expect((await api.post('/v1/orders', '/v1/orders', body)).status).toBe(200);
      expect((await api.post('/v1/orders', '/v1/orders', { ...body, carrier: 'ups' })).status).toBe(409);
      expect((await api.post('/v1/orders', '/v1/orders', { ...body, customer: { name: '' } })).status).toBe(400);
      expect((await conform('post', '/v1/orders', request(bed.app).post('/v1/orders').send(body))).status).toBe(401);

      const events = `${ORDER}/events`;
      const packed = event('packed');
      expect((await api.post(events, `/v1/orders/${id}/events`, packed)).status).toBe(202);
      expect((await api.post(events, `/v1/orders/${id}/events`, packed)).status).toBe(200);
      expect((await api.post(events, `/v1/orders/${id}/events`, event('refund_issued'))).status).toBe(409);
      expect((await api.post(events, '/v1/orders/nope/events', event('packed'))).status).toBe(404);
      expect(
        (await api.post(events, `/v1/orders/${id}/events`, event('handed_to_carrier', { trackingNumber: 'DPD123' })))
          .status,
      ).toBe(202);

      const action = (name: string, payload: object, key = randomUUID()) =>
        api.post(`${ORDER}/actions/${name}`, `/v1/orders/${id}/actions/${name}`, payload, { 'Idempotency-Key': key });
      expect(
        (await action('set-promise', { promisedDate: inDays(20), reason: 'the warehouse is behind' })).status,
      ).toBe(202);
      const again = randomUUID();
      expect((await action('set-promise', { promisedDate: inDays(22), reason: 'still behind' }, again)).status).toBe(
        202,
      );
      expect((await action('set-promise', { promisedDate: inDays(22), reason: 'still behind' }, again)).status).toBe(
        200,
      );
      expect((await action('acknowledge', { note: 'called the customer' })).status).toBe(202);
      expect((await action('acknowledge', { note: 'nothing new' })).status).toBe(409);
      expect((await action('courier-call', { window: courierWindow() })).status).toBe(202);
      await until(
        () => api.get(ORDER, `/v1/orders/${id}`),
        (r) =>
          r.body.touchpoints.every((t: { notices: { status: string }[] }) =>
            t.notices.every((n) => n.status !== 'queued'),
          ),
      );
      expect((await action('resend', { touchpoint: 'confirmation' })).status).toBe(202);
      for (const type of ['in_transit', 'arrived_in_city', 'out_for_delivery'])
        await api.post(events, `/v1/orders/${id}/events`, event(type));
      expect((await api.post(events, `/v1/orders/${id}/events`, event('delivered', { proof: 'photo-7' }))).status).toBe(
        202,
      );
      expect((await action('open-return', { reason: 'too small' })).status).toBe(202);

      const other = orderBody({
        carrier: 'dpd',
        customer: { name: 'Jan Kowalski', phone: '+48600999002', timezone: 'Europe/Warsaw', channels: ['sms'] },
      });
      await api.post('/v1/orders', '/v1/orders', other);
      const texted = await until(
        () => api.get(ORDER, `/v1/orders/${other.orderId}`),
        (r) => r.body.touchpoints[0].notices[0]?.status === 'sent',
      );
      const hookId = `msg_${randomUUID()}`;
      const raw = JSON.stringify({ orderId: other.orderId, event: event('packed') });
      const at = new Date();
      const signed = {
        'content-type': 'application/json',
        'webhook-id': hookId,
        'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
        'webhook-signature': new Webhook(HOOK_SECRET).sign(hookId, at, raw),
      };
      expect(
        (
          await conform(
            'post',
            '/webhooks/carriers/{endpoint}',
            request(bed.app).post('/webhooks/carriers/acme-dpd').set(signed).send(raw),
          )
        ).status,
      ).toBe(202);
      expect(
        (
          await conform(
            'post',
            '/webhooks/carriers/{endpoint}',
            request(bed.app)
              .post('/webhooks/carriers/acme-dpd')
              .set({ ...signed, 'webhook-signature': 'v1,forged' })
              .send(raw),
          )
        ).status,
      ).toBe(401);
      // AfterShip's sample in its own format: taken (202), replayed (200), forged (401).
      const aftership = (signature?: string) =>
        conform(
          'post',
          '/webhooks/carriers/{endpoint}',
          request(bed.app)
            .post('/webhooks/carriers/acme-aftership')
            .set({
              'content-type': 'application/json',
              'aftership-hmac-sha256':
                signature ??
                createHmac('sha256', AFTERSHIP_SECRET).update(JSON.stringify(AFTERSHIP_SAMPLE)).digest('base64'),
            })
            .send(JSON.stringify(AFTERSHIP_SAMPLE)),
        );
      expect([(await aftership()).status, (await aftership()).status, (await aftership('forged')).status]).toEqual([
        202, 200, 401,
      ]);
      const DRY_RUN = '/v1/carrier-webhooks/{endpoint}/dry-run';
      const dryRun = await api.post(DRY_RUN, '/v1/carrier-webhooks/acme-aftership/dry-run', AFTERSHIP_SAMPLE);
      expect([dryRun.status, dryRun.body.updates[0].trackingNumber]).toEqual([200, '9361289676091361892011']);
      expect((await api.post(DRY_RUN, '/v1/carrier-webhooks/acme-ups/dry-run', AFTERSHIP_SAMPLE)).status).toBe(404);
      // The other customer picks a parcel locker instead; the same locker again is refused with the reason.
      const switchToPoint = () =>
        api.post(`${ORDER}/actions/switch-to-point`, `/v1/orders/${other.orderId}/actions/switch-to-point`, {
          point: LOCKER,
        });
      expect((await switchToPoint()).status).toBe(202);
      expect((await switchToPoint()).status).toBe(409);
      expect((await api.get(ORDER, `/v1/orders/${other.orderId}`)).body.delivery).toEqual(toPoint().delivery);
      expect(
        (
          await api.post(`${ORDER}/actions/cancel`, `/v1/orders/${other.orderId}/actions/cancel`, {
            reason: 'out of stock',
          })
        ).status,
      ).toBe(202);

      // The other customer's SMS: its receipt and a digit texted back; then the rating link of the first
      // customer's email.
      const sms = texted.body.touchpoints[0].notices[0];
      const twilioPost = (path: string, form: Record<string, string>) =>
        conform(
          'post',
          path,
          request(bed.app)
            .post(path)
            .type('form')
            .set(
              'X-Twilio-Signature',
              twilio.getExpectedTwilioSignature(TWILIO_TOKEN, `http://localhost:8080${path}`, form),
            )
            .send(form),
        );
      expect(
        (
          await twilioPost('/webhooks/twilio/status', {
            MessageSid: sms.providerId,
            MessageStatus: 'delivered',
            AccountSid: 'AC1',
          })
        ).status,
      ).toBe(204);
      expect(
        (
          await twilioPost('/webhooks/twilio/status', {
            MessageSid: 'SM0000000000000000000000000000beef',
            MessageStatus: 'delivered',
            AccountSid: 'AC1',
          })
        ).status,
      ).toBe(503);
      expect(
        (
          await twilioPost('/webhooks/twilio/inbound', {
            From: '+48600999002',
            Body: '5',
            MessageSid: `SM${randomUUID().replaceAll('-', '')}`,
          })
        ).status,
      ).toBe(200);
      expect(
        (
          await conform(
            'post',
            '/webhooks/twilio/inbound',
            request(bed.app).post('/webhooks/twilio/inbound').type('form').send({ From: '+1', Body: 'x' }),
          )
        ).status,
      ).toBe(403);

      const mail = outbox(bed.env.config).find(
        (m) => m.channel === 'email' && m.idempotencyKey.includes(`-${id}:confirmation:`),
      )!;
      const token = mail.text.match(/\/r\/([\w.-]+)/)![1];
      const feedback = (payload: object) =>
        conform('post', '/v1/feedback', request(bed.app).post('/v1/feedback').send(payload));
      expect((await feedback({ token, score: 4, comment: 'fine' })).status).toBe(202);
      expect((await feedback({ token, score: 9 })).status).toBe(400);
      expect((await feedback({ token: `${token.slice(0, -2)}xx`, score: 4 })).status).toBe(400);

      expect((await api.get('/v1/orders', '/v1/orders?pageSize=5')).status).toBe(200);
      expect((await api.get('/v1/orders', '/v1/orders?stage=nowhere')).status).toBe(400);
      expect((await api.get(ORDER, '/v1/orders/no-such-order')).status).toBe(404);
      expect((await api.get('/v1/reports/touchpoints')).status).toBe(200);
      expect((await api.get('/v1/reports/carriers')).status).toBe(200);
      expect((await api.get('/v1/reports/carriers', '/v1/reports/carriers?from=1999-01-01')).status).toBe(400);
      const SLOT = '/v1/templates/{touchpoint}/{locale}/{channel}';
      const slot = '/v1/templates/arrival/pl/sms';
      const wording = { text: '{shop}: zamówienie {orderId} jest w {city}.' };
      expect((await api.get('/v1/templates')).status).toBe(200);
      expect((await api.put(SLOT, slot, wording)).status).toBe(200);
      expect((await api.put(SLOT, slot, { text: '{shop}: {city}' })).status).toBe(400);
      const preview = { touchpoint: 'arrival', locale: 'pl', channel: 'sms' };
      expect((await api.post('/v1/templates/preview', '/v1/templates/preview', preview)).status).toBe(200);
      expect((await api.delete(SLOT, slot)).status).toBe(200);
      expect((await api.delete(SLOT, slot)).status).toBe(404);
      for (const path of ['/healthz', '/readyz', '/metrics', '/v1/openapi.json'])
        expect((await conform('get', path, request(bed.app).get(path))).status).toBe(200);

      // The chain as read last shows what this issue keeps: who moved the promise, the acknowledgement, the
      // tracking number and the proof.
      const final = (await api.get(ORDER, `/v1/orders/${id}`)).body;
      expect(final.delays.map((d: { source: string }) => d.source)).toEqual(['shop', 'shop']);
      expect(final.acknowledged).toMatchObject({ actor: 'openapi test', note: 'called the customer', seen: 1 });
      expect([final.trackingNumber, final.deliveryProof]).toEqual(['DPD123', 'photo-7']);

      // Every operation of the document answered at least once with a success.
      const operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
        Object.keys(methods).map((m) => `${m} ${path}`),
      );
      const succeeded = operations.filter((op) => [...(answered.get(op) ?? [])].some((s) => s < 300));
      expect(succeeded.sort()).toEqual(operations.sort());
    }));
});
