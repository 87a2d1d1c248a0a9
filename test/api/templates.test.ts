/**
 * A shop's own template wording, end to end: put through the API into the real store, carried by the
 * next notice the real worker sends (and named with its version on the timeline), refused with field
 * paths when it is invalid, and undone by delete.
 */
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import type { ChainState } from '../../workflows/contract';
import { apiBed, staffMember } from '../helpers/api';
import { waitForState } from '../helpers/chains';
import { orderBody, shopConfig } from '../helpers/fixtures';
import { outbox } from '../helpers/temporal';

const KEYS = {
  editor: 'acme-template-key-001',
  orders: 'acme-orders-key-00001',
  other: 'other-template-key-01',
};
const PASSWORD = 'a long enough agent password';
const bed = apiBed({
  shops: [shopConfig(), shopConfig({ id: 'other', name: 'Other', supportEmail: 'help@other.example' })],
  apiKeys: [
    { key: KEYS.editor, shop: 'acme', scopes: ['templates:write'], name: 'Ola the editor' },
    { key: KEYS.orders, shop: 'acme', scopes: ['orders:write', 'chains:read'] },
    { key: KEYS.other, shop: 'other', scopes: ['orders:write', 'chains:read', 'templates:write'] },
  ],
  staff: [staffMember({ username: 'ola', role: 'agent', password: PASSWORD })],
});

const as = (key: string) => ({ Authorization: `Bearer ${key}` });
const SLOT = '/v1/templates/confirmation/en/email';
const put = (path: string, body: object, key = KEYS.editor) => request(bed.app).put(path).set(as(key)).send(body);
const effective = async (key = KEYS.editor) =>
  (await request(bed.app).get('/v1/templates').set(as(key)).expect(200)).body.templates as {
    touchpoint: string;
    locale: string;
    channel: string;
    source: string;
    version?: number;
    subject?: string;
    text: string;
  }[];
const slotIn = (
  templates: Awaited<ReturnType<typeof effective>>,
  touchpoint: string,
  locale: string,
  channel: string,
) => templates.find((t) => t.touchpoint === touchpoint && t.locale === locale && t.channel === channel)!;

const OWN = {
  subject: 'Acme has your order {orderId}',
  text: 'Thanks for shopping with Acme! Order {orderId} ({items}) arrives {promise}.',
};

/** Starts an order of the key's shop by email and answers its chain once the confirmation went out. */
async function confirmed(key: string, shop: string): Promise<{ orderId: string; state: ChainState }> {
  const body = orderBody({ customer: { ...orderBody().customer, channels: ['email'] } });
  await request(bed.app).post('/v1/orders').set(as(key)).send(body).expect(201);
  const handle = bed.env.client.workflow.getHandle(`order-${shop}-${body.orderId}`);
  const state = await waitForState(handle, (s) => s.touchpoints[0].notices[0]?.status === 'sent');
  return { orderId: body.orderId, state };
}

describe('a shop template override', () => {
  it("changes the shop's next notice only, is named with its version on the timeline, and delete undoes it", async () => {
    expect((await put(SLOT, { ...OWN, subject: 'First try {orderId}' })).body.version).toBe(1);
    const kept = await put(SLOT, OWN).expect(200);
    expect(kept.body).toMatchObject({ source: 'shop', version: 2, ...OWN });
    expect(slotIn(await effective(), 'confirmation', 'en', 'email')).toMatchObject({ source: 'shop', version: 2 });
    expect(slotIn(await effective(KEYS.other), 'confirmation', 'en', 'email').source).toBe('built-in');

    await bed.env.withWorker(async () => {
      const a = await confirmed(KEYS.orders, 'acme');
      const b = await confirmed(KEYS.other, 'other');
      const [noticeA, noticeB] = [a.state.touchpoints[0].notices[0], b.state.touchpoints[0].notices[0]];
      expect(noticeA).toMatchObject({
        channel: 'email',
        templateVersion: 2,
        subject: `Acme has your order ${a.orderId}`,
      });
      expect(noticeA.text).toContain(`Thanks for shopping with Acme! Order ${a.orderId} (1 × Kettle) arrives on `);
      expect(noticeB.templateVersion).toBeUndefined();
      expect(noticeB.subject).toBe(`Other: order ${b.orderId} accepted`);
      const sent = outbox(bed.env.config).find((m) => m.idempotencyKey.startsWith(`order-acme-${a.orderId}:`));
      expect(sent?.subject).toBe(`Acme has your order ${a.orderId}`);

      // The API's timeline and the console's both name the version.
      const timeline = await request(bed.app).get(`/v1/orders/${a.orderId}`).set(as(KEYS.orders)).expect(200);
      expect(timeline.body.touchpoints[0].notices[0].templateVersion).toBe(2);
      const agent = request.agent(bed.app);
      await agent.post('/console/sign-in').type('form').send({ username: 'ola', password: PASSWORD }).expect(303);
      expect((await agent.get(`/console/orders/${a.orderId}`).expect(200)).text).toContain('shop template v2');

      const deleted = await request(bed.app).delete(SLOT).set(as(KEYS.editor)).expect(200);
      expect(deleted.body).toMatchObject({ source: 'built-in', subject: '{shop}: order {orderId} accepted' });
      expect(slotIn(await effective(), 'confirmation', 'en', 'email').source).toBe('built-in');
      const after = await confirmed(KEYS.orders, 'acme');
      expect(after.state.touchpoints[0].notices[0].templateVersion).toBeUndefined();
      expect(after.state.touchpoints[0].notices[0].subject).toBe(`Acme: order ${after.orderId} accepted`);
      expect((await request(bed.app).delete(SLOT).set(as(KEYS.editor))).status).toBe(404);
    });
  });

  it('is refused with 403 for a key without templates:write', async () => {
    const res = await put(SLOT, OWN, KEYS.orders);
    expect([res.status, res.body.detail]).toEqual([403, 'this key lacks the templates:write scope']);
    expect((await request(bed.app).get('/v1/templates').set(as(KEYS.orders))).status).toBe(403);
  });
});

