/**
 * Satisfaction end to end: two dozen orders over three carriers walk their chains through the API,
 * customers rate from the links in their emails (a real SMTP server receives everything), and the
 * reports, the attention filter, the support alerts and the metrics say exactly what happened.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChainState } from '../../workflows/contract';
import { DAY_MS } from '../../workflows/durations';
import { apiBed } from '../helpers/api';
import { waitForState } from '../helpers/chains';
import { inDays, orderBody, shopConfig } from '../helpers/fixtures';
import { exceptionFigures } from '../helpers/report-facts';
import { smtpSink, type SmtpSink } from '../helpers/smtp-sink';

type Rated = 'confirmation' | 'courier-call' | 'handover' | 'closing';
interface Script {
  carrier: string;
  /** Days the carrier announces as delay (an eta_changed). */
  delay?: number;
  /** Days the shop's own system moves the promise (a set-promise through the API): not the carrier's doing. */
  shopDelay?: number;
  /** The courier called before delivering. */
  call: boolean;
  /** Delivered two days after the first promise. */
  late: boolean;
  ratings: Partial<Record<Rated, number>>;
}

// dpd: good but late twice; inpost: excellent; ups: a courier who does not call and annoys.
const SCRIPTS: Script[] = [
  ...Array.from({ length: 10 }, (_, i): Script => ({
    carrier: 'dpd',
    delay: i >= 8 ? 2 : undefined,
    call: true,
    late: i >= 8,
    ratings: { confirmation: 5, 'courier-call': i < 6 ? 4 : 3, handover: i % 2 ? 5 : 4, ...(i < 4 && { closing: 9 }) },
  })),
  ...Array.from({ length: 8 }, (_, i): Script => ({
    carrier: 'inpost',
    call: true,
    late: false,
    ratings: { confirmation: i < 6 ? 5 : 4, 'courier-call': 5, handover: 5, closing: 10 },
  })),
  ...Array.from({ length: 6 }, (_, i): Script => ({
    carrier: 'ups',
    call: i >= 2,
    // Order 1 comes two days late, but the shop itself moved its promise three days: ups is on time.
    late: i === 5 || i === 1,
    shopDelay: i === 1 ? 3 : undefined,
    ratings: { confirmation: 4, ...(i >= 2 && { 'courier-call': i === 2 ? 1 : 2 }), handover: 3 },
  })),
];
const WEBHOOK_SECRET = `whsec_${Buffer.from('doorstep-alert-webhook-secret-32b').toString('base64')}`;
const KEY = 'reports-writer-key-0001';

let sink: SmtpSink;
let hookServer: Server;
const hooks: { headers: Record<string, string>; body: string }[] = [];
const started = new Date(Date.now() - 60_000).toISOString();

beforeAll(async () => {
  sink = await smtpSink();
  hookServer = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      hooks.push({ headers: req.headers as Record<string, string>, body });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => hookServer.listen(0, '127.0.0.1', resolve));
});
afterAll(async () => {
  await sink.close();
  await new Promise<void>((resolve) => hookServer.close(() => resolve()));
});
const bed = apiBed(
  () => ({
    shops: [
      shopConfig({
        id: 'rep',
        name: 'Report Shop',
        supportEmail: 'support@rep.example',
        feedbackWindowDays: 1,
        alertWebhookUrl: `http://127.0.0.1:${(hookServer.address() as AddressInfo).port}/alerts`,
      }),
    ],
    apiKeys: [{ key: KEY, shop: 'rep', scopes: ['orders:write', 'chains:read', 'chains:act'] }],
  }),
  () => ({
    SMTP_URL: sink.url,
    MAIL_FROM: 'Report Shop <orders@rep.example>',
    DOORSTEP_ALERT_WEBHOOK_SECRET: WEBHOOK_SECRET,
  }),
);

