/**
 * One order through the real API: placed with the shop's key, its confirmation email caught by the SMTP
 * server, then handed to the carrier, out for delivery and given a courier's window, until its tracking
 * page shows the delivery PIN.
 */
import { randomInt } from 'node:crypto';
import type { TrackingEvent } from '../../workflows/contract';
import { courierWindow, event, orderBody } from '../../test/helpers/fixtures';
import type { Stack } from './stack';
import { API_KEY } from './shop';

export interface PlacedOrder {
  /** The HTML part of the confirmation email as the SMTP server received it. */
  emailHtml: string;
  trackingUrl: string;
}

const CUSTOMER = 'anna.nowak@example.com';
const WAIT_MS = 30_000;

/** Calls the API as the shop; throws with the answer unless its status is `expected`. */
async function api(stack: Stack, path: string, body: unknown, expected: number): Promise<Record<string, unknown>> {
  const res = await fetch(`${stack.base}${path}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${API_KEY}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  const answer = (await res.json()) as Record<string, unknown>;
  if (res.status !== expected) throw new Error(`POST ${path}: ${res.status} ${JSON.stringify(answer)}`);
  return answer;
}

/** Resolves with `probe`'s first defined answer, polling; throws naming `what` after WAIT_MS. */
async function until<T>(what: string, probe: () => Promise<T | undefined> | T | undefined): Promise<T> {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const found = await probe();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`screenshots: no ${what} within ${WAIT_MS / 1000} s`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Places the order, waits for its confirmation email, then walks it to an agreed courier window. */
export async function placeOrder(stack: Stack): Promise<PlacedOrder> {
  const body = orderBody({
    orderId: `LT-${randomInt(10_000, 100_000)}`,
    customer: { ...orderBody().customer, givenName: 'Anna', email: CUSTOMER, channels: ['email'] },
    items: [
      { name: 'Sencha, 100 g', qty: 2 },
      { name: 'Glass teapot', qty: 1 },
    ],
  });
  const placed = await api(stack, '/v1/orders', body, 201);
  const mail = await until('confirmation email', () =>
    stack.sink.received.find((r) => r.envelopeTo.includes(CUSTOMER)),
  );
  if (typeof mail.mail.html !== 'string') throw new Error('screenshots: the confirmation email has no HTML part');
  const send = (e: TrackingEvent) => api(stack, `/v1/orders/${body.orderId}/events`, e, 202);
  await send(event('handed_to_carrier', { trackingNumber: 'DPD-0412337790' }));
  await send(event('out_for_delivery'));
  await send(event('courier_called', { window: courierWindow(2) }));
  const trackingUrl = String(placed.trackingUrl);
  await until(
    'delivery PIN on the tracking page',
    async () => (await (await fetch(trackingUrl)).text()).includes('PIN') || undefined,
  );
  return { emailHtml: mail.mail.html, trackingUrl };
}
