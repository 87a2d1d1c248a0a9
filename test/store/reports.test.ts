/**
 * The reports by delivery mode from facts recorded directly in the store (embedded and on PostgreSQL): a
 * hand-made set of home and pickup-point chains, and the exact figures each mode's touchpoint audit and carrier
 * scorecard give, with the pickup points' own (collected on the first day, expired, hours to collection) and the
 * carriers' exceptions by normalized reason.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createStore, type Store } from '../../store';
import { CHAINS, exceptionFigures, INPOST_LOCKERS, PERIOD, recordChain } from '../helpers/report-facts';

const freshDir = () => mkdtempSync(join(tmpdir(), 'doorstep-reports-'));
const backends: [string, (dataDir?: string) => Promise<Store>][] = [
  ['embedded (PGlite)', (dataDir = freshDir()) => createStore({ dataDir })],
  ['PostgreSQL', () => createStore({ databaseUrl: inject('databaseUrl'), dataDir: freshDir() })],
];
const THRESHOLDS = { wow: 4.5, ok: 3.5 };

describe.each(backends)('reports by delivery mode, %s', (_name, open) => {
  let store: Store;
  // Each run has its own shop: the PostgreSQL database is shared by the run.
  const shop = `modes-${Math.random().toString(36).slice(2, 8)}`;

  beforeAll(async () => {
    store = await open();
    for (const [id, chain] of Object.entries(CHAINS)) await recordChain(store, shop, id, chain);
    // A check of a chain whose start is not in the store yet counts as a home chain's.
    await store.facts.checkSent({
      chainId: `order-${shop}-unstarted`,
      touchpoint: 'confirmation',
      touchpointId: 'confirmation',
      shop,
      carrier: 'dpd',
      scale: 5,
      sentAt: '2026-11-03T08:00:00.000Z',
    });
  });
  afterAll(() => store.close());

  it('records each pickup step once: a retried activity changes nothing', async () => {
    const chainId = `order-${shop}-p1`;
    expect(await store.facts.pickup(chainId, 'ready', '2026-11-05T11:00:00.000Z')).toBe(false);
    expect(await store.facts.pickup(chainId, 'collected', '2026-11-06T11:00:00.000Z')).toBe(false);
    expect(await store.facts.pickup(`order-${shop}-missing`, 'ready', '2026-11-05T11:00:00.000Z')).toBe(false);
    const [row] = await store.sql.query<{ mode: string; ready_at: Date; collected_at: Date; expired_at: Date | null }>(
      'select mode, ready_at, collected_at, expired_at from chain_facts where chain_id = $1',
      [chainId],
    );
    expect(row).toEqual({
      mode: 'pickup_point',
      ready_at: new Date('2026-11-05T10:00:00Z'),
      collected_at: new Date('2026-11-05T18:30:00Z'),
      expired_at: null,
    });
  });

  it('the carrier scorecard over all chains is the one before modes: no mode, no pickup figures', async () => {
    const all = await store.reports.carriers({ shop, ...PERIOD });
    expect(all).toEqual([
      {
        carrier: 'dpd',
        orders: 3,
        delivered: 3,
        onTimeRate: 0.667,
        meanDelayDays: 0.667,
        deliveredWithoutCall: 1,
        courierCallRating: null,
        handoverRating: null,
        exceptions: exceptionFigures(2, 1, 3, { weather: 1, consignee_not_home: 1 }),
      },
      {
        carrier: 'inpost',
        orders: 5,
        delivered: 3,
        onTimeRate: 0.667,
        meanDelayDays: 0,
        deliveredWithoutCall: 0,
        courierCallRating: 4,
        handoverRating: 3.667,
        exceptions: exceptionFigures(2, 2, 5, { address_problem: 1, capacity: 1 }),
      },
    ]);
    expect(await store.reports.carriers({ shop, ...PERIOD, mode: 'all' })).toEqual(all);
  });

  it('the home scorecard counts home chains, those before modes included', async () => {
    expect(await store.reports.carriers({ shop, ...PERIOD, mode: 'home' })).toEqual([
      {
        carrier: 'dpd',
        orders: 2,
        delivered: 2,
        onTimeRate: 0.5,
        meanDelayDays: 1,
        deliveredWithoutCall: 1,
        courierCallRating: null,
        handoverRating: null,
        exceptions: exceptionFigures(2, 1, 2, { weather: 1, consignee_not_home: 1 }),
        mode: 'home',
      },
      {
        carrier: 'inpost',
        orders: 1,
        delivered: 1,
        onTimeRate: 1,
        meanDelayDays: 0,
        deliveredWithoutCall: 0,
        courierCallRating: 4,
        handoverRating: 5,
        exceptions: exceptionFigures(1, 1, 1, { address_problem: 1 }),
        mode: 'home',
      },
    ]);
  });

  it('the pickup-point scorecard: collected within 24 hours of ready, expired of those settled, mean hours to collection', async () => {
    expect(await store.reports.carriers({ shop, ...PERIOD, mode: 'pickup_point' })).toEqual([
      {
        carrier: 'dpd',
        orders: 1,
        delivered: 1,
        onTimeRate: 1,
        meanDelayDays: 0,
        deliveredWithoutCall: 0,
        courierCallRating: null,
        handoverRating: null,
        exceptions: exceptionFigures(0, 0, 1),
        mode: 'pickup_point',
        // Ready at 20:00, collected at 19:00 the next day: within 24 hours, though not on the same day.
        pickup: {
          ready: 1,
          collected: 1,
          expired: 0,
          collectedFirstDayRate: 1,
          expiredRate: 0,
          meanHoursToCollect: 23,
        },
      },
      INPOST_LOCKERS,
    ]);
    expect(await store.reports.carriers({ shop, ...PERIOD, mode: 'pickup_point', carrier: 'dpd' })).toHaveLength(1);
  });

  it('keeps each exception once per chain event, and counts only those of the period’s chains', async () => {
    const again = { chainId: `order-${shop}-h2`, eventId: 'h2-exception-1', reason: 'weather', at: PERIOD.from };
    expect(await store.facts.exception(again)).toBe(false);
    // A chain started before the period: its exception, reported within it, is not the period's.
    await store.facts.started({
      chainId: `order-${shop}-october`,
      shop,
      carrier: 'dpd',
      startedAt: '2026-10-30T08:00:00.000Z',
      firstPromise: '2026-11-02',
    });
    const lost = { chainId: `order-${shop}-october`, eventId: 'october-lost', reason: 'lost', at: PERIOD.from };
    expect(await store.facts.exception(lost)).toBe(true);
    const [dpd] = await store.reports.carriers({ shop, ...PERIOD, carrier: 'dpd' });
    expect(dpd.exceptions).toEqual(exceptionFigures(2, 1, 3, { weather: 1, consignee_not_home: 1 }));
    const october = await store.reports.carriers({ shop, from: '2026-10-01', to: PERIOD.from, carrier: 'dpd' });
    expect(october.map((l) => l.exceptions)).toEqual([exceptionFigures(1, 1, 1, { lost: 1 })]);
  });

  it('the touchpoint audit of each mode counts the checks of its chains only', async () => {
    const audit = (mode?: 'home' | 'pickup_point' | 'all') =>
      store.reports.touchpoints({ shop, ...PERIOD, mode }, THRESHOLDS);
    const line = (touchpoint: string, checksSent: number, responses: number, meanScore: number | null) => ({
      touchpoint,
      checksSent,
      responses,
      responseRate: Math.round((responses / checksSent) * 1000) / 1000,
      meanScore,
      scale: 5,
      verdict: meanScore === null ? null : meanScore >= 4.5 ? 'Wow' : meanScore >= 3.5 ? 'OK' : 'Bad',
    });
    expect(await audit()).toEqual({
      touchpoints: [
        line('confirmation', 1, 0, null),
        line('courier-call', 1, 1, 4),
        line('ready-for-pickup', 2, 1, 5),
        line('handover', 3, 3, 3.667),
      ],
      weakestLink: 'handover',
    });
    expect(await audit('all')).toEqual(await audit());
    expect(await audit('home')).toEqual({
      touchpoints: [line('confirmation', 1, 0, null), line('courier-call', 1, 1, 4), line('handover', 1, 1, 5)],
      weakestLink: 'courier-call',
    });
    expect(await audit('pickup_point')).toEqual({
      touchpoints: [line('ready-for-pickup', 2, 1, 5), line('handover', 2, 2, 3)],
      weakestLink: 'handover',
    });
  });
});

it('a store from before delivery modes keeps its chains as home chains', async () => {
  const dir = freshDir();
  const old = await createStore({ dataDir: dir });
  // Undo the modes' migration alone (version 10: versions never change), which the store applies again on opening.
  await old.sql.query(
    'alter table chain_facts drop column mode, drop column ready_at, drop column collected_at, drop column expired_at',
  );
  await old.sql.query('delete from schema_migrations where version = $1', [10]);
  await old.sql.query(
    `insert into chain_facts (chain_id, shop, carrier, started_at, first_promise) values ('order-old-1', 'old', 'dpd', '2026-11-03T08:00:00Z', '2026-11-06')`,
  );
  await old.close();
  const store = await createStore({ dataDir: dir });
  expect(await store.reports.carriers({ shop: 'old', ...PERIOD, mode: 'home' })).toMatchObject([
    { carrier: 'dpd', orders: 1, mode: 'home' },
  ]);
  expect(await store.reports.carriers({ shop: 'old', ...PERIOD, mode: 'pickup_point' })).toEqual([]);
  await store.close();
});
