/**
 * The push formats a carrier webhook endpoint may speak (`carrierWebhooks[].format`), each with its
 * own configuration fields. Doorstep's own Standard Webhooks format ('doorstep', the default) is read
 * by the route itself: its body names an order, not a parcel. A new format is one line here.
 */
import { z } from 'zod';
import { aftership } from './aftership/format';
import { cdek } from './cdek/format';
import { inpost } from './inpost/format';
import { mapped } from './mapped/format';
import type { PushFormat } from './model';
import { AllowFrom } from './url-secret';

/** Every push format but 'doorstep'. */
export const PUSH_FORMATS: readonly PushFormat[] = [aftership, inpost, cdek, mapped];

/** The fields of every endpoint, whatever its format (a format's own `config` may override one, e.g. `carrier`). */
export const EndpointBase = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'lowercase letters, digits and -'),
  shop: z.string(),
  /** The carrier its parcels are filed under (as orders name it; compared without case). */
  carrier: z.string().min(1).max(64),
  /** When set, deliveries from any other address are refused (see url-secret.ts). */
  allowFrom: AllowFrom.optional(),
});

/** One endpoint's schema per push format: the base fields, `format` and the format's own fields. */
export function pushEndpointSchemas() {
  return PUSH_FORMATS.map((f) => EndpointBase.extend({ format: z.literal(f.id) }).extend(f.config.shape));
}

/** The push format named `id` ('doorstep' is none of them). */
export function pushFormat(id: string): PushFormat | undefined {
  return PUSH_FORMATS.find((f) => f.id === id);
}
