/**
 * The parcel index, embedded (PGlite) and on PostgreSQL: a carrier's number finds its chains without
 * regard to the carrier's case, a new chain takes a number over, polls are scheduled and closed, and
 * the retention purge takes a finished chain's parcels and exceptions with its other rows.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createStore, type Store } from '../../store';
import type { ParcelRef } from '../../store/parcels';
import { DAY_MS } from '../../workflows/durations';

const freshDir = () => mkdtempSync(join(tmpdir(), 'doorstep-parcels-'));
const backends: [string, () => Promise<Store>][] = [
  ['embedded (PGlite)', () => createStore({ dataDir: freshDir() })],
  ['PostgreSQL', () => createStore({ databaseUrl: inject('databaseUrl'), dataDir: freshDir() })],
];

describe.each(backends)('the parcel index, %s', (_name, open) => {
  let store: Store;
  // Each run has its own numbers and chains: the PostgreSQL database is shared by the run.
  const run = Math.random().toString(36).slice(2, 8);
  const parcel = (n: string, overrides: Partial<ParcelRef> = {}): ParcelRef => ({
    shop: 'acme',
    carrier: 'dpd',
    trackingNumber: `${n}-${run}`,
    chainId: `order-acme-${n}-${run}`,
    orderId: `${n}-${run}`,
    ...overrides,
  });
  beforeAll(async () => void (store = await open()));
  afterAll(() => store?.close());

  it("finds a number's chains whatever case the carrier is spelled in, in one shop or in all", async () => {
    await store.parcels.link(parcel('a', { carrier: 'DPD' }));
    await store.parcels.link(parcel('a', { shop: 'bolt', chainId: `order-bolt-a-${run}`, carrier: ' dpd ' }));
    const everywhere = await store.parcels.find('Dpd', `a-${run}`);
    expect(everywhere.map((p) => [p.shop, p.carrier, p.chainId]).sort()).toEqual([
      ['acme', 'dpd', `order-acme-a-${run}`],
      ['bolt', 'dpd', `order-bolt-a-${run}`],
    ]);
    expect((await store.parcels.find('dpd', `a-${run}`, 'bolt')).map((p) => p.shop)).toEqual(['bolt']);
    expect(await store.parcels.find('inpost', `a-${run}`)).toEqual([]);
    expect(await store.parcels.find('dpd', `A-${run}`)).toEqual([]);
  });

  it('keeps the row when the same chain files it again, and hands the number to a new chain', async () => {
    const now = new Date();
    await store.parcels.link(parcel('b'));
    await store.parcels.polled(parcel('b'), { next: new Date(now.getTime() + DAY_MS), status: 'in transit' });
    await store.parcels.link(parcel('b'));
    expect(await store.parcels.find('dpd', `b-${run}`)).toMatchObject([{ polls: 1, lastStatus: 'in transit' }]);
    await store.parcels.link(parcel('b', { chainId: `order-acme-b2-${run}`, orderId: `b2-${run}` }));
    const [taken] = await store.parcels.find('dpd', `b-${run}`);
    expect([taken!.chainId, taken!.orderId]).toEqual([`order-acme-b2-${run}`, `b2-${run}`]);
    // A new chain's parcel is due at once (a second on: the database's clock counts microseconds, Date milliseconds).
    expect((await store.parcels.due('dpd', new Date(Date.now() + 1000), 1000)).map((p) => p.trackingNumber)).toContain(
      `b-${run}`,
    );
  });

  it("schedules a carrier's polls, and stops them for a final status or a closed chain", async () => {
    const carrier = `poll-${run}`;
    for (const n of ['c1', 'c2', 'c3']) await store.parcels.link(parcel(n, { carrier }));
    const later = new Date(Date.now() + 3_600_000);
    await store.parcels.polled(parcel('c1', { carrier }), { next: later });
    await store.parcels.polled(parcel('c2', { carrier }), { next: later, final: true, status: 'delivered' });
    await store.parcels.closeChain(parcel('c3').chainId);
    // A batch that polled c3 before its chain closed files it after: it stays closed.
    await store.parcels.polled(parcel('c3', { carrier }), { next: new Date(0), status: 'in transit' });
    expect(await store.parcels.due(carrier, new Date(), 10)).toEqual([]);
    expect((await store.parcels.nextDue(carrier))?.toISOString()).toBe(later.toISOString());
    expect((await store.parcels.due(carrier, new Date(later.getTime() + 1), 10)).map((p) => p.trackingNumber)).toEqual([
      `c1-${run}`,
    ]);
  });

  it("purges a long-finished chain's parcels and exceptions with its rows, and keeps those of a chain that may run", async () => {
    const ago = (days: number) => new Date(Date.now() - days * DAY_MS);
    const [gone, open] = [parcel('gone'), parcel('open')];
    for (const p of [gone, open]) {
      await store.parcels.link(p);
      await store.sql.query(`update parcels set linked_at = $2 where chain_id = $1`, [p.chainId, ago(200)]);
      await store.facts.exception({ chainId: p.chainId, eventId: 'x', reason: 'lost', at: ago(199).toISOString() });
    }
    await store.tombstones.bury([{ chainId: gone.chainId, at: ago(150) }], 'finished');
    expect(await store.retention.unsettled(ago(100), 100_000)).toContain(open.chainId);
    const purged = await store.retention.purge(ago(100), ago(3650), ago(1));
    expect(purged.parcels).toBeGreaterThanOrEqual(1);
    expect(purged.chain_exceptions).toBeGreaterThanOrEqual(1);
    const left = async (table: string, chainId: string) =>
      (await store.sql.query(`select 1 from ${table} where chain_id = $1`, [chainId])).length;
    expect([await left('parcels', gone.chainId), await left('chain_exceptions', gone.chainId)]).toEqual([0, 0]);
    expect([await left('parcels', open.chainId), await left('chain_exceptions', open.chainId)]).toEqual([1, 1]);
  });
});
