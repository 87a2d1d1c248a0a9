/**
 * `POST /webhooks/carriers/{endpoint}` for an endpoint in a carrier's own format (AfterShip, InPost,
 * CDEK, a mapped one): the source allow-list and the carrier's own scheme first (a refusal changes
 * nothing), then the body's updates, each handed to the chains its parcel belongs to. A replayed
 * delivery (the carrier's event id, else the body's hash) acts once. An update of an unknown parcel or
 * one its chain cannot take now is still answered 2xx, so the carrier does not retry it for days.
 */
import { createHash } from 'node:crypto';
import express, { type RequestHandler, type Response } from 'express';
import { z } from 'zod';
import type { FormatWebhook } from '../../common/config/config-file';
import { deliverUpdate, updateResult, type SendEvent, type UpdateOutcome } from '../../connectors/carriers/deliver';
import { pushFormat } from '../../connectors/carriers/formats';
import { FormatError, type CarrierUpdate, type PushFormat, type PushRequest } from '../../connectors/carriers/model';
import { allowList } from '../../connectors/carriers/url-secret';
import type { WebhookReceipts } from '../../store/webhook-receipts';
import type { Parcels } from '../../store/parcels';
import { ChainError, type Chains } from '../chains';
import { carrierSeries, countDelivery, countUpdate } from '../metrics';
import { problem } from '../problem';

/** What became of each update of a delivery: its parcel, the carrier's status and each chain's outcome. */
export const PushAccepted = z
  .object({
    duplicate: z.boolean().describe('a replay of a delivery already taken: nothing was done again'),
    updates: z.array(
      z.object({
        carrier: z.string(),
        trackingNumber: z.string(),
        status: z.string().describe("the carrier's own status code"),
        event: z.string().describe('the Doorstep event it means (carrier_status: unmapped, kept on the chain)'),
        outcomes: z.array(z.enum(['moved', 'duplicate', 'refused', 'finished', 'unknown'])),
      }),
    ),
  })
  .meta({ id: 'PushAccepted' });
type PushAccepted = z.infer<typeof PushAccepted>;

export interface CarrierPushDeps {
  endpoints: FormatWebhook[];
  chains: Chains;
  parcels: Pick<Parcels, 'find'>;
  receipts: Pick<WebhookReceipts, 'firstTime' | 'forget'>;
}

interface Endpoint {
  config: FormatWebhook;
  format: PushFormat;
  allowed?: (ip: string) => boolean;
}

/** A chain's answer to an event as an update's outcome: an impossible transition is refused, a gone chain finished. */
function sender(chains: Chains): SendEvent {
  return async (parcel, event) => {
    try {
      return (await chains.event(parcel.shop, parcel.orderId, event)).duplicate ? 'duplicate' : 'moved';
    } catch (err) {
      if (!(err instanceof ChainError) || (err.status !== 409 && err.status !== 404)) throw err;
      return /finished/.test(err.message) || err.status === 404 ? 'finished' : 'refused';
    }
  };
}

/** The delivery's replay key: the carrier's own delivery id, else the hash of the exact bytes. */
function receiptId(endpoint: Endpoint, body: Buffer, json: unknown): string {
  const own = endpoint.format.deliveryId?.(json);
  return `carrier:${endpoint.config.id}:${own ?? createHash('sha256').update(body).digest('hex')}`;
}

/** Why a delivery is refused (its source, then the carrier's scheme), or undefined. */
function refusal(endpoint: Endpoint, request: PushRequest): [status: number, why: string] | undefined {
  if (endpoint.allowed && !endpoint.allowed(request.ip)) return [403, 'not from an allowed address'];
  const why = endpoint.format.verify(request, endpoint.config);
  return why ? [401, `webhook refused: ${why}`] : undefined;
}

/** The verified body's updates, or a 400 (not JSON, or not the format's). */
async function readUpdates(
  res: Response,
  endpoint: Endpoint,
  body: Buffer,
): Promise<[unknown, CarrierUpdate[]] | undefined> {
  let json: unknown;
  try {
    json = JSON.parse(body.toString('utf8'));
    return [json, await endpoint.format.parse(json, endpoint.config)];
  } catch (err) {
    if (!(err instanceof SyntaxError || err instanceof FormatError)) throw err;
    problem(res, 400, err instanceof SyntaxError ? 'the body is not JSON' : err.message);
    return undefined;
  }
}

/**
 * The handlers of deliveries to the format endpoints; every other endpoint ('doorstep', unknown) goes on
 * to the next route. An aggregator's body carries the parcel's whole history: it may be larger than an event.
 */
export function carrierPush({ endpoints, chains, parcels, receipts }: CarrierPushDeps): RequestHandler[] {
  const byId = new Map<string, Endpoint>();
  for (const config of endpoints) {
    const format = pushFormat(config.format);
    if (!format) throw new Error(`carrier webhook ${config.id}: no push format "${config.format}"`);
    byId.set(config.id, { config, format, allowed: config.allowFrom && allowList(config.allowFrom) });
  }
  carrierSeries([...new Set([...byId.values()].map((e) => e.format.id))]);
  const send = sender(chains);
  const mine: RequestHandler = (req, _res, next) => next(byId.has(String(req.params.endpoint)) ? undefined : 'route');
  const handle: RequestHandler = async (req, res) => {
    const endpoint = byId.get(String(req.params.endpoint))!;
    const connector = endpoint.format.id;
    const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, [v].flat().join(', ')]));
    const query = Object.fromEntries(Object.entries(req.query).map(([k, v]) => [k, typeof v === 'string' ? v : '']));
    const refused = refusal(endpoint, { body, headers, query, ip: req.ip ?? req.socket.remoteAddress ?? '' });
    if (refused) {
      countDelivery(connector, 'rejected_signature');
      return problem(res, ...refused);
    }
    const read = await readUpdates(res, endpoint, body);
    if (!read) return countDelivery(connector, 'bad_body');
    countDelivery(connector, 'accepted');
    const [json, updates] = read;
    const id = receiptId(endpoint, body, json);
    if (!(await receipts.firstTime(id))) {
      updates.forEach(() => countUpdate(connector, 'duplicate'));
      return res.status(200).json(answer(updates, [], true));
    }
    try {
      const outcomes: UpdateOutcome[][] = [];
      for (const update of updates) {
        outcomes.push(await deliverUpdate(update, { parcels, send, shop: endpoint.config.shop }));
        for (const outcome of outcomes.at(-1)!) countUpdate(connector, updateResult(update, outcome));
      }
      res.status(202).json(answer(updates, outcomes, false));
    } catch (err) {
      // The carrier retries a failed delivery: that retry must act.
      await receipts.forget(id);
      throw err;
    }
  };
  return [mine, express.raw({ type: () => true, limit: '1mb' }), handle];
}

function answer(updates: CarrierUpdate[], outcomes: UpdateOutcome[][], duplicate: boolean): PushAccepted {
  return {
    duplicate,
    updates: updates.map((u, i) => ({
      carrier: u.carrier,
      trackingNumber: u.trackingNumber,
      status: u.status.code,
      event: u.meaning.event,
      outcomes: outcomes[i] ?? [],
    })),
  };
}
