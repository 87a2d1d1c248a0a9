/**
 * AfterShip's tracking webhooks (one endpoint covers every carrier AfterShip tracks): the header
 * `aftership-hmac-sha256` carries the base64 HMAC-SHA256 of the raw body with the account's webhook
 * secret (https://www.aftership.com/docs/tracking/webhook/webhook-signature); the body is one tracking
 * with its current tag and subtag (https://www.aftership.com/docs/tracking/webhook/webhook-specifications).
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { FormatError, meaningOf, type CarrierUpdate, type PushEndpoint, type PushFormat } from '../model';
import { AFTERSHIP_SUBTAGS, AFTERSHIP_TAGS } from './statuses';
import { hmacMatchesAny } from '../hmac';

const AftershipConfig = z.object({
  carrier: z
    .never({ error: "an AfterShip endpoint takes each parcel's carrier from its slug (map slugs with carriers)" })
    .optional(),
  /** The account's webhook secrets (Settings > Webhooks); two during a rotation. */
  secrets: z.array(z.string().min(16).max(256)).min(1).max(4),
  /** AfterShip's slug → the carrier as orders name it (e.g. "dhl" → "DHL Express"); unlisted slugs are the carrier. */
  carriers: z.record(z.string().min(1), z.string().min(1).max(64)).optional(),
});
type AftershipEndpoint = z.infer<typeof AftershipConfig> & PushEndpoint;

const Checkpoint = z.object({ checkpoint_time: z.string().optional(), message: z.string().optional() }).loose();
const Body = z
  .object({
    event_id: z.string().optional(),
    ts: z.number().optional(),
    msg: z
      .object({
        tracking_number: z.string().min(1).max(64),
        slug: z.string().min(1).max(64),
        tag: z.string().min(1).max(100),
        subtag: z.string().max(100).nullish(),
        subtag_message: z.string().nullish(),
        expected_delivery: z.string().nullish(),
        signed_by: z.string().nullish(),
        checkpoints: z.array(Checkpoint).default([]),
      })
      .loose(),
  })
  .loose();
type Tracking = z.infer<typeof Body>['msg'];

const OFFSET = /(Z|[+-]\d{2}:?\d{2})$/;

/** When the status was seen: the last checkpoint's time when it names its offset, else the delivery's. */
function seenAt(msg: Tracking, ts: number | undefined): string {
  const time = msg.checkpoints.at(-1)?.checkpoint_time;
  if (time && OFFSET.test(time) && !Number.isNaN(Date.parse(time))) return time;
  if (ts !== undefined) return new Date(ts * 1000).toISOString();
  throw new FormatError('no checkpoint time with an offset and no ts');
}

/** The update one AfterShip tracking is now: its subtag's meaning, else its tag's. */
function updateOf(msg: Tracking, at: string, endpoint: AftershipEndpoint): CarrierUpdate {
  const code = msg.subtag || msg.tag;
  const meaning = Object.hasOwn(AFTERSHIP_SUBTAGS, code)
    ? AFTERSHIP_SUBTAGS[code]!
    : meaningOf(AFTERSHIP_TAGS, msg.tag);
  const day = msg.expected_delivery?.slice(0, 10);
  const eta = day && /^\d{4}-\d{2}-\d{2}$/.test(day) ? day : undefined;
  const text = (msg.subtag_message ?? msg.checkpoints.at(-1)?.message)?.slice(0, 500);
  const data =
    meaning.event === 'delivery_failed' && text
      ? { reason: text.slice(0, 300) }
      : meaning.event === 'delivered' && msg.signed_by
        ? { proof: `signed by ${msg.signed_by}`.slice(0, 500) }
        : undefined;
  // A revised ETA (AfterShip's edd_revise) is news for the chain even when the status is the same.
  const id = createHash('sha256')
    .update(`${msg.slug}\n${msg.tracking_number}\n${code}\n${at}\n${eta ?? ''}`)
    .digest('hex');
  return {
    carrier: endpoint.carriers?.[msg.slug] ?? msg.slug,
    trackingNumber: msg.tracking_number,
    eventId: `aftership-${id.slice(0, 40)}`,
    at,
    status: { code, text, eta },
    meaning,
    data,
  };
}

export const aftership: PushFormat<z.infer<typeof AftershipConfig>> = {
  id: 'aftership',
  config: AftershipConfig,
  verify({ body, headers }, { secrets }) {
    const given = Buffer.from(headers['aftership-hmac-sha256'] ?? '', 'base64');
    if (!given.length) return 'no aftership-hmac-sha256 header';
    return hmacMatchesAny(body, given, secrets) ? undefined : 'no matching signature';
  },
  deliveryId: (body) => {
    const id = (body as { event_id?: unknown } | null)?.event_id;
    return typeof id === 'string' && id ? `aftership:${id}` : undefined;
  },
  parse(body, endpoint) {
    const read = Body.safeParse(body);
    if (!read.success) throw new FormatError(`not an AfterShip tracking webhook: ${z.prettifyError(read.error)}`);
    const { msg, ts } = read.data;
    return [updateOf(msg, seenAt(msg, ts), endpoint)];
  },
};
