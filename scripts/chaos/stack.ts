/**
 * What the chaos runs break, each in its own process on loopback: the Temporal dev server
 * (file-backed, restartable on its file), PostgreSQL, Doorstep's API and any number of workers
 * (started from one prebuilt workflow bundle, so a restart takes a second), and the SMTP server and
 * Twilio endpoint, each behind a fault proxy. Every line the API and workers print goes to one log.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { loadConfig } from '../../common/config';
import { dataConverterOf, ensureSearchAttributes } from '../../common/temporal';
import { BENCH_SHOP, benchKey, benchShop } from '../bench/stack';
import { smtpSink, twilioSink, type Sink, type Taken, type TwilioSink } from '../bench/sinks';
import { startDevServer, type DevServerProcess } from '../dev-server';
import { freePort } from '../free-port';
import { answers, node, type NodeProcess } from '../node-process';
import { startPostgres, type Postgres } from '../../test/helpers/postgres';
import { workflowBundle } from '../../test/helpers/time-skipping';
import { FaultProxy } from './proxy';

/** Another shop, whose key must not reach the bench shop's chains. */
export const OTHER_SHOP = 'other';
export const TWILIO_TOKEN = 'chaos-twilio-token';
/** The Twilio endpoint's rate per sender: more requests a second are answered 429, as Twilio does. */
export const TWILIO_CAP = 100;

export interface ChaosStack {
  dir: string;
  apiUrl: string;
  /** Headers of the bench shop's key. */
  headers: Record<string, string>;
  keys: { other: string; limited: string };
  carrier: { id: string; secret: string };
  client: Client;
  postgres: Postgres;
  smtp: Sink;
  twilio: TwilioSink;
  proxies: { smtp: FaultProxy; twilio: FaultProxy };
  /** Every line the API and the workers printed. */
  logFile: string;
  workers: NodeProcess[];
  /** Starts `n` more workers. */
  startWorkers(n: number): Promise<void>;
  /** kill -9 of every worker. */
  killWorkers(): Promise<void>;
  /** kill -9 of the Temporal dev server, and a fresh one on the same file and port after `downMs`. */
  crashTemporal(downMs: number): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Starts the stack; `onTaken` hears every message a provider takes (before it answers: a listener
 * may crash the workers right there).
 */
export async function startChaosStack(onTaken: (t: Taken) => void, seed: number): Promise<ChaosStack> {
  const dir = mkdtempSync(join(tmpdir(), 'doorstep-chaos-'));
  const [temporalPort, uiPort, apiPort] = [await freePort(), await freePort(), await freePort()];
  // The server's own errors while its clients are killed are expected here, and would bury the run's output.
  const serverArgs = ['--headless', '--log-level', 'never'];
  let temporal: DevServerProcess;
  const [started, postgres, bundle] = await Promise.all([
    startDevServer(dir, temporalPort, uiPort, serverArgs),
    startPostgres(),
    workflowBundle(),
  ]);
  temporal = started;
  const bundleFile = join(dir, 'workflow-bundle.js');
  writeFileSync(bundleFile, bundle.code);
  const smtp = await smtpSink(onTaken);
  const twilio = await twilioSink(onTaken, { perSenderPerSec: TWILIO_CAP, randomThrottle: 0 });
  const proxies = {
    smtp: await FaultProxy.start(Number(new URL(smtp.url).port), { seed }),
    twilio: await FaultProxy.start(Number(new URL(twilio.url).port), { seed: seed + 1 }),
  };
  const keys = {
    other: `other_${randomBytes(12).toString('hex')}`,
    limited: `limited_${randomBytes(12).toString('hex')}`,
  };
  const carrier = { id: 'dpd-bench', secret: `whsec_${randomBytes(24).toString('base64')}` };
  const configFile = join(dir, 'doorstep.json');
  writeFileSync(
    configFile,
    JSON.stringify({
      shops: [benchShop, { ...benchShop, id: OTHER_SHOP, name: 'Other Shop' }],
      apiKeys: [
        benchKey,
        { ...benchKey, key: keys.other, shop: OTHER_SHOP },
        { ...benchKey, key: keys.limited, requestsPerMinute: 30, name: 'limited' },
      ],
      carrierWebhooks: [{ id: carrier.id, shop: BENCH_SHOP, carrier: 'dpd', secrets: [carrier.secret] }],
    }),
  );
  const apiUrl = `http://127.0.0.1:${apiPort}`;
  const logFile = join(dir, 'processes.log');
  const env = {
    TEMPORAL_ADDRESS: temporal.address,
    LOG_LEVEL: 'info',
    DOORSTEP_CONFIG: configFile,
    DOORSTEP_DATA_DIR: join(dir, 'doorstep'),
    DOORSTEP_SECRET: randomBytes(24).toString('base64url'),
    DOORSTEP_TASK_QUEUE: 'chaos',
    DATABASE_URL: postgres.socketUrl,
    SMTP_URL: `smtp://127.0.0.1:${proxies.smtp.port}`,
    MAIL_FROM: 'Bench Shop <orders@bench.example>',
    TWILIO_ACCOUNT_SID: 'AC00000000000000000000000000000001',
    TWILIO_AUTH_TOKEN: TWILIO_TOKEN,
    TWILIO_FROM: '+48111222333',
    TWILIO_API_BASE_URL: `http://127.0.0.1:${proxies.twilio.port}`,
    PORT: String(apiPort),
    PUBLIC_BASE_URL: apiUrl,
    WORKFLOW_BUNDLE: bundleFile,
  };
  // The run's own client decodes payloads as the API and workers do: the same configuration.
  const client = new Client({
    connection: await Connection.connect({ address: temporal.address }),
    dataConverter: dataConverterOf(loadConfig(env)),
  });
  await ensureSearchAttributes(client);
  const api = await node('api/main.ts', env, answers(`${apiUrl}/healthz`), { logFile });
  const workers: NodeProcess[] = [];
  const stack: ChaosStack = {
    dir,
    apiUrl,
    headers: { authorization: `Bearer ${benchKey.key}`, 'content-type': 'application/json' },
    keys,
    carrier,
    client,
    postgres,
    smtp,
    twilio,
    proxies,
    logFile,
    workers,
    async startWorkers(n) {
      const more = await Promise.all(
        Array.from({ length: n }, async () => {
          const [metricsPort, sdkMetricsPort] = [await freePort(), await freePort()];
          return node(
            'worker/main.ts',
            { ...env, METRICS_PORT: String(metricsPort), SDK_METRICS_PORT: String(sdkMetricsPort) },
            answers(`http://127.0.0.1:${metricsPort}/metrics`),
            { logFile },
          );
        }),
      );
      workers.push(...more);
    },
    async killWorkers() {
      await Promise.all(workers.splice(0).map((w) => w.kill()));
    },
    async crashTemporal(downMs) {
      await temporal.kill();
      await new Promise((r) => setTimeout(r, downMs));
      temporal = await startDevServer(dir, temporalPort, uiPort, serverArgs);
    },
    async stop() {
      await Promise.all([api, ...workers].map((p) => p.stop()));
      await client.connection.close();
      await Promise.all([proxies.smtp.close(), proxies.twilio.close(), smtp.close(), twilio.close()]);
      await Promise.all([temporal.stop(), postgres.stop()]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
  await stack.startWorkers(1);
  return stack;
}
