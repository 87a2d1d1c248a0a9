/**
 * `npm start`'s stack as a user runs it: the Temporal dev server, worker and API come up on embedded
 * defaults, curl-like calls walk an order, Ctrl-C stops everything, and the chain survives a restart.
 * With a configuration file and a secret it comes up in a data dir that does not exist yet; a bad
 * configuration is told by its field paths, without a stack trace.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { afterAll, expect, it } from 'vitest';
import { freePort } from '../../scripts/free-port';
import { DAY_MS } from '../../workflows/durations';
import { configFile } from '../helpers/config-file';
import { afternoonZone, onTimePath, orderBody } from '../helpers/fixtures';

const dataDir = mkdtempSync(join(tmpdir(), 'doorstep-start-'));
const running: ChildProcess[] = [];
afterAll(() => running.forEach((p) => p.exitCode === null && p.kill('SIGKILL')));

const [port, temporalPort, uiPort, sdkMetricsPort] = [
  await freePort(),
  await freePort(),
  await freePort(),
  await freePort(),
];
const env = {
  ...process.env,
  PORT: String(port),
  SDK_METRICS_PORT: String(sdkMetricsPort),
  DOORSTEP_DATA_DIR: dataDir,
  TEMPORAL_DEV_PORT: String(temporalPort),
  TEMPORAL_DEV_UI_PORT: String(uiPort),
  TEMPORAL_ADDRESS: '',
};

/** Runs the start script with `extra` in its environment. */
function spawnStart(extra: Record<string, string> = {}): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
    env: { ...env, ...extra },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.push(child);
  return child;
}

/** Starts the stack and resolves with its printed banner once it is up. */
function start(extra: Record<string, string> = {}): Promise<{ child: ChildProcess; banner: string }> {
  const child = spawnStart(extra);
  let out = '';
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk) => {
      out += chunk;
      if (out.includes('Press Ctrl-C to stop.')) resolve({ child, banner: out });
    });
    child.stderr!.on('data', (chunk) => (out += chunk));
    child.once('exit', (code) => reject(new Error(`start exited with ${code}:\n${out}`)));
  });
}

function stop(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    child.once('exit', (code) => resolve(code));
    child.kill('SIGINT');
  });
}

it('runs the whole stack on embedded defaults, walks an order, stops cleanly and keeps the chain across a restart', async () => {
  const first = await start();
  const key = readFileSync(join(dataDir, 'dev-api-key'), 'utf8').trim();
  expect(first.banner).toContain(`Dev API key:    ${key}`);
  expect(first.banner).toContain(`http://localhost:${port}`);
  const base = `http://127.0.0.1:${port}`;
  const call = (path: string, body?: object) =>
    fetch(`${base}${path}`, {
      method: body ? 'POST' : 'GET',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: body ? JSON.stringify(body) : undefined,
    });

  // The demo shop keeps quiet hours (21:00–09:00 customer time): this customer's afternoon is now.
  const order = orderBody({
    customer: { name: 'Anna', email: 'anna@example.com', timezone: afternoonZone(), channels: ['email'] },
  });
  expect((await call('/v1/orders', order)).status).toBe(201);
  for (const e of onTimePath()) expect((await call(`/v1/orders/${order.orderId}/events`, e)).status).toBe(202);
  type Chain = { stage: string; touchpoints: { status: string; notices: { status: string }[] }[] };
  let chain: Chain | undefined;
  const settled = (c?: Chain) =>
    c?.stage === 'closed' && c.touchpoints.every((t) => t.notices.every((n) => n.status === 'sent'));
  for (let i = 0; i < 100 && !settled(chain); i++) {
    await new Promise((r) => setTimeout(r, 100));
    chain = (await (await call(`/v1/orders/${order.orderId}`)).json()) as Chain;
  }
  expect(chain!.touchpoints.map((t) => [t.status, t.notices.map((n) => n.status)])).toEqual(
    Array(6).fill(['done', ['sent']]),
  );
  const outbox = readFileSync(join(dataDir, 'outbox.jsonl'), 'utf8').trim().split('\n');
  expect(outbox).toHaveLength(6);

  // The console sign-in it printed works, and the chain's timeline shows the closing notice.
  const [, username, password] = /Console login: +(\S+) \/ (\S+)/.exec(first.banner)!;
  const signIn = await fetch(`${base}/console/sign-in`, {
    method: 'POST',
    body: new URLSearchParams({ username, password }),
    redirect: 'manual',
  });
  expect(signIn.status).toBe(303);
  const cookie = signIn.headers.get('set-cookie')!.split(';')[0];
  const timeline = await fetch(`${base}/console/orders/${order.orderId}`, { headers: { cookie } });
  expect(await timeline.text()).toContain('data-touchpoint="closing"');

  expect(await stop(first.child)).toBe(0);
  const probe = (url: string) =>
    fetch(url).then(
      () => 'answered',
      () => 'refused',
    );
  expect(await probe(`${base}/healthz`)).toBe('refused');
  expect(await probe(`http://127.0.0.1:${uiPort}`)).toBe('refused');

  const second = await start();
  const again = await (await call(`/v1/orders/${order.orderId}`)).json();
  expect(again).toEqual(chain);
  expect(await stop(second.child)).toBe(0);
}, 180_000);

