/**
 * CDEK API v2 webhooks `ORDER_STATUS` and `DELIV_PROBLEM`: `{type, date_time, uuid, attributes}`, the
 * parcel named by `attributes.cdek_number` (field names as CDEK's client libraries carry them; CDEK's
 * own pages were not at hand). CDEK signs nothing, so the endpoint takes the weaker URL key (the route checks
 * `allowFrom` first). Other webhook types (print forms, offices…) carry no parcel status: no updates.
 */
import { z } from 'zod';
import { FormatError, meaningOf, type CarrierUpdate, type PushFormat, type StatusTable } from '../model';
import { UrlKeys, verifyUrlKey } from '../url-secret';
import { CDEK_PROBLEMS, CDEK_STATUSES } from './statuses';

const CdekConfig = z.object({ keys: UrlKeys });
type CdekConfig = z.infer<typeof CdekConfig>;

/** CDEK's "2020-08-10T21:32:12+0700" (offset without colon) or an ISO instant. */
const cdekTime = z.string().regex(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:?\d\d)$/, 'ISO 8601 with offset');
const CdekWebhook = z.object({
  type: z.string(),
  uuid: z.string().min(1).max(64),
  attributes: z.object({
    cdek_number: z.string().min(1).max(64).optional(),
    code: z.union([z.string(), z.number()]).transform(String),
    status_date_time: cdekTime.optional(),
    create_date: cdekTime.optional(),
    city_name: z.string().max(200).optional(),
  }),
});

/** An offset without its colon ("+0700") gets one ("+07:00"), as the chain's events have it. */
export const isoOffset = (t: string): string => t.replace(/([+-]\d\d)(\d\d)$/, '$1:$2');

const KINDS: Record<string, { table: StatusTable; at: 'status_date_time' | 'create_date'; prefix: string }> = {
  ORDER_STATUS: { table: CDEK_STATUSES, at: 'status_date_time', prefix: '' },
  DELIV_PROBLEM: { table: CDEK_PROBLEMS, at: 'create_date', prefix: 'DELIV_PROBLEM:' },
};

function updatesOf(body: unknown, endpoint: CdekConfig & { carrier?: string }): CarrierUpdate[] {
  const parsed = CdekWebhook.safeParse(body);
  if (!parsed.success) throw new FormatError(`not a CDEK webhook: ${z.prettifyError(parsed.error)}`);
  const { type, attributes } = parsed.data;
  const kind = KINDS[type];
  if (!kind || !attributes.cdek_number) return [];
  const when = attributes[kind.at];
  if (!when) throw new FormatError(`${type} without attributes.${kind.at}`);
  const at = isoOffset(when);
  const code = `${kind.prefix}${attributes.code}`;
  return [
    {
      carrier: endpoint.carrier ?? 'cdek',
      trackingNumber: attributes.cdek_number,
      eventId: `cdek-${attributes.cdek_number}-${code}-${Date.parse(at) / 1000}`,
      at,
      status: { code, ...(attributes.city_name && { text: attributes.city_name }) },
      meaning: meaningOf(kind.table, String(attributes.code)),
    },
  ];
}

export const cdek: PushFormat<CdekConfig> = {
  id: 'cdek',
  config: CdekConfig,
  verify: (request, { keys }) => verifyUrlKey(request, keys),
  parse: updatesOf,
};
