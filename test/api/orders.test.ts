/** The REST API through supertest, against the real dev server and a real worker. */
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { chainStartOptions } from '../../api/chain-start';
import { chainWorkflow } from '../../workflows';
import { OrderInput, resolveOrder } from '../../workflows/contract';
import { apiBed } from '../helpers/api';
import { inDays, onTimePath, orderBody, shopConfig } from '../helpers/fixtures';
import { outbox } from '../helpers/temporal';
import { waitForState } from '../helpers/chains';

const KEYS = {
  writer: 'acme-writer-key-0001',
  reader: 'acme-reader-key-0001',
  other: 'other-writer-key-001',
  slow: 'acme-slow-key-000001',
  polish: 'polska-writer-key-01',
};
const bed = apiBed({
  shops: [
    shopConfig({ feedbackWindowDays: 0 }),
    shopConfig({ id: 'other', name: 'Other', supportEmail: 'help@other.example' }),
    shopConfig({
      id: 'polska',
      name: 'Sklep',
      supportEmail: 'pomoc@sklep.example',
      defaultLocale: 'pl-PL',
      timezone: 'Europe/Warsaw',
    }),
  ],
  apiKeys: [
    {
      key: KEYS.writer,
      shop: 'acme',
      scopes: ['orders:write', 'chains:read', 'chains:act'],
      name: 'Ola from support',
    },
    { key: KEYS.reader, shop: 'acme', scopes: ['chains:read'] },
    { key: KEYS.slow, shop: 'acme', scopes: ['chains:read'], requestsPerMinute: 3 },
    { key: KEYS.other, shop: 'other', scopes: ['orders:write', 'chains:read', 'chains:act'] },
    { key: KEYS.polish, shop: 'polska', scopes: ['orders:write', 'chains:read'] },
  ],
});

const as = (key: string) => ({ Authorization: `Bearer ${key}` });
const post = (path: string, body: unknown, key = KEYS.writer) =>
  request(bed.app)
    .post(path)
    .set(as(key))
    .send(body as object);
const get = (path: string, key = KEYS.writer) => request(bed.app).get(path).set(as(key));

