/** `/v1/orders`: start chains, deliver tracking events, read and list chains, support actions. */
import { randomUUID } from 'node:crypto';
import type { OpenAPIRegistry, ResponseConfig } from '@asteasolutions/zod-to-openapi';
import { Router, type RequestHandler, type Response } from 'express';
import type { z } from 'zod';
import type { Tokens } from '../../common/tokens';
import { resolveOrder, SUPPORT_ACTIONS, SupportAction, type Shop } from '../../workflows/contract';
import { chainWorkflowId } from '../../workflows/definitions';
import { callerOf, requireScope } from '../auth';
import type { Chains } from '../chains';
import { ChainListSchema, ChainStateSchema } from '../chain-schema';
import { eventMetrics } from '../metrics';
import { EVENT_ANSWERS, json, keyed } from '../openapi/components';
import { registerOperation, routes, validated } from '../openapi/route';
import { problem } from '../problem';
import { ActionHeaders, EventAccepted, EventBody, ListQuery, OrderAccepted, OrderBody, OrderIdParam } from '../schemas';

export interface OrdersDeps {
  chains: Chains;
  shops: Map<string, Shop>;
  tokens: Tokens;
  publicBaseUrl: string;
  registry: OpenAPIRegistry;
}

const MOUNT = '/v1/orders';
const ORDER = `${MOUNT}/{orderId}`;

/** Names the chain of the path's order in the request log, even when the rest of the request is refused. */
function identify(res: Response, { orderId }: { orderId: string }): void {
  res.locals.workflowId = chainWorkflowId(callerOf(res).shop, orderId);
}

/** The request parts an operation validates (params, query, headers, body), as the route helper reads them. */
type RequestParts = NonNullable<Parameters<typeof validated>[0]['request']>;

/**
 * A keyed operation on one order (`{orderId}` in its path, 404 when there is none) that names its chain in
 * the request log.
 */
function onOrder<S extends Omit<RequestParts, 'params'>, R extends Record<number, ResponseConfig>>(
  summary: string,
  request: S,
  answers: R,
  refusals: number[] = [],
) {
  return { ...keyed(summary, { params: OrderIdParam, ...request }, answers, [404, ...refusals]), identify };
}

export function ordersRouter({ chains, shops, tokens, publicBaseUrl, registry }: OrdersDeps): Router {
  const router = Router();
  const route = routes(router, registry, MOUNT);

  route.post(
    MOUNT,
    keyed(
      'Start the chain of an order (idempotent)',
      { body: OrderBody },
      {
        201: { description: 'started', ...json(OrderAccepted) },
        200: { description: 'same order again', ...json(OrderAccepted) },
      },
      [409, 410, 413],
    ),
    requireScope('orders:write'),
    async (_req, res, { body: order }) => {
      const shop = shops.get(callerOf(res).shop)!;
      res.locals.workflowId = chainWorkflowId(shop.id, order.orderId);
      const trackingUrl = `${publicBaseUrl}/t/${tokens.sign({ kind: 'track', shop: shop.id, order: order.orderId })}`;
      const { created, stage } = await chains.start({ order: resolveOrder(order, shop), shop, trackingUrl }, order);
      res.status(created ? 201 : 200).json({ orderId: order.orderId, stage, trackingUrl });
    },
  );

  route.get(
    MOUNT,
    keyed(
      'List chains',
      { query: ListQuery },
      {
        200: { description: 'a page of chains', ...json(ChainListSchema) },
        431: { description: 'the query is longer than the server reads (a page token from elsewhere)' },
      },
    ),
    requireScope('chains:read'),
    async (_req, res, { query }) => {
      const { pageSize, pageToken, ...filter } = query;
      res.json(await chains.list(callerOf(res).shop, filter, { size: pageSize, token: pageToken }));
    },
  );

  route.get(
    ORDER,
    onOrder(
      'The chain of an order',
      {},
      {
        200: {
          description: 'stage, promise, delays, touchpoints with notices and ratings, conflicts, attention, audit',
          ...json(ChainStateSchema),
        },
      },
    ),
    requireScope('chains:read'),
    async (_req, res, { params }) => void res.json(await chains.state(callerOf(res).shop, params.orderId)),
  );

  route.post(
    `${ORDER}/events`,
    onOrder('A tracking event', { body: EventBody }, EVENT_ANSWERS, [409, 413]),
    requireScope('orders:write'),
    eventMetrics('api'),
    async (_req, res, { params, body }) => {
      const result = await chains.event(callerOf(res).shop, params.orderId, body);
      res.status(result.duplicate ? 200 : 202).json(result);
    },
  );

  router.post('/:orderId/actions/:action', requireScope('chains:act'), supportActions(chains, registry));
  return router;
}

/**
 * The support actions, one documented operation each, under one Express route
 * (`/:orderId/actions/:action`, one route template for the metrics); an unknown action is a 404.
 */
function supportActions(chains: Chains, registry: OpenAPIRegistry): RequestHandler {
  const unknown = validated({ request: { params: OrderIdParam }, identify }, (_req, res) =>
    problem(res, 404, `unknown action; supported: ${SUPPORT_ACTIONS.join(', ')}`),
  );
  const handlers = new Map<string, RequestHandler>();
  for (const option of SupportAction.options) {
    const action = option.shape.action.value;
    // The action is named in the path; the body carries the rest.
    const body = (option as z.ZodObject).omit({ action: true });
    const answers = {
      202: { description: 'done', ...json(EventAccepted) },
      200: { description: 'done already (same Idempotency-Key)', ...json(EventAccepted) },
    };
    const op = {
      method: 'post' as const,
      path: `${ORDER}/actions/${action}`,
      ...onOrder(`Support action: ${action}`, { body, headers: ActionHeaders }, answers, [409]),
    };
    registerOperation(registry, op);
    handlers.set(
      action,
      validated<typeof op.request, typeof op.responses>(op, async (_req, res, { params, body, headers }) => {
        // A client retrying the same request sends the same Idempotency-Key: the action happens once.
        const requestId = headers['idempotency-key'] ?? randomUUID();
        const { shop, name: actor } = callerOf(res);
        // The body was checked by this action's own schema: with its name it is that action.
        const input = { action: { ...body, action } as SupportAction, actor, via: 'api' as const };
        const result = await chains.act(shop, params.orderId, { ...input, at: new Date().toISOString(), requestId });
        res.status(result.duplicate ? 200 : 202).json(result);
      }),
    );
  }
  return (req, res, next) => {
    // The options are read as an object whatever was sent: no body is an action without options.
    req.body = { ...req.body };
    return (handlers.get(String(req.params.action)) ?? unknown)(req, res, next);
  };
}
