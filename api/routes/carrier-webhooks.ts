/**
 * `POST /webhooks/carriers/{endpoint}`: a carrier's tracking events, signed the Standard Webhooks
 * way (HMAC-SHA256 over `id.timestamp.body`, five minutes' tolerance) instead of an API key. The
 * endpoint names the shop and the carrier; an order of another carrier is answered as unknown.
 */
import express, { Router } from 'express';
import { Webhook, WebhookVerificationError } from 'standardwebhooks';
import { z } from 'zod';
import type { CarrierWebhook } from '../../common/config';
import { TrackingEvent } from '../../workflows/contract';
import { chainWorkflowId } from '../../workflows/definitions';
import type { Chains } from '../chains';
import { eventMetrics } from '../metrics';
import { invalid, problem } from '../problem';
import { OrderIdParam } from '../schemas';

/** The body: the order the event belongs to, and the event as `POST /v1/orders/{orderId}/events` takes it. */
export const CarrierEvent = z.object({ orderId: OrderIdParam.shape.orderId, event: TrackingEvent });

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

export function carrierWebhooksRouter({ endpoints, chains }: { endpoints: CarrierWebhook[]; chains: Chains }): Router {
  const hooks = new Map(endpoints.map((e) => [e.id, { endpoint: e, verifiers: e.secrets.map((s) => new Webhook(s)) }]));
  const router = Router();
  // The signature covers the exact bytes sent: the body is read raw and parsed only once verified.
  router.post(
    '/webhooks/carriers/:endpoint',
    eventMetrics('webhook'),
    express.raw({ type: () => true, limit: '100kb' }),
    async (req, res) => {
      const hook = hooks.get(String(req.params.endpoint));
      if (!hook) return problem(res, 404, 'no such webhook endpoint');
      const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      const headers = Object.fromEntries(
        ['webhook-id', 'webhook-timestamp', 'webhook-signature'].map((h) => [h, req.get(h) ?? '']),
      );
      const why = unverified(hook.verifiers, body, headers);
      if (why) return problem(res, 401, `webhook refused: ${why}`);
      let json: unknown;
      try {
        json = JSON.parse(body.toString('utf8'));
      } catch {
        return problem(res, 400, 'the body is not JSON');
      }
      const parsed = CarrierEvent.safeParse(json);
      if (!parsed.success) return invalid(res, parsed.error);
      const { orderId, event } = parsed.data;
      res.locals.workflowId = chainWorkflowId(hook.endpoint.shop, orderId);
      const result = await chains.event(hook.endpoint.shop, orderId, event, hook.endpoint.carrier);
      res.status(result.duplicate ? 200 : 202).json(result);
    },
  );
  return router;
}
