/**
 * Everything the benchmark runs, each in its own process on loopback: the Temporal dev server
 * (file-backed SQLite in WAL mode), PostgreSQL (Doorstep's store, shared by its worker and API),
 * Doorstep's worker and API, the skeleton's worker and API, and in this process the SMTP and
 * Twilio sinks and a collector for the skeleton's no-op notices.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { ensureSearchAttributes } from '../../common/temporal';
import { chainWorkflowId } from '../../workflows/definitions';
import { startDevServer, type DevServerProcess } from '../dev-server';
import { freePort } from '../free-port';
import { answers, node, type NodeProcess } from '../node-process';
import { startPostgres, type Postgres } from '../../test/helpers/postgres';
import { smtpSink, twilioSink, type Sink, type Taken, type TwilioSink } from './sinks';

/** The bench's one shop. */
export const BENCH_SHOP = 'bench';
export const BENCH_KEY = `bench_${randomBytes(12).toString('hex')}`;

export interface System {
  name: 'doorstep' | 'skeleton';
  baseUrl: string;
  headers: Record<string, string>;
  taskQueue: string;
  worker: NodeProcess;
  api: NodeProcess;
  /** The workflow id of an order. */
  workflowId(orderId: string): string;
}

export interface Stack {
  dir: string;
  temporal: DevServerProcess;
  /** Temporal's SQLite files. */
  temporalFiles: string[];
  postgres: Postgres;
  client: Client;
  smtp: Sink;
  twilio: TwilioSink;
  doorstep: System;
  skeleton: System;
  stop(): Promise<void>;
}

