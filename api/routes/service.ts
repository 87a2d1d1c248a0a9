/** The service's own routes: liveness, readiness, Prometheus metrics and the OpenAPI document. */
import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { Router } from 'express';
import { z } from 'zod';
import { exposition } from '../../common/metrics';
import type { Chains } from '../chains';
import { openApiDocument } from '../openapi';
import { json } from '../openapi/components';
import { routes } from '../openapi/route';
import { Health } from '../schemas';

export function serviceRouter({
  chains,
  registry,
}: {
  chains: Pick<Chains, 'ready'>;
  registry: OpenAPIRegistry;
}): Router {
  const router = Router();
  const route = routes(router, registry);

  route.get(
    '/healthz',
    {
      summary: 'Liveness',
      responses: { 200: { description: 'alive', ...json(Health) } },
    },
    (_req, res) => void res.json({ status: 'ok' }),
  );

  route.get(
    '/readyz',
    {
      summary: 'Readiness: Temporal answers',
      responses: {
        200: { description: 'ready', ...json(Health) },
        503: { description: 'Temporal unreachable', ...json(Health) },
      },
    },
    async (_req, res) => {
      const ready = await chains.ready();
      res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'temporal unreachable' });
    },
  );

  route.get(
    '/metrics',
    {
      summary: 'Prometheus metrics of this API process',
      responses: {
        200: { description: 'the text exposition format', content: { 'text/plain': { schema: z.string() } } },
      },
    },
    async (_req, res) => {
      const { contentType, body } = await exposition();
      res.type(contentType).send(body);
    },
  );

  let document: Record<string, unknown> | undefined;
  route.get(
    '/v1/openapi.json',
    {
      summary: 'This document',
      responses: {
        200: { description: 'OpenAPI 3.1', ...json(z.record(z.string(), z.unknown())) },
      },
    },
    // Built on first use, once every router has entered its routes.
    (_req, res) => void res.json((document ??= { ...openApiDocument(registry) })),
  );

  return router;
}
