/** Workflow test bed: the real dev server, a worker with the real activities, store and outbox. */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { NativeConnection, Worker } from '@temporalio/worker';
import { Registry } from 'prom-client';
import { inject } from 'vitest';
import { loadConfig, type AppConfig } from '../../common/config';
import type { PayloadKey } from '../../common/payload-codec';
import { dataConverterOf } from '../../common/temporal';
import { timeSkippingEnv, workflowBundle } from './time-skipping';
import { createStore, type Store } from '../../store';
import { createWorker, type WorkerDeps } from '../../worker/worker';

/** A configuration whose data dir (secret, outbox, embedded store) is a fresh temporary folder. */
export function testConfig(env: Record<string, string> = {}): AppConfig {
  // A task queue per test file keeps parallel files' workers (and secrets) apart.
  return loadConfig({
    DOORSTEP_DATA_DIR: mkdtempSync(join(tmpdir(), 'doorstep-')),
    DOORSTEP_TASK_QUEUE: `doorstep-${randomUUID()}`,
    PORT: '8080',
    ...env,
  });
}

/** Everything the outbox received, oldest first. */
export function outbox(
  config: AppConfig,
): { channel: string; to: string; subject?: string; text: string; idempotencyKey: string; unsubscribeUrl?: string }[] {
  if (!existsSync(config.outboxFile)) return [];
  return readFileSync(config.outboxFile, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
}

/**
 * Replays a history against the current workflow code, decrypting its payloads with `keys`; resolves when it
 * replays cleanly.
 */
export async function replay(keys: { payloadKeys: PayloadKey[] }, history: unknown, workflowId: string): Promise<void> {
  await Worker.runReplayHistory(
    { workflowBundle: await workflowBundle(), dataConverter: dataConverterOf(keys) },
    history,
    workflowId,
  );
}

/** A worker on the shared bundle, with the real activities wired to `deps`. */
export async function testWorker(
  config: AppConfig,
  connection: NativeConnection,
  namespace: string,
  deps: WorkerDeps,
): Promise<Worker> {
  return createWorker(config, connection, namespace, deps, {
    workflowBundle: await workflowBundle(),
    workflowsPath: undefined,
  });
}

export interface DevServer {
  client: Client;
  connection: NativeConnection;
  config: AppConfig;
  store: Store;
  /** This test file's worker metrics. */
  registry: Registry;
  /**
   * Runs `fn` while a fresh worker serves the chain task queue (on `workerStore`, e.g. one with faults, when
   * given).
   */
  withWorker<T>(fn: () => Promise<T>, workerStore?: Store): Promise<T>;
  close(): Promise<void>;
}

/** Connects to the run's dev server, opens the file's store and prepares a worker factory. */
export async function devServer(config: AppConfig = testConfig()): Promise<DevServer> {
  const address = inject('temporalAddress');
  const client = new Client({
    connection: await Connection.connect({ address }),
    dataConverter: dataConverterOf(config),
  });
  const connection = await NativeConnection.connect({ address });
  const store = await createStore(config);
  const registry = new Registry();
  return {
    client,
    connection,
    config,
    store,
    registry,
    async withWorker(fn, workerStore = store) {
      const worker = await testWorker(config, connection, 'default', { store: workerStore, registry });
      return worker.runUntil(fn);
    },
    async close() {
      await client.connection.close();
      await connection.close();
      await store.close();
    },
  };
}

export interface TimeSkipping {
  env: TestWorkflowEnvironment;
  store: Store;
  /** Runs `fn` while a fresh worker serves the chain task queue. */
  withWorker<T>(fn: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** Starts this file's time-skipping test server (day-long timers in moments) and opens its store. */
export async function timeSkipping(config: AppConfig, registry = new Registry()): Promise<TimeSkipping> {
  const env = await timeSkippingEnv(config);
  const store = await createStore(config);
  return {
    env,
    store,
    async withWorker(fn) {
      const worker = await testWorker(config, env.nativeConnection, env.namespace ?? 'default', { store, registry });
      return worker.runUntil(fn);
    },
    async close() {
      await env.teardown();
      await store.close();
    },
  };
}
