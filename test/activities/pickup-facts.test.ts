/**
 * The recordFact activity on an embedded store: a chain's start keeps its delivery mode (home when a chain from
 * before modes names none), a pickup parcel's steps are kept once each (and make a switched chain a pickup-point
 * one), and the worker metric counts each step once however often the activity is retried.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Registry } from 'prom-client';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { recordFactActivity, type ChainFact } from '../../activities/facts';
import { workerMetrics } from '../../activities/metrics';
import { createStore, type Store } from '../../store';

let store: Store;
const registry = new Registry();
let recordFact: (fact: ChainFact) => Promise<void>;

beforeAll(async () => {
  store = await createStore({ dataDir: mkdtempSync(join(tmpdir(), 'doorstep-facts-')) });
  recordFact = recordFactActivity({ store, metrics: workerMetrics(registry, store.facts) });
});
afterAll(() => store.close());

const ref = (chainId: string, at: string) => ({ chainId, shop: 'acme', carrier: 'inpost', at });
const started = (chainId: string, mode?: 'pickup_point') =>
  ({ ...ref(chainId, '2026-11-03T08:00:00.000Z'), kind: 'started', firstPromise: '2026-11-06', mode }) as const;

it('keeps the mode a chain started with, home for a chain from before modes', async () => {
  await recordFact(started('order-acme-locker', 'pickup_point'));
  await recordFact(started('order-acme-older'));
  const rows = await store.sql.query<{ chain_id: string; mode: string }>(
    'select chain_id, mode from chain_facts order by chain_id',
  );
  expect(rows).toEqual([
    { chain_id: 'order-acme-locker', mode: 'pickup_point' },
    { chain_id: 'order-acme-older', mode: 'home' },
  ]);
});

it('records a pickup step once and counts it once in doorstep_pickups_total, however often it is retried', async () => {
  const ready = { ...ref('order-acme-locker', '2026-11-05T10:00:00.000Z'), kind: 'pickup', step: 'ready' } as const;
  await recordFact(ready);
  await recordFact({ ...ready, at: '2026-11-05T10:00:05.000Z' });
  await recordFact({ ...ref('order-acme-locker', '2026-11-05T18:30:00.000Z'), kind: 'pickup', step: 'collected' });
  const [row] = await store.sql.query<{ ready_at: Date; collected_at: Date; expired_at: Date | null }>(
    `select ready_at, collected_at, expired_at from chain_facts where chain_id = 'order-acme-locker'`,
  );
  expect(row).toEqual({
    ready_at: new Date('2026-11-05T10:00:00.000Z'),
    collected_at: new Date('2026-11-05T18:30:00.000Z'),
    expired_at: null,
  });
  const metrics = await registry.metrics();
  expect(metrics).toMatch(/doorstep_pickups_total\{carrier="inpost",step="ready"\} 1\n/);
  expect(metrics).toMatch(/doorstep_pickups_total\{carrier="inpost",step="collected"\} 1\n/);
  expect(metrics).not.toMatch(/step="expired"/);
});

it('counts a home chain switched to a pickup point as a pickup-point chain once its parcel is ready there', async () => {
  await recordFact({ ...ref('order-acme-older', '2026-11-06T09:00:00.000Z'), kind: 'pickup', step: 'ready' });
  const [row] = await store.sql.query<{ mode: string }>(
    `select mode from chain_facts where chain_id = 'order-acme-older'`,
  );
  expect(row.mode).toBe('pickup_point');
});
