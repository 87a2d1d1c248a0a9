/** Builds the express app: `/v1` API with keys and scopes, customer pages, health. */
import express from 'express';
import type { AppConfig } from '../common/config';
import { exposition } from '../common/metrics';
import type { Tokens } from '../common/tokens';
import type { AddressKeyer } from '../store/address-key';
import type { Store } from '../store';
import { authenticate, throttle } from './auth';
import { consoleRouter } from './console/router';
import type { Chains } from './chains';
import { openApiDocument } from './openapi';
import { requestMetrics } from './metrics';
import { requestLog } from './request-log';
import { routeTemplate } from './route-template';
import { traceRequests } from './tracing';
import { errorHandler, problem } from './problem';
import { carrierWebhooksRouter } from './routes/carrier-webhooks';
import { feedbackRouter } from './routes/feedback';
import { ordersRouter } from './routes/orders';
import { reportsRouter } from './routes/reports';
import { trackingRouter } from './routes/tracking';
import { twilioRouter } from './routes/twilio';
import { unsubscribeRouter } from './routes/unsubscribe';

export interface AppDeps {
  config: Pick<AppConfig, 'shops' | 'apiKeys' | 'publicBaseUrl' | 'twilio' | 'staff' | 'secret' | 'carrierWebhooks'>;
  chains: Chains;
  tokens: Tokens;
  store: Store;
  addressKey: AddressKeyer;
}

/** The app, ready for `listen` or supertest. */
export function createApp({ config, chains, tokens, store, addressKey }: AppDeps): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.use(routeTemplate());
  app.use(traceRequests());
  app.use(requestLog());
  app.use(requestMetrics());
  // Before the body parsers: a signature is checked over the raw body.
  app.use(carrierWebhooksRouter({ endpoints: config.carrierWebhooks, chains }));
  app.use(express.json({ limit: '100kb' }));
  app.use(express.urlencoded({ extended: false, limit: '100kb' }));

  app.get('/healthz', (_req, res) => void res.json({ status: 'ok' }));
  app.get('/readyz', async (_req, res) => {
    const ready = await chains.ready();
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'temporal unreachable' });
  });
  app.get('/metrics', async (_req, res) => {
    const { contentType, body } = await exposition();
    res.type(contentType).send(body);
  });
  app.get('/v1/openapi.json', (_req, res) => void res.json(openApiDocument()));
  app.use(feedbackRouter({ chains, tokens }));
  app.use(trackingRouter({ chains, tokens }));
  app.use(unsubscribeRouter({ tokens, store }));
  app.use(
    twilioRouter({
      authToken: config.twilio?.authToken,
      publicBaseUrl: config.publicBaseUrl,
      chains,
      store,
      addressKey,
    }),
  );
  const caller = [authenticate(config.apiKeys), throttle()];
  app.use(
    '/v1/orders',
    ...caller,
    ordersRouter({ chains, tokens, shops: config.shops, publicBaseUrl: config.publicBaseUrl }),
  );
  app.use('/v1/reports', ...caller, reportsRouter({ store, shops: config.shops }));
  app.use(
    '/console',
    consoleRouter({
      staff: config.staff,
      secret: config.secret,
      publicBaseUrl: config.publicBaseUrl,
      chains,
      store,
      shops: config.shops,
    }),
  );
  app.use((_req, res) => problem(res, 404, 'no such resource'));
  app.use(errorHandler);
  return app;
}
