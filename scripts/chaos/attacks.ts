/**
 * Attacks on the running API, each next to a control request that is let in (so a refusal means
 * something): forged and replayed webhooks, a customer token bent to another order, one shop's key
 * on another shop's chain, a resend flood, oversized and malformed bodies; and every log line the
 * API and workers printed, read for a phone number or email address left unmasked.
 */
import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { orderBody } from '../bench/driver';
import { MINUTE_MS } from '../../workflows/durations';
import type { Bed } from './faults';
import { request } from './traffic';
import { carrierDelivery, firstSms, statusCallback } from './webhooks';

export interface Attack {
  name: string;
  /** What a refusal looks like, and what came back. */
  expected: string;
  got: string;
  refused: boolean;
  /** The same request done right, let in. */
  control?: string;
}

const bearer = (key: string) => ({ authorization: `Bearer ${key}`, 'content-type': 'application/json' });

/** A customer's link token with its claims bent to `otherOrder`, the key id and signature kept. */
function bent(token: string, otherOrder: string): string {
  const [claims, ...signed] = token.split('.');
  // Claims are packed as [kind, shop, order, …].
  const c = JSON.parse(Buffer.from(claims, 'base64url').toString()) as unknown[];
  c[2] = otherOrder;
  return [Buffer.from(JSON.stringify(c)).toString('base64url'), ...signed].join('.');
}

export async function attacks(bed: Bed): Promise<Attack[]> {
  const { stack } = bed;
  const out: Attack[] = [];
  const check = (name: string, expected: number[], got: number, control?: number) =>
    out.push({
      name,
      expected: expected.join(' or '),
      got: String(got),
      refused: expected.includes(got),
      control: control === undefined ? undefined : String(control),
    });
  // A live chain to aim at, with a sent SMS whose links carry tokens.
  const target = orderBody(bed.first);
  const victim = orderBody(bed.first + 1);
  for (const o of [target, victim])
    await request(stack, 'POST', '/v1/orders', { ...o, customer: { ...o.customer, channels: ['sms'] } });
  const sms = await firstSms(stack, target.orderId);

  const params = { MessageSid: sms?.providerId ?? 'SM0', MessageStatus: 'delivered' };
  check(
    'Twilio status callback with a forged signature',
    [403],
    (await statusCallback(stack, params, 'Zm9yZ2Vk')).status,
    (await statusCallback(stack, params)).status,
  );
  const event = { eventId: `${target.orderId}-packed`, type: 'packed', at: new Date().toISOString() };
  const old = new Date(Date.now() - 6 * MINUTE_MS);
  check(
    'carrier webhook replayed 6 minutes later',
    [401],
    (await carrierDelivery(stack, target.orderId, event, undefined, old)).status,
    (await carrierDelivery(stack, target.orderId, event)).status,
  );
  const forged = await carrierDelivery(
    stack,
    target.orderId,
    event,
    undefined,
    undefined,
    `whsec_${randomBytes(24).toString('base64')}`,
  );
  check('carrier webhook signed with a wrong key', [401], forged.status);
  const own = await request(stack, 'GET', `/v1/orders/${target.orderId}`);
  const token = String((own.body as { trackingUrl?: string }).trackingUrl ?? '').split('/t/')[1] ?? '';
  const page = await fetch(`${stack.apiUrl}/t/${token}`);
  check(
    "customer tracking token bent to another customer's order",
    [400, 404],
    (await fetch(`${stack.apiUrl}/t/${bent(token, victim.orderId)}`)).status,
    page.status,
  );
  const other = bearer(stack.keys.other);
  check(
    "shop B's API key reading shop A's order",
    [404],
    (await request(stack, 'GET', `/v1/orders/${target.orderId}`, undefined, other)).status,
    own.status,
  );
  check(
    "shop B's API key posting an event to shop A's order",
    [404],
    (await request(stack, 'POST', `/v1/orders/${target.orderId}/events`, { ...event, eventId: 'x-1' }, other)).status,
  );
  check(
    "shop B's API key cancelling shop A's order",
    [404],
    (await request(stack, 'POST', `/v1/orders/${target.orderId}/actions/cancel`, { reason: 'attack' }, other)).status,
  );
  check(
    'no API key',
    [401],
    (await request(stack, 'GET', `/v1/orders/${target.orderId}`, undefined, { 'content-type': 'application/json' }))
      .status,
  );
  // Ten resends at once of one notice: the chain takes one, refuses the rest.
  const resends = await Promise.all(
    Array.from({ length: 10 }, (_, i) =>
      request(
        stack,
        'POST',
        `/v1/orders/${target.orderId}/actions/resend`,
        { touchpoint: 'confirmation' },
        { ...stack.headers, 'idempotency-key': `flood-${i}` },
      ),
    ),
  );
  const accepted = resends.filter((r) => r.status < 300).length;
  out.push({
    name: 'resend flood: 10 resends of one notice at once',
    expected: 'at most 1 accepted, the rest 409',
    got: `${accepted} accepted, ${resends.filter((r) => r.status === 409).length} × 409`,
    refused: accepted <= 1 && resends.every((r) => r.status < 300 || r.status === 409),
  });
  // A key limited to 30 requests a minute, asked 40 times.
  const limited = bearer(stack.keys.limited);
  const burst = await Promise.all(
    Array.from({ length: 40 }, () => request(stack, 'GET', `/v1/orders/${target.orderId}`, undefined, limited)),
  );
  const throttled = burst.filter((r) => r.status === 429).length;
  out.push({
    name: 'request flood: 40 requests at once on a key limited to 30 a minute',
    expected: '10 × 429',
    got: `${throttled} × 429`,
    refused: throttled === 10,
  });
  const huge = {
    ...orderBody(bed.first + 2),
    items: Array.from({ length: 40_000 }, () => ({ name: 'x'.repeat(40), qty: 1 })),
  };
  check('a 2 MB order body', [413], (await request(stack, 'POST', '/v1/orders', huge)).status);
  const malformed = await fetch(`${stack.apiUrl}/v1/orders`, {
    method: 'POST',
    headers: stack.headers,
    body: '{"orderId": "b1", "customer": ',
  });
  check('malformed JSON', [400], malformed.status);
  const invalid = await request(stack, 'POST', '/v1/orders', {
    ...orderBody(bed.first + 3),
    promisedDate: 'soon',
    customer: { name: '' },
  });
  const paths = JSON.stringify(invalid.body).match(/"(customer|promisedDate)[^"]*"/g)?.length ?? 0;
  check('an order with invalid fields (answered with field paths)', [400], paths ? invalid.status : -1);
  return out;
}

export interface LogScan {
  lines: number;
  /** Lines with a full email address or phone number of a customer in them. */
  unmasked: number;
  examples: string[];
}

/** Reads every line the API and workers printed for customers' emails and phone numbers in full. */
export function logScan(file: string): LogScan {
  const lines = readFileSync(file, 'utf8').split('\n').filter(Boolean);
  const leaks = lines.filter((l) => /c\d+@bench\.example|\+4860\d{7}/.test(l));
  return { lines: lines.length, unmasked: leaks.length, examples: leaks.slice(0, 3).map((l) => l.slice(0, 200)) };
}
