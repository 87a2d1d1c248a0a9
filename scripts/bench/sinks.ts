/**
 * The benchmark's providers, on loopback: an SMTP server and a Twilio-compatible HTTP endpoint
 * (with a per-sender rate limit and a share of random 429s, as Twilio answers a burst). Each
 * reports every message it takes with the moment its send began, and keeps what it accepted, so
 * that lost and duplicated notices can be counted against the send ledger.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** A message a sink took: the id the provider answered with, the order it belongs to, when its send began. */
export interface Taken {
  providerId: string;
  orderId: string;
  /** The touchpoint, when the message says it (email Message-ID). */
  touchpoint?: string;
  /** Same for the same notice sent again: the Message-ID, or recipient and body. */
  identity: string;
  /** Epoch ms of the first byte of this message's send (SMTP MAIL FROM; the first HTTP attempt). */
  startedAt: number;
}

export interface Sink {
  url: string;
  taken: Taken[];
  close(): Promise<void>;
}

/** `<order-bench-b12.tracking.email.1@host>`: the email channel's Message-ID made from the ledger key. */
const MESSAGE_ID = /^<?order-[^.]+?-(b\d+)\.([a-z-]+(?:-\d+)?)\.email\.\d+@/;

/** An SMTP server that reads each message's headers only (no full parse) and drains the rest. */
export async function smtpSink(onTaken: (t: Taken) => void): Promise<Sink> {
  const taken: Taken[] = [];
  const started = new Map<string, number>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    closeTimeout: 100,
    maxClients: 200,
    onMailFrom(_address, session, done) {
      started.set(session.id, Date.now());
      done();
    },
    onData(stream, session, done) {
      let head = '';
      stream.on('data', (chunk: Buffer) => {
        if (head.length < 8192) head += chunk.toString('latin1');
      });
      stream.on('end', () => {
        const header = /^message-id:\s*(\S+)/im.exec(head)?.[1] ?? '';
        const match = MESSAGE_ID.exec(header);
        if (match) {
          const t: Taken = { providerId: header, identity: header, orderId: match[1], touchpoint: match[2], startedAt: started.get(session.id) ?? Date.now() };
          taken.push(t);
          onTaken(t);
        }
        done();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return { url: `smtp://127.0.0.1:${port}`, taken, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

export interface TwilioSink extends Sink {
  /** 429s answered (rate limit and random). */
  throttled: () => number;
}

/** The order of a bench phone number: +4860 followed by the order's number in seven digits. */
export const benchPhone = (n: number) => `+4860${String(n).padStart(7, '0')}`;
const orderOfPhone = (phone: string) => `b${Number(phone.slice(-7))}`;

/**
 * Twilio's Messages and Calls API as the twilio SDK calls it: 201 with a sid, or 429 (code 20429)
 * when a sender exceeds `perSenderPerSec` or, at random, for `randomThrottle` of requests.
 */
export async function twilioSink(onTaken: (t: Taken) => void, { perSenderPerSec = 100, randomThrottle = 0.01, seed = 7 } = {}): Promise<TwilioSink> {
  const taken: Taken[] = [];
  const firstTry = new Map<string, number>();
  const buckets = new Map<string, { tokens: number; at: number }>();
  let throttled = 0;
  let count = 0;
  // A small deterministic generator: the same run throttles the same requests.
  let state = seed;
  const random = () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const allowed = (sender: string) => {
    const now = Date.now();
    const b = buckets.get(sender) ?? { tokens: perSenderPerSec, at: now };
    b.tokens = Math.min(perSenderPerSec, b.tokens + ((now - b.at) / 1000) * perSenderPerSec);
    b.at = now;
    buckets.set(sender, b);
    if (b.tokens < 1) return false;
    b.tokens -= 1;
    return true;
  };
  const server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      const form = new URLSearchParams(raw);
      const to = (form.get('To') ?? '').replace(/^whatsapp:/, '');
      const identity = `${to}|${form.get('Body') ?? form.get('Twiml') ?? ''}`;
      if (!firstTry.has(identity)) firstTry.set(identity, Date.now());
      if (!allowed(form.get('From') ?? '') || random() < randomThrottle) {
        throttled++;
        return void res.writeHead(429, { 'content-type': 'application/json' }).end(JSON.stringify({ code: 20429, message: 'Too Many Requests', status: 429 }));
      }
      const sid = `${req.url!.includes('/Calls') ? 'CA' : 'SM'}${String(++count).padStart(32, '0')}`;
      const t: Taken = { providerId: sid, identity, orderId: orderOfPhone(to), startedAt: firstTry.get(identity)! };
      taken.push(t);
      onTaken(t);
      res.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ sid, status: 'queued' }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    taken,
    throttled: () => throttled,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
