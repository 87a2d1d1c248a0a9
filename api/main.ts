/** `npm run api`: one API process against the configured Temporal cluster. */
import { loadConfig } from '../common/config';
import { logger } from '../common/logger';
import { connectClient } from '../common/temporal';
import { startApi } from './server';

const config = loadConfig();
const server = await startApi(config, await connectClient(config.temporal));
logger.info({ port: config.port }, 'api listening');
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => server.close(() => process.exit(0)));
