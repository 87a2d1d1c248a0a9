/**
 * The one configuration module: environment variables and the DOORSTEP_CONFIG JSON file, parsed
 * with zod. Unset, it falls back to a `demo` shop and a development key kept in the data dir, which
 * every process creates here when something lives in it. A mistake is a ConfigError naming its fields.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { Shop } from '../workflows/contract';
import { hashPassword, PASSWORD_HASH } from './passwords';
import { derivedPayloadKey, parsePayloadKeys, type PayloadKey } from './payload-codec';
import { DEFAULT_TOKEN_KEYS, parseTokenKeys, type TokenKeys } from './tokens';
import { TASK_QUEUE } from '../workflows/definitions';

export const SCOPES = ['orders:write', 'chains:read', 'chains:act'] as const;
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

/** A support console account: viewers read chains, agents also act on them. */
const StaffAccount = z.object({
  username: z.string().regex(/^[A-Za-z0-9._@-]{1,64}$/, 'letters, digits and . _ @ -'),
  /** How the audit trail names them. */
  name: z.string().min(1).max(100).optional(),
  shop: z.string(),
  role: z.enum(['viewer', 'agent']),
  passwordHash: z.string().regex(PASSWORD_HASH, 'a hash printed by "npm run hash-password"'),
});
export type StaffAccount = z.infer<typeof StaffAccount>;

/** A Standard Webhooks signing secret. */
const WebhookSecret = z
  .string()
  .regex(/^whsec_[A-Za-z0-9+/]{22,}={0,2}$/, 'whsec_ followed by at least 16 bytes in base64 (Standard Webhooks)');

/**
 * A carrier's signed webhook endpoint, `/webhooks/carriers/{id}`: tracking events for one shop's
 * orders with that carrier. Several secrets let a carrier rotate its key (any of them verifies).
 */
const CarrierWebhook = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'lowercase letters, digits and -'),
  shop: z.string(),
  carrier: z.string().min(1).max(64),
  secrets: z.array(WebhookSecret).min(1).max(4),
});
export type CarrierWebhook = z.infer<typeof CarrierWebhook>;

const FileConfig = z
  .object({
    shops: z.array(Shop).min(1),
    apiKeys: z.array(ApiKey).default([]),
    staff: z.array(StaffAccount).default([]),
    carrierWebhooks: z.array(CarrierWebhook).default([]),
  })
  .superRefine((c, ctx) => {
    const ids = new Set(c.shops.map((s) => s.id));
    // Chain ids are "order-<shop>-<order>": with shops "acme" and "acme-eu", acme's order "eu-1" would be acme-eu's "1".
    c.shops.forEach((s, i) => {
      const clash = c.shops.find((o) => o.id !== s.id && s.id.startsWith(`${o.id}-`));
      if (clash)
        ctx.addIssue({
          code: 'custom',
          path: ['shops', i, 'id'],
          message: `must not start with another shop's id and "-" ("${clash.id}")`,
        });
    });
    c.apiKeys.forEach((k, i) => {
      if (!ids.has(k.shop))
        ctx.addIssue({ code: 'custom', path: ['apiKeys', i, 'shop'], message: `no shop "${k.shop}"` });
    });
    c.staff.forEach((s, i) => {
      if (!ids.has(s.shop))
        ctx.addIssue({ code: 'custom', path: ['staff', i, 'shop'], message: `no shop "${s.shop}"` });
      if (c.staff.findIndex((o) => o.username === s.username) < i)
        ctx.addIssue({ code: 'custom', path: ['staff', i, 'username'], message: 'used twice' });
    });
    c.carrierWebhooks.forEach((w, i) => {
      if (!ids.has(w.shop))
        ctx.addIssue({ code: 'custom', path: ['carrierWebhooks', i, 'shop'], message: `no shop "${w.shop}"` });
      if (c.carrierWebhooks.findIndex((o) => o.id === w.id) < i)
        ctx.addIssue({ code: 'custom', path: ['carrierWebhooks', i, 'id'], message: 'used twice' });
    });
  });

