/** Builds the express app: `/v1` API with keys and scopes, customer pages, health. */
import express from 'express';
import type { AppConfig } from '../common/config';
import type { Tokens } from '../common/tokens';
import type { AddressKeyer } from '../store/address-key';
import type { Store } from '../store';
import { authenticate, throttle } from './auth';
import { consoleRouter } from './console/router';
import type { Chains } from './chains';
import { openApiRegistry } from './openapi';
import { requestMetrics } from './metrics';
import { requestLog } from './request-log';
import { routeTemplate } from './route-template';
import { traceRequests } from './tracing';
import { errorHandler, problem } from './problem';
import { carrierDryRunRouter } from './routes/carrier-dry-run';
import { carrierWebhooksRouter } from './routes/carrier-webhooks';
import { shopBrands } from './pages/layout';
import { feedbackRouter } from './routes/feedback';
import { ordersRouter } from './routes/orders';
import { reportsRouter } from './routes/reports';
import { serviceRouter } from './routes/service';
import { templatesRouter } from './routes/templates';
import { trackingRouter } from './routes/tracking';
import { twilioRouter } from './routes/twilio';
import { unsubscribeRouter } from './routes/unsubscribe';

export interface AppDeps {
  config: Pick<
    AppConfig,
    'shops' | 'voices' | 'apiKeys' | 'publicBaseUrl' | 'twilio' | 'staff' | 'secret' | 'carrierWebhooks' | 'trustProxy'
  >;
  chains: Chains;
  tokens: Tokens;
  store: Store;
  addressKey: AddressKeyer;
}

/** The app, ready for `listen` or supertest. */
export function createApp({ config, chains, tokens, store, addressKey }: AppDeps): express.Express {
  const app = express();
  app.disable('x-powered-by');
  if (config.trustProxy !== undefined) app.set('trust proxy', config.trustProxy);
  app.use(routeTemplate());
  app.use(traceRequests());
  app.use(requestLog());
  app.use(requestMetrics());
  // Every router enters its operations in the document as it installs its routes.
  const registry = openApiRegistry();
  // Before the body parsers: a signature is checked over the raw body.
  app.use(carrierWebhooksRouter({ endpoints: config.carrierWebhooks, chains, store, registry }));
  // A carrier's sample for the dry run is as large as the carrier sends it (an aggregator's whole history).
  app.use('/v1/carrier-webhooks', express.json({ limit: '1mb' }));
  app.use(express.json({ limit: '100kb' }));
  app.use(express.urlencoded({ extended: false, limit: '100kb' }));

  app.use(serviceRouter({ chains, registry }));
  // The customer pages wear their shop's brand.
  const brands = shopBrands(config);
  app.use(feedbackRouter({ chains, tokens, registry, brands }));
  app.use(trackingRouter({ chains, tokens, brands, shops: config.shops, voices: config.voices }));
  app.use(unsubscribeRouter({ tokens, store, brands }));
  app.use(
    twilioRouter({
      authToken: config.twilio?.authToken,
      publicBaseUrl: config.publicBaseUrl,
      chains,
      store,
      addressKey,
      registry,
    }),
  );
  const caller = [authenticate(config.apiKeys), throttle()];
  app.use(
    '/v1/orders',
    ...caller,
    ordersRouter({ chains, tokens, shops: config.shops, publicBaseUrl: config.publicBaseUrl, registry }),
  );
  app.use('/v1/reports', ...caller, reportsRouter({ store, shops: config.shops, registry }));
  app.use(
    '/v1/carrier-webhooks',
    ...caller,
    carrierDryRunRouter({ endpoints: config.carrierWebhooks, parcels: store.parcels, registry }),
  );
  app.use(
    '/v1/templates',
    ...caller,
    templatesRouter({
      store,
      shops: config.shops,
      voices: config.voices,
      tokens,
      publicBaseUrl: config.publicBaseUrl,
      registry,
    }),
  );
  app.use(
    '/console',
    consoleRouter({
      staff: config.staff,
      secret: config.secret,
      publicBaseUrl: config.publicBaseUrl,
      chains,
      store,
      shops: config.shops,
      voices: config.voices,
      tokens,
    }),
  );
  app.use((_req, res) => problem(res, 404, 'no such resource'));
  app.use(errorHandler);
  return app;
}
