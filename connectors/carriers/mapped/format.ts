/**
 * The `mapped` format: a carrier Doorstep has no format for, read by the shop's own configuration
 * (config.ts). A body holds one update, or one per item of `fields.items`.
 */
import { createHash } from 'node:crypto';
import {
  FormatError,
  meaningOf,
  type CarrierUpdate,
  type PushEndpoint,
  type PushFormat,
  type PushRequest,
} from '../model';
import { hmacMatchesAny } from '../hmac';
import { verifyUrlKey } from '../url-secret';
import { expression, MappedConfig } from './config';

type Endpoint = MappedConfig & PushEndpoint;

/** Whether one of the secrets made `given` (the header, in the configured encoding) over the exact body. */
function hmacMatches(request: PushRequest, auth: Extract<MappedConfig['auth'], { scheme: 'hmac' }>): boolean {
  const given = request.headers[auth.header];
  if (!given) return false;
  return hmacMatchesAny(request.body, Buffer.from(given.trim(), auth.encoding), auth.secrets, auth.algorithm);
}

/** Why a delivery is refused (its signature or its key; the route checks its source), or undefined. */
export function verifyMapped(request: PushRequest, { auth }: MappedConfig): string | undefined {
  if (auth.scheme === 'url-key') return verifyUrlKey(request, auth.keys);
  return hmacMatches(request, auth) ? undefined : `no matching ${auth.header} signature`;
}

const text = (v: unknown): string | undefined =>
  typeof v === 'string' || typeof v === 'number' ? String(v) : undefined;

type Fields = Omit<MappedConfig['fields'], 'items'>;

/** Each configured expression's value in `item` (a JSONata error names the field). */
async function extract(item: unknown, body: unknown, fields: Fields): Promise<Partial<Record<keyof Fields, unknown>>> {
  const entries = await Promise.all(
    Object.entries(fields).map(async ([name, source]) => {
      try {
        return [name, await expression(source!).evaluate(item, { body })] as const;
      } catch (err) {
        throw new FormatError(`fields.${name}: ${(err as Error).message}`);
      }
    }),
  );
  return Object.fromEntries(entries);
}

/** An instant with an offset as given; a date-time the body gives otherwise is an error. */
function instant(value: unknown): string {
  const given = text(value);
  if (!given || !/^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d)$/.test(given)) {
    throw new FormatError(`fields.at gave ${JSON.stringify(value)}, not an ISO 8601 instant with offset`);
  }
  return given;
}

/** The items of a body: `fields.items`' values, or the body itself. */
async function itemsOf(body: unknown, items: string | undefined): Promise<unknown[]> {
  if (!items) return [body];
  let found: unknown;
  try {
    found = await expression(items).evaluate(body, { body });
  } catch (err) {
    throw new FormatError(`fields.items: ${(err as Error).message}`);
  }
  return found === undefined ? [] : [found].flat();
}

/** The updates a verified body holds, read by the endpoint's expressions and table. */
export async function parseMapped(body: unknown, endpoint: Endpoint, now = new Date()): Promise<CarrierUpdate[]> {
  const { items, ...fields } = endpoint.fields;
  const bodyHash = createHash('sha256').update(JSON.stringify(body)).digest('hex').slice(0, 32);
  const all = await itemsOf(body, items);
  if (!all.length) throw new FormatError('fields.items found no update');
  return Promise.all(
    all.map(async (item, i) => {
      const values = await extract(item, body, fields);
      const trackingNumber = text(values.trackingNumber);
      if (!trackingNumber) throw new FormatError(`fields.trackingNumber found no number in update ${i}`);
      const code = text(values.status);
      if (!code) throw new FormatError(`fields.status found no status for ${trackingNumber}`);
      const eta = text(values.eta)?.slice(0, 10);
      const statusText = text(values.text)?.slice(0, 500);
      return {
        carrier: endpoint.carrier ?? endpoint.id,
        trackingNumber,
        eventId: text(values.eventId) ?? `${endpoint.id}-${bodyHash}-${i}`,
        at: values.at === undefined ? now.toISOString() : instant(values.at),
        status: { code, ...(statusText && { text: statusText }), ...(eta && { eta }) },
        meaning: meaningOf(endpoint.statuses, code),
      };
    }),
  );
}

export const mapped: PushFormat<MappedConfig> = {
  id: 'mapped',
  config: MappedConfig,
  verify: verifyMapped,
  parse: parseMapped,
};
