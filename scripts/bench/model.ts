/** What one `npm run bench` produces: bench/results/<date>.json, from which docs/benchmarks.md is written. */

/** Latency percentiles in milliseconds. */
export interface Percentiles {
  count: number;
  p50: number;
  p95: number;
  p99: number;
}

/** One offered load on the way to saturation. */
export interface LoadStep {
  /** Orders per second offered (started at a fixed rate). */
  offered: number;
  /** Orders per second whose whole scripted path completed. */
  achieved: number;
}

/** Latencies at a fraction of the knee (the highest rate the system still keeps up with). */
export interface LatencyAtLoad {
  /** 0.25, 0.5 or 0.75 of the knee. */
  fraction: number;
  /** Orders per second offered. */
  rate: number;
  postOrders: Percentiles;
  /**
   * From the tracking event's POST to the start of the notice's send (the sink's first byte; the skeleton's
   * no-op activity start).
   */
  eventToSend: Percentiles;
}

/** Memory and disk with chains open and waiting on their timers. */
export interface OpenChains {
  count: number;
  workerRssMB: number;
  serverRssMB: number;
  /** Temporal's SQLite file (with WAL) plus, for Doorstep, the store's database. */
  storeMB: number;
}

export interface NoticeTally {
  /** Notices the chains recorded as sent on this channel. */
  sent: number;
  /** Messages the sink received. */
  received: number;
  lost: number;
  duplicated: number;
  /** Received per second over the run's sending period. */
  perSec: number;
  /** 429s the Twilio-compatible endpoint answered (SMS only). */
  throttled?: number;
}

export interface SystemResult {
  /** The knee: orders per second at saturation. */
  ordersPerSec: number;
  curve: LoadStep[];
  /** CPU milliseconds per completed order, by process; `store` is Doorstep's PostgreSQL (the skeleton has none). */
  cpuMsPerOrder: { server: number; worker: number; api: number; store: number; total: number };
  latency: LatencyAtLoad[];
  history: { eventsPerOrder: number; bytesPerOrder: number };
  /** Worker RSS growth per chain held in the workflow cache (MB). */
  workerRssPerCachedChainMB: number;
  openChains: OpenChains[];
  notices?: { email: NoticeTally; sms: NoticeTally };
}

export interface Goal {
  name: string;
  target: string;
  value: string;
  met: boolean;
}

export interface BenchResult {
  /** ISO instant the run started. */
  date: string;
  quick: boolean;
  machine: { os: string; cpuModel: string; cpus: number; memGiB: number; node: string; temporal: string };
  /** What was run: orders per step, step length, open-chain counts, alternation rounds. */
  settings: Record<string, number | string | number[]>;
  doorstep: SystemResult;
  skeleton: SystemResult;
  /** Doorstep over skeleton: throughput T (≥ 0.9 wanted) and CPU per order (≤ 1.15 wanted). */
  ratios: { throughput: number; cpuPerOrder: number };
  goals: Goal[];
  /** Tuning done on the numbers' advice, with before and after. */
  tuning: { change: string; before: string; after: string }[];
  /** Where the gaps to the skeleton come from and why a goal is not met (hand-kept in bench/gaps.md). */
  gaps?: string;
}
