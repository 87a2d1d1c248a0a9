/** `npm run api`: one API process against the configured Temporal cluster (traced when OTEL_* says so). */
import { loadConfigOrExit } from '../common/config';
import { logger } from '../common/logger';
import { collectProcessMetrics } from '../common/metrics';
import { connectClient } from '../common/temporal';
import { startTracing } from '../common/tracing';
import { createStore } from '../store';
import { startApi } from './server';

const config = loadConfigOrExit();
const tracing = await startTracing('doorstep-api');
const store = await createStore(config);
collectProcessMetrics();
const server = await startApi(config, await connectClient(config.temporal, config, tracing !== undefined), store);
logger.info({ port: config.port, store: store.sql.kind, tracing: tracing !== undefined }, 'api listening');
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () =>
    server.close(() => void Promise.all([store.close(), tracing?.shutdown()]).then(() => process.exit(0))),
  );
}
