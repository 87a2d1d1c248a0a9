/** `npm run worker`: one worker process against the configured Temporal cluster, with /metrics on METRICS_PORT. */
import { loadConfig } from '../common/config';
import { logger } from '../common/logger';
import { collectProcessMetrics, serveMetrics } from '../common/metrics';
import { connectClient, connectWorker, ensureSearchAttributes } from '../common/temporal';
import { createStore } from '../store';
import { createWorker } from './worker';

const config = loadConfig();
const store = await createStore(config);
await ensureSearchAttributes(await connectClient(config.temporal));
const { connection, namespace } = await connectWorker(config.temporal);
const worker = await createWorker(config, connection, namespace, { store });
collectProcessMetrics();
const metrics = await serveMetrics(config.metricsPort);
logger.info({ namespace, store: store.sql.kind, metricsPort: config.metricsPort }, 'worker started');
await worker.run();
metrics.close();
await connection.close();
await store.close();
