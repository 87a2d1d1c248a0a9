/**
 * SpamAssassin (Debian's package, local tests only: no DNS blocklists, no network) scores every
 * built-in email, each template in each language of the registry, under 1.0. The messages are the
 * SMTP channel's own (emailChannel's sendMail through nodemailer, its MIME built by nodemailer's
 * MailComposer as on the wire); only the transport differs: it keeps the raw message instead of
 * speaking SMTP. They go to one `spamassassin -L -t --mbox` run, which reports each message's score.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nodemailer, { type Transport } from 'nodemailer';
import { beforeAll, describe, expect, it } from 'vitest';
import { emailChannel } from '../../activities/channels/smtp/email';
import type { Brand } from '../../common/config';
import { CATALOGS } from '../../activities/templates/catalog';
import { render } from '../../activities/templates/render';
import type { NoticeFacts } from '../../workflows/notice-facts';
import type { TemplateId } from '../../workflows/touchpoints';
import { order, shop } from '../helpers/fixtures';
import { TEMPLATES } from './longest-notice';

const LIMIT = 1.0;
/**
 * The fixtures' Acme selling in the customer's country: its domain (support mailbox, Doorstep's public
 * address), an item and the carrier's reason in the customer's language. Real domains, not `.example`:
 * in a Cyrillic email each Latin "e" counts towards SpamAssassin's MIXED_ES (over 20 of them fire it).
 */
const LOCAL: Record<string, { domain: string; item: string; reason: string }> = {
  en: { domain: 'acme.co.uk', item: 'Kettle', reason: 'a snowstorm closed the road' },
  ru: { domain: 'acme.ru', item: 'Чайник', reason: 'дорогу закрыла метель' },
  pl: { domain: 'acme.pl', item: 'Czajnik', reason: 'śnieżyca zamknęła drogę' },
  uk: { domain: 'acme.ua', item: 'Чайник', reason: 'дорогу закрила хуртовина' },
  de: { domain: 'acme.de', item: 'Wasserkocher', reason: 'ein Schneesturm hat die Straße gesperrt' },
};
const TOKEN = 'WyJ0IiwiYWNtZSIsIkEtMTAwMjM0NTYiXQ.q0nN1KkG4kLkYv8w3Xl2bA';
const FACTS: NoticeFacts = {
  promisedWindow: { from: '2026-12-03', to: '2026-12-05' },
  newDate: '2026-12-05',
  days: 2,
  window: { from: '2026-12-03T10:00:00Z', to: '2026-12-03T12:00:00Z' },
  pin: '4821',
  returnDays: 14,
  amount: '49.90 PLN',
  pickupCode: '493021',
  pickupUntil: '2026-12-05T17:00:00Z',
  afterExpiry: 'refund',
};
/** The pickup point the parcel waits at; its map on the shop's domain. */
const pointAt = (domain: string) => ({
  id: 'KRA01M',
  kind: 'locker' as const,
  name: 'Paczkomat KRA01M',
  address: 'ul. Długa 1, 31-147 Kraków',
  openingHours: '24/7',
  mapUrl: `https://www.${domain}/points/KRA01M`,
});
const BRAND: Brand = {
  logoUrl: 'https://cdn.acme.de/brand/logo.png',
  primaryColor: '#0b6e4f',
  accentColor: '#8a4b08',
};
const OPTIONS = [
  { from: '2026-12-03T10:00:00Z', to: '2026-12-03T12:00:00Z' },
  { from: '2026-12-03T12:00:00Z', to: '2026-12-03T14:00:00Z' },
];

type Kept = { envelope: object; messageId: string };

/** A transport that keeps each message nodemailer builds, as the SMTP transport would stream it. */
function keepingTransport(raw: Map<string, string>) {
  const keep: Transport<Kept> = {
    name: 'keep',
    version: '1',
    send(mail, done) {
      mail.message.build((error, message) => {
        if (!error) raw.set(mail.message.messageId(), message.toString('utf8'));
        done(error, { envelope: mail.message.getEnvelope(), messageId: mail.message.messageId() });
      });
    },
  };
  return nodemailer.createTransport(keep);
}