const Env = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  PUBLIC_BASE_URL: z.url().optional(),
  DOORSTEP_CONFIG: z.string().optional(),
  DOORSTEP_DATA_DIR: z.string().default('.data'),
  DOORSTEP_SECRET: z.string().min(16).optional(),
  DOORSTEP_TASK_QUEUE: z.string().min(1).default(TASK_QUEUE),
  TEMPORAL_ADDRESS: z.string().optional(),
  TEMPORAL_NAMESPACE: z.string().default('default'),
  DATABASE_URL: z.string().optional(),
  METRICS_PORT: z.coerce.number().int().min(0).max(65535).default(9464),
  SDK_METRICS_PORT: z.coerce.number().int().min(1).max(65535).default(9465),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default('Doorstep <doorstep@localhost>'),
  TWILIO_ACCOUNT_SID: z.string().optional(),
  TWILIO_AUTH_TOKEN: z.string().optional(),
  TWILIO_FROM: z.string().optional(),
  TWILIO_WHATSAPP_FROM: z.string().optional(),
  TWILIO_API_BASE_URL: z.url().optional(),
  DOORSTEP_ALERT_WEBHOOK_SECRET: WebhookSecret.optional(),
  DOORSTEP_PAYLOAD_KEYS: z.string().optional(),
  DOORSTEP_TOKEN_KEYS: z.string().default(DEFAULT_TOKEN_KEYS),
  DOORSTEP_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).optional(),
  DOORSTEP_STORE_RETENTION_DAYS: z.coerce.number().int().min(1).max(36500).default(400),
  DOORSTEP_TOMBSTONE_DAYS: z.coerce.number().int().min(2).max(36500).default(3650),
  WORKFLOW_BUNDLE: z.string().optional(),
});

/** Retention of closed chains' histories when DOORSTEP_RETENTION_DAYS is unset and Doorstep runs the dev server itself. */
export const DEV_SERVER_RETENTION_DAYS = 30;

export interface AppConfig {
  port: number;
  publicBaseUrl: string;
  dataDir: string;
  secret: string;
  /** Keys of the Temporal payload encryption, the encrypting one first (DOORSTEP_PAYLOAD_KEYS, else derived from the secret). */
  payloadKeys: PayloadKey[];
  /** Keys of the customers' link tokens, the signing one first (DOORSTEP_TOKEN_KEYS). */
  tokenKeys: TokenKeys;
  retention: {
    /** Days Temporal keeps a closed chain's history (the namespace's retention), when Doorstep should set it. */
    namespaceDays?: number;
    /** Days after which the retention job deletes store rows and outbox lines of closed chains. */
    storeDays: number;
    /** Days a finished or erased order id stays refused (longer than Temporal remembers the chain). */
    tombstoneDays: number;
  };
  shops: Map<string, Shop>;
  apiKeys: ApiKey[];
  /** Set when no DOORSTEP_CONFIG was given: the generated key of the demo shop. */
  devKey?: string;
  /** Support console accounts. */
  staff: StaffAccount[];
  /** Carriers' signed webhook endpoints (an alternative to API keys for carriers). */
  carrierWebhooks: CarrierWebhook[];
  /** Set when no DOORSTEP_CONFIG was given: the demo shop's console agent and its generated password. */
  devStaff?: { username: string; password: string };
  temporal: { address?: string; namespace: string };
  /** PostgreSQL for the store; unset, the embedded store lives in the data dir. */
  databaseUrl?: string;
  /** Where `npm run worker` serves /metrics (the API serves its own on PORT). */
  metricsPort: number;
  /** Where the worker's Temporal SDK serves its own Prometheus metrics. */
  sdkMetricsPort: number;
  /** Task queue of the chain workflows and their activities. */
  taskQueue: string;
  smtp?: { url: string; from: string };
  twilio?: { accountSid: string; authToken: string; from: string; whatsappFrom?: string; baseUrl?: string };
  outboxFile: string;
  /** Signs the support-alert webhooks (Standard Webhooks, "whsec_…"). */
  alertWebhookSecret?: string;
  /** A prebuilt workflow bundle (bundleWorkflowCode's code in a file): the worker starts without bundling. */
  workflowBundle?: string;
}

