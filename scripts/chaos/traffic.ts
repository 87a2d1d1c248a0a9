/**
 * Orders driven through the API as a shop's backend does under faults (every request retried
 * until it lands, under the same eventId), the messages the providers took tallied per order and
 * channel, and each scenario's chains accounted for at the end from their final state: completed,
 * lost, stuck; every notice sent once, or not sent with its reason.
 */
import { BENCH_SHOP } from '../bench/stack';
import { ON_TIME_PATH, onTimeEvent, orderBody } from '../bench/driver';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Taken } from '../bench/sinks';
import { chainWorkflowId } from '../../workflows/definitions';
import type { ChainState } from '../../workflows/contract';
import type { ChaosStack } from './stack';

type Channel = 'email' | 'sms';
const channelOf = (t: Taken): Channel => (t.identity.startsWith('<') ? 'email' : 'sms');

/** Every message the providers took, per order and identity (the same notice taken twice is a duplicate). */
export class Tally {
  private readonly orders = new Map<string, Map<string, { channel: Channel; count: number }>>();

  take(t: Taken): void {
    let o = this.orders.get(t.orderId);
    if (!o) this.orders.set(t.orderId, (o = new Map()));
    const seen = o.get(t.identity);
    if (seen) seen.count++;
    else o.set(t.identity, { channel: channelOf(t), count: 1 });
  }

