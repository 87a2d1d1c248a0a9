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
 * Given `whatsapp` (the approved Content SIDs), it keeps WhatsApp's 24-hour window as Twilio does: a free-form
 * WhatsApp message to a customer who has not written to that sender within 24 hours (`inbound`) is refused with
 * 63016 (https://www.twilio.com/docs/api/errors/63016); a template goes as ContentSid and ContentVariables without
 * Body (https://www.twilio.com/docs/content/send-templates-created-with-the-content-template-builder): a SID not
 * approved is refused with 63027 (https://www.twilio.com/docs/api/errors/63027), variables without a SID with
 * 21654 (https://www.twilio.com/docs/api/errors/21654), variables that are not a JSON object of non-empty strings
 * with 21656 (https://www.twilio.com/docs/api/errors/21656); a template taken has a body of its SID and values.
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
  /** The message body (a template's: its SID and values), or the call's TwiML. */
  body: string;
  /** A template message's Content SID and variables. */
  contentSid?: string;
  contentVariables?: Record<string, string>;
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
  /** Keeps WhatsApp's 24-hour window; these Content SIDs are the approved templates. */
  whatsapp?: { approved: string[] };
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
  /** The customer `from` wrote to the business number `to` now (both "whatsapp:+…"): their window opens. */
  inbound(from: string, to: string): void;
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

type Refusal = { code: number; message: string };

/** A template's variables as sent, or undefined when they are not a JSON object of non-empty strings. */
function parseVariables(raw: string): Record<string, string> | undefined {
  try {
    const parsed: unknown = JSON.parse(raw);
    const values = parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? Object.values(parsed) : [];
    return values.length && values.every((v) => typeof v === 'string' && v)
      ? (parsed as Record<string, string>)
      : undefined;
  } catch {
    return undefined;
  }
}

/** Twilio's refusal of a template's variables, or undefined when they are well formed. */
function variablesRefusal(raw: string | undefined): Refusal | undefined {
  if (raw === undefined || parseVariables(raw)) return undefined;
  return { code: 21656, message: 'The ContentVariables Parameter is invalid' };
}

/** Twilio's refusal of a WhatsApp message: free-form outside the window, or a template it does not know. */
function whatsappRefusal(form: Record<string, string>, approved: string[], inSession: boolean): Refusal | undefined {
  const sid = form.ContentSid;
  if (form.ContentVariables !== undefined && !sid)
    return { code: 21654, message: 'A ContentSid must be specified if ContentVariables are provided' };
  if (!sid)
    return inSession
      ? undefined
      : { code: 63016, message: 'Failed to send freeform message because you are outside the allowed window' };
  if (!approved.includes(sid)) return { code: 63027, message: 'Template does not exist for a language and locale' };
  return variablesRefusal(form.ContentVariables);
}

/** What a template message reads as once Twilio fills it: its SID and its values. */
const templateBody = (sid: string, variables: Record<string, string>) =>
  `${sid}: ${Object.values(variables).join(' | ')}`;

export async function twilioEndpoint({
  perSenderPerSec = Infinity,
  randomThrottle = 0,
  seed = 7,
  onAccepted,
  whatsapp,
}: TwilioEndpointOptions = {}): Promise<TwilioEndpoint> {
  // When each customer last wrote to each WhatsApp sender: "from|to" → epoch ms.
  const sessions = new Map<string, number>();
  const inSession = (form: Record<string, string>) =>
    Date.now() - (sessions.get(`${form.To}|${form.From}`) ?? -Infinity) < 86_400_000;
  const messageRefusal = (form: Record<string, string>) =>
    senderRefusal(form) ??
    (whatsapp && form.To?.startsWith('whatsapp:')
      ? whatsappRefusal(form, whatsapp.approved, inSession(form))
      : undefined);
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
      const refusal = kind === 'message' ? messageRefusal(form) : undefined;
      if (refusal) return reply(400, { ...refusal, status: 400 });
      const sender = form.From ?? form.MessagingServiceSid ?? '';
      const variables = (form.ContentSid && parseVariables(form.ContentVariables ?? '{}')) || {};
      const body = form.ContentSid ? templateBody(form.ContentSid, variables) : (form.Body ?? form.Twiml ?? '');
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
        ...(form.ContentSid && { contentSid: form.ContentSid, contentVariables: variables }),
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
    inbound: (from, to) => void sessions.set(`${from}|${to}`, Date.now()),
    reset() {
      for (const a of [requests, answers, accepted, taken]) a.length = 0;
      firstTry.clear();
      sessions.clear();
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