describe('POST /v1/orders', () => {
  it('names every invalid field in a problem+json answer and starts nothing', async () => {
    const body = orderBody({ orderId: 'A1-return', items: [{ name: 'Kettle', qty: 0 }], promisedDate: '2026-13-01' });
    body.customer = { ...body.customer, phone: '600 123', timezone: 'Mars/Olympus', locale: 'pl__PL' };
    const res = await post('/v1/orders', body);
    expect(res.status).toBe(400);
    expect(res.type).toBe('application/problem+json');
    const paths = res.body.errors.map((e: { path: string }) => e.path).sort();
    expect(paths).toEqual([
      'customer.locale',
      'customer.phone',
      'customer.timezone',
      'items.0.qty',
      'orderId',
      'promisedDate',
    ]);
    expect((await get(`/v1/orders/${body.orderId}`)).status).toBe(404);
  });

  it('needs exactly one of promisedDate or promisedWindow, and an address for each channel', async () => {
    const { email: _, ...customer } = orderBody().customer;
    const body = orderBody({ promisedDate: undefined, customer });
    const res = await post('/v1/orders', body);
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual(['customer.channels.0', 'promisedDate']);
  });

  it("speaks the shop's default language in the shop's time zone when the order names neither", async () => {
    await bed.env.withWorker(async () => {
      const { locale: _l, timezone: _t, ...customer } = orderBody().customer;
      const body = orderBody({ customer, promisedDate: '2030-03-05' });
      await post('/v1/orders', body, KEYS.polish).expect(201);
      // The same body again is the same order: the defaults it was completed with do not make it another.
      expect((await post('/v1/orders', body, KEYS.polish)).status).toBe(200);
      const state = await waitForState(
        bed.env.client.workflow.getHandle(`order-polska-${body.orderId}`),
        (s) => s.touchpoints[0].notices[0]?.status === 'sent',
      );
      expect([state.locale, state.timezone]).toEqual(['pl-PL', 'Europe/Warsaw']);
      const confirmation = state.touchpoints[0].notices[0];
      expect(confirmation.subject).toContain(`zamówienie ${body.orderId}`);
      expect(confirmation.text).toContain('5 marca 2030');
      const english = orderBody({ customer: { ...customer, locale: 'en' } });
      await post('/v1/orders', english, KEYS.polish).expect(201);
      const given = await waitForState(
        bed.env.client.workflow.getHandle(`order-polska-${english.orderId}`),
        (s) => s.touchpoints[0].notices[0]?.status === 'sent',
      );
      expect([given.locale, given.timezone]).toEqual(['en', 'Europe/Warsaw']);
    });
  });

  it('a retry of an order started before 0.3 without a locale is the same order (its chain kept the hash with "en" filled in)', async () => {
    await bed.env.withWorker(async () => {
      const { locale: _, ...customer } = orderBody().customer;
      const body = orderBody({ customer });
      const parsed = OrderInput.parse(body);
      const before = OrderInput.parse({ ...body, customer: { ...customer, locale: 'en' } });
      const acme = bed.env.config.shops.get('acme')!;
      await bed.env.client.workflow.start(
        chainWorkflow,
        chainStartOptions(
          { order: resolveOrder(parsed, acme), shop: acme, trackingUrl: 'http://localhost/t/x' },
          bed.env.config.taskQueue,
          [],
          before,
        ),
      );
      expect((await post('/v1/orders', body)).status).toBe(200);
      expect((await post('/v1/orders', { ...body, carrier: 'ups' })).status).toBe(409);
    });
  });

  it('is idempotent: the same body answers 200 with the same answer, a different body 409', async () => {
    await bed.env.withWorker(async () => {
      const body = orderBody();
      const first = await post('/v1/orders', body);
      expect(first.status).toBe(201);
      expect(first.body).toMatchObject({
        orderId: body.orderId,
        stage: 'accepted',
        trackingUrl: expect.stringMatching(/^http:\/\/localhost:8080\/t\//),
      });
      const again = await post('/v1/orders', body);
      expect(again.status).toBe(200);
      expect(again.body).toEqual(first.body);
      const changed = await post('/v1/orders', { ...body, carrier: 'inpost' });
      expect(changed.status).toBe(409);
      expect(changed.body.detail).toContain('different body');
    });
  });
});

describe('events and the chain', () => {
  it('walks the on-time path through the API and shows every touchpoint done with its notice', async () => {
    await bed.env.withWorker(async () => {
      const body = orderBody();
      await post('/v1/orders', body).expect(201);
      for (const e of onTimePath()) {
        const res = await post(`/v1/orders/${body.orderId}/events`, e);
        expect(res.status).toBe(202);
        expect(res.body).toEqual({
          stage: e.type === 'courier_called' ? 'out_for_delivery' : e.type,
          duplicate: false,
        });
      }
      const handle = bed.env.client.workflow.getHandle(`order-acme-${body.orderId}`);
      await waitForState(
        handle,
        (s) => s.stage === 'closed' && s.touchpoints.every((t) => t.notices[0]?.status === 'sent'),
      );
      const chain = await get(`/v1/orders/${body.orderId}`);
      expect(chain.status).toBe(200);
      expect(chain.body.touchpoints.map((t: { status: string }) => t.status)).toEqual(Array(6).fill('done'));
      expect(chain.body.touchpoints[0].notices[0]).toMatchObject({
        channel: 'email',
        status: 'sent',
        subject: expect.stringContaining('accepted'),
      });
      await handle.result();
      const late = await post(`/v1/orders/${body.orderId}/events`, { ...onTimePath()[0], eventId: 'after-the-end' });
      expect(late.status).toBe(409);
      expect(late.body.detail).toContain('has finished');
      expect((await get(`/v1/orders/${body.orderId}`)).body.stage).toBe('closed');
      // What the Temporal server holds: every payload sealed, the customer nowhere in clear (search
      // attributes included).
      const bytes: string[] = [];
      const walk = (v: unknown): void => {
        if (v instanceof Uint8Array) bytes.push(Buffer.from(v).toString('latin1'));
        else if (typeof v === 'string') bytes.push(v);
        else if (v && typeof v === 'object') Object.values(v).forEach(walk);
      };
      walk(await handle.fetchHistory());
      const payloads = bytes.join('\n');
      expect(payloads).toContain('binary/encrypted');
      for (const personal of [body.customer.email, body.customer.phone, body.customer.name])
        expect(payloads).not.toContain(personal);
    });
  });

  it('a repeated eventId answers 200 {duplicate: true}; an impossible transition 409; an unknown order 404', async () => {
    await bed.env.withWorker(async () => {
      const body = orderBody();
      await post('/v1/orders', body).expect(201);
      const [packed] = onTimePath();
      await post(`/v1/orders/${body.orderId}/events`, packed).expect(202);
      const dup = await post(`/v1/orders/${body.orderId}/events`, packed);
      expect(dup.status).toBe(200);
      expect(dup.body).toEqual({ stage: 'packed', duplicate: true });
      const impossible = await post(`/v1/orders/${body.orderId}/events`, {
        ...packed,
        eventId: 'r1',
        type: 'return_requested',
      });
      expect(impossible.status).toBe(409);
      expect(impossible.body.detail).toContain('delivered');
      const unknown = await post('/v1/orders/no-such-order/events', packed);
      expect(unknown.status).toBe(404);
      const badEvent = await post(`/v1/orders/${body.orderId}/events`, {
        ...packed,
        eventId: 'x1',
        type: 'eta_changed',
        data: { reason: 'storm' },
      });
      expect(badEvent.status).toBe(400);
      expect(badEvent.body.errors).toEqual([{ path: 'data.newEta', message: expect.any(String) }]);
      await bed.env.client.workflow.getHandle(`order-acme-${body.orderId}`).terminate('test over');
    });
  });

  it('support can cancel a chain; the customer gets a notice', async () => {
    await bed.env.withWorker(async () => {
      const body = orderBody();
      await post('/v1/orders', body).expect(201);
      const res = await post(`/v1/orders/${body.orderId}/actions/cancel`, { reason: 'customer asked' });
      expect(res.status).toBe(202);
      expect(res.body.stage).toBe('cancelled');
      const state = await waitForState(bed.env.client.workflow.getHandle(`order-acme-${body.orderId}`), (s) =>
        s.touchpoints.some((t) => t.key === 'cancellation' && t.notices[0]?.status === 'sent'),
      );
      expect(state.touchpoints.find((t) => t.key === 'cancellation')!.notices[0].text).toContain('customer asked');
      expect((await post(`/v1/orders/${body.orderId}/actions/teleport`, {})).status).toBe(404);
    });
  });
});

describe('support actions', () => {
  it('an unknown action is a 404 naming the supported ones, once the order id is valid; an action without options needs no body', async () => {
    await bed.env.withWorker(async () => {
      const body = orderBody();
      await post('/v1/orders', body).expect(201);
      const unknown = await post(`/v1/orders/${body.orderId}/actions/teleport`, { to: 'moon' });
      expect([unknown.status, unknown.body.detail]).toEqual([
        404,
        'unknown action; supported: acknowledge, cancel, courier-call, open-return, resend, set-promise, switch-to-point',
      ]);
      const badId = await post('/v1/orders/-bad id/actions/teleport', {});
      expect([badId.status, badId.body.errors.map((e: { path: string }) => e.path)]).toEqual([400, ['orderId']]);
      const badEvent = await post('/v1/orders/-bad id/events', { type: 'nothing' });
      expect(badEvent.body.errors.map((e: { path: string }) => e.path)).toEqual(['orderId']);
      const bare = await request(bed.app).post(`/v1/orders/${body.orderId}/actions/cancel`).set(as(KEYS.writer));
      expect([bare.status, bare.body.stage]).toEqual([202, 'cancelled']);
    });
  });

  it('resends a notice and moves the promise with a reason; each action once per Idempotency-Key, in the audit trail; refusals are 409', async () => {
    await bed.env.withWorker(async () => {
      const body = orderBody();
      await post('/v1/orders', body).expect(201);
      await post(`/v1/orders/${body.orderId}/events`, {
        eventId: 'h1',
        type: 'handed_to_carrier',
        at: new Date().toISOString(),
        data: {},
      }).expect(202);
      const handle = bed.env.client.workflow.getHandle(`order-acme-${body.orderId}`);
      await waitForState(handle, (s) => s.touchpoints[1].notices[0]?.status === 'sent');
      const act = (action: string, payload: object, key?: string) => {
        const req = request(bed.app).post(`/v1/orders/${body.orderId}/actions/${action}`).set(as(KEYS.writer));
        return (key ? req.set('Idempotency-Key', key) : req).send(payload);
      };

      expect((await act('resend', { touchpoint: 'tracking' })).status).toBe(202);
      const later = inDays(13);
      const moved = await act('set-promise', { promisedDate: later, reason: 'the warehouse flooded' }, 'promise-1');
      expect(moved.status).toBe(202);
      expect(
        (await act('set-promise', { promisedDate: later, reason: 'the warehouse flooded' }, 'promise-1')).body,
      ).toEqual({ stage: 'handed_to_carrier', duplicate: true });

      const earlier = await act('set-promise', { promisedDate: inDays(2), reason: 'oops' });
      expect(earlier.status).toBe(409);
      expect(earlier.body.detail).toBe(`the new promise must be later than ${later}`);
      expect((await act('resend', { touchpoint: 'handover' })).body.detail).toBe('handover has no notice to resend');
      const missing = await act('resend', {});
      expect(missing.status).toBe(400);
      expect(missing.body.errors.map((e: { path: string }) => e.path)).toEqual(['touchpoint']);
      const longKey = await act('resend', { touchpoint: 'tracking' }, 'k'.repeat(201));
      expect([longKey.status, longKey.body.errors?.map((e: { path: string }) => e.path)]).toEqual([
        400,
        ['headers.idempotency-key'],
      ]);

      const state = await waitForState(
        handle,
        (s) =>
          s.touchpoints[1].notices[1]?.status === 'sent' &&
          s.touchpoints.some((t) => t.key === 'delay' && t.notices[0]?.status === 'sent'),
      );
      expect(state.touchpoints[1].notices.map((n) => n.revision)).toEqual([1, 2]);
      expect(
        outbox(bed.env.config).filter((m) => m.idempotencyKey === `order-acme-${body.orderId}:tracking:email:2`),
      ).toHaveLength(1);
      // Moved through the API, the shop's own system moved it (the console's agents are support).
      expect(state.delays).toMatchObject([
        { days: 3, reason: 'the warehouse flooded', newDate: later, source: 'shop' },
      ]);
      expect(state.touchpoints.find((t) => t.key === 'delay')!.notices[0].text).toContain(
        'because the warehouse flooded',
      );
      expect(state.audit).toEqual([
        {
          at: expect.any(String),
          actor: 'Ola from support',
          action: 'resend',
          detail: 'resent the notice of tracking',
        },
        {
          at: expect.any(String),
          actor: 'Ola from support',
          action: 'set-promise',
          detail: `moved the promise to ${later}: the warehouse flooded`,
        },
      ]);
      await handle.terminate('test over');
    });
  });
});

describe('work lists', () => {
  it('a promise moved by support puts the chain on the delayed list at once', async () => {
    await bed.env.withWorker(async () => {
      const body = orderBody();
      await post('/v1/orders', body).expect(201);
      await post(`/v1/orders/${body.orderId}/actions/set-promise`, {
        promisedDate: inDays(15),
        reason: 'stock ran out',
      }).expect(202);
      const listed = async () =>
        (await get('/v1/orders?list=delayed')).body.items.map((i: { orderId: string }) => i.orderId) as string[];
      const deadline = Date.now() + 10_000;
      while (!(await listed()).includes(body.orderId) && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 200));
      expect(await listed()).toContain(body.orderId);
      await bed.env.client.workflow.getHandle(`order-acme-${body.orderId}`).terminate('test over');
    });
  });
});

