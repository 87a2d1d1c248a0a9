/** `npm run api`: one API process against the configured Temporal cluster (traced when OTEL_* says so). */
import { bootstrap, exitOnSignal } from '../common/bootstrap';
import { logger } from '../common/logger';
import { startApi, stopApi } from './server';

const boot = await bootstrap({ service: 'doorstep-api' });
const { config, store, tracing } = boot;
const server = await startApi(config, boot.client, store);
boot.onShutdown(() => stopApi(server));
logger.info({ port: config.port, store: store.sql.kind, tracing: tracing !== undefined }, 'api listening');
exitOnSignal(boot);