/** A configuration file of one shop, with `shops[0]` changed by `shop`. */
const oneShopFile = (shop: Record<string, unknown> = {}) =>
  configFile({
    shops: [{ id: 'acme', name: 'Acme', supportEmail: 'help@acme.example', ...shop }],
    apiKeys: [{ key: 'acme-start-key-000001', shop: 'acme', scopes: ['orders:write', 'chains:read'] }],
  });

it(
  'comes up with DOORSTEP_CONFIG and DOORSTEP_SECRET in a data dir that does not exist yet, ' +
    'closed chains kept 30 days and the retention job scheduled',
  async () => {
    const fresh = join(mkdtempSync(join(tmpdir(), 'doorstep-start-fresh-')), 'not', 'yet');
    const { child, banner } = await start({
      DOORSTEP_DATA_DIR: fresh,
      DOORSTEP_CONFIG: oneShopFile(),
      DOORSTEP_SECRET: 'a-secret-from-the-environment-32b',
    });
    expect(banner).toContain(`Store:          embedded, in ${fresh}/store`);
    expect(existsSync(join(fresh, 'temporal.db'))).toBe(true);
    const res = await fetch(`http://127.0.0.1:${port}/v1/orders?pageSize=1`, {
      headers: { authorization: 'Bearer acme-start-key-000001' },
    });
    expect(res.status).toBe(200);
    // Its own dev server keeps closed chains for 30 days (not the dev server's 1), and the retention job is scheduled.
    const client = new Client({ connection: await Connection.connect({ address: `127.0.0.1:${temporalPort}` }) });
    const { config } = await client.workflowService.describeNamespace({ namespace: 'default' });
    expect(Number(config!.workflowExecutionRetentionTtl!.seconds)).toBe((30 * DAY_MS) / 1000);
    const schedule = await client.schedule.getHandle('doorstep-retention-doorstep').describe();
    expect(schedule.action).toMatchObject({
      type: 'startWorkflow',
      workflowType: 'retentionWorkflow',
      taskQueue: 'doorstep',
    });
    await client.connection.close();
    expect(await stop(child)).toBe(0);
  },
  120_000,
);

it('refuses a bad configuration with its field paths and a hint, no stack trace, and a non-zero exit', async () => {
  const cases: [Record<string, string>, RegExp][] = [
    [
      { DOORSTEP_CONFIG: oneShopFile({ supportEmail: 'not an email', quietHours: { start: '25:00', end: '07:00' } }) },
      /shops\[0\]\.supportEmail[\s\S]*shops\[0\]\.quietHours\.start|shops\[0\]\.quietHours\.start[\s\S]*shops\[0\]\.supportEmail/,
    ],
    [
      { DOORSTEP_CONFIG: join(dataDir, 'no-such-file.json') },
      /cannot read .*no-such-file\.json \(ENOENT\)\s+→ at DOORSTEP_CONFIG/,
    ],
    [{ PORT: 'eighty' }, /→ at PORT/],
    [{ DOORSTEP_TOKEN_KEYS: 'k1:short' }, /→ at DOORSTEP_TOKEN_KEYS/],
  ];
  for (const [extra, fields] of cases) {
    const child = spawnStart(extra);
    let err = '';
    child.stderr!.on('data', (chunk) => (err += chunk));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code, err).toBe(78);
    expect(err).toMatch(fields);
    expect(err).toMatch(/hint: /);
    expect(err).not.toMatch(/^ {4}at /m);
  }
}, 120_000);
