/**
 * The pull connector on the real dev server: one workflow per carrier polls a local DHL endpoint at
 * its rate, moves a real chain with the carrier's statuses, waits out a 429 for the whole carrier and
 * stops polling a parcel once it is final.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { carrierPollId, ensureCarrierPolls } from '../../common/temporal';
import type { CarrierPoll } from '../../connectors/carriers/polling/config';
import { backoffMs, pauseAfter } from '../../workflows/carrier-poll';
import { carrierEndpoint, type CarrierEndpoint, type CarrierReply } from '../../scripts/chaos/carrier-endpoint';
import { startChain, waitForState } from '../helpers/chains';
import { order, shop } from '../helpers/fixtures';
import { devServer, testConfig, type DevServer } from '../helpers/temporal';

/** What the endpoint says of each number (a DHL status code since when), or a reply to give once. */
const statuses = new Map<string, { statusCode: string; timestamp: string }>();
const setStatus = (number: string, statusCode: string) =>
  statuses.set(number, { statusCode, timestamp: new Date().toISOString() });
const once: CarrierReply[] = [];
const dhl = (number: string): CarrierReply => {
  const now = statuses.get(number);
  if (!now) return { status: 404, body: '{"title":"No result found","status":404}' };
  const status = { ...now, status: now.statusCode };
  const body = { shipments: [{ id: number, status, events: [status] }] };
  return { status: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
};

let endpoint: CarrierEndpoint;
let env: DevServer;
const POLL: CarrierPoll = {
  carrier: 'DHL',
  api: 'dhl',
  apiKey: 'test-key',
  requestsPerMinute: 120,
  // Hours become seconds: in transit 240 min → 7 s, out for delivery 20 min → 0.6 s.
  intervalScale: 0.0005,
  baseUrl: 'http://127.0.0.1:1',
};

beforeAll(async () => {
  endpoint = await carrierEndpoint((call) => once.shift() ?? dhl(call.number));
  const config = testConfig();
  env = await devServer({ ...config, carrierPolls: [{ ...POLL, baseUrl: endpoint.url }] });
});
afterAll(async () => {
  await env.close();
  await endpoint.close();
});

/** A DHL chain whose parcel `number` is in the parcel index. */
async function dhlChain(number: string) {
  const o = order({ carrier: 'DHL', trackingNumber: number });
  const handle = await startChain(env, o, shop());
  await env.store.parcels.link({
    shop: 'acme',
    carrier: 'DHL',
    trackingNumber: number,
    chainId: handle.workflowId,
    orderId: o.orderId,
  });
  return handle;
}

const callsFor = (number: string) => endpoint.calls.filter((c) => c.number === number);
const until = async (ok: () => boolean | Promise<boolean>, ms = 30_000) => {
  for (const end = Date.now() + ms; !(await ok()); await new Promise((r) => setTimeout(r, 100)))
    if (Date.now() > end) throw new Error('never happened');
};

describe('carrier poll workflow', () => {
  it('moves a chain by the carrier, then stops polling its final parcel', async () => {
    setStatus('JD001', 'transit');
    const handle = await dhlChain('JD001');
    await env.withWorker(async () => {
      await ensureCarrierPolls(env.client, env.config.taskQueue, ['DHL']);
      const moving = await waitForState(handle, (s) => s.stage === 'in_transit', 30_000);
      expect(moving.events.at(-1)).toMatchObject({ type: 'in_transit', carrierStatus: { code: 'transit' } });
      expect(callsFor('JD001')[0]!.headers['dhl-api-key']).toBe('test-key');
      setStatus('JD001', 'delivered');
      // Delivered at once closes a chain whose shop offers no returns.
      await waitForState(handle, (s) => s.events.some((e) => e.type === 'delivered'), 30_000);
      await until(async () => (await env.store.parcels.due('dhl', new Date(Date.now() + 86_400_000), 10)).length === 0);
      const calls = callsFor('JD001').length;
      // Ten times the parcel's shortest interval: a parcel still polled would have been asked again.
      await new Promise((r) => setTimeout(r, 6000));
      expect(callsFor('JD001')).toHaveLength(calls);
      const transit = handle.workflowId;
      expect(
        (await env.client.workflow.getHandle(carrierPollId(env.config.taskQueue, 'DHL')).describe()).status.name,
      ).toBe('RUNNING');
      expect(transit).toContain('order-acme-');
    });
  });

  it("waits out a 429's Retry-After for the whole carrier, then polls again", async () => {
    setStatus('JD002', 'transit');
    once.push({ status: 429, headers: { 'retry-after': '3' }, body: '{"title":"Too many requests"}' });
    const handle = await dhlChain('JD002');
    const before = endpoint.calls.length;
    await env.withWorker(async () => {
      await ensureCarrierPolls(env.client, env.config.taskQueue, ['DHL']);
      await waitForState(handle, (s) => s.stage === 'in_transit', 30_000);
    });
    const [refused, next] = endpoint.calls.slice(before);
    expect(next!.at - refused!.at).toBeGreaterThanOrEqual(3000);
  });

  it('stops polling a parcel whose chain has finished, whatever the carrier says', async () => {
    setStatus('JD003', 'transit');
    const handle = await dhlChain('JD003');
    await handle.terminate('order gone');
    await env.withWorker(async () => {
      await ensureCarrierPolls(env.client, env.config.taskQueue, ['DHL']);
      await until(() => callsFor('JD003').length > 0);
      await until(async () =>
        (await env.store.parcels.due('dhl', new Date(Date.now() + 86_400_000), 50)).every(
          (p) => p.trackingNumber !== 'JD003',
        ),
      );
    });
    expect(callsFor('JD003')).toHaveLength(1);
  });

  it('waits an hour for a worker that knows a carrier it does not (a rollout adding it) instead of ending', async () => {
    await env.withWorker(async () => {
      await ensureCarrierPolls(env.client, env.config.taskQueue, ['UPS']);
      const handle = env.client.workflow.getHandle(carrierPollId(env.config.taskQueue, 'UPS'));
      const timers = async () =>
        ((await handle.fetchHistory()).events ?? []).flatMap((e) => e.timerStartedEventAttributes ?? []);
      await until(async () => (await timers()).length > 0);
      expect((await timers())[0]!.startToFireTimeout?.seconds?.toString()).toBe('3600');
      expect((await handle.describe()).status.name).toBe('RUNNING');
      await handle.terminate('test over');
    });
  });

  it('paces a batch at the configured rate', async () => {
    const numbers = Array.from({ length: 8 }, (_, i) => `JD1${i}`);
    for (const n of numbers) setStatus(n, 'transit');
    await Promise.all(numbers.map(dhlChain));
    await env.withWorker(async () => {
      await ensureCarrierPolls(env.client, env.config.taskQueue, ['DHL']);
      await until(() => numbers.every((n) => callsFor(n).length > 0));
    });
    const times = numbers.map((n) => callsFor(n)[0]!.at).sort((a, b) => a - b);
    // 120 a minute: one call every 500 ms.
    for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(450);
  });
});

describe('pauses', () => {
  it.each([
    [{ outcome: 'rate_limited', polled: 3, retryAfterMs: 30_000 } as const, 1, 30_000],
    [{ outcome: 'rate_limited', polled: 0, retryAfterMs: 2_000 } as const, 4, 2_000],
    [{ outcome: 'rate_limited', polled: 0 } as const, 3, 20_000],
    [{ outcome: 'error', polled: 0 } as const, 1, 5_000],
    [{ outcome: 'idle', polled: 0, nextDueInMs: 4_000 } as const, 0, 4_000],
    [{ outcome: 'idle', polled: 0, nextDueInMs: 3_600_000 } as const, 0, 10_000],
    [{ outcome: 'idle', polled: 0 } as const, 0, 10_000],
    [{ outcome: 'ok', polled: 60 } as const, 0, 0],
  ])('%j after %i refusals waits %i ms', (batch, failures, ms) => {
    expect(pauseAfter(batch, failures)).toBe(ms);
  });

  it('backs off exponentially up to ten minutes', () => {
    expect([1, 2, 3, 4, 20].map(backoffMs)).toEqual([5000, 10_000, 20_000, 40_000, 600_000]);
  });
});
