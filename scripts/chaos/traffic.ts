/**
 * Orders driven through the API as a shop's backend does under faults (every request retried
 * until it lands, under the same eventId), the messages the providers took tallied per order and
 * channel, and each scenario's chains accounted for at the end: completed, lost, stuck, duplicated.
 */
import { BENCH_SHOP } from '../bench/stack';
import { orderBody } from '../bench/driver';
import type { Taken } from '../bench/sinks';
import { chainWorkflowId } from '../../workflows/definitions';
import type { ChaosStack } from './stack';

export const NOTICES_PER_ORDER = 6;
const EVENTS = ['packed', 'handed_to_carrier', 'in_transit', 'arrived_in_city', 'out_for_delivery', 'courier_called', 'delivered'] as const;
type Channel = 'email' | 'sms';
const channelOf = (t: Taken): Channel => (t.identity.startsWith('<') ? 'email' : 'sms');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Every message the providers took, per order and identity (the same notice taken twice is a duplicate). */
export class Tally {
  private readonly orders = new Map<string, { identities: Map<string, { channel: Channel; count: number }>; completedAt?: number }>();

  take(t: Taken): void {
    let o = this.orders.get(t.orderId);
    if (!o) this.orders.set(t.orderId, (o = { identities: new Map() }));
    const seen = o.identities.get(t.identity);
    if (seen) seen.count++;
    else o.identities.set(t.identity, { channel: channelOf(t), count: 1 });
    if (!o.completedAt && o.identities.size >= NOTICES_PER_ORDER) o.completedAt = Date.now();
  }

  completedAt(orderId: string): number | undefined {
    return this.orders.get(orderId)?.completedAt;
  }

  /** Notices taken and taken again, by channel, over `orderIds`. */
  count(orderIds: string[]): Record<Channel, { notices: number; duplicates: number }> {
    const out = { email: { notices: 0, duplicates: 0 }, sms: { notices: 0, duplicates: 0 } };
    for (const id of orderIds) {
      for (const { channel, count } of this.orders.get(id)?.identities.values() ?? []) {
        out[channel].notices++;
        out[channel].duplicates += count - 1;
      }
    }
    return out;
  }
}

export interface Answer {
  status: number;
  body: unknown;
}

/** One request; a network error or a timeout answers status 0. */
export async function request(stack: ChaosStack, method: string, path: string, body?: unknown, headers = stack.headers, timeoutMs = 30_000): Promise<Answer> {
  try {
    const res = await fetch(`${stack.apiUrl}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal: AbortSignal.timeout(timeoutMs) });
    const text = await res.text();
    return { status: res.status, body: text && res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text };
  } catch {
    return { status: 0, body: undefined };
  }
}

/** Retries a request (network errors, timeouts, 429 and 5xx) until it lands or `deadline` passes; the number of retries it took. */
async function land(stack: ChaosStack, path: string, body: unknown, deadline: number): Promise<number> {
  for (let retries = 0; ; retries++) {
    const { status } = await request(stack, 'POST', path, body);
    if (status >= 200 && status < 300) return retries;
    if (status >= 400 && status < 500 && status !== 429 && status !== 404) throw new Error(`POST ${path}: ${status}`);
    if (Date.now() > deadline) throw new Error(`POST ${path}: still ${status} at the deadline`);
    await sleep(Math.min(5000, 250 * 2 ** retries));
  }
}

export interface Traffic {
  orderIds: string[];
  /** Requests that had to be retried before they landed. */
  retries: number;
  /** Orders whose requests never landed. */
  refused: string[];
  done: Promise<void>;
}

/**
 * Starts `count` orders from number `first` at `perSec` (open loop), each posting the on-time path
 * event by event; resolves `done` once every request landed (or gave up at `deadline`).
 */
export function drive(stack: ChaosStack, first: number, count: number, perSec: number, deadline: number): Traffic {
  const t: Traffic = { orderIds: [], retries: 0, refused: [], done: Promise.resolve() };
  const runs: Promise<void>[] = [];
  const start = Date.now();
  t.done = (async () => {
    for (let i = 0; i < count; i++) {
      await sleep(start + (i * 1000) / perSec - Date.now());
      const n = first + i;
      const orderId = `b${n}`;
      t.orderIds.push(orderId);
      runs.push(
        (async () => {
          try {
            t.retries += await land(stack, '/v1/orders', orderBody(n), deadline);
            const window = { from: new Date(Date.now() + 3_600_000).toISOString(), to: new Date(Date.now() + 7_200_000).toISOString() };
            for (const type of EVENTS) {
              const event = { eventId: `${orderId}-${type}`, type, at: new Date().toISOString(), data: type === 'courier_called' ? { window } : {} };
              t.retries += await land(stack, `/v1/orders/${orderId}/events`, event, deadline);
            }
          } catch {
            t.refused.push(orderId);
          }
        })(),
      );
    }
    await Promise.all(runs);
  })();
  return t;
}

export interface Accounting {
  orders: number;
  completed: number;
  /** Chains that failed, were terminated or are gone. */
  lost: string[];
  /** Chains still running at the end of the drain. */
  stuck: string[];
  /** Notices neither taken by a provider nor marked failed with a reason. */
  missing: number;
  /** Notices marked failed, with their reasons. */
  failed: { key: string; reason: string }[];
  notices: Record<Channel, { notices: number; duplicates: number; per10k: number }>;
  /** From the last fault to the last order's last notice, s. */
  drainSeconds: number;
}

/** Waits until every order has its notices and every chain has closed (or `untilMs` passes), then accounts for each chain. */
export async function account(stack: ChaosStack, tally: Tally, orderIds: string[], faultsEndedAt: number, untilMs: number): Promise<Accounting> {
  while (Date.now() < untilMs && orderIds.some((id) => !tally.completedAt(id))) await sleep(500);
  const ids = orderIds.map((id) => chainWorkflowId(BENCH_SHOP, id));
  // A chain closes after its last notice, once a worker has run its last workflow task: one that a
  // killed worker held waits out its timeouts first. Stuck means still running at the deadline.
  const statuses = async () => Promise.all(ids.map((id) => stack.client.workflow.getHandle(id).describe().then((d) => d.status.name, (err: Error) => `GONE (${err.message})`)));
  let status = await statuses();
  while (status.includes('RUNNING') && Date.now() < untilMs) status = await sleep(1000).then(statuses);
  const { rows } = await stack.sql.query<{ key: string; reason: string | null }>(
    `select key, decision->>'reason' as reason from sends where chain_id = any($1) and status = 'failed'`,
    [ids],
  );
  const counted = tally.count(orderIds);
  const per10k = (c: { notices: number; duplicates: number }) => ({ ...c, per10k: c.notices ? (c.duplicates / c.notices) * 10_000 : 0 });
  const taken = counted.email.notices + counted.sms.notices;
  const last = Math.max(faultsEndedAt, ...orderIds.map((id) => tally.completedAt(id) ?? 0));
  return {
    orders: orderIds.length,
    completed: status.filter((s) => s === 'COMPLETED').length,
    lost: orderIds.map((id, i) => `${id}: ${status[i]}`).filter((_, i) => !['COMPLETED', 'RUNNING'].includes(status[i])),
    stuck: orderIds.filter((_, i) => status[i] === 'RUNNING'),
    missing: Math.max(0, orderIds.length * NOTICES_PER_ORDER - taken - rows.length),
    failed: rows.map((r) => ({ key: r.key, reason: r.reason ?? '' })),
    notices: { email: per10k(counted.email), sms: per10k(counted.sms) },
    drainSeconds: Math.max(0, (last - faultsEndedAt) / 1000),
  };
}