describe('attention', () => {
  const listed = async (list: string) =>
    (await get(`/v1/orders?list=${list}`)).body.items.map((i: { orderId: string }) => i.orderId) as string[];
  /** Waits for visibility to show (or not show) the order on a list. */
  async function onList(list: string, orderId: string, shown: boolean) {
    const deadline = Date.now() + 10_000;
    while ((await listed(list)).includes(orderId) !== shown && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 200));
    return (await listed(list)).includes(orderId);
  }

  it('support acknowledges what needs attention: the chain leaves the list until something new comes up, audited with the note', async () => {
    await bed.env.withWorker(async () => {
      const body = orderBody();
      await post('/v1/orders', body).expect(201);
      const act = (action: string, payload: object) => post(`/v1/orders/${body.orderId}/actions/${action}`, payload);
      const nothing = await act('acknowledge', { note: 'looked at it' });
      expect([nothing.status, nothing.body.detail]).toEqual([409, 'nothing new needs attention on this chain']);
      expect((await act('acknowledge', { note: '  ' })).body.errors.map((e: { path: string }) => e.path)).toEqual([
        'note',
      ]);
      await act('set-promise', { promisedDate: inDays(14), reason: 'stock ran out' }).expect(202);
      await act('set-promise', { promisedDate: inDays(16), reason: 'the supplier is late' }).expect(202);
      expect(await onList('attention', body.orderId, true)).toBe(true);

      await act('acknowledge', { note: 'called the customer, sent a voucher' }).expect(202);
      expect(await onList('attention', body.orderId, false)).toBe(false);
      const handle = bed.env.client.workflow.getHandle(`order-acme-${body.orderId}`);
      const seen = await waitForState(handle, () => true);
      expect(seen.acknowledged).toMatchObject({
        actor: 'Ola from support',
        note: 'called the customer, sent a voucher',
        seen: 1,
      });
      expect(seen.audit.at(-1)).toMatchObject({
        action: 'acknowledge',
        detail: 'acknowledged what needs attention: called the customer, sent a voucher',
      });

      // A third delay is something new: back on the list.
      await act('set-promise', { promisedDate: inDays(18), reason: 'lost in the depot' }).expect(202);
      expect(await onList('attention', body.orderId, true)).toBe(true);
      // A finished chain needs no one's attention any more.
      await act('cancel', { reason: 'the customer gave up' }).expect(202);
      expect(await onList('attention', body.orderId, false)).toBe(false);
    });
  });
});

