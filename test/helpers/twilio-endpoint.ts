/**
 * A local HTTP endpoint that answers the real twilio SDK as Twilio's REST API would: it records
 * every request and replies 201 with a sid, or with the answers a test queued.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface TwilioRequest {
  method: string;
  path: string;
  auth: string;
  form: Record<string, string>;
}

export interface TwilioEndpoint {
  baseUrl: string;
  requests: TwilioRequest[];
  /** Answers for the next requests, in order: HTTP status and JSON body. */
  answers: { status: number; body: object }[];
  /** Sids of the messages and calls the endpoint accepted. */
  accepted: string[];
  reset(): void;
  close(): Promise<void>;
}

export const TWILIO_SID = 'AC00000000000000000000000000000001';
export const TWILIO_TOKEN = 'twilio-auth-token-for-tests';

/** Environment that points Doorstep's Twilio channels at `endpoint`. */
export function twilioEnv(endpoint: TwilioEndpoint): Record<string, string> {
  return {
    TWILIO_ACCOUNT_SID: TWILIO_SID,
    TWILIO_AUTH_TOKEN: TWILIO_TOKEN,
    TWILIO_FROM: '+48111222333',
    TWILIO_WHATSAPP_FROM: '+48111222444',
    TWILIO_API_BASE_URL: endpoint.baseUrl,
  };
}

export async function twilioEndpoint(): Promise<TwilioEndpoint> {
  const endpoint = { requests: [], answers: [], accepted: [] } as unknown as TwilioEndpoint;
  const server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      endpoint.requests.push({ method: req.method!, path: req.url!, auth: req.headers.authorization ?? '', form: Object.fromEntries(new URLSearchParams(raw)) });
      const prefix = req.url!.includes('/Calls') ? 'CA' : 'SM';
      const sid = `${prefix}${String(endpoint.requests.length).padStart(32, '0')}`;
      const { status, body } = endpoint.answers.shift() ?? { status: 201, body: { sid, status: 'queued' } };
      if (status === 201) endpoint.accepted.push((body as { sid: string }).sid);
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint.baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  endpoint.reset = () => {
    endpoint.requests.length = 0;
    endpoint.answers.length = 0;
    endpoint.accepted.length = 0;
  };
  endpoint.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return endpoint;
}
