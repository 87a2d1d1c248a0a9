/**
 * The benchmark's phases for one system at a time (the caller alternates Doorstep and the
 * skeleton): a load step at a fixed rate, and opening chains that then wait on their timers.
 */
import { MINUTE_MS } from '../../workflows/durations';
import { cpuMs, percentiles, rssMB, treeCpuMs } from './measure';
import { Follower, measuredOrder, startOrder, walkOrder } from './driver';
import type { Percentiles } from './model';
import type { Progress } from './progress';
import type { System } from './stack';

/** Order numbers of one system, never reused. */
export class Orders {
  private n = 0;
  next(): number {
    return ++this.n;
  }
}

export interface StepResult {
  offered: number;
  /**
   * Orders completed per second in steady state: completions between the warm-up and the end of
   * the step, both shifted by the step's median order duration (an order completes that long after
   * it starts, so short steps do not undercount slow orders).
   */
  achieved: number;
  /** Median time from an order's POST to its last notice, ms. */
  orderMs: number;
  postOrders: Percentiles;
  eventToSend: Percentiles;
  /** CPU ms by process over the step and its drain, and the orders completed. */
  cpu: { server: number; worker: number; api: number; store: number };
  completed: string[];
  failed: number;
}

export interface StepOptions {
  rate: number;
  seconds: number;
  warmupSeconds: number;
  /** How long an order may take to complete before it counts as not done. */
  drainSeconds: number;
}

const sleepUntil = (at: number) => new Promise((r) => setTimeout(r, Math.max(0, at - Date.now())));

/** CPU so far of the processes a system's orders cost (the store only for Doorstep, which has one). */
function cpuNow(system: System, pids: { server: number; store: number }) {
  const store = system.name === 'doorstep' ? treeCpuMs(pids.store) : 0;
  return { server: cpuMs(pids.server), worker: cpuMs(system.worker.pid), api: cpuMs(system.api.pid), store };
}

/**
 * Starts orders at `rate` for `seconds` (open loop), each walking the on-time path; waits until they complete
 * or the drain ends.
 */
export async function loadStep(
  system: System,
  follower: Follower,
  orders: Orders,
  pids: { server: number; store: number },
  opts: StepOptions,
  progress: Progress,
): Promise<StepResult> {
  const before = cpuNow(system, pids);
  const start = Date.now();
  const end = start + opts.seconds * 1000;
  const postMs: number[] = [];
  const ids: string[] = [];
  const startedAt = new Map<string, number>();
  let failed = 0;
  const runs: Promise<void>[] = [];
  for (let i = 0; start + (i * 1000) / opts.rate < end; i++) {
    await sleepUntil(start + (i * 1000) / opts.rate);
    const n = orders.next();
    const orderId = `b${n}`;
    ids.push(orderId);
    startedAt.set(orderId, Date.now());
    runs.push(
      (async () => {
        try {
          postMs.push(await startOrder(system, n));
          await walkOrder(system, follower, n);
          await follower.completion(orderId, opts.drainSeconds * 1000);
        } catch {
          failed++;
        }
        progress.tick();
      })(),
    );
  }
  await Promise.all(runs);
  const after = cpuNow(system, pids);
  const durations = ids.map((id) => (follower.completedAt(id) ?? Infinity) - startedAt.get(id)!);
  const orderMs = percentiles(durations.filter(Number.isFinite)).p50;
  const from = start + opts.warmupSeconds * 1000 + orderMs;
  const inWindow = ids.filter((id) => {
    const at = follower.completedAt(id);
    return at !== undefined && at >= from && at <= end + orderMs;
  }).length;
  const measured = ids.filter((id) => system.name === 'skeleton' || measuredOrder(Number(id.slice(1))));
  return {
    offered: opts.rate,
    achieved: inWindow / Math.max(0.001, opts.seconds - opts.warmupSeconds),
    orderMs,
    postOrders: percentiles(postMs),
    eventToSend: percentiles(
      measured.map((id) => follower.eventToSend(id)).filter((v): v is number => v !== undefined),
    ),
    cpu: {
      server: after.server - before.server,
      worker: after.worker - before.worker,
      api: after.api - before.api,
      store: after.store - before.store,
    },
    completed: ids.filter((id) => follower.completedAt(id) !== undefined),
    failed,
  };
}

/**
 * Opens chains (orders with no events yet) until `total` are open, `concurrency` requests at a time; resolves
 * once each sent its first notice.
 */
export async function openChains(
  system: System,
  follower: Follower,
  orders: Orders,
  ids: string[],
  total: number,
  progress: Progress,
  concurrency = 32,
): Promise<void> {
  const todo = total - ids.length;
  let started = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (started < todo) {
        started++;
        const n = orders.next();
        await startOrder(system, n);
        ids.push(`b${n}`);
        progress.tick();
      }
    }),
  );
  const deadline = Date.now() + 10 * MINUTE_MS;
  while (ids.some((id) => follower.notices(id) === 0) && Date.now() < deadline)
    await new Promise((r) => setTimeout(r, 200));
}

/** Worker RSS in MB. */
export const workerRss = (system: System) => rssMB(system.worker.pid);