/** A configuration mistake: what is wrong, field by field, and what to do about it (printed without a stack). */
export class ConfigError extends Error {
  constructor(
    problem: string,
    readonly hint: string,
  ) {
    super(`${problem}\nhint: ${hint}`);
    this.name = 'ConfigError';
  }
}

const ENV_HINT = 'fix these environment variables (README, "Configuration")';

/** A value kept in the data dir, created once by `make`. */
function persisted(dataDir: string, name: string, make: () => string): string {
  const file = join(dataDir, name);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const value = make();
  writeFileSync(file, value, { mode: 0o600 });
  return value;
}

function parseOrThrow<T extends z.ZodType>(schema: T, value: unknown, what: string, hint: string): z.infer<T> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new ConfigError(`invalid ${what}:\n${z.prettifyError(parsed.error)}`, hint);
  return parsed.data;
}

/** Runs `parse` on a variable's value, turning its error into a ConfigError that names the variable. */
function parseVariable<T>(name: string, parse: () => T): T {
  try {
    return parse();
  } catch (err) {
    throw new ConfigError(
      `invalid environment:\n✖ ${(err as Error).message.replace(new RegExp(`^${name} `), '')}\n  → at ${name}`,
      ENV_HINT,
    );
  }
}

/**
 * The data dir, created if it is not there yet and something lives in it (the generated secret and
 * demo accounts, the embedded store, the outbox, the dev server's database); a production process
 * with its own secret, configuration, PostgreSQL and providers needs no writable folder.
 */
function dataDirAt(path: string, used: boolean): string {
  const dir = resolve(path);
  if (!used) return dir;
  try {
    mkdirSync(dir, { recursive: true });
  } catch (err) {
    throw new ConfigError(
      `invalid environment:\n✖ cannot create the data dir ${dir} (${(err as NodeJS.ErrnoException).code})\n  → at DOORSTEP_DATA_DIR`,
      'point DOORSTEP_DATA_DIR at a folder this user may create and write',
    );
  }
  return dir;
}

/** The DOORSTEP_CONFIG file, read and validated. */
function readConfigFile(file: string): z.infer<typeof FileConfig> {
  const hint = `fix ${file} (README, "Configuration"), or unset DOORSTEP_CONFIG to run the demo shop`;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new ConfigError(
      `invalid environment:\n✖ cannot read ${file} (${(err as NodeJS.ErrnoException).code})\n  → at DOORSTEP_CONFIG`,
      hint,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new ConfigError(`invalid DOORSTEP_CONFIG ${file}:\n✖ not JSON: ${(err as Error).message}`, hint);
  }
  return parseOrThrow(FileConfig, json, `DOORSTEP_CONFIG ${file}`, hint);
}

