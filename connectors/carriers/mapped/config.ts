/**
 * The `mapped` format's configuration: a shop adds a carrier Doorstep has no format for by
 * configuration alone — JSONata expressions (https://jsonata.org) that read the parcel, the status
 * and its time from the carrier's JSON, a status table, and how the carrier proves a delivery is its
 * own. Every expression is compiled at start: a bad one is a config error naming its field path.
 */
import jsonata from 'jsonata';
import { z } from 'zod';
import { ExceptionReason } from '../../../workflows/contract';
import { UrlKeys } from '../url-secret';

const compiled = new Map<string, jsonata.Expression>();

/** The compiled expression (once per text: an endpoint's expressions are compiled at start and kept). */
export function expression(text: string): jsonata.Expression {
  let found = compiled.get(text);
  if (!found) {
    found = jsonata(text);
    compiled.set(text, found);
  }
  return found;
}

/** A JSONata expression that compiles (the config error names JSONata's complaint and position). */
const Expression = z
  .string()
  .min(1)
  .max(1000)
  .superRefine((text, ctx) => {
    try {
      expression(text);
    } catch (err) {
      const { message, position } = err as { message: string; position?: number };
      ctx.addIssue({ code: 'custom', message: `not JSONata: ${message} (at ${position ?? 0})` });
    }
  });

/**
 * Where each part of an update is in the carrier's body; `eventId` defaults to a hash of the body.
 * With `items`, each field reads one item (`$body` is the whole body), one update per item.
 */
const Fields = z.object({
  /** The body's list of updates (e.g. `parcels`); without it the body is one update. */
  items: Expression.optional(),
  trackingNumber: Expression,
  status: Expression,
  text: Expression.optional(),
  /** ISO 8601 with an offset; the time of receipt when absent. */
  at: Expression.optional(),
  eventId: Expression.optional(),
  /** The carrier's expected delivery date (YYYY-MM-DD, or an instant whose date is taken). */
  eta: Expression.optional(),
});

/** Events a carrier status may mean here (a mapped body carries no pickup code, courier window or new ETA). */
const MOVES = [
  'packed',
  'handed_to_carrier',
  'in_transit',
  'arrived_in_city',
  'out_for_delivery',
  'delivery_failed',
  'delivered',
  'picked_up',
  'pickup_expired',
  'returned_to_sender',
  'carrier_status',
] as const;

const Meaning = z.union([
  z.object({ event: z.enum(MOVES) }).strict(),
  z.object({ event: z.literal('exception'), reason: ExceptionReason }).strict(),
]);

/** The carrier's HMAC of the raw body in a header, or (weaker, see url-secret.ts) a key in the URL. */
const Auth = z.discriminatedUnion('scheme', [
  z.object({
    scheme: z.literal('hmac'),
    header: z
      .string()
      .regex(/^[A-Za-z0-9-]{1,64}$/, 'an HTTP header name')
      .transform((h) => h.toLowerCase()),
    algorithm: z.enum(['sha256', 'sha1']),
    encoding: z.enum(['base64', 'hex']),
    /** Several during a rotation: any of them verifies. */
    secrets: z.array(z.string().min(16).max(256)).min(1).max(4),
  }),
  z.object({ scheme: z.literal('url-key'), keys: UrlKeys }),
]);

export const MappedConfig = z.object({
  auth: Auth,
  fields: Fields,
  statuses: z
    .record(z.string().min(1).max(100), Meaning)
    .refine((table) => Object.keys(table).length > 0, 'at least one status'),
});
export type MappedConfig = z.infer<typeof MappedConfig>;
