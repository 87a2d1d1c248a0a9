/**
 * The DHL Shipment Tracking - Unified client: GET {base}/track/shipments?trackingNumber=… with the
 * `DHL-API-Key` header; 404 for a number DHL does not know, 429 once the key's quota is spent.
 * Every event of the shipment becomes a `CarrierUpdate` (oldest first), its id stable per status.
 */
import { z } from 'zod';
import { meaningOf, type CarrierUpdate } from '../model';
import { CarrierError, refusal, type CarrierClient } from '../polling/answer';
import { DHL_FINAL, DHL_STATUSES } from './statuses';

/** DHL's production base URL. */
export const DHL_BASE_URL = 'https://api-eu.dhl.com';

const Event = z.object({
  timestamp: z.string().min(1),
  statusCode: z.string().min(1).default('unknown'),
  status: z.string().optional(),
  description: z.string().optional(),
});
const Shipment = z.object({
  id: z.string(),
  status: Event,
  events: z.array(Event).default([]),
  estimatedTimeOfDelivery: z.string().optional(),
});
const Body = z.object({ shipments: z.array(Shipment).min(1) });
type Event = z.infer<typeof Event>;

/** An ISO date (yyyy-mm-dd) of DHL's estimated delivery, when it gives a readable one. */
const etaOf = (eta?: string) => (eta && /^\d{4}-\d{2}-\d{2}/.test(eta) ? eta.slice(0, 10) : undefined);

/** DHL's timestamps may lack an offset: those are read as UTC. */
const isoAt = (t: string) => new Date(/[zZ]|[+-]\d{2}:?\d{2}$/.test(t) ? t : `${t}Z`).toISOString();

function updateOf(carrier: string, number: string, e: Event, eta?: string): CarrierUpdate {
  const at = isoAt(e.timestamp);
  const text = (e.description ?? e.status)?.slice(0, 500);
  return {
    carrier,
    trackingNumber: number,
    // A revised estimate of the same status is news for the chain (the watchlist's ETA rule): it is part of the id.
    eventId: `${carrier.toLowerCase()}:${number}:${e.statusCode}:${at}${eta ? `:${eta}` : ''}`.slice(0, 128),
    at,
    status: { code: e.statusCode, ...(text && { text }), ...(eta && { eta }) },
    meaning: meaningOf(DHL_STATUSES, e.statusCode),
  };
}

/** A client for `carrier`'s parcels through DHL's API at `baseUrl` with `apiKey`. */
export function dhlClient(
  carrier: string,
  { baseUrl = DHL_BASE_URL, apiKey }: { baseUrl?: string; apiKey?: string },
): CarrierClient {
  return async (number) => {
    const url = new URL('/track/shipments', baseUrl);
    url.searchParams.set('trackingNumber', number);
    const response = await fetch(url, {
      headers: { accept: 'application/json', ...(apiKey && { 'DHL-API-Key': apiKey }) },
      signal: AbortSignal.timeout(15_000),
    });
    if (response.status === 404) return { found: false };
    if (!response.ok) refusal(response);
    const parsed = Body.safeParse(await response.json().catch(() => undefined));
    if (!parsed.success) throw new CarrierError(`DHL answered a body it does not document: ${parsed.error.message}`);
    const [shipment] = parsed.data.shipments;
    const eta = etaOf(shipment!.estimatedTimeOfDelivery);
    // DHL lists events newest first; the current status is the newest, listed or not.
    const events = [...shipment!.events].reverse();
    const last = events.at(-1);
    if (!last || last.timestamp !== shipment!.status.timestamp || last.statusCode !== shipment!.status.statusCode)
      events.push(shipment!.status);
    // The estimate belongs to the current status only.
    const updates = events.map((e, i) => updateOf(carrier, number, e, i === events.length - 1 ? eta : undefined));
    return { found: true, updates, final: DHL_FINAL.has(shipment!.status.statusCode) };
  };
}
