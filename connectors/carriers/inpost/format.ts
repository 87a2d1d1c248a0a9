/**
 * InPost ShipX status webhooks (https://dokumentacja-inpost.atlassian.net/wiki/spaces/PL/pages/18153494/Webhooks):
 * `{event_ts, event: 'shipment_status_changed', organization_id, payload: {shipment_id, status, tracking_number}}`.
 * ShipX signs nothing (its docs name only the source range 91.216.25.0/24; the x-inpost-signature HMAC
 * belongs to InPost's other, international API), so the endpoint takes the weaker URL key (the route
 * checks `allowFrom` first).
 */
import { z } from 'zod';
import { HOUR_MS } from '../../../workflows/durations';
import { FormatError, meaningOf, type CarrierUpdate, type PushFormat } from '../model';
import { UrlKeys, verifyUrlKey } from '../url-secret';
import { INPOST_STATUSES } from './statuses';

const InpostConfig = z.object({
  keys: UrlKeys,
  /** How long a parcel waits at its locker: ShipX's ready_to_pickup says 72 hours (its status list). */
  pickupHours: z.number().int().min(1).max(720).default(72),
});
type InpostConfig = z.infer<typeof InpostConfig>;

const StatusChanged = z.object({
  event_ts: z.string().regex(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d [+-]\d{4}$/, 'YYYY-MM-DD hh:mm:ss +hhmm'),
  event: z.string(),
  payload: z.object({
    shipment_id: z.union([z.number(), z.string()]),
    status: z.string().min(1).max(100).optional(),
    tracking_number: z.string().min(1).max(64).nullish(),
  }),
});

/** ShipX's "2020-03-20 15:08:42 +0100" as ISO 8601 with its offset. */
export function shipxTime(ts: string): string {
  const [date, time, zone] = ts.split(' ');
  return `${date}T${time}${zone!.slice(0, 3)}:${zone!.slice(3)}`;
}

/** The update in a ShipX delivery: none for other events, or before InPost has given the parcel a number. */
function updatesOf(body: unknown, endpoint: InpostConfig & { carrier?: string }): CarrierUpdate[] {
  const parsed = StatusChanged.safeParse(body);
  if (!parsed.success) throw new FormatError(`not a ShipX webhook: ${z.prettifyError(parsed.error)}`);
  const { event, event_ts, payload } = parsed.data;
  if (event !== 'shipment_status_changed' || !payload.status || !payload.tracking_number) return [];
  const at = shipxTime(event_ts);
  const meaning = meaningOf(INPOST_STATUSES, payload.status);
  const pickupUntil = new Date(Date.parse(at) + endpoint.pickupHours * HOUR_MS).toISOString();
  return [
    {
      carrier: endpoint.carrier ?? 'inpost',
      trackingNumber: payload.tracking_number,
      eventId: `inpost-${payload.shipment_id}-${payload.status}-${Date.parse(at) / 1000}`,
      at,
      status: { code: payload.status },
      meaning,
      // ShipX names no pickup code (InPost sends it to the receiver itself): only the deadline is known.
      ...(meaning.event === 'ready_for_pickup' && { data: { pickupUntil } }),
    },
  ];
}

export const inpost: PushFormat<InpostConfig> = {
  id: 'inpost',
  config: InpostConfig,
  verify: (request, { keys }) => verifyUrlKey(request, keys),
  parse: updatesOf,
};
