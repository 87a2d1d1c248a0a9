/**
 * The DOORSTEP_CONFIG file: the shops, their API keys, the support console's staff and the
 * carriers' signed webhook endpoints, validated with zod and cross-checked (every shop they name exists).
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { EndpointBase, pushEndpointSchemas } from '../../connectors/carriers/formats';
import { CarrierPoll } from '../../connectors/carriers/polling/config';
import { Shop } from '../../workflows/contract';
import { PASSWORD_HASH } from '../passwords';
import { ShopVoice } from './shop-voice';
import { ConfigError, envError, parseOrThrow } from './errors';

export const SCOPES = ['orders:write', 'chains:read', 'chains:act', 'templates:write'] as const;
export type Scope = (typeof SCOPES)[number];

const ApiKey = z.object({
  key: z.string().min(16),
  shop: z.string(),
  scopes: z.array(z.enum(SCOPES)).min(1),
  /** Who acts with this key, as the audit trail names them. */
  name: z.string().min(1).max(100).default('api'),
  /** Requests a minute this key may make (per API process); more answer 429. */
  requestsPerMinute: z.number().int().min(1).max(1_000_000).default(6000),
});
export type ApiKey = z.infer<typeof ApiKey>;

/** A support console account: viewers read chains, agents also act on them; its own addresses take test notices. */
const StaffAccount = z.object({
  username: z.string().regex(/^[A-Za-z0-9._@-]{1,64}$/, 'letters, digits and . _ @ -'),
  /** How the audit trail names them. */
  name: z.string().min(1).max(100).optional(),
  shop: z.string(),
  /** A viewer reads; an agent acts on chains; an editor acts on chains and writes the shop's template wording. */
  role: z.enum(['viewer', 'agent', 'editor']),
  passwordHash: z.string().regex(PASSWORD_HASH, 'a hash printed by "npm run hash-password"'),
  /** Where the console's "Send me a test" delivers an email notice. */
  email: z.email().optional(),
  /** Where it delivers an SMS, WhatsApp or call (E.164, as a customer's phone). */
  phone: z.e164().optional(),
});
export type StaffAccount = z.infer<typeof StaffAccount>;

/** A Standard Webhooks signing secret. */
export const WebhookSecret = z
  .string()
  .regex(/^whsec_[A-Za-z0-9+/]{22,}={0,2}$/, 'whsec_ followed by at least 16 bytes in base64 (Standard Webhooks)');

/** Doorstep's own format: the body names an order, signed the Standard Webhooks way. */
const DoorstepWebhook = EndpointBase.extend({
  format: z.literal('doorstep'),
  secrets: z.array(WebhookSecret).min(1).max(4),
});
export type DoorstepWebhook = z.infer<typeof DoorstepWebhook>;

/** An endpoint in a carrier's own format (connectors/carriers/formats.ts): the base fields and the format's own. */
export type FormatWebhook = z.infer<typeof EndpointBase> & { format: string; [field: string]: unknown };

/** Endpoints written before formats existed are Doorstep's own. */
const defaultFormat = (v: unknown) =>
  v && typeof v === 'object' && !Array.isArray(v) && !('format' in v) ? { ...v, format: 'doorstep' } : v;

/**
 * A carrier's webhook endpoint, `/webhooks/carriers/{id}`: tracking events for one shop's parcels,
 * in Doorstep's format or a carrier's own (`format`), each with its own fields, checked with field paths.
 * Several secrets let a carrier rotate its key (any of them verifies).
 */
const CarrierWebhook = z.preprocess(
  defaultFormat,
  z.discriminatedUnion('format', [DoorstepWebhook, ...pushEndpointSchemas()]),
) as z.ZodType<DoorstepWebhook | FormatWebhook>;
export type CarrierWebhook = DoorstepWebhook | FormatWebhook;

export const FileConfig = z
  .object({
    /** Each shop's settings as its chains follow them, with its own voice (brand and senders) beside them. */
    shops: z.array(Shop.extend(ShopVoice.shape)).min(1),
    apiKeys: z.array(ApiKey).default([]),
    staff: z.array(StaffAccount).default([]),
    carrierWebhooks: z.array(CarrierWebhook).default([]),
    /** Carriers without push, polled for every open parcel that has a tracking number. */
    carrierPolls: z.array(CarrierPoll).default([]),
  })
  .superRefine((c, ctx) => {
    const ids = new Set(c.shops.map((s) => s.id));
    const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
    // Chain ids are "order-<shop>-<order>": with shops "acme" and "acme-eu", acme's order "eu-1" would be
    // acme-eu's "1".
    c.shops.forEach((s, i) => {
      const clash = c.shops.find((o) => o.id !== s.id && s.id.startsWith(`${o.id}-`));
      if (clash) issue(['shops', i, 'id'], `must not start with another shop's id and "-" ("${clash.id}")`);
    });
    c.apiKeys.forEach((k, i) => {
      if (!ids.has(k.shop)) issue(['apiKeys', i, 'shop'], `no shop "${k.shop}"`);
    });
    c.staff.forEach((s, i) => {
      if (!ids.has(s.shop)) issue(['staff', i, 'shop'], `no shop "${s.shop}"`);
      if (c.staff.findIndex((o) => o.username === s.username) < i) issue(['staff', i, 'username'], 'used twice');
    });
    c.carrierWebhooks.forEach((w, i) => {
      if (!ids.has(w.shop)) issue(['carrierWebhooks', i, 'shop'], `no shop "${w.shop}"`);
      if (c.carrierWebhooks.findIndex((o) => o.id === w.id) < i) issue(['carrierWebhooks', i, 'id'], 'used twice');
    });
    c.carrierPolls.forEach((p, i) => {
      const first = c.carrierPolls.findIndex((o) => o.carrier.toLowerCase() === p.carrier.toLowerCase());
      if (first < i) issue(['carrierPolls', i, 'carrier'], 'polled twice');
    });
  });
export type FileConfig = z.infer<typeof FileConfig>;

/** The DOORSTEP_CONFIG file, read and validated. */
export function readConfigFile(file: string): FileConfig {
  const hint = `fix ${file} (README, "Configuration"), or unset DOORSTEP_CONFIG to run the demo shop`;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw envError('DOORSTEP_CONFIG', `cannot read ${file} (${(err as NodeJS.ErrnoException).code})`, hint);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new ConfigError(`invalid DOORSTEP_CONFIG ${file}:\n✖ not JSON: ${(err as Error).message}`, hint);
  }
  return parseOrThrow(FileConfig, json, `DOORSTEP_CONFIG ${file}`, hint);
}
