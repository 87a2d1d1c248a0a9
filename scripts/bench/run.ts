/**
 * One benchmark run: ramps the load on Doorstep and the skeleton, alternating step by step, to
 * find each one's knee; measures latencies at 25/50/75% of it; opens chains that wait on timers;
 * reads history sizes and the send ledger; and returns the result with its goals.
 */
import { execFileSync } from 'node:child_process';
import { cpus, release, totalmem, type } from 'node:os';
import pg from 'pg';
import { temporalCli } from '../../common/tools';
import { Follower } from './driver';
import { filesMB, historySize, rssMB } from './measure';
import type { BenchResult, LatencyAtLoad, NoticeTally, OpenChains, SystemResult } from './model';
import { loadStep, openChains, Orders, workerRss, type StepResult } from './phases';
import { Progress } from './progress';
import { BENCH_SHOP, startStack, type Stack, type System } from './stack';
import type { Taken } from './sinks';
import { goalsOf } from './goals';
import type { RunSize } from '../run-size';

export interface BenchSettings {
  stepSeconds: number;
  warmupSeconds: number;
  drainSeconds: number;
  startRate: number;
  rateFactor: number;
  maxSteps: number;
  latencySeconds: number;
  openChains: number[];
  historySample: number;
}

/** The settings of each run size. */
export const BENCH_SIZES: Record<RunSize, BenchSettings> = {
  full: {
    stepSeconds: 20,
    warmupSeconds: 5,
    drainSeconds: 60,
    startRate: 4,
    rateFactor: 1.4,
    maxSteps: 10,
    latencySeconds: 20,
    openChains: [1000, 10_000, 50_000],
    historySample: 20,
  },
  quick: {
    stepSeconds: 5,
    warmupSeconds: 1,
    drainSeconds: 20,
    startRate: 3,
    rateFactor: 2,
    maxSteps: 4,
    latencySeconds: 2,
    openChains: [500],
    historySample: 10,
  },
  /** A tiny load that only shows the harness works end to end (the smoke test). */
  smoke: {
    stepSeconds: 2,
    warmupSeconds: 0.5,
    drainSeconds: 20,
    startRate: 2,
    rateFactor: 2,
    maxSteps: 1,
    latencySeconds: 2,
    openChains: [10],
    historySample: 2,
  },
};

const FRACTIONS = [0.25, 0.5, 0.75];

interface Bench {
  system: System;
  follower: Follower;
  orders: Orders;
  steps: StepResult[];
  latency: LatencyAtLoad[];
  open: OpenChains[];
  rssPerCached: number;
}

/** The knee: the highest offered rate still served (≥ 90%); the first step's achieved rate when even that was not. */
function kneeOf(steps: StepResult[]): number {
  const kept = steps.filter((s) => s.achieved >= 0.9 * s.offered);
  return kept.length ? Math.max(...kept.map((s) => s.offered)) : (steps[0]?.achieved ?? 0);
}

const saturated = (s: StepResult | undefined) => s !== undefined && s.achieved < 0.8 * s.offered;

async function openPhase(stack: Stack, b: Bench, counts: number[], progress: Progress): Promise<void> {
  const store = async () =>
    filesMB(stack.temporalFiles) + (b.system.name === 'doorstep' ? await postgresMB(stack.postgres.url) : 0);
  const base = { worker: workerRss(b.system), server: rssMB(stack.temporal.pid), store: await store() };
  const ids: string[] = [];
  for (const count of counts) {
    progress.phase(`${b.system.name}: ${count} open chains`, count - ids.length);
    await openChains(b.system, b.follower, b.orders, ids, count, progress);
    progress.end();
    // Let the worker settle after the burst before reading memory.
    await new Promise((r) => setTimeout(r, 2000));
    b.open.push({
      count,
      workerRssMB: workerRss(b.system),
      serverRssMB: rssMB(stack.temporal.pid) - base.server,
      storeMB: (await store()) - base.store,
    });
  }
  const first = b.open[0];
  b.rssPerCached = first ? (first.workerRssMB - base.worker) / first.count : 0;
}

async function postgresMB(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ size: string }>('select pg_database_size(current_database()) as size');
    return Number(rows[0].size) / 2 ** 20;
  } finally {
    await client.end();
  }
}

/** Email and SMS notices the ledger recorded as sent, against what the sinks took. */
async function tally(stack: Stack): Promise<{ email: NoticeTally; sms: NoticeTally }> {
  const client = new pg.Client({ connectionString: stack.postgres.url });
  await client.connect();
  const { rows } = await client.query<{ channel: string; provider_id: string }>(
    'select channel, provider_id from sends where provider_id is not null and shop = $1',
    [BENCH_SHOP],
  );
  await client.end();
  const one = (channel: string, taken: Taken[], throttled?: number): NoticeTally => {
    const ledger = new Set(rows.filter((r) => r.channel === channel).map((r) => r.provider_id));
    const got = new Set(taken.map((t) => t.providerId));
    const identities = new Set(taken.map((t) => t.identity));
    const times = taken.map((t) => t.startedAt);
    const span = times.length > 1 ? (Math.max(...times) - Math.min(...times)) / 1000 : 0;
    return {
      sent: ledger.size,
      received: taken.length,
      lost: [...ledger].filter((id) => !got.has(id)).length,
      duplicated: taken.length - identities.size,
      perSec: span ? taken.length / span : 0,
      ...(throttled !== undefined && { throttled }),
    };
  };
  return { email: one('email', stack.smtp.taken), sms: one('sms', stack.twilio.taken, stack.twilio.throttled()) };
}

