/** `npm run worker`: one worker process against the configured Temporal cluster. */
import { loadConfig } from '../common/config';
import { logger } from '../common/logger';
import { connectClient, connectWorker, ensureSearchAttributes } from '../common/temporal';
import { createWorker } from './worker';

const config = loadConfig();
await ensureSearchAttributes(await connectClient(config.temporal));
const { connection, namespace } = await connectWorker(config.temporal);
const worker = await createWorker(config, connection, namespace);
logger.info({ namespace }, 'worker started');
await worker.run();
await connection.close();
