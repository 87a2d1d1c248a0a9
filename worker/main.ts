/**
 * `npm run worker`: one worker process against the configured Temporal cluster, with Doorstep's
 * /metrics on METRICS_PORT and the Temporal SDK's on SDK_METRICS_PORT.
 */
import { bootstrap } from '../common/bootstrap';
import { logger } from '../common/logger';
import { serveMetrics } from '../common/metrics';
import { openWorker } from './open-worker';

const boot = await bootstrap({ service: 'doorstep-worker' });
const { config, store, tracing } = boot;
const { worker, namespace } = await openWorker(boot, config.retention.namespaceDays);
const metrics = await serveMetrics(config.metricsPort);
boot.onShutdown(() => metrics.close());
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
// The worker stops itself on SIGINT/SIGTERM; then the rest follows.
await worker.run();
await boot.shutdown();
