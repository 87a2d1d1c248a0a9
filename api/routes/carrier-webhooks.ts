/**
 * `POST /webhooks/carriers/{endpoint}`: a carrier's tracking events. An endpoint in Doorstep's own
 * format ('doorstep') takes events signed the Standard Webhooks way (HMAC-SHA256 over
 * `id.timestamp.body`, five minutes' tolerance) instead of an API key; the endpoint names the shop
 * and the carrier, and an order of another carrier is answered as unknown. An endpoint in a carrier's
 * own format is handled by carrier-push.ts.
 */
import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import express, { Router, type RequestHandler } from 'express';
import { Webhook, WebhookVerificationError } from 'standardwebhooks';
import { z } from 'zod';
import type { CarrierWebhook, DoorstepWebhook, FormatWebhook } from '../../common/config/config-file';
import type { Store } from '../../store';
import { chainWorkflowId } from '../../workflows/definitions';
import type { Chains } from '../chains';
import { carrierSeries, countDelivery, eventMetrics } from '../metrics';
import { json, problems } from '../openapi/components';
import { routes } from '../openapi/route';
import { problem } from '../problem';
import { EventAccepted, EventBody, OrderIdParam } from '../schemas';
import { carrierPush, PushAccepted } from './carrier-push';

/** The body: the order the event belongs to (or the parcel's tracking number), and the event as the API takes it. */
const CarrierEvent = z
  .object({
    orderId: OrderIdParam.shape.orderId.optional(),
    trackingNumber: z.string().trim().min(1).max(64).optional().describe("the parcel's number, instead of orderId"),
    event: EventBody,
  })
  .refine((b) => (b.orderId === undefined) !== (b.trackingNumber === undefined), {
    message: 'give orderId or trackingNumber, not both',
    path: ['orderId'],
  });

const signature = z.object({
  'webhook-id': z.string().describe('unique per message'),
  'webhook-timestamp': z.string().describe('Unix seconds; refused when more than five minutes off'),
  'webhook-signature': z
    .string()
    .describe('space-separated v1,<base64 HMAC-SHA256 of id.timestamp.body>, one per secret during a rotation'),
});

/** Whether any of the endpoint's secrets signed this body (a rotation sends both signatures); why not otherwise. */
function unverified(hooks: Webhook[], body: Buffer, headers: Record<string, string>): string | undefined {
  for (const hook of hooks) {
    try {
      hook.verify(body, headers, { jsonParse: false });
      return undefined;
    } catch (err) {
      if (!(err instanceof WebhookVerificationError)) throw err;
      // A stale or missing timestamp is the same for every secret.
      if (!/signature found/.test(err.message)) return err.message.toLowerCase();
    }
  }
  return 'no matching signature';
}

/** The answers of a delivery: Doorstep's format answers its event's result, a carrier's format each update's. */
const ANSWERS = {
  202: {
    description: "applied (doorstep), or taken with each update's outcome",
    ...json(EventAccepted.or(PushAccepted)),
  },
  200: {
    description: 'a duplicate eventId (doorstep), or a replayed delivery',
    ...json(EventAccepted.or(PushAccepted)),
  },
};

export interface CarrierWebhooksDeps {
  endpoints: CarrierWebhook[];
  chains: Chains;
  store: Pick<Store, 'parcels' | 'webhooks'>;
  registry: OpenAPIRegistry;
}

/** The carriers' webhook routes: Doorstep's own format here, carriers' own formats in carrier-push.ts. */
export function carrierWebhooksRouter({ endpoints, chains, store, registry }: CarrierWebhooksDeps): Router {
  const doorstep = endpoints.filter((e): e is DoorstepWebhook => e.format === 'doorstep');
  const formats = endpoints.filter((e): e is FormatWebhook => e.format !== 'doorstep');
  if (doorstep.length) carrierSeries(['doorstep']);
  const hooks = new Map(doorstep.map((e) => [e.id, { endpoint: e, verifiers: e.secrets.map((s) => new Webhook(s)) }]));
  /** Refuses an unknown endpoint or a bad signature; hands the verified body on as JSON. */
  const verified: RequestHandler = (req, res, next) => {
    const hook = hooks.get(String(req.params.endpoint));
    if (!hook) return problem(res, 404, 'no such webhook endpoint');
    const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    const headers = Object.fromEntries(signature.keyof().options.map((h) => [h, req.get(h) ?? '']));
    const why = unverified(hook.verifiers, body, headers);
    if (why) {
      countDelivery('doorstep', 'rejected_signature');
      return problem(res, 401, `webhook refused: ${why}`);
    }
    try {
      req.body = JSON.parse(body.toString('utf8'));
    } catch {
      countDelivery('doorstep', 'bad_body');
      return problem(res, 400, 'the body is not JSON');
    }
    countDelivery('doorstep', 'accepted');
    next();
  };
  const router = Router();
  const { parcels, webhooks: receipts } = store;
  // A carrier's own format first; Doorstep's endpoints (and unknown ones) go on to the documented route.
  router.post('/webhooks/carriers/:endpoint', ...carrierPush({ endpoints: formats, chains, parcels, receipts }));
  /** The order a parcel of this endpoint's carrier belongs to in its shop (one at most: the index is per shop). */
  const orderOf = async (shop: string, carrier: string, trackingNumber: string) =>
    (await parcels.find(carrier, trackingNumber, shop))[0]?.orderId;
  const route = routes(router, registry);
  // The signature covers the exact bytes sent: the body is read raw and validated only once verified.
  route.post(
    '/webhooks/carriers/{endpoint}',
    {
      summary:
        "A carrier's tracking events: Doorstep's body signed the Standard Webhooks way (below), or the body of the " +
        "endpoint's carrier format (aftership, inpost, cdek, mapped) verified the carrier's own way",
      request: { params: z.object({ endpoint: z.string() }), body: CarrierEvent },
      signature,
      responses: { ...ANSWERS, ...problems(400, 401, 403, 404, 409, 413) },
    },
    eventMetrics('webhook'),
    express.raw({ type: () => true, limit: '100kb' }),
    verified,
    async (_req, res, { params, body }) => {
      const { shop, carrier } = hooks.get(params.endpoint)!.endpoint;
      const orderId = body.orderId ?? (await orderOf(shop, carrier, body.trackingNumber!));
      if (!orderId) return problem(res, 404, `no order with tracking number ${body.trackingNumber}`);
      const { event } = body;
      res.locals.workflowId = chainWorkflowId(shop, orderId);
      const result = await chains.event(shop, orderId, event, carrier);
      res.status(result.duplicate ? 200 : 202).json(result);
    },
  );
  return router;
}
