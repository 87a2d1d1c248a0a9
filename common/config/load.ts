/**
 * The configuration of every process: environment variables and the DOORSTEP_CONFIG file, parsed
 * with zod. Unset, it falls back to a `demo` shop and a development key kept in the data dir, which
 * every process creates here when something lives in it. A mistake is a ConfigError naming its fields.
 */
import { join } from 'node:path';
import { z } from 'zod';
import { Shop } from '../../workflows/contract';
import { TASK_QUEUE } from '../../workflows/definitions';
import { derivedPayloadKey, parsePayloadKeys, type PayloadKey } from '../payload-codec';
import { DEFAULT_TOKEN_KEYS, parseTokenKeys, type TokenKeys } from '../tokens';
import { readConfigFile, WebhookSecret, type ApiKey, type CarrierWebhook, type StaffAccount } from './config-file';
import type { CarrierPoll } from '../../connectors/carriers/polling/config';
import { dataDirAt, persisted } from './data-dir';
import { demoConfig, randomSecret } from './demo';
import { ConfigError, ENV_HINT, envError, parseOrThrow, parseVariable } from './errors';
import { tracingSettings, type TracingSettings } from './observability';
import { allProviders, ProviderEnv, readProviders, type ProviderConfigs } from './providers';
import { readRetention, RetentionEnv, type Retention } from './retention';
import { ShopVoice } from './shop-voice';

const port = () => z.coerce.number().int().min(0).max(65535);

const Env = z.object({
  PORT: port().default(8080),
  PUBLIC_BASE_URL: z.url().optional(),
  DOORSTEP_CONFIG: z.string().optional(),
  DOORSTEP_DATA_DIR: z.string().default('.data'),
  DOORSTEP_SECRET: z.string().min(16).optional(),
  DOORSTEP_TASK_QUEUE: z.string().min(1).default(TASK_QUEUE),
  TEMPORAL_ADDRESS: z.string().optional(),
  TEMPORAL_NAMESPACE: z.string().default('default'),
  DATABASE_URL: z.string().optional(),
  METRICS_PORT: port().default(9464),
  SDK_METRICS_PORT: port().min(1).default(9465),
  DOORSTEP_ALERT_WEBHOOK_SECRET: WebhookSecret.optional(),
  DOORSTEP_PAYLOAD_KEYS: z.string().optional(),
  DOORSTEP_TOKEN_KEYS: z.string().default(DEFAULT_TOKEN_KEYS),
  WORKFLOW_BUNDLE: z.string().optional(),
  /** The proxies in front of the API whose X-Forwarded-For names the caller: a hop count, or addresses and ranges. */
  TRUST_PROXY: z
    .string()
    .regex(
      /^(\d{1,2}|[\w.:/]+(\s*,\s*[\w.:/]+)*)$/,
      'a number of hops, or comma-separated addresses, CIDR ranges or loopback/linklocal/uniquelocal',
    )
    .optional(),
  ...RetentionEnv.shape,
  ...ProviderEnv.shape,
});

export interface AppConfig extends ProviderConfigs {
  port: number;
  publicBaseUrl: string;
  dataDir: string;
  secret: string;
  /**
   * Keys of the Temporal payload encryption, the encrypting one first (DOORSTEP_PAYLOAD_KEYS, else derived
   * from the secret).
   */
  payloadKeys: PayloadKey[];
  /** Keys of the customers' link tokens, the signing one first (DOORSTEP_TOKEN_KEYS). */
  tokenKeys: TokenKeys;
  retention: Retention;
  shops: Map<string, Shop>;
  /** Each shop's brand and senders (empty when the shop sets none): the worker and the API look it up by id. */
  voices: Map<string, ShopVoice>;
  apiKeys: ApiKey[];
  /**
   * Express's `trust proxy` (TRUST_PROXY): which proxies' X-Forwarded-For names the caller, so that a
   * carrier endpoint's `allowFrom` sees the carrier's address behind a load balancer. Unset: the connection's own.
   */
  trustProxy?: number | string;
  /** Set when no DOORSTEP_CONFIG was given: the generated key of the demo shop. */
  devKey?: string;
  /** Support console accounts. */
  staff: StaffAccount[];
  /** Carriers' signed webhook endpoints (an alternative to API keys for carriers). */
  carrierWebhooks: CarrierWebhook[];
  /** Carriers Doorstep polls (pull connectors). */
  carrierPolls: CarrierPoll[];
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
  outboxFile: string;
  /** Signs the support-alert webhooks (Standard Webhooks, "whsec_…"). */
  alertWebhookSecret?: string;
  /** A prebuilt workflow bundle (bundleWorkflowCode's code in a file): the worker starts without bundling. */
  workflowBundle?: string;
  /** Where traces go, when the OTEL_* environment asks for them. */
  tracing?: TracingSettings;
}

/**
 * Reads and validates the whole configuration and creates the data dir when something lives in it; throws a
 * ConfigError naming each bad field.
 */
export function loadConfig(environment: NodeJS.ProcessEnv = process.env): AppConfig {
  const env = parseOrThrow(Env, environment, 'environment', ENV_HINT);
  const providers = readProviders(env);
  const embedded =
    !env.DOORSTEP_SECRET ||
    !env.DOORSTEP_CONFIG ||
    !env.DATABASE_URL ||
    !env.TEMPORAL_ADDRESS ||
    !allProviders(providers);
  const dataDir = dataDirAt(env.DOORSTEP_DATA_DIR, embedded);
  const demo = env.DOORSTEP_CONFIG ? undefined : demoConfig(dataDir);
  const file = demo?.file ?? readConfigFile(env.DOORSTEP_CONFIG!);
  const hooked = file.shops.find((s) => s.alertWebhookUrl);
  if (hooked && !env.DOORSTEP_ALERT_WEBHOOK_SECRET) {
    throw envError(
      'DOORSTEP_ALERT_WEBHOOK_SECRET',
      `shop "${hooked.id}" has an alertWebhookUrl, so a secret must sign its alerts`,
    );
  }
  const retention = readRetention(env);
  const secret = env.DOORSTEP_SECRET ?? persisted(dataDir, 'secret', randomSecret);
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
    shops: new Map(file.shops.map((s) => [s.id, Shop.parse(s)])),
    voices: new Map(file.shops.map((s) => [s.id, ShopVoice.parse(s)])),
    apiKeys: file.apiKeys,
    devKey: demo?.devKey,
    staff: file.staff,
    carrierWebhooks: file.carrierWebhooks,
    carrierPolls: file.carrierPolls,
    trustProxy: env.TRUST_PROXY && /^\d+$/.test(env.TRUST_PROXY) ? Number(env.TRUST_PROXY) : env.TRUST_PROXY,
    devStaff: demo?.devStaff,
    temporal: { address: env.TEMPORAL_ADDRESS, namespace: env.TEMPORAL_NAMESPACE },
    databaseUrl: env.DATABASE_URL || undefined,
    metricsPort: env.METRICS_PORT,
    sdkMetricsPort: env.SDK_METRICS_PORT,
    taskQueue: env.DOORSTEP_TASK_QUEUE,
    ...providers,
    outboxFile: join(dataDir, 'outbox.jsonl'),
    alertWebhookSecret: env.DOORSTEP_ALERT_WEBHOOK_SECRET,
    workflowBundle: env.WORKFLOW_BUNDLE,
    tracing: tracingSettings(environment),
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
