/** Day-long timers on the time-skipping test server: the promise guard, the call deadline, the return window. */
import type { WorkflowHandle } from '@temporalio/client';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chainStateQuery, trackingEventUpdate } from '../../workflows/definitions';
import type { ChainState, TrackingEvent } from '../../workflows/contract';
import { event, inDays, order, shop } from '../helpers/fixtures';
import { outbox, testConfig, timeSkipping, type TimeSkipping } from '../helpers/temporal';
import { startChain, waitForState } from '../helpers/chains';
import { DAY_MS, HOUR_MS } from '../../workflows/durations';

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

describe('durable timers measured in days', () => {
  it('the promise guard sends a delay notice before the promise is broken, re-arms, and a second delay flags support', async () => {
    await ts.withWorker(async () => {
      const now = await ts.env.currentTimeMs();
      // Promised in 4 days (UTC customer); a 24 h lead time puts the guard at 00:00 of that day.
      const o = order({ promisedDate: inDays(4, now), customer: { ...order().customer, timezone: 'UTC' } });
      const guardAt = Date.parse(`${inDays(4, now)}T00:00:00Z`);
      // The watchlist waits longer than this test: only the guard speaks here.
      const quietWatch = { firstScanHours: 240, silentHours: 240 };
      const s = shop({ courierLeadTimeHours: 24, carrierWatch: quietWatch });
      const h = await startChain({ client: ts.env.client, config }, o, s, { indexed: false });
      await send(h, event('handed_to_carrier'));
      await sleepUntil(guardAt - HOUR_MS);
      expect((await state(h)).delays).toEqual([]);
      await sleepUntil(guardAt + HOUR_MS);
      const once = await state(h);
      expect(once.delays).toMatchObject([{ days: 1, source: 'guard', newDate: inDays(5, now) }]);
      expect(once.promisedDate).toBe(inDays(5, now));
      expect(once.touchpoints.find((t) => t.key === 'delay')!.notices[0].text).toContain('1 day later');
      expect(once.attention).toEqual([]);
      await sleepUntil(guardAt + DAY_MS + HOUR_MS);
      const twice = await state(h);
      expect(twice.delays.map((d) => d.newDate)).toEqual([inDays(5, now), inDays(6, now)]);
      expect(twice.attention).toEqual([expect.stringContaining('delay 2')]);
      await send(h, event('arrived_in_city'));
      await ts.env.sleep(10 * DAY_MS);
      expect((await state(h)).delays).toHaveLength(2);
      await h.terminate('test over');
    });
  });

  it('when no courier call is reported by the deadline, Doorstep contacts the customer itself', async () => {
    await ts.withWorker(async () => {
      const o = order({ promisedDate: inDays(5, await ts.env.currentTimeMs()) });
      const h = await startChain({ client: ts.env.client, config }, o, shop({ courierCallDeadlineMinutes: 180 }), {
        indexed: false,
      });
      await send(h, event('out_for_delivery'));
      await ts.env.sleep(2 * HOUR_MS);
      expect((await state(h)).touchpoints.find((t) => t.key === 'courier-call')!.notices).toEqual([]);
      await ts.env.sleep(2 * HOUR_MS);
      const callOf = (s: ChainState) => s.touchpoints.find((t) => t.key === 'courier-call')!;
      const call = callOf(await waitForState(h, (s) => callOf(s).notices[0]?.status === 'sent'));
      expect(call).toMatchObject({ status: 'done', note: expect.stringContaining('Doorstep contacted the customer') });
      // Doorstep asks by phone first (the customer's SMS before their email), offering windows to pick by digit.
      expect(call.notices[0]).toMatchObject({
        channel: 'sms',
        text: expect.stringContaining('When suits you? Reply 1 for'),
      });
      await send(h, event('delivered', {}));
      const final = await h.result();
      expect(final.conflicts).toEqual([]);
      expect(final.stage).toBe('closed');
    });
  });

  it('a carrier that never reports out_for_delivery: Doorstep asks the customer itself on the delivery day', async () => {
    await ts.withWorker(async () => {
      const now = await ts.env.currentTimeMs();
      const o = order({ promisedDate: inDays(3, now), customer: { ...order().customer, timezone: 'UTC' } });
      const h = await startChain(
        { client: ts.env.client, config },
        o,
        shop({ courierCallDeadlineMinutes: 120, quietHours: { start: '21:00', end: '09:00' } }),
        { indexed: false },
      );
      await send(h, event('handed_to_carrier'));
      await send(h, event('arrived_in_city'));
      // The delivery day starts at 09:00 (the end of quiet hours); the deadline runs two hours from then.
      const deadline = Date.parse(`${inDays(3, now)}T11:00:00Z`);
      const callOf = (s: ChainState) => s.touchpoints.find((t) => t.key === 'courier-call')!;
      await sleepUntil(deadline - HOUR_MS);
      expect(callOf(await state(h)).notices).toEqual([]);
      await sleepUntil(deadline + HOUR_MS);
      const asked = await state(h);
      expect(callOf(asked)).toMatchObject({
        status: 'done',
        note: expect.stringContaining('Doorstep contacted the customer'),
      });
      expect(asked.courierQuestion?.options).toHaveLength(3);
      expect(callOf(asked).notices[0]).toMatchObject({ channel: 'sms', status: 'sent' });
      // out_for_delivery after Doorstep asked starts no second question.
      await send(h, event('out_for_delivery'));
      await ts.env.sleep(4 * HOUR_MS);
      expect(callOf(await state(h)).notices).toHaveLength(1);
      await h.terminate('test over');
    });
  });

  it('an automated call never rings at night: with a text to fall back on it goes as SMS, alone it waits for 08:00', async () => {
    await ts.withWorker(async () => {
      const now = await ts.env.currentTimeMs();
      // A zone where it is about 02:00 now; the shop keeps no quiet hours, so only the calling hours hold the
      // call back.
      let offset = (2 - new Date(now).getUTCHours() + 24) % 24;
      if (offset > 14) offset -= 24;
      const zone = offset >= 0 ? `Etc/GMT-${offset}` : `Etc/GMT+${-offset}`;
      const night = (channels: string[]) =>
        order({ promisedDate: inDays(3, now), customer: { ...order().customer, timezone: zone, channels } });
      const confirmationOf = (s: ChainState) => s.touchpoints.find((t) => t.key === 'confirmation')!.notices[0];
      const calls = (h: WorkflowHandle) =>
        outbox(config).filter((m) => m.channel === 'voice' && m.idempotencyKey.startsWith(`${h.workflowId}:`));

      const withSms = await startChain({ client: ts.env.client, config }, night(['voice', 'sms']), shop(), {
        indexed: false,
      });
      const texted = confirmationOf(await waitForState(withSms, (s) => confirmationOf(s)?.status === 'sent'));
      expect(texted.channel).toBe('sms');
      expect(texted.decisions[0]).toMatchObject({
        outcome: 'skipped',
        channel: 'voice',
        reason: expect.stringContaining('outside calling hours (08:00–21:00)'),
      });

      const voiceOnly = await startChain({ client: ts.env.client, config }, night(['voice']), shop(), {
        indexed: false,
      });
      const waiting = confirmationOf(await waitForState(voiceOnly, (s) => confirmationOf(s)?.status === 'deferred'));
      expect(waiting.decisions[0]).toMatchObject({
        outcome: 'deferred',
        reason: expect.stringContaining('the call waits until'),
      });
      // Just before 08:00 there it still waits; just after, the call goes.
      const eight = DateTime.fromMillis(await ts.env.currentTimeMs(), { zone })
        .set({ hour: 8, minute: 0, second: 0 })
        .toMillis();
      await sleepUntil(eight - HOUR_MS / 4);
      expect(confirmationOf(await state(voiceOnly)).status).toBe('deferred');
      expect(calls(voiceOnly)).toEqual([]);
      await sleepUntil(eight + HOUR_MS / 4);
      await waitForState(voiceOnly, (s) => confirmationOf(s)?.status === 'sent');
      expect(calls(voiceOnly)).toHaveLength(1);
      await withSms.terminate('test over');
      await voiceOnly.terminate('test over');
    });
  });

  it('the chain closes when the 14-day return window ends and completes after the feedback window', async () => {
    await ts.withWorker(async () => {
      const o = order({ returnWindowDays: 14, promisedDate: inDays(5, await ts.env.currentTimeMs()) });
      const h = await startChain({ client: ts.env.client, config }, o, shop({ feedbackWindowDays: 7 }), {
        indexed: false,
      });
      for (const type of ['out_for_delivery', 'delivered'] as const) await send(h, event(type));
      await ts.env.sleep(13 * DAY_MS);
      expect((await state(h)).stage).toBe('delivered');
      await ts.env.sleep(2 * DAY_MS);
      const closed = await state(h);
      expect(closed.stage).toBe('closed');
      expect(closed.touchpoints.find((t) => t.key === 'closing')!.status).toBe('done');
      const final = await h.result();
      expect(final.stage).toBe('closed');
      expect(outbox(config).filter((m) => m.idempotencyKey === `order-acme-${o.orderId}:closing:email:1`)).toHaveLength(
        1,
      );
    });
  });
});
