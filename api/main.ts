/** `npm run api`: one API process against the configured Temporal cluster. */
import { loadConfig } from '../common/config';
import { logger } from '../common/logger';
import { collectProcessMetrics } from '../common/metrics';
import { connectClient } from '../common/temporal';
import { createStore } from '../store';
import { startApi } from './server';

const config = loadConfig();
const store = await createStore(config);
collectProcessMetrics();
const server = await startApi(config, await connectClient(config.temporal, config), store);
logger.info({ port: config.port, store: store.sql.kind }, 'api listening');
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => server.close(() => void store.close().then(() => process.exit(0))));
}