/** The score and the rules that fired for each message of an mbox, by Message-ID. */
function scoresOf(output: string): Map<string, { score: number; rules: string }> {
  const scores = new Map<string, { score: number; rules: string }>();
  for (const message of output.split(/^From .*$/m).slice(1)) {
    const id = /^Message-ID:\s*(<[^>]+>)/im.exec(message)?.[1];
    const status = /^X-Spam-Status: \w+, score=(-?[\d.]+) required=[\d.]+\s+tests=([\s\S]*?)\s+autolearn/m.exec(
      message,
    );
    if (id && status) scores.set(id, { score: Number(status[1]), rules: status[2].replace(/\s+/g, ' ') });
  }
  return scores;
}

/** Runs Debian's spamassassin once over every message (an mbox), with a home of its own. */
function spamassassin(messages: string[]): Promise<string> {
  // mbox: each message after a "From " line; body lines that start with "From " are quoted.
  const mbox = messages.map(
    (m) => `From doorstep@localhost Thu Dec  3 12:00:00 2026\n${m.replace(/^From /gm, '>From ')}\n`,
  );
  const home = mkdtempSync(join(tmpdir(), 'spamassassin-'));
  return new Promise((resolve, reject) => {
    const child = execFile(
      '/usr/bin/spamassassin',
      ['-L', '-t', '--mbox'],
      { env: { ...process.env, HOME: home }, maxBuffer: 256 * 1024 * 1024 },
      (error, stdout, stderr) => (error ? reject(new Error(`spamassassin failed: ${stderr}`)) : resolve(stdout)),
    );
    child.stdin!.end(mbox.join(''));
  });
}

const raw = new Map<string, string>();
let scores: Map<string, { score: number; rules: string }>;
const CASES = Object.keys(CATALOGS).flatMap((locale) => [
  ...TEMPLATES.map((template) => ({ locale, template, branded: false })),
  { locale, template: 'delay' as TemplateId, branded: true },
]);
const idOf = ({ locale, template, branded }: (typeof CASES)[number]) =>
  `<${template}.${locale}${branded ? '.brand' : ''}@acme.com>`;

beforeAll(async () => {
  const channel = emailChannel(keepingTransport(raw), 'Acme <notices@acme.com>');
  for (const c of CASES) {
    const { domain, item, reason } = LOCAL[c.locale] ?? LOCAL.en;
    const base = `https://track.${domain}`;
    const o = order({ orderId: 'A-10023456', items: [{ name: item, qty: 1 }] });
    const rendered = await render({
      template: c.template,
      shop: shop({ supportEmail: `help@${domain}` }),
      order: { ...o, customer: { ...o.customer, locale: c.locale, timezone: 'Europe/Warsaw', givenName: 'Anna' } },
      facts: {
        ...FACTS,
        reason,
        point: pointAt(domain),
        options: c.template === 'courier-call-request' ? OPTIONS : undefined,
      },
      trackingUrl: `${base}/t/${TOKEN}`,
      ratingUrl: `${base}/r/${TOKEN}`,
      unsubscribeUrl: `${base}/u/${TOKEN}`,
      scale: c.template === 'closing' ? 10 : 5,
      brand: c.branded ? BRAND : undefined,
    });
    // The idempotency key becomes the Message-ID, which names the message in SpamAssassin's output.
    await channel.send({
      to: 'anna.nowak@example.com',
      idempotencyKey: idOf(c).slice(1).replace(/@.*/, ''),
      rendered,
      unsubscribeUrl: `${base}/u/${TOKEN}`,
    });
  }
  scores = scoresOf(await spamassassin([...raw.values()]));
}, 180_000);

describe('SpamAssassin scores every built-in email under 1.0', () => {
  it('scores every message it was given', () => {
    expect([...scores.keys()].sort()).toEqual(CASES.map(idOf).sort());
  });

  it('each template in each language scores under 1.0 (the worst is shown with its rules)', () => {
    const ranked = CASES.map((c) => ({ email: idOf(c), ...scores.get(idOf(c))! })).sort((a, b) => b.score - a.score);
    const worst = ranked[0];
    const failing = ranked.filter((r) => r.score >= LIMIT).map((r) => `${r.email} ${r.score} (${r.rules})`);
    expect(
      worst.score,
      `worst: ${worst.email} scored ${worst.score} (${worst.rules}); at or over ${LIMIT}:\n${failing.join('\n')}`,
    ).toBeLessThan(LIMIT);
  });
});
