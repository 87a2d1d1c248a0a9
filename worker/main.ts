/**
 * `npm run worker`: one worker process against the configured Temporal cluster, with Doorstep's
 * /metrics on METRICS_PORT and the Temporal SDK's on SDK_METRICS_PORT.
 */
import { loadConfigOrExit } from '../common/config';
import { logger } from '../common/logger';
import { collectProcessMetrics, serveMetrics } from '../common/metrics';
import {
  applyNamespaceRetention,
  connectClient,
  connectWorker,
  ensureRetentionSchedule,
  ensureSearchAttributes,
} from '../common/temporal';
import { startTracing } from '../common/tracing';
import { createStore } from '../store';
import { buildChannels, closeChannels } from './transports';
import { installRuntime } from './runtime';
import { syncShopSettings } from './shop-settings';
import { createWorker } from './worker';

const config = loadConfigOrExit();
installRuntime(config.sdkMetricsPort);
const tracing = await startTracing('doorstep-worker');
const store = await createStore(config);
const client = await connectClient(config.temporal, config);
await ensureSearchAttributes(client);
if (config.retention.namespaceDays) await applyNamespaceRetention(client, config.retention.namespaceDays);
await ensureRetentionSchedule(client, config.taskQueue);
await syncShopSettings(client, store, [...config.shops.values()]);
await client.connection.close();
const { connection, namespace } = await connectWorker(config.temporal);
const channels = buildChannels(config);
const worker = await createWorker(config, connection, namespace, { store, channels, tracing });
collectProcessMetrics();
const metrics = await serveMetrics(config.metricsPort);
logger.info(
  {
    namespace,
    store: store.sql.kind,
    metricsPort: config.metricsPort,
    sdkMetricsPort: config.sdkMetricsPort,
    tracing: tracing !== undefined,
  },
  'worker started',
);
await worker.run();
closeChannels(channels);
metrics.close();
await connection.close();
await store.close();
await tracing?.shutdown();
