/**
 * Two shops side by side, and one without a voice, in one worker and one API: each shop's notices go from
 * its own senders (email From and Reply-To at a real SMTP server, SMS From or MessagingServiceSid at the local
 * Twilio endpoint through the real twilio SDK), the voiceless shop's from the globals, and each shop's
 * tracking, rating and unsubscribe pages wear its own logo and colours.
 */
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ParsedMail } from 'mailparser';
import type { ChainState } from '../../workflows/contract';
import { apiBed } from '../helpers/api';
import { orderBody, shopConfig } from '../helpers/fixtures';
import { usePeers } from '../helpers/peers';
import { twilioEnv } from '../helpers/twilio-endpoint';

const SERVICE = `MG${'0123456789abcdef'.repeat(2)}`;
const VOICES = {
  acme: {
    brand: { logoUrl: 'https://acme-shop.example/logo.png', primaryColor: '#0b5394', accentColor: '#b45309' },
    email: { from: 'Acme Store <orders@acme-shop.example>', replyTo: 'care@acme-shop.example' },
    twilio: { messagingServiceSid: SERVICE },
  },
  bolt: {
    brand: { logoUrl: 'https://bolt.example/logo.svg', primaryColor: '#7a1f5c' },
    email: { from: 'Bolt <hello@bolt.example>' },
    twilio: { from: '+48500111222' },
  },
};
const SHOPS = {
  acme: shopConfig({ name: 'Acme Store', ...VOICES.acme }),
  bolt: shopConfig({ id: 'bolt', name: 'Bolt', supportEmail: 'help@bolt.example', ...VOICES.bolt }),
  plain: shopConfig({ id: 'plain', name: 'Plain', supportEmail: 'help@plain.example' }),
};
type ShopId = keyof typeof SHOPS;
const keyOf = (shop: ShopId) => `${shop}-voice-test-key-0001`;

const peers = usePeers();
const bed = apiBed(
  {
    // The config file's shops carry their voices; the chains get the shops without them.
    shops: Object.values(SHOPS),
    apiKeys: (Object.keys(SHOPS) as ShopId[]).map((shop) => ({
      key: keyOf(shop),
      shop,
      scopes: ['orders:write', 'chains:read'],
    })),
  },
  () => ({ SMTP_URL: peers.sink.url, MAIL_FROM: 'Doorstep <doorstep@global.example>', ...twilioEnv(peers.twilio) }),
);

const as = (shop: ShopId) => ({ Authorization: `Bearer ${keyOf(shop)}` });
let n = 0;

