/** Day-long timers on the time-skipping test server: the promise guard, the call deadline, the return window. */
import type { WorkflowHandle } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chainStateQuery, trackingEventUpdate } from '../../workflows/definitions';
import type { ChainState, TrackingEvent } from '../../workflows/contract';
import { event, inDays, order, shop } from '../helpers/fixtures';
import { outbox, testConfig, timeSkipping, type TimeSkipping } from '../helpers/temporal';
import { startChain, waitForState } from '../helpers/chains';

const config = testConfig();
let ts: TimeSkipping;
beforeAll(async () => {
  ts = await timeSkipping(config);
});
afterAll(() => ts?.close());
/** Skips test-server time to `target` (epoch ms). */
async function sleepUntil(target: number): Promise<void> {
  await ts.env.sleep(Math.max(1, target - (await ts.env.currentTimeMs())));
}
const send = (h: WorkflowHandle, e: TrackingEvent) => h.executeUpdate(trackingEventUpdate, { args: [e] });
const state = (h: WorkflowHandle): Promise<ChainState> => h.query(chainStateQuery);
const HOUR = 3_600_000;

describe('durable timers measured in days', () => {
  it('the promise guard sends a delay notice before the promise is broken, re-arms, and a second delay flags support', async () => {
    await ts.withWorker(async () => {
      const now = await ts.env.currentTimeMs();
      // Promised in 4 days (UTC customer); a 24 h lead time puts the guard at 00:00 of that day.
      const o = order({ promisedDate: inDays(4, now), customer: { ...order().customer, timezone: 'UTC' } });
      const guardAt = Date.parse(`${inDays(4, now)}T00:00:00Z`);
      const h = await startChain({ client: ts.env.client, config }, o, shop({ courierLeadTimeHours: 24 }), { indexed: false });
      await send(h, event('handed_to_carrier'));
      await sleepUntil(guardAt - HOUR);
      expect((await state(h)).delays).toEqual([]);
      await sleepUntil(guardAt + HOUR);
      const once = await state(h);
      expect(once.delays).toMatchObject([{ days: 1, source: 'guard', newDate: inDays(5, now) }]);
      expect(once.promisedDate).toBe(inDays(5, now));
      expect(once.touchpoints.find((t) => t.key === 'delay')!.notices[0].text).toContain('1 day later');
      expect(once.attention).toEqual([]);
      await sleepUntil(guardAt + 24 * HOUR + HOUR);
      const twice = await state(h);
      expect(twice.delays.map((d) => d.newDate)).toEqual([inDays(5, now), inDays(6, now)]);
      expect(twice.attention).toEqual([expect.stringContaining('delay 2')]);
      await send(h, event('arrived_in_city'));
      await ts.env.sleep(10 * 24 * HOUR);
      expect((await state(h)).delays).toHaveLength(2);
      await h.terminate('test over');
    });
  });

  it('when no courier call is reported by the deadline, Doorstep contacts the customer itself', async () => {
    await ts.withWorker(async () => {
      const o = order({ promisedDate: inDays(5, await ts.env.currentTimeMs()) });
      const h = await startChain({ client: ts.env.client, config }, o, shop({ courierCallDeadlineMinutes: 180 }), { indexed: false });
      await send(h, event('out_for_delivery'));
      await ts.env.sleep(2 * HOUR);
      expect((await state(h)).touchpoints.find((t) => t.key === 'courier-call')!.notices).toEqual([]);
      await ts.env.sleep(2 * HOUR);
      const callOf = (s: ChainState) => s.touchpoints.find((t) => t.key === 'courier-call')!;
      const call = callOf(await waitForState(h, (s) => callOf(s).notices[0]?.status === 'sent'));
      expect(call).toMatchObject({ status: 'done', note: expect.stringContaining('Doorstep contacted the customer') });
      // Doorstep asks by phone first (the customer's SMS before their email), offering windows to pick by digit.
      expect(call.notices[0]).toMatchObject({ channel: 'sms', text: expect.stringContaining('When suits you? Reply 1 for') });
      await send(h, event('delivered', {}));
      const final = await h.result();
      expect(final.conflicts).toEqual([]);
      expect(final.stage).toBe('closed');
    });
  });

  it('the chain closes when the 14-day return window ends and completes after the feedback window', async () => {
    await ts.withWorker(async () => {
      const o = order({ returnWindowDays: 14, promisedDate: inDays(5, await ts.env.currentTimeMs()) });
      const h = await startChain({ client: ts.env.client, config }, o, shop({ feedbackWindowDays: 7 }), { indexed: false });
      for (const type of ['out_for_delivery', 'delivered'] as const) await send(h, event(type));
      await ts.env.sleep(13 * 24 * HOUR);
      expect((await state(h)).stage).toBe('delivered');
      await ts.env.sleep(2 * 24 * HOUR);
      const closed = await state(h);
      expect(closed.stage).toBe('closed');
      expect(closed.touchpoints.find((t) => t.key === 'closing')!.status).toBe('done');
      const final = await h.result();
      expect(final.stage).toBe('closed');
      expect(outbox(config).filter((m) => m.idempotencyKey === `order-acme-${o.orderId}:closing:email:1`)).toHaveLength(1);
    });
  });
});
