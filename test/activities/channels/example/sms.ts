/**
 * SMS through the example HTTP JSON API: POST /messages sends (the idempotency key as its
 * reference), GET /messages?to= lists what was sent to a number, newest first.
 */
import { addressing, type Channel } from '../../../../activities/channels/channel';
import type { ExampleSettings } from './config';

/** A message as the API answers it. */
interface ApiMessage {
  id: string;
  to: string;
  text: string;
  createdAt: string;
}

/** Calls the API; an error answer is thrown with its HTTP status and the API's code, as the shared rules read them. */
async function call<T>({ url, token }: ExampleSettings, path: string, body?: object): Promise<T> {
  const res = await fetch(`${url}${path}`, {
    method: body ? 'POST' : 'GET',
    headers: { authorization: `Bearer ${token}`, ...(body && { 'content-type': 'application/json' }) },
    body: body && JSON.stringify(body),
    signal: AbortSignal.timeout(10_000),
  });
  const json = await res.json();
  if (res.ok) return json as T;
  const { code, message } = (json as { error: { code: string; message: string } }).error;
  throw Object.assign(new Error(message), { status: res.status, code });
}

/** The example SMS channel. */
export function exampleSms(settings: ExampleSettings): Channel {
  return {
    ...addressing('sms'),
    async send({ to, rendered, idempotencyKey }) {
      const body = { from: settings.from, to, text: rendered.short, reference: idempotencyKey };
      const msg = await call<ApiMessage>(settings, '/messages', body);
      return { providerId: msg.id, acceptedAt: new Date(msg.createdAt).toISOString() };
    },
    async find({ to, rendered }, since) {
      const { messages } = await call<{ messages: ApiMessage[] }>(settings, `/messages?to=${encodeURIComponent(to)}`);
      const msg = messages.find((m) => m.text === rendered.short && Date.parse(m.createdAt) >= since.getTime());
      return msg && { providerId: msg.id, acceptedAt: new Date(msg.createdAt).toISOString() };
    },
  };
}