/** Places an order of `shop` reaching the customer only by `channel`; its tracking path once a notice went. */
async function placed(shop: ShopId, channel: 'email' | 'sms') {
  const id = ++n;
  const customer = {
    ...orderBody().customer,
    email: `customer.${shop}.${id}@example.com`,
    phone: `+4860000${String(id).padStart(4, '0')}`,
    channels: [channel],
  };
  const body = orderBody({ customer });
  const res = await request(bed.app).post('/v1/orders').set(as(shop)).send(body);
  expect(res.status).toBe(201);
  const deadline = Date.now() + 20_000;
  for (;;) {
    const state: ChainState = (await request(bed.app).get(`/v1/orders/${body.orderId}`).set(as(shop))).body;
    const notice = state.touchpoints.flatMap((t) => t.notices).find((x) => x.status === 'sent');
    if (notice) return { customer, notice, tracking: new URL(res.body.trackingUrl).pathname };
    if (Date.now() > deadline) throw new Error(`no notice went: ${JSON.stringify(state)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

const mailTo = (address: string): ParsedMail => peers.sink.received.find((r) => r.envelopeTo.includes(address))!.mail;
const smsTo = (phone: string) =>
  peers.twilio.requests.find((r) => r.method === 'POST' && r.path.endsWith('/Messages.json') && r.form.To === phone)!
    .form;

describe('each shop speaks in its own voice', () => {
  const sent = {} as Record<ShopId, { mail: ParsedMail; sms: Record<string, string>; trackingPage: string }>;
  beforeAll(() =>
    bed.env.withWorker(async () => {
      for (const shop of Object.keys(SHOPS) as ShopId[]) {
        const [byEmail, bySms] = await Promise.all([placed(shop, 'email'), placed(shop, 'sms')]);
        expect([byEmail.notice.channel, bySms.notice.channel]).toEqual(['email', 'sms']);
        // The tracking page asks the chain, so it is read while the worker runs.
        const trackingPage = (await request(bed.app).get(byEmail.tracking)).text;
        sent[shop] = { mail: mailTo(byEmail.customer.email), sms: smsTo(bySms.customer.phone), trackingPage };
      }
    }),
  );

  it("sends each shop's email from its own From and Reply-To, with a Message-ID in the From's domain", () => {
    const { acme, bolt, plain } = sent;
    expect([acme.mail.from?.text, acme.mail.replyTo?.text]).toEqual([
      '"Acme Store" <orders@acme-shop.example>',
      'care@acme-shop.example',
    ]);
    expect(acme.mail.messageId).toMatch(/@acme-shop\.example>$/);
    expect([bolt.mail.from?.text, bolt.mail.replyTo]).toEqual(['"Bolt" <hello@bolt.example>', undefined]);
    expect(bolt.mail.messageId).toMatch(/@bolt\.example>$/);
    // A shop without a voice keeps the global sender.
    expect([plain.mail.from?.text, plain.mail.replyTo]).toEqual(['"Doorstep" <doorstep@global.example>', undefined]);
    expect(plain.mail.messageId).toMatch(/@global\.example>$/);
  });

  it("sends each shop's SMS through its Messaging Service or from its number, the voiceless one from TWILIO_FROM", () => {
    const { acme, bolt, plain } = sent;
    expect(acme.sms).toMatchObject({ MessagingServiceSid: SERVICE });
    expect(acme.sms).not.toHaveProperty('From');
    expect(bolt.sms).toMatchObject({ From: '+48500111222' });
    expect(bolt.sms).not.toHaveProperty('MessagingServiceSid');
    expect(plain.sms).toMatchObject({ From: '+48111222333' });
    expect(plain.sms).not.toHaveProperty('MessagingServiceSid');
  });

  it("shows each shop's tracking page with its own logo and colours, the voiceless one as plain as before", () => {
    const acme = sent.acme.trackingPage;
    expect(acme).toContain('<header class="brand"><img src="https://acme-shop.example/logo.png" alt="Acme Store"');
    expect(acme).toContain('button{background:#0b5394;color:#fff;border:2px solid #0b5394');
    expect(acme).toContain('a{color:#0b5394}');
    expect(acme).toContain('header.brand{border-bottom:3px solid #b45309}');
    const bolt = sent.bolt.trackingPage;
    expect(bolt).toContain('<img src="https://bolt.example/logo.svg" alt="Bolt" height="40"/>');
    expect(bolt).toContain('button{background:#7a1f5c;');
    expect(bolt).not.toMatch(/#0b5394|acme-shop|border-bottom:3px/);
    const plain = sent.plain.trackingPage;
    expect(plain).not.toMatch(/<header|<img|#0b5394|#7a1f5c/);
    expect(plain).toContain('<h1>');
  });

  it("wears the shop's brand on the rating and unsubscribe pages its email links to", async () => {
    const links = (mail: ParsedMail) => ({
      rating: new URL(/http:\/\/localhost:8080\/r\/\S+/.exec(mail.text!)![0]).pathname,
      unsubscribe: new URL(/<(.+)>/.exec(mail.headerLines.find((h) => h.key === 'list-unsubscribe')!.line)![1])
        .pathname,
    });
    for (const [shop, logo] of [
      ['acme', 'https://acme-shop.example/logo.png'],
      ['bolt', 'https://bolt.example/logo.svg'],
    ] as const) {
      const { rating, unsubscribe } = links(sent[shop].mail);
      for (const path of [rating, unsubscribe]) {
        const res = await request(bed.app).get(path);
        expect(res.status).toBe(200);
        expect(res.text).toContain(`<img src="${logo}" alt="${SHOPS[shop].name}" height="40"/>`);
      }
    }
    const plain = links(sent.plain.mail);
    for (const path of [plain.rating, plain.unsubscribe])
      expect((await request(bed.app).get(path)).text).not.toContain('<header');
  });
});
