/**
 * What every Doorstep process does first and last (`npm start`, the worker, the API): the
 * configuration (a mistake exits with 78), tracing, the store and a Temporal client, opened in that
 * order, and a shutdown that closes whatever the process opened, the last opened first.
 */
import type { Client } from '@temporalio/client';
import { createStore, type Store } from '../store';
import { loadConfigOrExit, type AppConfig } from './config';
import { collectProcessMetrics } from './metrics';
import { connectClient } from './temporal';
import { startTracing, type Tracing } from './tracing';

/** Adds a step to the shutdown: steps run one after the other, the last added first. */
export type OnShutdown = (step: () => unknown) => void;

export interface Bootstrapped {
  config: AppConfig;
  tracing?: Tracing;
  store: Store;
  /** Passes the active trace on to the workflows when tracing is on. */
  client: Client;
  onShutdown: OnShutdown;
  /** Runs the shutdown steps (once). */
  shutdown(): Promise<void>;
}

export interface BootstrapOptions {
  /** Names the process's spans unless OTEL_SERVICE_NAME does. */
  service: string;
  /** Runs before the store opens and Temporal is dialled: `npm start` starts its own dev server here. */
  beforeConnect?: (config: AppConfig, onShutdown: OnShutdown) => Promise<void>;
}

/** Opens what every process needs, each registered to be closed at shutdown. */
export async function bootstrap({ service, beforeConnect }: BootstrapOptions): Promise<Bootstrapped> {
  const config = loadConfigOrExit();
  const steps: (() => unknown)[] = [];
  const onShutdown: OnShutdown = (step) => void steps.push(step);
  const tracing = await startTracing(service, config.tracing);
  if (tracing) onShutdown(() => tracing.shutdown());
  await beforeConnect?.(config, onShutdown);
  const store = await createStore(config);
  onShutdown(() => store.close());
  const client = await connectClient(config.temporal, config, tracing !== undefined);
  onShutdown(() => client.connection.close());
  collectProcessMetrics();
  const shutdown = async () => {
    for (const step of steps.splice(0).reverse()) await step();
  };
  return { config, tracing, store, client, onShutdown, shutdown };
}

/** Shuts down and exits 0 on SIGINT or SIGTERM: for a process without a worker (a worker stops itself on them). */
export function exitOnSignal({ shutdown }: Pick<Bootstrapped, 'shutdown'>): void {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void shutdown().then(() => process.exit(0)));
  }
}
