/**
 * `/v1/reports`: the touchpoint audit and the carrier scorecard (with the carriers' exceptions by normalized reason)
 * of the caller's shop, from the store's facts, over all chains or one delivery mode's.
 */
import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { Router } from 'express';
import type { z } from 'zod';
import type { Store } from '../../store';
import type { Shop } from '../../workflows/contract';
import { callerOf, requireScope } from '../auth';
import { json, KEYED, problems } from '../openapi/components';
import { routes } from '../openapi/route';
import { CarrierReportSchema, ReportQuery, TouchpointReportSchema } from './report-schemas';

export interface ReportsDeps {
  store: Store;
  shops: Map<string, Shop>;
  registry: OpenAPIRegistry;
}

/**
 * A report's operation: the shop's facts between two instants (the last 30 days unless asked), one carrier's
 * or all, one delivery mode's or all (the default: the answer as before modes).
 */
function report<S extends z.ZodType>(summary: string, description: string, schema: S) {
  return {
    summary,
    secured: true,
    request: { query: ReportQuery },
    responses: { 200: { description, ...json(schema) }, ...problems(...KEYED) },
  };
}

export function reportsRouter({ store, shops, registry }: ReportsDeps): Router {
  const router = Router();
  router.use(requireScope('chains:read'));
  const route = routes(router, registry, '/v1/reports');

  route.get(
    '/v1/reports/touchpoints',
    report(
      'Touchpoint audit: checks, responses, mean score, verdict, weakest link',
      'the audit',
      TouchpointReportSchema,
    ),
    async (_req, res, { query }) => {
      const shop = shops.get(callerOf(res).shop)!;
      res.json({ ...query, ...(await store.reports.touchpoints({ shop: shop.id, ...query }, shop.verdicts)) });
    },
  );

  route.get(
    '/v1/reports/carriers',
    report(
      "Carrier scorecard: on-time rate, carrier-caused delays, conflicts, courier and handover ratings, the carrier's exceptions by normalized reason; pickup points: collected on the first day, expired, hours to collection",
      'the scorecard',
      CarrierReportSchema,
    ),
    async (_req, res, { query }) => {
      const { from, to, mode } = query;
      res.json({ from, to, mode, carriers: await store.reports.carriers({ shop: callerOf(res).shop, ...query }) });
    },
  );

  return router;
}
