/**
 * The recordFact activity on an embedded store: a carrier's exception is kept once per chain event, by its
 * normalized reason, and doorstep_carrier_exceptions_total counts it once however often the activity is retried;
 * a finished chain (its final stage fact) closes its parcels for the pull connectors.
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
  store = await createStore({ dataDir: mkdtempSync(join(tmpdir(), 'doorstep-exceptions-')) });
  recordFact = recordFactActivity({ store, metrics: workerMetrics(registry, store.facts) });
});
afterAll(() => store.close());

const exception = (chainId: string, eventId: string, reason: 'weather' | 'consignee_not_home', at: string) =>
  ({ chainId, shop: 'acme', carrier: 'dhl', at, kind: 'exception', eventId, reason }) as const;

it('keeps each exception event once, and counts it once by carrier and reason, however often it is retried', async () => {
  const storm = exception('order-acme-1', 'dhl-1-storm', 'weather', '2026-11-04T07:00:00.000Z');
  await recordFact(storm);
  await recordFact({ ...storm, at: '2026-11-04T07:00:09.000Z' });
  await recordFact(exception('order-acme-1', 'dhl-1-away', 'consignee_not_home', '2026-11-05T15:00:00.000Z'));
  await recordFact(exception('order-acme-2', 'dhl-2-away', 'consignee_not_home', '2026-11-05T16:00:00.000Z'));

  const rows = await store.sql.query<{ chain_id: string; event_id: string; reason: string; at: Date }>(
    'select chain_id, event_id, reason, at from chain_exceptions order by at',
  );
  expect(rows).toEqual([
    { chain_id: 'order-acme-1', event_id: 'dhl-1-storm', reason: 'weather', at: new Date('2026-11-04T07:00:00.000Z') },
    {
      chain_id: 'order-acme-1',
      event_id: 'dhl-1-away',
      reason: 'consignee_not_home',
      at: new Date('2026-11-05T15:00:00.000Z'),
    },
    {
      chain_id: 'order-acme-2',
      event_id: 'dhl-2-away',
      reason: 'consignee_not_home',
      at: new Date('2026-11-05T16:00:00.000Z'),
    },
  ]);
  const metrics = await registry.metrics();
  expect(metrics).toMatch(/doorstep_carrier_exceptions_total\{carrier="dhl",reason="weather"\} 1\n/);
  expect(metrics).toMatch(/doorstep_carrier_exceptions_total\{carrier="dhl",reason="consignee_not_home"\} 2\n/);
  expect(metrics).not.toMatch(/reason="lost"/);
});

it("closes a finished chain's parcels, so that no carrier is polled for them again, even on a retry", async () => {
  const ref = { shop: 'acme', carrier: 'dhl', chainId: 'order-acme-9', orderId: '9' };
  await store.parcels.link({ ...ref, trackingNumber: 'JD-FIN' });
  const closed = { chainId: ref.chainId, shop: 'acme', carrier: 'dhl', at: new Date().toISOString() } as const;
  await recordFact({ ...closed, kind: 'stage', stage: 'in_transit' });
  expect((await store.parcels.due('dhl', new Date(Date.now() + 1000), 10)).map((p) => p.trackingNumber)).toEqual([
    'JD-FIN',
  ]);
  await recordFact({ ...closed, kind: 'stage', stage: 'cancelled' });
  await recordFact({ ...closed, kind: 'stage', stage: 'cancelled' });
  expect(await store.parcels.due('dhl', new Date(Date.now() + 1000), 10)).toEqual([]);
});
