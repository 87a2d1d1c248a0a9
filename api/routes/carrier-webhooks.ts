/**
 * `POST /webhooks/carriers/{endpoint}`: a carrier's tracking events, signed the Standard Webhooks
 * way (HMAC-SHA256 over `id.timestamp.body`, five minutes' tolerance) instead of an API key. The
 * endpoint names the shop and the carrier; an order of another carrier is answered as unknown.
 */
import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import express, { Router, type RequestHandler } from 'express';
import { Webhook, WebhookVerificationError } from 'standardwebhooks';
import { z } from 'zod';
import type { CarrierWebhook, DoorstepWebhook } from '../../common/config/config-file';
import { chainWorkflowId } from '../../workflows/definitions';
import type { Chains } from '../chains';
import { eventMetrics } from '../metrics';
import { EVENT_ANSWERS, problems } from '../openapi/components';
import { routes } from '../openapi/route';
import { problem } from '../problem';
import { EventBody, OrderIdParam } from '../schemas';

/** The body: the order the event belongs to, and the event as `POST /v1/orders/{orderId}/events` takes it. */
const CarrierEvent = z.object({ orderId: OrderIdParam.shape.orderId, event: EventBody });

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

export interface CarrierWebhooksDeps {
  endpoints: CarrierWebhook[];
  chains: Chains;
  registry: OpenAPIRegistry;
}

export function carrierWebhooksRouter({ endpoints, chains, registry }: CarrierWebhooksDeps): Router {
  const doorstep = endpoints.filter((e): e is DoorstepWebhook => e.format === 'doorstep');
  const hooks = new Map(doorstep.map((e) => [e.id, { endpoint: e, verifiers: e.secrets.map((s) => new Webhook(s)) }]));
  /** Refuses an unknown endpoint or a bad signature; hands the verified body on as JSON. */
  const verified: RequestHandler = (req, res, next) => {
    const hook = hooks.get(String(req.params.endpoint));
    if (!hook) return problem(res, 404, 'no such webhook endpoint');
    const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    const headers = Object.fromEntries(signature.keyof().options.map((h) => [h, req.get(h) ?? '']));
    const why = unverified(hook.verifiers, body, headers);
    if (why) return problem(res, 401, `webhook refused: ${why}`);
    try {
      req.body = JSON.parse(body.toString('utf8'));
    } catch {
      return problem(res, 400, 'the body is not JSON');
    }
    next();
  };
  const router = Router();
  const route = routes(router, registry);
  // The signature covers the exact bytes sent: the body is read raw and validated only once verified.
  route.post(
    '/webhooks/carriers/{endpoint}',
    {
      summary: "A carrier's tracking event, signed the Standard Webhooks way instead of an API key",
      request: { params: z.object({ endpoint: z.string() }), body: CarrierEvent },
      signature,
      responses: { ...EVENT_ANSWERS, ...problems(400, 401, 404, 409, 413) },
    },
    eventMetrics('webhook'),
    express.raw({ type: () => true, limit: '100kb' }),
    verified,
    async (_req, res, { params, body: { orderId, event } }) => {
      const { shop, carrier } = hooks.get(params.endpoint)!.endpoint;
      res.locals.workflowId = chainWorkflowId(shop, orderId);
      const result = await chains.event(shop, orderId, event, carrier);
      res.status(result.duplicate ? 200 : 202).json(result);
    },
  );
  return router;
}