describe('closing a delivered order', () => {
  it('the shop may cancel while the return window is open: the customer is told, no return is offered; after the window it is refused', async () => {
    await bed.env.withWorker(async () => {
      const body = orderBody({ returnWindowDays: 5 });
      await post('/v1/orders', body).expect(201);
      for (const [i, e] of onTimePath().entries())
        await post(`/v1/orders/${body.orderId}/events`, { ...e, eventId: `c${i}` }).expect(202);
      const cancelled = await post(`/v1/orders/${body.orderId}/events`, {
        eventId: 'c-end',
        type: 'cancelled',
        at: new Date().toISOString(),
        data: { reason: 'refunded by the bank' },
      });
      expect([cancelled.status, cancelled.body.stage]).toEqual([202, 'cancelled']);
      const handle = bed.env.client.workflow.getHandle(`order-acme-${body.orderId}`);
      const state = await waitForState(handle, (s) =>
        s.touchpoints.some((t) => t.key === 'cancellation' && t.notices[0]?.status === 'sent'),
      );
      expect(state.returnUntil).toBeUndefined();
      const notice = state.touchpoints.find((t) => t.key === 'cancellation')!.notices[0];
      expect(notice.subject).toContain('closed');
      expect(notice.text).toContain('refunded by the bank');
      expect((await post(`/v1/orders/${body.orderId}/actions/open-return`, {})).status).toBe(409);

      const closed = orderBody({ returnWindowDays: 0 });
      await post('/v1/orders', closed).expect(201);
      for (const [i, e] of onTimePath().entries())
        await post(`/v1/orders/${closed.orderId}/events`, { ...e, eventId: `d${i}` });
      const refused = await post(`/v1/orders/${closed.orderId}/events`, {
        eventId: 'd-end',
        type: 'cancelled',
        at: new Date().toISOString(),
        data: {},
      });
      expect(refused.status).toBe(409);
    });
  });
});

