/** Creates the Doorstep worker: chain workflows plus activities wired from configuration. */
import { createRequire } from 'node:module';
import { NativeConnection, Worker, type WorkerOptions } from '@temporalio/worker';
import type { AppConfig } from '../common/config';
import { logger } from '../common/logger';
import { createTokens } from '../common/tokens';
import { createActivities } from '../activities';
import { buildChannels } from './transports';

const require = createRequire(import.meta.url);
export const workflowsPath = require.resolve('../workflows/index.ts');

/** A worker on `connection` for the chain task queue; `overrides` lets tests pass a prebuilt bundle. */
export async function createWorker(
  config: AppConfig,
  connection: NativeConnection,
  namespace: string,
  overrides: Partial<WorkerOptions> = {},
): Promise<Worker> {
  const activities = createActivities({
    channels: buildChannels(config),
    tokens: createTokens(config.secret),
    publicBaseUrl: config.publicBaseUrl,
    log: logger,
  });
  return Worker.create({ connection, namespace, taskQueue: config.taskQueue, workflowsPath, activities, ...overrides });
}