describe('an invalid template', () => {
  const cyrillic = 'Посылка задерживается на сортировочном складе перевозчика. '.repeat(5);
  const cases: [string, string, object, string, RegExp][] = [
    ['bad ICU syntax', SLOT, { text: 'Order {orderId} {hasName, select, yes {hi}' }, 'text', /line 1, column \d+/],
    [
      'an unknown placeholder',
      SLOT,
      { ...OWN, text: `${OWN.text} {coupon}` },
      'text',
      /unknown placeholder.*\{coupon\}/,
    ],
    ['a missing order id', SLOT, { ...OWN, subject: 'Acme has your order' }, 'subject', /missing.*\{orderId\}/],
    ['a missing date', SLOT, { text: 'Order {orderId} is in.' }, 'text', /missing.*\{promise\}/],
    [
      'a missing tracking link',
      '/v1/templates/tracking/en/sms',
      { text: '{shop}: order {orderId} left with {carrier}.' },
      'text',
      /missing.*<track>/,
    ],
    [
      'a subject on SMS',
      '/v1/templates/confirmation/en/sms',
      { subject: 'x {orderId}', text: 'Order {orderId} {promise}' },
      'subject',
      /only email/,
    ],
    [
      'an SMS over three segments with the longest values',
      '/v1/templates/tracking/ru/whatsapp',
      { text: `{shop}: заказ {orderId}. ${cyrillic}<track>Где он</track>` },
      'text',
      /takes \d+ SMS segments/,
    ],
  ];

  it.each(cases)('gets 400 with its field path and changes nothing: %s', async (_name, path, body, field, message) => {
    const before = await effective();
    const res = await put(path, body);
    expect(res.status).toBe(400);
    expect(res.type).toBe('application/problem+json');
    expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual([field]);
    expect(res.body.errors[0].message).toMatch(message);
    expect(await effective()).toEqual(before);
  });

  it('with an unknown touchpoint, language or channel gets 400 naming the path part', async () => {
    const res = await put('/v1/templates/birthday/fr/fax', OWN);
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['channel', 'locale', 'touchpoint']);
  });
});

describe('POST /v1/templates/preview', () => {
  const preview = (body: object) => request(bed.app).post('/v1/templates/preview').set(as(KEYS.editor)).send(body);

  it('renders a wording with sample facts: subject, text, html and the SMS with its segments and encoding', async () => {
    const email = await preview({ touchpoint: 'confirmation', locale: 'en', channel: 'email', ...OWN }).expect(200);
    expect(email.body.subject).toBe('Acme has your order A-1042');
    expect(email.body.text).toContain('Thanks for shopping with Acme! Order A-1042 (1 × Kettle) arrives between ');
    expect(email.body.html).toContain('Thanks for shopping with Acme!');
    const trackingSms = (locale: string, text: string) =>
      preview({ touchpoint: 'tracking', locale, channel: 'sms', text }).expect(200);
    const sms = await trackingSms('en', 'Acme: {orderId} is on its way. <track>Track</track>');
    expect(sms.body.sms).toMatch(/^Acme: A-1042 is on its way\. Track: http\S+\/t\/sample/);
    expect(sms.body).toMatchObject({ segments: 1, encoding: 'GSM-7' });
    const cyrillic = await trackingSms('ru', 'Acme: заказ {orderId} в пути. <track>Где он</track>');
    // A Cyrillic body goes in UCS-2: 70 characters a segment, so the link alone takes the body past one.
    expect(cyrillic.body).toMatchObject({ segments: 2, encoding: 'UCS-2' });
    // Without wording, the one in effect: here the built-in.
    const builtIn = await preview({ touchpoint: 'confirmation', locale: 'pl', channel: 'email' }).expect(200);
    expect(builtIn.body.subject).toContain('A-1042');
    // The pickup code's QR, a CID attachment in a real email, shows in the preview as a data: image.
    const ready = await preview({ touchpoint: 'ready-for-pickup', locale: 'pl', channel: 'email' }).expect(200);
    expect(ready.body.html).toMatch(/<img[^>]+src="data:image\/png;base64,[A-Za-z0-9+/=]+"/);
    expect(ready.body.html).not.toContain('cid:');
    const bad = await preview({
      touchpoint: 'confirmation',
      locale: 'en',
      channel: 'email',
      text: 'Order {orderId {promise}',
    });
    expect([bad.status, bad.body.errors[0].path]).toEqual([400, 'text']);
  });
});
