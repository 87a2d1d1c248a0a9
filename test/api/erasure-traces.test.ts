/**
 * Erasure on the embedded stack as `npm start` runs it: a Temporal dev server whose database file
 * lives in the data dir, the embedded store and the local outbox. An erased order never sends
 * again, and nothing of the customer's contact stays in any file or table.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import { Registry } from 'prom-client';
import request from 'supertest';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { eraseOrder } from '../../api/erasure';
import { appFor } from '../../api/server';
import { loadConfig, type AppConfig } from '../../common/config';
import { dataConverterOf, ensureSearchAttributes } from '../../common/temporal';
import { startDevServer, type DevServerProcess } from '../../scripts/dev-server';
import { freePort } from '../../scripts/free-port';
import { createStore, type Store } from '../../store';
import { chainWorkflow } from '../../workflows';
import { chainStartOptions } from '../../api/chain-start';
import { chainWorkflowId, trackingEventUpdate } from '../../workflows/definitions';
import type { ChainState } from '../../workflows/contract';
import { waitForState } from '../helpers/chains';
import { event, order, orderBody, shopConfig } from '../helpers/fixtures';
import { outbox, testWorker } from '../helpers/temporal';

const KEY = 'erasure-writer-key-0001';
let dataDir: string;
let server: DevServerProcess;
let config: AppConfig;
let client: Client;
let connection: NativeConnection;
let store: Store;
let app: ReturnType<typeof appFor>;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'doorstep-erasure-'));
  server = await startDevServer(dataDir, await freePort(), await freePort());
  const configFile = join(dataDir, 'doorstep.json');
  writeFileSync(
    configFile,
    JSON.stringify({
      shops: [shopConfig()],
      apiKeys: [{ key: KEY, shop: 'acme', scopes: ['orders:write', 'chains:read'] }],
    }),
  );
  config = loadConfig({
    DOORSTEP_DATA_DIR: dataDir,
    DOORSTEP_CONFIG: configFile,
    DOORSTEP_TASK_QUEUE: `erasure-${randomUUID()}`,
    PORT: '8080',
  });
  client = new Client({
    connection: await Connection.connect({ address: server.address }),
    dataConverter: dataConverterOf(config),
  });
  await ensureSearchAttributes(client);
  connection = await NativeConnection.connect({ address: server.address });
  store = await createStore(config);
  app = appFor(config, client, store);
});
afterAll(async () => {
  await client?.connection.close();
  await connection?.close();
  await store?.close();
  await server?.stop();
});

const withWorker = async <T>(fn: () => Promise<T>) =>
  (await testWorker(config, connection, 'default', { store, registry: new Registry() })).runUntil(fn);
const post = (body: object) =>
  request(app)
    .post('/v1/orders')
    .set({ Authorization: `Bearer ${KEY}` })
    .send(body);
const sent = (s: ChainState) => s.touchpoints.flatMap((t) => t.notices).filter((n) => n.status === 'sent').length;

async function eventually(check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 100 && !(await check()); i++) await new Promise((r) => setTimeout(r, 200));
  expect(await check()).toBe(true);
}

/** Every file under `dir`, recursively. */
function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

it('an erased order never sends again: a repeated POST answers 410, and a chain started anyway reuses the ledger', () =>
  withWorker(async () => {
    const body = orderBody({
      customer: { ...orderBody().customer, email: 'once-only@example.com', channels: ['email'] },
    });
    expect((await post(body)).status).toBe(201);
    const handle = client.workflow.getHandle(chainWorkflowId('acme', body.orderId));
    await handle.executeUpdate(trackingEventUpdate, { args: [event('handed_to_carrier')] });
    await waitForState(handle, (s) => sent(s) === 2);
    const messages = () => outbox(config).filter((m) => m.to === 'once-only@example.com').length;
    expect(messages()).toBe(2);

    expect(await eraseOrder({ client, store, config }, 'acme', body.orderId)).toMatchObject({
      workflows: 1,
      outboxLines: 2,
    });
    const again = await post(body);
    expect([again.status, again.type, again.body.detail]).toEqual([
      410,
      'application/problem+json',
      `order ${body.orderId} was erased: its chain cannot start again`,
    ]);

    // A start that gets past the API (a client of its own, an older API): the ledger still knows what went.
    const o = order({ orderId: body.orderId, customer: body.customer });
    const restarted = await client.workflow.start(
      chainWorkflow,
      chainStartOptions(
        { order: o, shop: config.shops.get('acme')!, trackingUrl: 'http://localhost/t/x' },
        config.taskQueue,
      ),
    );
    const state = await waitForState(restarted, (s) => s.touchpoints[0].notices[0]?.status === 'sent');
    expect(state.touchpoints[0].notices[0]).toMatchObject({ channel: 'email', status: 'sent' });
    expect(state.touchpoints[0].notices[0].text).toBeUndefined();
    await new Promise((r) => setTimeout(r, 1000));
    expect(messages()).toBe(0);
    await restarted.terminate('test over');
  }));

it("leaves no trace of the customer's contact in any file of the data dir or any store table", () =>
  withWorker(async () => {
    const contact = { name: 'Wiesława Erasmus', email: 'wieslawa.erasmus@example.com', phone: '+48601987654' };
    // The greeting names the customer: the ledger's copy of each text holds the name.
    const body = orderBody({
      customer: { ...orderBody().customer, ...contact, givenName: 'Wiesława', channels: ['email'] },
    });
    const other = orderBody({
      customer: {
        ...orderBody().customer,
        name: 'Other Person',
        email: 'other.person@example.com',
        channels: ['email'],
      },
    });
    for (const b of [body, other]) expect((await post(b)).status).toBe(201);
    const handle = client.workflow.getHandle(chainWorkflowId('acme', body.orderId));
    await handle.executeUpdate(trackingEventUpdate, { args: [event('handed_to_carrier')] });
    await waitForState(handle, (s) => sent(s) === 2);
    await waitForState(client.workflow.getHandle(chainWorkflowId('acme', other.orderId)), (s) => sent(s) === 1);
    const traces = [contact.email, contact.phone, contact.phone.slice(1), 'Wiesława', 'Erasmus'];
    const found = () =>
      files(dataDir).flatMap((file) => {
        const bytes = readFileSync(file);
        return traces.filter((t) => bytes.includes(Buffer.from(t))).map((t) => `${file}: ${t}`);
      });
    // The scan sees them while they are there (the outbox holds the texts and the address, the store the texts).
    expect(found().some((f) => f.includes('outbox.jsonl'))).toBe(true);
    expect(JSON.stringify(await store.sql.query(`select notice from sends`))).toContain('Wiesława');

    const erased = await eraseOrder({ client, store, config }, 'acme', body.orderId);
    expect(erased).toMatchObject({ workflows: 1, notices: 2, outboxLines: 2 });
    await eventually(
      async () =>
        await handle.describe().then(
          () => false,
          () => true,
        ),
    );
    // Temporal deletes the history in the background: wait until its database holds the chain no more.
    await eventually(async () => found().length === 0);
    expect(found()).toEqual([]);
    const tables = await store.sql.query<{ table_name: string }>(
      `select table_name from information_schema.tables where table_schema = 'public'`,
    );
    for (const { table_name } of tables) {
      const dump = JSON.stringify(await store.sql.query(`select * from ${table_name}`));
      for (const t of traces) expect(dump, `${table_name} holds ${t}`).not.toContain(t);
    }
    // The other customer's messages stay.
    expect(outbox(config).map((m) => m.to)).toEqual(['other.person@example.com']);
  }));