/** Reads and validates the whole configuration and creates the data dir when something lives in it; throws a ConfigError naming each bad field. */
export function loadConfig(environment: NodeJS.ProcessEnv = process.env): AppConfig {
  const env = parseOrThrow(Env, environment, 'environment', ENV_HINT);
  const embedded =
    !env.DOORSTEP_SECRET ||
    !env.DOORSTEP_CONFIG ||
    !env.DATABASE_URL ||
    !env.TEMPORAL_ADDRESS ||
    !(env.SMTP_URL && env.TWILIO_ACCOUNT_SID);
  const dataDir = dataDirAt(env.DOORSTEP_DATA_DIR, embedded);
  const random = () => randomBytes(24).toString('base64url');
  let devKey: string | undefined;
  let devStaff: AppConfig['devStaff'];
  let file: z.infer<typeof FileConfig>;
  if (env.DOORSTEP_CONFIG) {
    file = readConfigFile(env.DOORSTEP_CONFIG);
  } else {
    devKey = persisted(dataDir, 'dev-api-key', () => `dev_${random()}`);
    devStaff = { username: 'support', password: persisted(dataDir, 'dev-staff-password', random) };
    file = FileConfig.parse({
      // A demo walks a whole chain in minutes: more notices a day than a real shop would send.
      shops: [{ id: 'demo', name: 'Demo Shop', supportEmail: 'support@demo.example', maxNoticesPerDay: 20 }],
      apiKeys: [{ key: devKey, shop: 'demo', scopes: [...SCOPES], name: 'development key' }],
      staff: [
        {
          username: devStaff.username,
          name: 'Support (development)',
          shop: 'demo',
          role: 'agent',
          passwordHash: hashPassword(devStaff.password),
        },
      ],
    });
  }
  const hooked = [...file.shops].find((s) => s.alertWebhookUrl);
  if (hooked && !env.DOORSTEP_ALERT_WEBHOOK_SECRET) {
    throw new ConfigError(
      `invalid environment:\n✖ shop "${hooked.id}" has an alertWebhookUrl, so a secret must sign its alerts\n  → at DOORSTEP_ALERT_WEBHOOK_SECRET`,
      ENV_HINT,
    );
  }
  const retention = {
    namespaceDays: env.DOORSTEP_RETENTION_DAYS,
    storeDays: env.DOORSTEP_STORE_RETENTION_DAYS,
    tombstoneDays: env.DOORSTEP_TOMBSTONE_DAYS,
  };
  // An order id must stay refused for as long as anything remembers its chain.
  if (retention.tombstoneDays <= Math.max(retention.namespaceDays ?? DEV_SERVER_RETENTION_DAYS, retention.storeDays)) {
    throw new ConfigError(
      `invalid environment:\n✖ must be more than DOORSTEP_RETENTION_DAYS and DOORSTEP_STORE_RETENTION_DAYS\n  → at DOORSTEP_TOMBSTONE_DAYS`,
      ENV_HINT,
    );
  }
  const { TWILIO_ACCOUNT_SID: sid, TWILIO_AUTH_TOKEN: token, TWILIO_FROM: from } = env;
  const secret = env.DOORSTEP_SECRET ?? persisted(dataDir, 'secret', random);
  return {
    port: env.PORT,
    publicBaseUrl: (env.PUBLIC_BASE_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, ''),
    dataDir,
    secret,
    payloadKeys: env.DOORSTEP_PAYLOAD_KEYS
      ? parseVariable('DOORSTEP_PAYLOAD_KEYS', () => parsePayloadKeys(env.DOORSTEP_PAYLOAD_KEYS!))
      : [derivedPayloadKey(secret)],
    tokenKeys: parseVariable('DOORSTEP_TOKEN_KEYS', () => parseTokenKeys(env.DOORSTEP_TOKEN_KEYS, secret)),
    retention,
    shops: new Map(file.shops.map((s) => [s.id, s])),
    apiKeys: file.apiKeys,
    devKey,
    staff: file.staff,
    carrierWebhooks: file.carrierWebhooks,
    devStaff,
    temporal: { address: env.TEMPORAL_ADDRESS, namespace: env.TEMPORAL_NAMESPACE },
    databaseUrl: env.DATABASE_URL || undefined,
    metricsPort: env.METRICS_PORT,
    sdkMetricsPort: env.SDK_METRICS_PORT,
    taskQueue: env.DOORSTEP_TASK_QUEUE,
    smtp: env.SMTP_URL ? { url: env.SMTP_URL, from: env.MAIL_FROM } : undefined,
    twilio:
      sid && token && from
        ? {
            accountSid: sid,
            authToken: token,
            from,
            whatsappFrom: env.TWILIO_WHATSAPP_FROM,
            baseUrl: env.TWILIO_API_BASE_URL,
          }
        : undefined,
    outboxFile: join(dataDir, 'outbox.jsonl'),
    alertWebhookSecret: env.DOORSTEP_ALERT_WEBHOOK_SECRET,
    workflowBundle: env.WORKFLOW_BUNDLE,
  };
}

/**
 * The configuration of an entry point (npm start, the worker, the API, the scripts): a mistake is
 * printed as its fields and a hint, without a stack trace, and the process exits with 78 (EX_CONFIG).
 */
export function loadConfigOrExit(environment: NodeJS.ProcessEnv = process.env): AppConfig {
  try {
    return loadConfig(environment);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    process.stderr.write(`doorstep: ${err.message}\n`);
    process.exit(78);
  }
}