const auth = { Authorization: `Bearer ${KEY}` };
const post = (path: string, body: object) => request(bed.app).post(path).set(auth).send(body);
const promise = inDays(10);
const dayAfter = (date: string, days: number) =>
  new Date(Date.parse(`${date}T12:00:00Z`) + days * DAY_MS).toISOString();
const tokenOf = (state: ChainState, key: string) =>
  /\/r\/(\S+)/.exec(state.touchpoints.find((t) => t.key === key)!.notices[0].text!)![1];

/** Walks one scripted order through the API and rates as its customer would; returns its order id. */
async function walk(script: Script, i: number): Promise<string> {
  const body = orderBody({
    orderId: `rep-${i}`,
    carrier: script.carrier,
    promisedDate: promise,
    customer: { name: `Customer ${i}`, email: `c${i}@example.com`, timezone: 'UTC', channels: ['email'] },
  });
  await post('/v1/orders', body).expect(201);
  const event = (type: string, data: object = {}, at = new Date().toISOString()) =>
    post(`/v1/orders/${body.orderId}/events`, { eventId: `${type}-${i}`, type, at, data }).expect(202);
  await event('handed_to_carrier');
  if (script.delay) await event('eta_changed', { newEta: inDays(10 + script.delay), reason: 'depot backlog' });
  if (script.shopDelay)
    await post(`/v1/orders/${body.orderId}/actions/set-promise`, {
      promisedDate: inDays(10 + script.shopDelay),
      reason: 'our warehouse is behind',
    }).expect(202);
  await event('arrived_in_city');
  await event('out_for_delivery');
  if (script.call)
    await event('courier_called', { window: { from: dayAfter(promise, 0), to: dayAfter(promise, 0.1) } });
  await event('delivered', { proof: 'photo' }, script.late ? dayAfter(promise, 2) : new Date().toISOString());
  const handle = bed.env.client.workflow.getHandle(`order-rep-${body.orderId}`);
  const state = await waitForState(
    handle,
    (s) => s.stage === 'closed' && s.touchpoints.every((t) => t.notices.every((n) => n.status === 'sent')),
    60_000,
  );
  for (const [touchpoint, score] of Object.entries(script.ratings)) {
    await request(bed.app)
      .post('/v1/feedback')
      .send({ token: tokenOf(state, touchpoint), score })
      .expect(202);
  }
  return body.orderId;
}

/** Mean of some numbers, rounded as the reports round. */
const mean = (xs: number[]) =>
  xs.length ? Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 1000) / 1000 : null;

