/** `/v1/orders`: start chains, deliver tracking events, read and list chains, support actions. */
import { randomUUID } from 'node:crypto';
import { Router, type Request, type Response } from 'express';
import type { Tokens } from '../../common/tokens';
import {
  OrderInput,
  resolveOrder,
  SUPPORT_ACTIONS,
  SupportAction,
  TrackingEvent,
  type Shop,
} from '../../workflows/contract';
import { chainWorkflowId } from '../../workflows/definitions';
import { callerOf, requireScope } from '../auth';
import type { Chains } from '../chains';
import { eventMetrics } from '../metrics';
import { invalid, problem } from '../problem';
import { ActionHeaders, ListQuery, OrderIdParam } from '../schemas';

export interface OrdersDeps {
  chains: Chains;
  shops: Map<string, Shop>;
  tokens: Tokens;
  publicBaseUrl: string;
}

/** The parsed order id of the path (its chain named in the request log), or undefined after answering 400. */
function orderIdOf(req: Request, res: Response): string | undefined {
  const parsed = OrderIdParam.safeParse(req.params);
  if (!parsed.success) return void invalid(res, parsed.error);
  res.locals.workflowId = chainWorkflowId(callerOf(res).shop, parsed.data.orderId);
  return parsed.data.orderId;
}

export function ordersRouter({ chains, shops, tokens, publicBaseUrl }: OrdersDeps): Router {
  const router = Router();

  router.post('/', requireScope('orders:write'), async (req, res) => {
    const parsed = OrderInput.safeParse(req.body);
    if (!parsed.success) return invalid(res, parsed.error);
    const order = parsed.data;
    const shop = shops.get(callerOf(res).shop)!;
    res.locals.workflowId = chainWorkflowId(shop.id, order.orderId);
    const trackingUrl = `${publicBaseUrl}/t/${tokens.sign({ kind: 'track', shop: shop.id, order: order.orderId })}`;
    const { created, stage } = await chains.start({ order: resolveOrder(order, shop), shop, trackingUrl }, order);
    res.status(created ? 201 : 200).json({ orderId: order.orderId, stage, trackingUrl });
  });

  router.get('/', requireScope('chains:read'), async (req, res) => {
    const parsed = ListQuery.safeParse(req.query);
    if (!parsed.success) return invalid(res, parsed.error);
    const { pageSize, pageToken, ...filter } = parsed.data;
    res.json(await chains.list(callerOf(res).shop, filter, { size: pageSize, token: pageToken }));
  });

  router.get('/:orderId', requireScope('chains:read'), async (req, res) => {
    const orderId = orderIdOf(req, res);
    if (orderId) res.json(await chains.state(callerOf(res).shop, orderId));
  });

  router.post('/:orderId/events', requireScope('orders:write'), eventMetrics('api'), async (req, res) => {
    const orderId = orderIdOf(req, res);
    if (!orderId) return;
    const parsed = TrackingEvent.safeParse(req.body);
    if (!parsed.success) return invalid(res, parsed.error);
    const result = await chains.event(callerOf(res).shop, orderId, parsed.data);
    res.status(result.duplicate ? 200 : 202).json(result);
  });

  router.post('/:orderId/actions/:action', requireScope('chains:act'), async (req, res) => {
    const orderId = orderIdOf(req, res);
    if (!orderId) return;
    const name = String(req.params.action);
    if (!(SUPPORT_ACTIONS as string[]).includes(name))
      return problem(res, 404, `unknown action; supported: ${SUPPORT_ACTIONS.join(', ')}`);
    const parsed = SupportAction.safeParse({ ...(req.body ?? {}), action: name });
    if (!parsed.success) return invalid(res, parsed.error);
    const headers = ActionHeaders.safeParse({ 'idempotency-key': req.get('idempotency-key') });
    if (!headers.success) return invalid(res, headers.error, ['headers']);
    // A client retrying the same request sends the same Idempotency-Key: the action happens once.
    const requestId = headers.data['idempotency-key'] ?? randomUUID();
    const { shop, name: actor } = callerOf(res);
    const result = await chains.act(shop, orderId, {
      action: parsed.data,
      actor,
      via: 'api',
      at: new Date().toISOString(),
      requestId,
    });
    res.status(result.duplicate ? 200 : 202).json(result);
  });

  return router;
}