describe('a resend flood', () => {
  it('reaches the customer at most three more times: one waiting resend at a time, then 409 with the reason', async () => {
    await bed.env.withWorker(async () => {
      const body = orderBody();
      await post('/v1/orders', body).expect(201);
      const handle = bed.env.client.workflow.getHandle(`order-acme-${body.orderId}`);
      const sent = (n: number) =>
        waitForState(handle, (s) => s.touchpoints[0].notices.filter((x) => x.status === 'sent').length === n);
      await sent(1);
      const resend = () => post(`/v1/orders/${body.orderId}/actions/resend`, { touchpoint: 'confirmation' });
      const burst = await Promise.all(Array.from({ length: 10 }, resend));
      const accepted = burst.filter((r) => r.status === 202).length;
      // The notice each accepted resend queued goes out within moments: the rest of the burst is refused.
      expect(accepted).toBeGreaterThanOrEqual(1);
      expect(accepted).toBeLessThanOrEqual(3);
      for (const r of burst.filter((x) => x.status !== 202))
        expect([r.status, r.body.detail]).toEqual([409, 'the last notice of confirmation has not gone out yet']);
      let total = accepted;
      for (let tries = 0; tries < 5; tries++) {
        await sent(total + 1);
        const r = await resend();
        if (r.status !== 202) {
          expect([r.status, r.body.detail]).toEqual([409, 'confirmation was resent 3 times already']);
          break;
        }
        total++;
      }
      expect(total).toBe(3);
      expect(
        outbox(bed.env.config).filter((m) =>
          m.idempotencyKey.startsWith(`order-acme-${body.orderId}:confirmation:email:`),
        ),
      ).toHaveLength(4);
      await handle.terminate('test over');
    });
  });
});

