/**
 * The benchmark's providers, on loopback: an SMTP server and the local Twilio endpoint (with a
 * per-sender rate limit and a share of random 429s, as Twilio answers a burst). Each
 * reports every message it takes with the moment its send began, and keeps what it accepted, so
 * that lost and duplicated notices can be counted against the send ledger.
 */
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { twilioEndpoint } from '../providers/twilio-endpoint';

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
  /** Epoch ms of every send attempt that reached the provider (SMTP MAIL FROM, a Twilio create request). */
  attempts(): number[];
  close(): Promise<void>;
}

/** `<order-bench-b12.tracking.email.1@host>`: the email channel's Message-ID made from the ledger key. */
const MESSAGE_ID = /^<?order-[^.]+?-(b\d+)\.([a-z-]+(?:-\d+)?)\.email\.\d+@/;

/** An SMTP server that reads each message's headers only (no full parse) and drains the rest. */
export async function smtpSink(onTaken: (t: Taken) => void): Promise<Sink> {
  const taken: Taken[] = [];
  const attempts: number[] = [];
  const started = new Map<string, number>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    closeTimeout: 100,
    maxClients: 200,
    onMailFrom(_address, session, done) {
      started.set(session.id, Date.now());
      attempts.push(Date.now());
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
          const t: Taken = {
            providerId: header,
            identity: header,
            orderId: match[1],
            touchpoint: match[2],
            startedAt: started.get(session.id) ?? Date.now(),
          };
          taken.push(t);
          onTaken(t);
        }
        done();
      });
    },
  });
  // A client that drops its connection (a crash, the chaos run's resets) is not the sink's failure.
  server.on('error', () => {});
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    taken,
    attempts: () => attempts,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export interface TwilioSink extends Sink {
  /** 429s answered (rate limit and random). */
  throttled: () => number;
}

/** The order of a bench phone number: +4860 followed by the order's number in seven digits. */
export const benchPhone = (n: number) => `+4860${String(n).padStart(7, '0')}`;
const orderOfPhone = (phone: string) => `b${Number(phone.slice(-7))}`;

/** The local Twilio endpoint with a per-sender rate limit and a share of random 429s, reporting what it takes. */
export async function twilioSink(
  onTaken: (t: Taken) => void,
  { perSenderPerSec = 100, randomThrottle = 0.01, seed = 7 } = {},
): Promise<TwilioSink> {
  const taken: Taken[] = [];
  const endpoint = await twilioEndpoint({
    perSenderPerSec,
    randomThrottle,
    seed,
    onAccepted(a) {
      const to = a.to.replace(/^whatsapp:/, '');
      const t: Taken = {
        providerId: a.sid,
        identity: `${to}|${a.body}`,
        orderId: orderOfPhone(to),
        startedAt: a.firstTriedAt,
      };
      taken.push(t);
      onTaken(t);
    },
  });
  const attempts = () => endpoint.requests.filter((r) => r.method === 'POST').map((r) => r.at);
  return { url: endpoint.baseUrl, taken, attempts, throttled: endpoint.throttled, close: endpoint.close };
}
