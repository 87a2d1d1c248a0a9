/**
 * `npm start`: everything on embedded defaults. Without TEMPORAL_ADDRESS it runs the Temporal dev
 * server itself (state in the data dir, so chains survive a restart); then the worker and the API.
 */
import { DEV_SERVER_RETENTION_DAYS, loadConfigOrExit } from '../common/config';
import { logger } from '../common/logger';
import { collectProcessMetrics } from '../common/metrics';
import { createStore } from '../store';
import {
  applyNamespaceRetention,
  connectClient,
  connectWorker,
  ensureRetentionSchedule,
  ensureSearchAttributes,
} from '../common/temporal';
import { startTracing } from '../common/tracing';
import { startApi } from '../api/server';
import { buildChannels, closeChannels } from '../worker/transports';
import { installRuntime } from '../worker/runtime';
import { syncShopSettings } from '../worker/shop-settings';
import { createWorker } from '../worker/worker';
import { startDevServer, type DevServerProcess } from './dev-server';

const config = loadConfigOrExit();
installRuntime(config.sdkMetricsPort);
const tracing = await startTracing('doorstep');
let devServer: DevServerProcess | undefined;
if (!config.temporal.address && !process.env.TEMPORAL_CONFIG_FILE) {
  devServer = await startDevServer(
    config.dataDir,
    Number(process.env.TEMPORAL_DEV_PORT ?? 7233),
    Number(process.env.TEMPORAL_DEV_UI_PORT ?? 8233),
  );
  config.temporal.address = devServer.address;
}
const store = await createStore(config);
const client = await connectClient(config.temporal, config, tracing !== undefined);
await ensureSearchAttributes(client);
// Doorstep's own dev server keeps closed chains for a month unless told otherwise; a cluster only when told.
const retentionDays = config.retention.namespaceDays ?? (devServer ? DEV_SERVER_RETENTION_DAYS : undefined);
if (retentionDays) await applyNamespaceRetention(client, retentionDays);
await ensureRetentionSchedule(client, config.taskQueue);
await syncShopSettings(client, store, [...config.shops.values()]);
const { connection, namespace } = await connectWorker(config.temporal);
const channels = buildChannels(config);
const worker = await createWorker(config, connection, namespace, { store, channels, tracing });
collectProcessMetrics();
const server = await startApi(config, client, store);

const lines = [
  `Doorstep is running.`,
  `  API and pages:  http://localhost:${config.port}  (OpenAPI: /v1/openapi.json)`,
  `  Temporal:       ${config.temporal.address}${devServer ? `  (web UI: ${devServer.uiUrl})` : ''}`,
  `  Outbox:         ${config.smtp && config.twilio ? 'off (SMTP and Twilio configured)' : config.outboxFile}`,
  `  Store:          ${store.sql.kind === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : `embedded, in ${config.dataDir}/store`}`,
  `  Console:        http://localhost:${config.port}/console`,
  `  Metrics:        http://localhost:${config.port}/metrics  (Temporal SDK: http://localhost:${config.sdkMetricsPort}/metrics)`,
  ...(config.devKey ? [`  Dev API key:    ${config.devKey}  (shop "demo")`] : []),
  ...(config.devStaff
    ? [`  Console login:  ${config.devStaff.username} / ${config.devStaff.password}  (agent of shop "demo")`]
    : []),
  `Press Ctrl-C to stop.`,
];
console.log(lines.join('\n'));

// The worker shuts itself down on SIGINT/SIGTERM; then the rest follows.
await worker.run();
closeChannels(channels);
await new Promise<void>((resolve) => server.close(() => resolve()));
await connection.close();
await client.connection.close();
await store.close();
await devServer?.stop();
await tracing?.shutdown();
logger.info('stopped');
