/** Workflow test bed: the real dev server, a worker with the real activities writing to an outbox. */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, bundleWorkflowCode, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { inject } from 'vitest';
import { loadConfig, type AppConfig } from '../../common/config';
import { createWorker, workflowsPath } from '../../worker/worker';

let bundle: Promise<WorkflowBundleWithSourceMap> | undefined;
/** The workflow bundle, built once per test file. */
export function workflowBundle(): Promise<WorkflowBundleWithSourceMap> {
  bundle ??= bundleWorkflowCode({ workflowsPath, logger: { trace() {}, debug() {}, info() {}, warn() {}, error() {}, log() {} } });
  return bundle;
}

/** A configuration whose data dir (secret, outbox) is a fresh temporary folder. */
export function testConfig(env: Record<string, string> = {}): AppConfig {
  // A task queue per test file keeps parallel files' workers (and secrets) apart.
  return loadConfig({ DOORSTEP_DATA_DIR: mkdtempSync(join(tmpdir(), 'doorstep-')), DOORSTEP_TASK_QUEUE: `doorstep-${randomUUID()}`, PORT: '8080', ...env });
}

/** Everything the outbox received, oldest first. */
export function outbox(config: AppConfig): { channel: string; to: string; subject: string; text: string; idempotencyKey: string }[] {
  if (!existsSync(config.outboxFile)) return [];
  return readFileSync(config.outboxFile, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
}

export interface DevServer {
  client: Client;
  connection: NativeConnection;
  config: AppConfig;
  /** Runs `fn` while a fresh worker serves the chain task queue. */
  withWorker<T>(fn: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** Connects to the run's dev server and prepares a worker factory on the shared bundle. */
export async function devServer(config: AppConfig = testConfig()): Promise<DevServer> {
  const address = inject('temporalAddress');
  const client = new Client({ connection: await Connection.connect({ address }) });
  const connection = await NativeConnection.connect({ address });
  const workflowBundleCode = await workflowBundle();
  return {
    client,
    connection,
    config,
    async withWorker(fn) {
      const worker = await createWorker(config, connection, 'default', { workflowBundle: workflowBundleCode, workflowsPath: undefined });
      return worker.runUntil(fn);
    },
    async close() {
      await client.connection.close();
      await connection.close();
    },
  };
}
