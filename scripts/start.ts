/**
 * `npm start`: everything on embedded defaults. Without TEMPORAL_ADDRESS it runs the Temporal dev
 * server itself (state in the data dir, so chains survive a restart); then the worker and the API.
 */
import { startApi, stopApi } from '../api/server';
import { bootstrap } from '../common/bootstrap';
import { DEV_SERVER_RETENTION_DAYS, type AppConfig } from '../common/config';
import { logger } from '../common/logger';
import { openWorker } from '../worker/open-worker';
import { startDevServer, type DevServerProcess } from './dev-server';

let devServer: DevServerProcess | undefined;
const boot = await bootstrap({
  service: 'doorstep',
  async beforeConnect(config, onShutdown) {
    if (config.temporal.address || process.env.TEMPORAL_CONFIG_FILE) return;
    const server = await startDevServer(
      config.dataDir,
      Number(process.env.TEMPORAL_DEV_PORT ?? 7233),
      Number(process.env.TEMPORAL_DEV_UI_PORT ?? 8233),
    );
    onShutdown(() => server.stop());
    config.temporal.address = server.address;
    devServer = server;
  },
});
const { config, store } = boot;
// Doorstep's own dev server keeps closed chains for a month unless told otherwise; a cluster only when told.
const retentionDays = config.retention.namespaceDays ?? (devServer ? DEV_SERVER_RETENTION_DAYS : undefined);
const { worker } = await openWorker(boot, retentionDays);
const server = await startApi(config, boot.client, store);
boot.onShutdown(() => stopApi(server));
console.log(banner(config, store.sql.kind, devServer).join('\n'));

// The worker stops itself on SIGINT/SIGTERM; then the rest follows.
await worker.run();
await boot.shutdown();
logger.info('stopped');

/** What `npm start` prints once everything is up: where each part is, and the demo's credentials. */
function banner(config: AppConfig, store: 'postgres' | 'embedded', devServer?: DevServerProcess): string[] {
  return [
    `Doorstep is running.`,
    `  API and pages:  http://localhost:${config.port}  (OpenAPI: /v1/openapi.json)`,
    `  Temporal:       ${config.temporal.address}${devServer ? `  (web UI: ${devServer.uiUrl})` : ''}`,
    `  Outbox:         ${config.smtp && config.twilio ? 'off (SMTP and Twilio configured)' : config.outboxFile}`,
    `  Store:          ${store === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : `embedded, in ${config.dataDir}/store`}`,
    `  Console:        http://localhost:${config.port}/console`,
    `  Metrics:        http://localhost:${config.port}/metrics  (Temporal SDK: http://localhost:${config.sdkMetricsPort}/metrics)`,
    ...(config.devKey ? [`  Dev API key:    ${config.devKey}  (shop "demo")`] : []),
    ...(config.devStaff
      ? [`  Console login:  ${config.devStaff.username} / ${config.devStaff.password}  (editor of shop "demo")`]
      : []),
    `Press Ctrl-C to stop.`,
  ];
}