describe('keys, scopes and shops', () => {
  it('401 without a key or with an unknown one', async () => {
    expect((await request(bed.app).get('/v1/orders')).status).toBe(401);
    const res = await get('/v1/orders', 'not-a-real-key-at-all');
    expect(res.status).toBe(401);
    expect(res.type).toBe('application/problem+json');
  });

  it('429 with Retry-After once a key is over its requests a minute, on every route it uses; other keys go on', async () => {
    const answers = [];
    for (let i = 0; i < 3; i++)
      answers.push((await get(i % 2 ? '/v1/reports/carriers' : '/v1/orders', KEYS.slow)).status);
    expect(answers).toEqual([200, 200, 200]);
    const over = await get('/v1/orders', KEYS.slow);
    expect(over.status).toBe(429);
    expect(over.type).toBe('application/problem+json');
    expect(over.body.detail).toBe('this key may make 3 requests a minute; retry after the Retry-After header');
    expect(Number(over.get('retry-after'))).toBeGreaterThan(0);
    expect((await get('/v1/reports/carriers', KEYS.slow)).status).toBe(429);
    expect((await get('/v1/orders', KEYS.reader)).status).toBe(200);
  });

  it('403 when the key lacks the scope', async () => {
    const res = await post('/v1/orders', orderBody(), KEYS.reader);
    expect(res.status).toBe(403);
    expect(res.body.detail).toContain('orders:write');
    expect((await post('/v1/orders/x/actions/cancel', {}, KEYS.reader)).status).toBe(403);
  });

  it("a key never sees another shop's orders, even with the same order id", async () => {
    await bed.env.withWorker(async () => {
      const body = orderBody();
      await post('/v1/orders', body).expect(201);
      expect((await get(`/v1/orders/${body.orderId}`, KEYS.other)).status).toBe(404);
      expect((await post(`/v1/orders/${body.orderId}/events`, onTimePath()[0], KEYS.other)).status).toBe(404);
      const list = await get('/v1/orders', KEYS.other);
      expect(list.body.items.map((i: { orderId: string }) => i.orderId)).not.toContain(body.orderId);
      const own = await post('/v1/orders', { ...body, carrier: 'inpost' }, KEYS.other);
      expect(own.status).toBe(201);
    });
  });

  it('lists only the caller shop, filtered by stage', async () => {
    await bed.env.withWorker(async () => {
      const body = orderBody({ carrier: 'list-test' });
      await post('/v1/orders', body).expect(201);
      await post(`/v1/orders/${body.orderId}/events`, onTimePath()[0]).expect(202);
      const deadline = Date.now() + 15_000;
      let items: { orderId: string; stage: string }[] = [];
      while (Date.now() < deadline && !items.length) {
        items = (await get('/v1/orders?stage=packed&carrier=list-test', KEYS.reader)).body.items;
        if (!items.length) await new Promise((r) => setTimeout(r, 200));
      }
      expect(items).toEqual([
        expect.objectContaining({ orderId: body.orderId, stage: 'packed', carrier: 'list-test' }),
      ]);
      const bad = await get('/v1/orders?stage=lost', KEYS.reader);
      expect(bad.status).toBe(400);
      expect(bad.body.errors[0].path).toBe('stage');
    });
  });

  it("finds a customer's orders by email or phone (however written), and lists delayed chains", async () => {
    await bed.env.withWorker(async () => {
      const phone = `+4860${String(Date.now()).slice(-7)}`;
      const body = orderBody({
        promisedDate: inDays(5),
        customer: { ...orderBody().customer, email: `Find.${Date.now()}@Example.com`, phone },
      });
      await post('/v1/orders', body).expect(201);
      await post(`/v1/orders/${body.orderId}/events`, {
        eventId: 'd1',
        type: 'eta_changed',
        at: new Date().toISOString(),
        data: { newEta: inDays(7), reason: 'storm' },
      }).expect(202);
      const spaced = `${phone.slice(0, 3)} ${phone.slice(3, 6)}-${phone.slice(6)}`;
      for (const query of [
        `contact=${encodeURIComponent(body.customer.email.toLowerCase())}`,
        `contact=${encodeURIComponent(spaced)}`,
        'list=delayed&carrier=dpd',
      ]) {
        const deadline = Date.now() + 15_000;
        let ids: string[] = [];
        while (Date.now() < deadline && !ids.includes(body.orderId)) {
          ids = (await get(`/v1/orders?${query}&pageSize=100`, KEYS.reader)).body.items.map(
            (i: { orderId: string }) => i.orderId,
          );
          if (!ids.includes(body.orderId)) await new Promise((r) => setTimeout(r, 200));
        }
        expect(ids, query).toContain(body.orderId);
      }
      expect(
        (await get(`/v1/orders?contact=${encodeURIComponent('nobody@example.com')}`, KEYS.reader)).body.items,
      ).toEqual([]);
      const bad = await get('/v1/orders?contact=12345&list=soon', KEYS.reader);
      expect(bad.status).toBe(400);
      expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['contact', 'list']);
    });
  });
});

