/**
 * A carrier flooding events: on a dev server that suggests continue-as-new early, the chain carries
 * its state into a fresh run and still walks to the end exactly once.
 */
import { Client } from '@temporalio/client';
import { Registry } from 'prom-client';
import { NativeConnection } from '@temporalio/worker';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { Chains } from '../../api/chains';
import { temporalCli } from '../../common/tools';
import { createStore } from '../../store';
import { addressKeyer } from '../../store/address-key';
import { chainWorkflow } from '../../workflows';
import { trackingEventUpdate } from '../../workflows/definitions';
import { ALL_SEARCH_ATTRIBUTES } from '../../workflows/search-attributes';
import { event, onTimePath, order, shop } from '../helpers/fixtures';
import { queryState, startChain } from '../helpers/chains';
import { testConfig, testWorker } from '../helpers/temporal';
import { dataConverterOf } from '../../common/temporal';

let env: TestWorkflowEnvironment;
const config = testConfig();
beforeAll(async () => {
  env = await TestWorkflowEnvironment.createLocal({
    server: {
      executable: { type: 'existing-path', path: temporalCli() },
      searchAttributes: ALL_SEARCH_ATTRIBUTES,
      ip: '127.0.0.1',
      extraArgs: ['--dynamic-config-value', 'limit.historyCount.suggestContinueAsNew=60'],
    },
    client: { dataConverter: dataConverterOf(config) },
  });
});
afterAll(() => env?.teardown());

it('continues as new under a flood of events, keeping state, dedup and memo, and finishes once', async () => {
  const client: Client = env.client;
  const connection: NativeConnection = env.nativeConnection;
  const store = await createStore(config);
  const worker = await testWorker(config, connection, 'default', { store, registry: new Registry() });
  await worker.runUntil(async () => {
    const o = order();
    const s = shop({ feedbackWindowDays: 0 });
    const handle = await startChain({ client, config }, o, s);
    const firstRun = (await handle.describe()).runId;
    const path = onTimePath();
    await handle.executeUpdate(trackingEventUpdate, { args: [path[1]] });
    // The carrier resends in_transit over and over (each one a late, distinct event).
    for (let i = 0; i < 40; i++) await handle.executeUpdate(trackingEventUpdate, { args: [event('in_transit')] });
    const latest = client.workflow.getHandle<typeof chainWorkflow>(handle.workflowId);
    const described = await latest.describe();
    expect(described.runId).not.toBe(firstRun);
    expect(described.memo?.bodyHash).toBeDefined();
    const carried = await queryState(latest);
    expect(carried.events).toHaveLength(41);
    expect(carried.touchpoints.find((t) => t.key === 'confirmation')!.notices).toHaveLength(1);
    expect(await latest.executeUpdate(trackingEventUpdate, { args: [path[1]] })).toEqual({
      stage: 'in_transit',
      duplicate: true,
    });
    expect(
      await new Chains(client, config.taskQueue, addressKeyer(config.secret)).start({
        order: o,
        shop: s,
        trackingUrl: `http://localhost/t/${o.orderId}`,
      }),
    ).toEqual({ created: false, stage: 'in_transit' });

    for (const e of path.slice(3)) await latest.executeUpdate(trackingEventUpdate, { args: [e] });
    const final = await latest.result();
    expect(final.touchpoints.map((t) => [t.key, t.status, t.notices.length])).toEqual(
      ['confirmation', 'tracking', 'arrival', 'courier-call', 'handover', 'closing'].map((k) => [k, 'done', 1]),
    );
  });
  await store.close();
});