/** The collector the skeleton's notice activities post to. */
async function collector(onTaken: (t: Taken) => void): Promise<{ url: string; server: Server }> {
  let n = 0;
  const server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      const { orderId, touchpoint, at } = JSON.parse(raw) as { orderId: string; touchpoint: string; at: number };
      onTaken({
        providerId: `skeleton-${++n}`,
        identity: `${orderId}:${touchpoint}`,
        orderId,
        touchpoint,
        startedAt: at,
      });
      res.end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

/** The bench shop: no quiet hours, no cap in the way, chains that end right after handover. */
export const benchShop = {
  id: BENCH_SHOP,
  name: 'Bench Shop',
  supportEmail: 'support@bench.example',
  quietHours: { start: '00:00', end: '00:00' },
  maxNoticesPerDay: 100,
  feedbackWindowDays: 0,
  courierCallDeadlineMinutes: 600,
};
/** The bench shop's key, without a rate limit in reach. */
export const benchKey = {
  key: BENCH_KEY,
  shop: BENCH_SHOP,
  scopes: ['orders:write', 'chains:read', 'chains:act'],
  requestsPerMinute: 1_000_000,
};

function configFile(dir: string): string {
  const file = join(dir, 'doorstep.json');
  writeFileSync(file, JSON.stringify({ shops: [benchShop], apiKeys: [benchKey] }));
  return file;
}

/**
 * Starts the whole stack; `onTaken` hears every notice a sink or the collector takes, per system.
 * With `profileDir`, every Node process of the stack leaves a CPU profile there (see `npm run bench -- --profile`).
 */
export async function startStack(
  onTaken: (system: System['name'], t: Taken) => void,
  profileDir?: string,
): Promise<Stack> {
  const dir = mkdtempSync(join(tmpdir(), 'doorstep-bench-'));
  const [temporalPort, uiPort] = [await freePort(), await freePort()];
  const pragmas = ['journal_mode=wal', 'synchronous=normal'].flatMap((p) => ['--sqlite-pragma', p]);
  const [temporal, postgres] = await Promise.all([
    startDevServer(dir, temporalPort, uiPort, ['--headless', '--log-level', 'error', ...pragmas]),
    startPostgres(),
  ]);
  const client = new Client({ connection: await Connection.connect({ address: temporal.address }) });
  await ensureSearchAttributes(client);
  const smtp = await smtpSink((t) => onTaken('doorstep', t));
  const twilio = await twilioSink((t) => onTaken('doorstep', t));
  const skeletonNotices = await collector((t) => onTaken('skeleton', t));
  const [apiPort, metricsPort, sdkMetricsPort, skeletonPort] = [
    await freePort(),
    await freePort(),
    await freePort(),
    await freePort(),
  ];
  const common = { TEMPORAL_ADDRESS: temporal.address, LOG_LEVEL: 'warn' };
  const doorstepEnv = {
    ...common,
    DOORSTEP_CONFIG: configFile(dir),
    DOORSTEP_DATA_DIR: join(dir, 'doorstep'),
    DOORSTEP_SECRET: randomBytes(24).toString('base64url'),
    DOORSTEP_TASK_QUEUE: 'bench-doorstep',
    DATABASE_URL: postgres.socketUrl,
    SMTP_URL: smtp.url,
    MAIL_FROM: 'Bench Shop <orders@bench.example>',
    TWILIO_ACCOUNT_SID: 'AC00000000000000000000000000000001',
    TWILIO_AUTH_TOKEN: 'bench-twilio-token',
    TWILIO_FROM: '+48111222333',
    TWILIO_API_BASE_URL: twilio.url,
    PORT: String(apiPort),
    METRICS_PORT: String(metricsPort),
    SDK_METRICS_PORT: String(sdkMetricsPort),
  };
  const skeletonEnv = {
    ...common,
    SKELETON_TASK_QUEUE: 'bench-skeleton',
    HARNESS_URL: skeletonNotices.url,
    PORT: String(skeletonPort),
  };
  const apiUrl = `http://127.0.0.1:${apiPort}`;
  const skeletonUrl = `http://127.0.0.1:${skeletonPort}`;
  // Both workers bundle their workflows at start: in parallel, then the APIs.
  const [doorstepWorker, skeletonWorker] = await Promise.all([
    node('worker/main.ts', doorstepEnv, answers(`http://127.0.0.1:${metricsPort}/metrics`), { profileDir }),
    node(
      'scripts/bench/skeleton/worker.ts',
      skeletonEnv,
      async (output) => output.includes('skeleton worker started'),
      { profileDir },
    ),
  ]);
  const [doorstepApi, skeletonApi] = await Promise.all([
    node('api/main.ts', doorstepEnv, answers(`${apiUrl}/healthz`), { profileDir }),
    node('scripts/bench/skeleton/api.ts', skeletonEnv, answers(`${skeletonUrl}/v1/orders/none/events`), { profileDir }),
  ]);
  const processes = [doorstepApi, skeletonApi, doorstepWorker, skeletonWorker];
  return {
    dir,
    temporal,
    temporalFiles: ['', '-wal', '-shm'].map((s) => join(dir, `temporal.db${s}`)),
    postgres,
    client,
    smtp,
    twilio,
    doorstep: {
      name: 'doorstep',
      baseUrl: apiUrl,
      headers: { authorization: `Bearer ${BENCH_KEY}`, 'content-type': 'application/json' },
      taskQueue: doorstepEnv.DOORSTEP_TASK_QUEUE,
      worker: doorstepWorker,
      api: doorstepApi,
      workflowId: (orderId) => chainWorkflowId(BENCH_SHOP, orderId),
    },
    skeleton: {
      name: 'skeleton',
      baseUrl: skeletonUrl,
      headers: { 'content-type': 'application/json' },
      taskQueue: skeletonEnv.SKELETON_TASK_QUEUE,
      worker: skeletonWorker,
      api: skeletonApi,
      workflowId: (orderId) => `skeleton-${orderId}`,
    },
    async stop() {
      await Promise.all(processes.map((p) => p.stop()));
      await client.connection.close();
      await Promise.all([smtp.close(), twilio.close(), new Promise((r) => skeletonNotices.server.close(r))]);
      await Promise.all([temporal.stop(), postgres.stop()]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