describe('request metrics', () => {
  it('times every request by route template and status, with no order id in a label', async () => {
    await post('/v1/orders', { orderId: 'M-1' });
    await get('/v1/orders/M-404');
    await request(bed.app).get('/nowhere/at/all');
    const metrics = (await request(bed.app).get('/metrics')).text;
    expect(metrics).toMatch(
      /doorstep_api_request_duration_seconds_count\{method="POST",route="\/v1\/orders",status="400"\} [1-9]/,
    );
    expect(metrics).toMatch(
      /doorstep_api_request_duration_seconds_count\{method="GET",route="\/v1\/orders\/:orderId",status="404"\} [1-9]/,
    );
    expect(metrics).toMatch(
      /doorstep_api_request_duration_seconds_count\{method="GET",route="unmatched",status="404"\} [1-9]/,
    );
    expect(metrics).not.toMatch(/route="[^"]*M-(1|404)/);
  });
});

describe('public endpoints', () => {
  it('serves health, readiness and an OpenAPI document generated from the schemas', async () => {
    expect((await request(bed.app).get('/healthz')).body).toEqual({ status: 'ok' });
    expect((await request(bed.app).get('/readyz')).status).toBe(200);
    const doc = (await request(bed.app).get('/v1/openapi.json')).body;
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/v1/orders',
        '/v1/orders/{orderId}/events',
        '/v1/feedback',
        '/v1/reports/touchpoints',
        '/v1/reports/carriers',
      ]),
    );
    expect(doc.components.schemas.OrderInput.required).toEqual(
      expect.arrayContaining(['orderId', 'customer', 'items', 'carrier']),
    );
  });
});
