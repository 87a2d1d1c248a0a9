/** Serves the API app on PORT (used by `npm run api` and `npm start`). */
import type { Server } from 'node:http';
import type { Client } from '@temporalio/client';
import type { AppConfig } from '../common/config';
import { createTokens } from '../common/tokens';
import { addressKeyer } from '../store/address-key';
import type { Store } from '../store';
import { createApp } from './app';
import { Chains } from './chains';

/** The app wired to a Temporal client and the store. */
export function appFor(config: AppConfig, client: Client, store: Store) {
  const addressKey = addressKeyer(config.secret);
  return createApp({
    config,
    chains: new Chains(client, config.taskQueue, addressKey, store.facts, store.tombstones, store.parcels),
    tokens: createTokens(config.tokenKeys),
    store,
    addressKey,
  });
}

/** Stops accepting connections; resolves once the open ones have ended. */
export function stopApi(server: Server): Promise<void> {
  return new Promise((resolve) => server.close(() => resolve()));
}

/** Listens on the configured port; resolves once it accepts connections. */
export function startApi(config: AppConfig, client: Client, store: Store): Promise<Server> {
  const app = appFor(config, client, store);
  return new Promise((resolve) => {
    const server = app.listen(config.port, () => resolve(server));
  });
}