async function resultOf(stack: Stack, b: Bench, settings: BenchSettings): Promise<SystemResult> {
  const completed = b.steps.flatMap((s) => s.completed);
  const sum = (key: keyof StepResult['cpu']) =>
    b.steps.reduce((total, s) => total + s.cpu[key], 0) / Math.max(1, completed.length);
  const cpuMsPerOrder = {
    server: sum('server'),
    worker: sum('worker'),
    api: sum('api'),
    store: sum('store'),
    total: 0,
  };
  cpuMsPerOrder.total = cpuMsPerOrder.server + cpuMsPerOrder.worker + cpuMsPerOrder.api + cpuMsPerOrder.store;
  return {
    ordersPerSec: Math.max(0, ...b.steps.map((s) => s.achieved)),
    curve: b.steps.map((s) => ({ offered: s.offered, achieved: s.achieved })),
    cpuMsPerOrder,
    latency: b.latency,
    history: await historySize(
      stack.client,
      completed.slice(0, settings.historySample).map((id) => b.system.workflowId(id)),
    ),
    workerRssPerCachedChainMB: b.rssPerCached,
    openChains: b.open,
    ...(b.system.name === 'doorstep' && { notices: await tally(stack) }),
  };
}

function machine(): BenchResult['machine'] {
  const version = execFileSync(temporalCli(), ['--version']).toString().trim();
  return {
    os: `${type()} ${release()}`,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    cpus: cpus().length,
    memGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    temporal: version,
  };
}

/** Runs the benchmark with `settings`; `quick` only labels the result; `profileDir` collects CPU profiles. */
export async function runBench(settings: BenchSettings, quick: boolean, profileDir?: string): Promise<BenchResult> {
  const date = new Date().toISOString();
  const progress = new Progress();
  const benches = new Map<System['name'], Bench>();
  progress.phase('starting Temporal, PostgreSQL, workers and APIs', 1);
  const stack = await startStack((name, t) => benches.get(name)?.follower.take(t), profileDir);
  progress.tick();
  progress.end();
  try {
    const both = [stack.doorstep, stack.skeleton].map((system): Bench => {
      const b = {
        system,
        follower: new Follower(system.name === 'doorstep' ? 'tracking' : 'handed_to_carrier'),
        orders: new Orders(),
        steps: [],
        latency: [],
        open: [],
        rssPerCached: 0,
      };
      benches.set(system.name, b);
      return b;
    });
    const step = async (b: Bench, rate: number, seconds: number) => {
      progress.phase(`${b.system.name}: ${rate.toFixed(1)} orders/s`, Math.ceil(rate * seconds));
      const s = await loadStep(
        b.system,
        b.follower,
        b.orders,
        { server: stack.temporal.pid, store: stack.postgres.pid },
        { rate, seconds, warmupSeconds: settings.warmupSeconds, drainSeconds: settings.drainSeconds },
        progress,
      );
      progress.end(`achieved ${s.achieved.toFixed(1)}/s, median order ${Math.round(s.orderMs)} ms, ${s.failed} failed`);
      return s;
    };
    // The ramp alternates A and B at each rate, so that drift on the machine hits both alike.
    for (
      let i = 0, rate = settings.startRate;
      i < settings.maxSteps && both.some((b) => !saturated(b.steps.at(-1)));
      i++, rate *= settings.rateFactor
    ) {
      for (const b of both) if (!saturated(b.steps.at(-1))) b.steps.push(await step(b, rate, settings.stepSeconds));
    }
    for (const fraction of FRACTIONS) {
      for (const b of both) {
        const s = await step(b, Math.max(0.5, fraction * kneeOf(b.steps)), settings.latencySeconds);
        b.latency.push({ fraction, rate: s.offered, postOrders: s.postOrders, eventToSend: s.eventToSend });
      }
    }
    for (const b of both) await openPhase(stack, b, settings.openChains, progress);
    const [doorstep, skeleton] = await Promise.all(both.map((b) => resultOf(stack, b, settings)));
    const ratios = {
      throughput: doorstep.ordersPerSec / (skeleton.ordersPerSec || 1),
      cpuPerOrder: doorstep.cpuMsPerOrder.total / (skeleton.cpuMsPerOrder.total || 1),
    };
    const result: BenchResult = {
      date,
      quick,
      machine: machine(),
      settings: { ...settings },
      doorstep,
      skeleton,
      ratios,
      goals: [],
      tuning: [],
    };
    result.goals = goalsOf(result);
    return result;
  } finally {
    await stack.stop();
  }
}
