/**
 * `POST /v1/carrier-webhooks/{endpoint}/dry-run`: what a sample payload would become at one of the
 * shop's carrier endpoints (AfterShip, InPost, CDEK, a mapped one), without delivering anything and
 * without the carrier's signature: each update's parcel, the carrier's status, what it means, the
 * Doorstep event it would be and the chains its number is linked to. A shop tries its mapping here.
 */
import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { Router } from 'express';
import { z } from 'zod';
import type { CarrierWebhook } from '../../common/config';
import { pushFormat } from '../../connectors/carriers/formats';
import { FormatError, toTrackingEvent, type CarrierUpdate } from '../../connectors/carriers/model';
import type { Parcels } from '../../store/parcels';
import { CarrierStatus, EXCEPTION_REASONS } from '../../workflows/contract';
import { callerOf, requireScope } from '../auth';
import { json, keyed } from '../openapi/components';
import { routes } from '../openapi/route';
import { problem } from '../problem';

const MOUNT = '/v1/carrier-webhooks';

const Sample = z
  .looseObject({})
  .meta({ id: 'CarrierSample', description: 'a payload as the carrier would post it to the endpoint' });

const DryRunUpdate = z.object({
  carrier: z.string(),
  trackingNumber: z.string(),
  carrierStatus: CarrierStatus.describe("the carrier's own code, text and ETA"),
  meaning: z.object({
    event: z.string().describe('the Doorstep event the status means (carrier_status: unmapped, kept and counted)'),
    reason: z.enum(EXCEPTION_REASONS).optional().describe("an exception's normalized reason"),
  }),
  unmapped: z.boolean().describe("no row of the endpoint's table names the status"),
  event: z
    .looseObject({ eventId: z.string(), type: z.string(), at: z.string() })
    .describe('the event a chain would get'),
  chains: z.array(z.object({ orderId: z.string() })).describe("the shop's chains the number is linked to"),
});

const DryRun = z
  .object({ endpoint: z.string(), format: z.string(), updates: z.array(DryRunUpdate) })
  .meta({ id: 'CarrierDryRun' });
type DryRun = z.infer<typeof DryRun>;

export interface CarrierDryRunDeps {
  endpoints: CarrierWebhook[];
  parcels: Pick<Parcels, 'find'>;
  registry: OpenAPIRegistry;
}

/** One update as the dry run shows it, with the chains of the endpoint's shop its number belongs to. */
async function shown(update: CarrierUpdate, shop: string, parcels: Pick<Parcels, 'find'>) {
  const linked = await parcels.find(update.carrier, update.trackingNumber, shop);
  return {
    carrier: update.carrier,
    trackingNumber: update.trackingNumber,
    carrierStatus: update.status,
    meaning: update.meaning,
    unmapped: update.meaning.event === 'carrier_status',
    event: toTrackingEvent(update),
    chains: linked.map((p) => ({ orderId: p.orderId })),
  };
}

export function carrierDryRunRouter({ endpoints, parcels, registry }: CarrierDryRunDeps): Router {
  const router = Router();
  const route = routes(router, registry, MOUNT);
  route.post(
    `${MOUNT}/{endpoint}/dry-run`,
    keyed(
      "What a sample payload becomes at one of the shop's carrier endpoints (nothing delivered, no signature checked)",
      { params: z.object({ endpoint: z.string().max(64) }), body: Sample },
      { 200: { description: 'the updates the payload holds', ...json(DryRun) } },
      [404],
    ),
    requireScope('orders:write'),
    async (_req, res, { params, body }) => {
      const endpoint = endpoints.find((e) => e.id === params.endpoint && e.shop === callerOf(res).shop);
      const format = endpoint && pushFormat(endpoint.format);
      if (!endpoint || !format) return problem(res, 404, `no carrier-format endpoint ${params.endpoint} of this shop`);
      let updates: CarrierUpdate[];
      try {
        updates = await format.parse(body, endpoint as never);
      } catch (err) {
        if (!(err instanceof FormatError)) throw err;
        return problem(res, 400, err.message);
      }
      const answer: DryRun = {
        endpoint: endpoint.id,
        format: format.id,
        updates: await Promise.all(updates.map((u) => shown(u, endpoint.shop, parcels))),
      };
      res.json(answer);
    },
  );
  return router;
}
