/** Serves the API app on PORT (used by `npm run api` and `npm start`). */
import type { Server } from 'node:http';
import type { Client } from '@temporalio/client';
import type { AppConfig } from '../common/config';
import { createTokens } from '../common/tokens';
import { createApp } from './app';
import { Chains } from './chains';

/** Listens on the configured port; resolves once it accepts connections. */
export function startApi(config: AppConfig, client: Client): Promise<Server> {
  const app = createApp({ config, chains: new Chains(client), tokens: createTokens(config.secret) });
  return new Promise((resolve) => {
    const server = app.listen(config.port, () => resolve(server));
  });
}
