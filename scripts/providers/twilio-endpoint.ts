/**
 * A local HTTP endpoint that answers the real twilio SDK as Twilio's REST API would, for tests,
 * the benchmark and the chaos runs: Messages and Calls are created with 201 and a sid, or answered
 * with what a caller queued, or 429 (code 20429) when a sender goes over its rate or, at random, for
 * a share of requests as Twilio answers a burst; the Messages list is searchable by To and From.
 * A message goes From a number or through a MessagingServiceSid, as Twilio's Messages API takes it
 * (https://www.twilio.com/docs/messaging/api/message-resource): a service's message is answered
 * `accepted` with no From yet; neither is refused with 21603
 * (https://www.twilio.com/docs/errors/21603), a malformed service SID with 21705
 * (https://www.twilio.com/docs/api/errors/21705).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { seeded } from '../seeded';

export interface TwilioRequest {
  /** Epoch ms it arrived. */
  at: number;
  method: string;
  path: string;
  auth: string;
  form: Record<string, string>;
}

/** A message or call the endpoint took. */
export interface TwilioAccepted {
  sid: string;
  kind: 'message' | 'call';
  to: string;
  /** The sender; '' for a message sent through a Messaging Service (Twilio picks the number later). */
  from: string;
  messagingServiceSid?: string;
  /** The message body, or the call's TwiML. */
  body: string;
  createdAt: Date;
  /** Epoch ms of the first request for this same message (recipient and body), accepted or not. */
  firstTriedAt: number;
}

export interface TwilioEndpointOptions {
  /** Per-sender rate above which requests are answered 429 (none by default). */
  perSenderPerSec?: number;
  /** Share of create requests answered 429 at random (deterministic from `seed`). */
  randomThrottle?: number;
  seed?: number;
  /** Hears every message and call taken. */
  onAccepted?: (a: TwilioAccepted) => void;
}

export interface TwilioEndpoint {
  baseUrl: string;
  requests: TwilioRequest[];
  /**
   * Answers for the next create requests, in order: HTTP status and JSON body; status 0 takes the message,
   * then drops the connection unanswered.
   */
  answers: { status: number; body: object }[];
  /** Sids of the messages and calls taken. */
  accepted: string[];
  taken: TwilioAccepted[];
  /** 429s answered (rate limit and random). */
  throttled(): number;
  reset(): void;
  close(): Promise<void>;
}

/** Twilio's JSON for a message, as its list and create resources return it. */
const messageJson = (m: TwilioAccepted) => ({
  sid: m.sid,
  to: m.to,
  from: m.from || null,
  messaging_service_sid: m.messagingServiceSid ?? null,
  body: m.body,
  status: m.messagingServiceSid ? 'accepted' : 'queued',
  date_created: m.createdAt.toUTCString(),
});

/** Twilio's refusal of a message without a valid sender, or undefined when it has one. */
function senderRefusal(form: Record<string, string>): { code: number; message: string } | undefined {
  const service = form.MessagingServiceSid;
  if (service !== undefined && !/^MG[0-9a-fA-F]{32}$/.test(service))
    return { code: 21705, message: 'The Messaging Service is invalid' };
  if (!form.From && !service)
    return { code: 21603, message: "A 'From' or 'MessagingServiceSid' parameter is required to send a message" };
  return undefined;
}

export async function twilioEndpoint({
  perSenderPerSec = Infinity,
  randomThrottle = 0,
  seed = 7,
  onAccepted,
}: TwilioEndpointOptions = {}): Promise<TwilioEndpoint> {
  const requests: TwilioRequest[] = [];
  const answers: TwilioEndpoint['answers'] = [];
  const accepted: string[] = [];
  const taken: TwilioAccepted[] = [];
  const firstTry = new Map<string, number>();
  const buckets = new Map<string, { tokens: number; at: number }>();
  let throttled = 0;
  const random = seeded(seed);
  const allowed = (sender: string) => {
    if (perSenderPerSec === Infinity) return true;
    const now = Date.now();
    const b = buckets.get(sender) ?? { tokens: perSenderPerSec, at: now };
    b.tokens = Math.min(perSenderPerSec, b.tokens + ((now - b.at) / 1000) * perSenderPerSec);
    b.at = now;
    buckets.set(sender, b);
    if (b.tokens < 1) return false;
    b.tokens -= 1;
    return true;
  };
  const list = (query: URLSearchParams) => {
    const [to, from] = [query.get('To'), query.get('From')];
    const found = taken
      .filter((m) => m.kind === 'message' && (!to || m.to === to) && (!from || m.from === from))
      .reverse();
    return {
      messages: found.slice(0, Number(query.get('PageSize') ?? 50)).map(messageJson),
      next_page_uri: null,
      page: 0,
    };
  };
  const server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      const url = new URL(req.url!, 'http://twilio.local');
      const form = Object.fromEntries(new URLSearchParams(raw));
      requests.push({
        at: Date.now(),
        method: req.method!,
        path: req.url!,
        auth: req.headers.authorization ?? '',
        form,
      });
      const reply = (status: number, body: object) =>
        res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      if (req.method === 'GET' && url.pathname.endsWith('/Messages.json')) return reply(200, list(url.searchParams));
      const kind = url.pathname.includes('/Calls') ? 'call' : 'message';
      const refusal = kind === 'message' ? senderRefusal(form) : undefined;
      if (refusal) return reply(400, { ...refusal, status: 400 });
      const sender = form.From ?? form.MessagingServiceSid ?? '';
      const body = form.Body ?? form.Twiml ?? '';
      const identity = `${form.To}|${body}`;
      if (!firstTry.has(identity)) firstTry.set(identity, Date.now());
      const queued = answers.shift();
      if (queued && queued.status !== 201 && queued.status !== 0) return reply(queued.status, queued.body);
      if (!queued && (!allowed(sender) || random() < randomThrottle)) {
        throttled++;
        return reply(429, { code: 20429, message: 'Too Many Requests', status: 429 });
      }
      const sid =
        (queued?.body as { sid?: string } | undefined)?.sid ??
        `${kind === 'call' ? 'CA' : 'SM'}${String(requests.length).padStart(32, '0')}`;
      const a: TwilioAccepted = {
        sid,
        kind,
        to: form.To ?? '',
        from: form.From ?? '',
        ...(form.MessagingServiceSid && { messagingServiceSid: form.MessagingServiceSid }),
        body,
        createdAt: new Date(),
        firstTriedAt: firstTry.get(identity)!,
      };
      accepted.push(sid);
      taken.push(a);
      onAccepted?.(a);
      if (queued?.status === 0) return void res.socket?.destroy();
      reply(201, queued?.body ?? (kind === 'message' ? messageJson(a) : { sid, status: 'queued' }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    answers,
    accepted,
    taken,
    throttled: () => throttled,
    reset() {
      for (const a of [requests, answers, accepted, taken]) a.length = 0;
      firstTry.clear();
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
