/**
 * The watchlist's day-long timers on the time-skipping test server: no first scan within a day of
 * handed_to_carrier, a carrier silent for three days in transit, each raised once per silence; the delay
 * notice before a promise due today breaks; arrival ends the watch.
 */
import type { WorkflowHandle } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChainState, Shop, TrackingEvent } from '../../workflows/contract';
import { chainStateQuery, trackingEventUpdate } from '../../workflows/definitions';
import { DAY_MS, HOUR_MS } from '../../workflows/durations';
import { startChain } from '../helpers/chains';
import { event, inDays, order, shop } from '../helpers/fixtures';
import { testConfig, timeSkipping, type TimeSkipping } from '../helpers/temporal';

const config = testConfig();
let ts: TimeSkipping;
beforeAll(async () => {
  ts = await timeSkipping(config);
});
afterAll(() => ts?.close());

const send = (h: WorkflowHandle, e: TrackingEvent) => h.executeUpdate(trackingEventUpdate, { args: [e] });
const state = (h: WorkflowHandle): Promise<ChainState> => h.query(chainStateQuery);
const utcOrder = (promisedDate: string) => order({ promisedDate, customer: { ...order().customer, timezone: 'UTC' } });

describe('the watchlist', () => {
  it('raises no first scan after a day and a silent carrier after three (every scan, a repeated one too, starts it over), once per silence, until arrival', async () => {
    await ts.withWorker(async () => {
      const o = utcOrder(inDays(20, await ts.env.currentTimeMs()));
      const h = await startChain({ client: ts.env.client, config }, o, shop(), { indexed: false });
      await send(h, event('handed_to_carrier'));
      await ts.env.sleep(23 * HOUR_MS);
      expect((await state(h)).attention).toEqual([]);
      await ts.env.sleep(2 * HOUR_MS);
      expect((await state(h)).attention).toEqual(['no first scan 24 h after handed_to_carrier']);
      await ts.env.sleep(5 * DAY_MS);
      expect((await state(h)).attention).toHaveLength(1);
      // A scan starts the silence over.
      await send(h, event('in_transit'));
      await ts.env.sleep(71 * HOUR_MS);
      expect((await state(h)).attention).toHaveLength(1);
      await send(h, event('carrier_status'));
      await ts.env.sleep(71 * HOUR_MS);
      expect((await state(h)).attention).toHaveLength(1);
      // A repeated in_transit moves no stage, but it is a scan: the silence starts over from it.
      await send(h, event('in_transit'));
      await ts.env.sleep(71 * HOUR_MS);
      expect((await state(h)).attention).toHaveLength(1);
      await ts.env.sleep(2 * HOUR_MS);
      const silent = await state(h);
      expect(silent.attention).toEqual([
        'no first scan 24 h after handed_to_carrier',
        'carrier silent for 72 h in transit',
      ]);
      // The promise is days ahead: support looks, the customer is not told.
      expect(silent.delays).toEqual([]);
      await send(h, event('in_transit'));
      await send(h, event('arrived_in_city'));
      await ts.env.sleep(5 * DAY_MS);
      expect((await state(h)).attention).toHaveLength(2);
      await h.terminate('test over');
    });
  });

  it('a chain whose shop snapshot predates the watchlist settings watches with the defaults', async () => {
    await ts.withWorker(async () => {
      const o = utcOrder(inDays(20, await ts.env.currentTimeMs()));
      const { carrierWatch: _, ...before } = shop();
      const h = await startChain({ client: ts.env.client, config }, o, before as Shop, { indexed: false });
      await send(h, event('handed_to_carrier'));
      await ts.env.sleep(25 * HOUR_MS);
      expect((await state(h)).attention).toEqual(['no first scan 24 h after handed_to_carrier']);
      await h.terminate('test over');
    });
  });

  it('a silent carrier on the day the promise falls due: the delay notice goes before it breaks', async () => {
    await ts.withWorker(async () => {
      const now = await ts.env.currentTimeMs();
      const o = utcOrder(inDays(1, now));
      // Silent until 01:00 of the promised day (the carrier's own threshold); no lead time keeps the guard to its end.
      const silentHours = (Date.parse(`${inDays(1, now)}T01:00:00Z`) - now) / HOUR_MS;
      const carrierWatch = { firstScanHours: 24, silentHours: 72, carriers: { dpd: { silentHours } } };
      const s = shop({ courierLeadTimeHours: 0, carrierWatch });
      const h = await startChain({ client: ts.env.client, config }, o, s, { indexed: false });
      await send(h, event('handed_to_carrier'));
      await send(h, event('in_transit'));
      await ts.env.sleep(silentHours * HOUR_MS + HOUR_MS);
      const silent = await state(h);
      expect(silent.attention).toEqual([expect.stringMatching(/^carrier silent for [\d.]+ h in transit$/)]);
      expect(silent.delays).toMatchObject([{ days: 1, newDate: inDays(2, now), source: 'guard', carrierCaused: true }]);
      const notice = silent.touchpoints.find((t) => t.key === 'delay')!.notices[0];
      expect(notice.text).toContain('because the carrier has not reported any progress with the parcel.');
      await h.terminate('test over');
    });
  });
});