  /** Notices taken and taken again, by channel, over `orderIds`. */
  count(orderIds: string[]): Record<Channel, { notices: number; duplicates: number }> {
    const out = { email: { notices: 0, duplicates: 0 }, sms: { notices: 0, duplicates: 0 } };
    for (const id of orderIds) {
      for (const { channel, count } of this.orders.get(id)?.values() ?? []) {
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
export async function request(
  stack: ChaosStack,
  method: string,
  path: string,
  body?: unknown,
  headers = stack.headers,
  timeoutMs = 30_000,
): Promise<Answer> {
  try {
    const res = await fetch(`${stack.apiUrl}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await res.text();
    return {
      status: res.status,
      body: text && res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text,
    };
  } catch {
    return { status: 0, body: undefined };
  }
}

/**
 * Retries a request (network errors, timeouts, 429 and 5xx) until it lands or `deadline` passes; the number
 * of retries it took.
 */
async function land(stack: ChaosStack, path: string, body: unknown, deadline: () => number): Promise<number> {
  for (let retries = 0; ; retries++) {
    const { status } = await request(stack, 'POST', path, body);
    if (status >= 200 && status < 300) return retries;
    // A retry of a request whose first try landed unanswered finds the chain moved on (closed): landed.
    if (status === 409 && retries > 0) return retries;
    if (status >= 400 && status < 500 && status !== 429 && status !== 404) throw new Error(`POST ${path}: ${status}`);
    if (Date.now() > deadline()) throw new Error(`POST ${path}: still ${status} at the deadline`);
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
 * event by event; resolves `done` once every request landed (or gave up at `deadline()`, read as
 * it goes: a scenario sets it once its faults are over).
 */
export function drive(
  stack: ChaosStack,
  first: number,
  count: number,
  perSec: number,
  deadline: () => number,
): Traffic {
  const t: Traffic = { orderIds: [], retries: 0, refused: [], done: Promise.resolve() };
  const runs: Promise<void>[] = [];
  const start = Date.now();
  t.done = (async () => {
    for (let i = 0; i < count; i++) {
      await sleep(Math.max(0, start + (i * 1000) / perSec - Date.now()));
      const n = first + i;
      const orderId = `b${n}`;
      t.orderIds.push(orderId);
      runs.push(
        (async () => {
          try {
            t.retries += await land(stack, '/v1/orders', orderBody(n), deadline);
            for (const type of ON_TIME_PATH)
              t.retries += await land(stack, `/v1/orders/${orderId}/events`, onTimeEvent(orderId, type), deadline);
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
  /** Notices a chain recorded as sent. */
  sent: number;
  /** Notices a chain says were sent that no provider took, and notices still waiting when it closed. */
  missing: string[];
  /**
   * Notices that did not go, by reason: failed on every channel, or dropped (obsolete by the time a worker
   * could send them).
   */
  notSent: Record<string, number>;
  notices: Record<Channel, { notices: number; duplicates: number; per10k: number }>;
  /** From the last fault to the last chain's close, s. */
  drainSeconds: number;
}

const SENT = new Set(['sent', 'delivered', 'undelivered']);

/**
 * Waits until every chain has closed (or `untilMs` passes), then accounts for each one from its
 * final state: every notice sent (and taken by a provider), or not sent with its reason.
 */
export async function account(
  stack: ChaosStack,
  tally: Tally,
  orderIds: string[],
  faultsEndedAt: number,
  untilMs: number,
): Promise<Accounting> {
  const handles = orderIds.map((id) => stack.client.workflow.getHandle(chainWorkflowId(BENCH_SHOP, id)));
  const describe = (h: (typeof handles)[number]) =>
    h.describe().then(
      (d) => ({ status: d.status.name as string, closedAt: d.closeTime?.getTime() }),
      (err: Error) => ({ status: `GONE (${err.message})`, closedAt: undefined }),
    );
  // Only the chains still running are asked again.
  const again = (prior: Awaited<ReturnType<typeof describe>>[]) =>
    Promise.all(prior.map((d, i) => (d.status === 'RUNNING' ? describe(handles[i]) : d)));
  let described = await Promise.all(handles.map(describe));
  for (let i = 1; described.some((d) => d.status === 'RUNNING') && Date.now() < untilMs; i++) {
    await sleep(1000);
    described = await again(described);
    if (i % 30 === 0)
      process.stderr.write(
        `chaos:   draining: ${described.filter((d) => d.status !== 'RUNNING').length}/${orderIds.length} chains closed\n`,
      );
  }
  const result: Accounting = {
    orders: orderIds.length,
    completed: 0,
    lost: [],
    stuck: [],
    sent: 0,
    missing: [],
    notSent: {},
    notices: { email: { notices: 0, duplicates: 0, per10k: 0 }, sms: { notices: 0, duplicates: 0, per10k: 0 } },
    drainSeconds: 0,
  };
  for (const [i, { status }] of described.entries()) {
    if (status === 'RUNNING') result.stuck.push(orderIds[i]);
    else if (status !== 'COMPLETED') result.lost.push(`${orderIds[i]}: ${status}`);
    else {
      result.completed++;
      const state = (await handles[i].result()) as ChainState;
      for (const tp of state.touchpoints) {
        for (const n of tp.notices) {
          const reason = n.decisions.at(-1)?.reason ?? n.status;
          if (SENT.has(n.status)) result.sent++;
          else if (n.status === 'failed' || n.status === 'dropped' || n.status === 'suppressed')
            result.notSent[`${n.status}: ${reason}`] = (result.notSent[`${n.status}: ${reason}`] ?? 0) + 1;
          else result.missing.push(`${orderIds[i]} ${tp.key}: still ${n.status} when the chain closed`);
        }
      }
      const taken = tally.count([orderIds[i]]);
      const sentHere = state.touchpoints.flatMap((t) => t.notices).filter((n) => SENT.has(n.status)).length;
      if (taken.email.notices + taken.sms.notices < sentHere)
        result.missing.push(
          `${orderIds[i]}: ${sentHere} sent, ${taken.email.notices + taken.sms.notices} taken by a provider`,
        );
    }
  }
  const counted = tally.count(orderIds);
  for (const channel of ['email', 'sms'] as const) {
    const c = counted[channel];
    result.notices[channel] = { ...c, per10k: c.notices ? (c.duplicates / c.notices) * 10_000 : 0 };
  }
  result.drainSeconds = Math.max(
    0,
    (Math.max(faultsEndedAt, ...described.map((d) => d.closedAt ?? 0)) - faultsEndedAt) / 1000,
  );
  return result;
}
