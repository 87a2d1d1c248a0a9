/**
 * The worker part of a process (`npm run worker`, `npm start`): the cluster made ready for the
 * chains, then the SDK runtime, the worker's own connection, the channels and the worker.
 */
import type { Worker } from '@temporalio/worker';
import type { Bootstrapped } from '../common/bootstrap';
import {
  applyNamespaceRetention,
  connectWorker,
  ensureCarrierPolls,
  ensureRetentionSchedule,
  ensureSearchAttributes,
} from '../common/temporal';
import { installRuntime } from './runtime';
import { syncShopSettings } from './shop-settings';
import { buildChannels, closeChannels } from './transports';
import { createWorker } from './worker';

/**
 * Registers the search attributes, sets the namespace's retention to `retentionDays` (left as the
 * cluster has it when unset), schedules the retention job and tells running chains of changed shop
 * settings; then creates the worker, its connection and channels closed at shutdown.
 */
export async function openWorker(
  boot: Bootstrapped,
  retentionDays: number | undefined,
): Promise<{ worker: Worker; namespace: string }> {
  const { config, client, store, tracing, onShutdown } = boot;
  await ensureSearchAttributes(client);
  if (retentionDays) await applyNamespaceRetention(client, retentionDays);
  await ensureRetentionSchedule(client, config.taskQueue);
  await syncShopSettings(client, store, [...config.shops.values()]);
  installRuntime(config.sdkMetricsPort);
  const { connection, namespace } = await connectWorker(config.temporal);
  onShutdown(() => connection.close());
  const channels = buildChannels(config);
  onShutdown(() => closeChannels(channels));
  const worker = await createWorker(config, connection, namespace, { store, channels, tracing });
  await ensureCarrierPolls(
    client,
    config.taskQueue,
    config.carrierPolls.map((p) => p.carrier),
  );
  return { worker, namespace };
}
