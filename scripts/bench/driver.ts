/**
 * Drives orders through a system's HTTP API as a shop's backend would (the on-time path, events
 * back to back) and follows their notices as the sinks take them: an order is complete when its
 * six notices have been taken.
 */
import type { System } from './stack';
import { benchPhone, type Taken } from './sinks';
import { DAY_MS, HOUR_MS } from '../../workflows/durations';

export const NOTICES_PER_ORDER = 6;
/** The on-time path's events, in order. */
export const ON_TIME_PATH = [
  'packed',
  'handed_to_carrier',
  'in_transit',
  'arrived_in_city',
  'out_for_delivery',
  'courier_called',
  'delivered',
] as const;

interface Followed {
  notices: number;
  /** When the tracking event was posted, and when its notice's send began (email orders and the skeleton). */
  eventAt?: number;
  sendAt?: number;
  completedAt?: number;
  done?: () => void;
}

/** The notices of each order, as the sinks report them. */
export class Follower {
  private readonly orders = new Map<string, Followed>();

  constructor(private readonly trackingTouchpoint: string) {}

  private get(orderId: string): Followed {
    let f = this.orders.get(orderId);
    if (!f) this.orders.set(orderId, (f = { notices: 0 }));
    return f;
  }

  take(t: Taken): void {
    const f = this.get(t.orderId);
    f.notices++;
    if (t.touchpoint === this.trackingTouchpoint) f.sendAt = t.startedAt;
    if (f.notices === NOTICES_PER_ORDER) {
      f.completedAt = Date.now();
      f.done?.();
    }
  }

  eventPosted(orderId: string, at: number): void {
    this.get(orderId).eventAt = at;
  }

  /** Resolves once the order is complete, or after `timeoutMs`. */
  completion(orderId: string, timeoutMs: number): Promise<void> {
    const f = this.get(orderId);
    if (f.completedAt) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, timeoutMs);
      f.done = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }

  completedAt(orderId: string): number | undefined {
    return this.orders.get(orderId)?.completedAt;
  }

  /** Milliseconds from the tracking event's POST to its notice's send, where both are known. */
  eventToSend(orderId: string): number | undefined {
    const f = this.orders.get(orderId);
    return f?.eventAt !== undefined && f.sendAt !== undefined ? f.sendAt - f.eventAt : undefined;
  }

  /** Notices taken for an order so far. */
  notices(orderId: string): number {
    return this.orders.get(orderId)?.notices ?? 0;
  }
}

/** The order body Doorstep is sent; odd orders prefer SMS, even ones email. */
export function orderBody(n: number) {
  return {
    orderId: `b${n}`,
    customer: {
      name: 'Bench Customer',
      email: `c${n}@bench.example`,
      phone: benchPhone(n),
      locale: 'en',
      timezone: 'UTC',
      channels: n % 2 ? ['sms', 'email'] : ['email', 'sms'],
    },
    items: [{ name: 'Kettle', qty: 1 }],
    promisedDate: new Date(Date.now() + 30 * DAY_MS).toISOString().slice(0, 10),
    carrier: 'dpd',
    destinationCity: 'Warsaw',
    returnWindowDays: 0,
  };
}

/** Whether the order's tracking notice goes by email first (its send start is then measured). */
export const measuredOrder = (n: number) => n % 2 === 0;

async function post(system: System, path: string, body: object): Promise<void> {
  const res = await fetch(`${system.baseUrl}${path}`, {
    method: 'POST',
    headers: system.headers,
    body: JSON.stringify(body),
  });
  await res.arrayBuffer();
  if (res.status >= 300) throw new Error(`${system.name} POST ${path}: ${res.status}`);
}

/** Starts an order; its `POST /v1/orders` time in ms. */
export async function startOrder(system: System, n: number): Promise<number> {
  const t0 = performance.now();
  await post(system, '/v1/orders', orderBody(n));
  return performance.now() - t0;
}

/** Posts the order's on-time path, each event once the last was taken. */
export async function walkOrder(system: System, follower: Follower, n: number): Promise<void> {
  const orderId = `b${n}`;
  for (const type of ON_TIME_PATH) {
    if (type === 'handed_to_carrier' && (system.name === 'skeleton' || measuredOrder(n)))
      follower.eventPosted(orderId, Date.now());
    await post(system, `/v1/orders/${orderId}/events`, onTimeEvent(orderId, type));
  }
}

/** The body of one of an order's on-time events, as of now (the courier calls for a window an hour ahead). */
export function onTimeEvent(orderId: string, type: (typeof ON_TIME_PATH)[number]) {
  const window = {
    from: new Date(Date.now() + HOUR_MS).toISOString(),
    to: new Date(Date.now() + 2 * HOUR_MS).toISOString(),
  };
  return {
    eventId: `${orderId}-${type}`,
    type,
    at: new Date().toISOString(),
    data: type === 'courier_called' ? { window } : {},
  };
}