describe('reports from two dozen scripted orders', () => {
  let orders: string[] = [];

  beforeAll(async () => {
    orders = await bed.env.withWorker(async () => {
      const ids: string[] = [];
      for (let i = 0; i < SCRIPTS.length; i += 6)
        ids.push(...(await Promise.all(SCRIPTS.slice(i, i + 6).map((s, j) => walk(s, i + j)))));
      // Facts are recorded in the background: wait until every answer, and every follow-up it set off, is in the store.
      const answers = SCRIPTS.reduce((n, s) => n + Object.keys(s.ratings).length, 0);
      const followUps = SCRIPTS.filter((s) => (s.ratings['courier-call'] ?? 5) <= 2).length;
      for (let tries = 0; tries < 150; tries++) {
        const [{ n, f }] = await bed.env.store.sql.query<{ n: number; f: number }>(
          `select count(score)::int as n, (count(*) filter (where touchpoint_id = 'follow-up'))::int as f from checks where shop = 'rep'`,
        );
        if (n === answers && f === followUps) break;
        await new Promise((r) => setTimeout(r, 200));
      }
      return ids;
    });
  }, 300_000);

  it('the touchpoint audit counts checks, responses and means, gives each a verdict and finds the weakest link', async () => {
    const res = await request(bed.app)
      .get(`/v1/reports/touchpoints?from=${started}&to=${inDays(2)}`)
      .set(auth);
    expect(res.status).toBe(200);
    const line = (touchpoint: string) =>
      res.body.touchpoints.find((t: { touchpoint: string }) => t.touchpoint === touchpoint);
    const scores = (tp: Rated) => SCRIPTS.flatMap((s) => (s.ratings[tp] === undefined ? [] : [s.ratings[tp]!]));
    const calls = SCRIPTS.filter((s) => s.call).length;
    const lows = SCRIPTS.filter((s) => (s.ratings['courier-call'] ?? 5) <= 2).length;
    expect(line('confirmation')).toEqual({
      touchpoint: 'confirmation',
      checksSent: 24,
      responses: 24,
      responseRate: 1,
      meanScore: mean(scores('confirmation')),
      scale: 5,
      verdict: 'Wow',
    });
    expect(line('tracking')).toEqual({
      touchpoint: 'tracking',
      checksSent: 24,
      responses: 0,
      responseRate: 0,
      meanScore: null,
      scale: 5,
      verdict: null,
    });
    expect(line('delay')).toMatchObject({
      checksSent: SCRIPTS.filter((s) => s.delay || s.shopDelay).length,
      responses: 0,
    });
    expect(line('courier-call')).toEqual({
      touchpoint: 'courier-call',
      checksSent: calls,
      responses: scores('courier-call').length,
      responseRate: Math.round((scores('courier-call').length / calls) * 1000) / 1000,
      meanScore: mean(scores('courier-call')),
      scale: 5,
      verdict: 'OK',
    });
    expect(line('handover')).toMatchObject({
      checksSent: 24,
      responses: 24,
      meanScore: mean(scores('handover')),
      verdict: 'OK',
    });
    expect(line('closing')).toMatchObject({
      checksSent: 24,
      responses: 12,
      responseRate: 0.5,
      meanScore: mean(scores('closing')),
      scale: 10,
      verdict: 'Wow',
    });
    expect(line('follow-up')).toMatchObject({ checksSent: lows, responses: 0 });
    expect(res.body.weakestLink).toBe('courier-call');

    const ups = await request(bed.app)
      .get(`/v1/reports/touchpoints?from=${started}&to=${inDays(2)}&carrier=ups`)
      .set(auth);
    expect(ups.body.touchpoints.find((t: { touchpoint: string }) => t.touchpoint === 'courier-call')).toMatchObject({
      checksSent: 4,
      meanScore: 1.75,
      verdict: 'Bad',
    });
    expect(ups.body.weakestLink).toBe('courier-call');
  });

  it('the carrier scorecard: orders, on-time rate against the first promise, delays, calls missed, courier and handover ratings', async () => {
    const res = await request(bed.app)
      .get(`/v1/reports/carriers?from=${started}&to=${inDays(2)}`)
      .set(auth);
    expect(res.status).toBe(200);
    const expected = ['dpd', 'inpost', 'ups'].map((carrier) => {
      const own = SCRIPTS.filter((s) => s.carrier === carrier);
      const rated = (tp: Rated) => mean(own.flatMap((s) => (s.ratings[tp] === undefined ? [] : [s.ratings[tp]!])));
      return {
        carrier,
        orders: own.length,
        delivered: own.length,
        onTimeRate:
          Math.round((own.filter((s) => !s.late || (s.shopDelay ?? 0) >= 2).length / own.length) * 1000) / 1000,
        // Only the carrier's own delays: ups's promise the shop moved does not count against ups.
        meanDelayDays: Math.round((own.reduce((n, s) => n + (s.delay ?? 0), 0) / own.length) * 1000) / 1000,
        deliveredWithoutCall: own.filter((s) => !s.call).length,
        courierCallRating: rated('courier-call'),
        handoverRating: rated('handover'),
        // No carrier reported an exception on these orders.
        exceptions: exceptionFigures(0, 0, own.length),
      };
    });
    expect(res.body.carriers).toEqual(expected);
    expect(expected.map((c) => c.deliveredWithoutCall)).toEqual([0, 0, 2]);
  });

  it('a low rating flags the chain for the attention filter, emails support and posts a signed webhook; the customer hears from us', async () => {
    const lowOrder = orders[SCRIPTS.findIndex((s) => s.ratings['courier-call'] === 1)];
    const list = async () =>
      (await request(bed.app).get('/v1/orders?attention=true&pageSize=100').set(auth)).body.items.map(
        (i: { orderId: string }) => i.orderId,
      );
    let flagged: string[] = [];
    for (let tries = 0; tries < 50 && !flagged.includes(lowOrder); tries++) {
      flagged = await list();
      if (!flagged.includes(lowOrder)) await new Promise((r) => setTimeout(r, 200));
    }
    const expectFlagged = SCRIPTS.flatMap((s, i) =>
      (s.ratings['courier-call'] ?? 5) <= 2 || !s.call ? [orders[i]] : [],
    );
    expect(flagged.sort()).toEqual(expectFlagged.sort());

    const alert = sink.received.find(
      (r) => r.envelopeTo.includes('support@rep.example') && r.mail.text?.includes(`Order ${lowOrder} `),
    );
    expect(alert?.mail.subject).toBe(`Doorstep: order ${lowOrder} needs attention`);
    expect(alert?.mail.text).toContain(
      `Order ${lowOrder} (ups) of Report Shop needs attention: low rating 1 on courier-call.`,
    );

    const hook = hooks.find((h) => JSON.parse(h.body).orderId === lowOrder && JSON.parse(h.body).kind === 'low_rating');
    expect(hook).toBeDefined();
    expect(new Webhook(WEBHOOK_SECRET).verify(hook!.body, hook!.headers)).toMatchObject({
      type: 'chain.attention',
      shop: 'rep',
      kind: 'low_rating',
      reason: 'low rating 1 on courier-call',
    });

    // Reading a chain is a query: a worker answers it.
    const state = (await bed.env.withWorker(() => request(bed.app).get(`/v1/orders/${lowOrder}`).set(auth)))
      .body as ChainState;
    expect(state.attention).toContain('low rating 1 on courier-call');
    expect(state.touchpoints.find((t) => t.key === 'follow-up')!.notices[0]).toMatchObject({
      status: 'sent',
      subject: 'Report Shop: we are sorry',
    });
  });

  it('names a bad filter in a problem+json answer', async () => {
    const bad = await request(bed.app).get('/v1/reports/touchpoints?from=last-week').set(auth);
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path)).toEqual(['from']);
    const backwards = await request(bed.app).get('/v1/reports/carriers?from=2026-12-01&to=2026-11-01').set(auth);
    expect(backwards.body.errors).toEqual([{ path: 'to', message: 'must be after from' }]);
    expect((await request(bed.app).get('/v1/reports/carriers')).status).toBe(401);
  });

  it('counts ratings, attention, delays and conflicts in the worker metrics', async () => {
    const metrics = await bed.env.registry.metrics();
    expect(metrics).toMatch(/doorstep_ratings_count\{touchpoint="courier-call",carrier="ups"\} 4\n/);
    expect(metrics).toMatch(/doorstep_ratings_sum\{touchpoint="courier-call",carrier="ups"\} 7\n/);
    expect(metrics).toMatch(/doorstep_attention_raised_total\{reason="low_rating"\} 4\n/);
    expect(metrics).toMatch(/doorstep_attention_raised_total\{reason="conflict"\} 2\n/);
    expect(metrics).toMatch(/doorstep_delays_total\{carrier="dpd",source="carrier",carrier_caused="true"\} 2\n/);
    expect(metrics).toMatch(/doorstep_delays_total\{carrier="ups",source="shop",carrier_caused="false"\} 1\n/);
    expect(metrics).toMatch(/doorstep_conflicts_total\{carrier="ups",type="delivered_without_call"\} 2\n/);
  });
});
