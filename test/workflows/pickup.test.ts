/**
 * Pickup-point chains on the time-skipping test server (issue 19): the parcel ready at its locker with code and
 * deadline, the reminder before the deadline (moved earlier out of quiet hours, re-armed by an extension, skipped
 * once collected), collection as the handover, and a parcel nobody collected: the customer told what follows,
 * support alerted, the chain returning until the parcel is back.
 */
import type { WorkflowHandle } from '@temporalio/client';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChainState, TrackingEvent } from '../../workflows/contract';
import { chainStateQuery, supportActionUpdate, trackingEventUpdate } from '../../workflows/definitions';
import { DAY_MS, HOUR_MS } from '../../workflows/durations';
import { startChain, waitForState } from '../helpers/chains';
import { COLLECTED_AFTER_REMINDER, PICKUP_LINE } from '../helpers/chain-fixtures';
import { afternoonZone, event, inDays, LOCKER, order, shop, toPoint } from '../helpers/fixtures';
import { testConfig, timeSkipping, type TimeSkipping } from '../helpers/temporal';

const config = testConfig();
let ts: TimeSkipping;
beforeAll(async () => {
  ts = await timeSkipping(config);
});
afterAll(() => ts?.close());

// Early afternoon for the customer whenever the file runs: its notices start outside the shop's quiet hours.
const ZONE = afternoonZone();
const send = (h: WorkflowHandle, e: TrackingEvent) => h.executeUpdate(trackingEventUpdate, { args: [e] });
const state = (h: WorkflowHandle): Promise<ChainState> => h.query(chainStateQuery);
/** The reason the chain gave for refusing an update ('accepted' when it took it). */
const refusal = (update: Promise<unknown>) =>
  update.then(
    () => 'accepted',
    (err: { cause?: { message?: string } }) => err.cause?.message,
  );
/** The customer picks `point` on the tracking page. */
const switchTo = (h: WorkflowHandle, point: object) =>
  h.executeUpdate(supportActionUpdate, {
    args: [
      {
        action: { action: 'switch-to-point', point } as never,
        actor: 'customer (tracking page)',
        at: new Date().toISOString(),
        requestId: crypto.randomUUID(),
      },
    ],
  });
const tp = (s: ChainState, key: string) => s.touchpoints.find((t) => t.key === key);
const sent = (s: ChainState, key: string) => tp(s, key)?.notices.find((n) => n.status === 'sent');
async function sleepUntil(target: number): Promise<void> {
  await ts.env.sleep(Math.max(1, target - (await ts.env.currentTimeMs())));
}
/** `days` from now at `hhmm` in the customer's zone (epoch ms). */
async function localAt(days: number, hhmm: string): Promise<number> {
  const [hour, minute] = hhmm.split(':').map(Number);
  const day = DateTime.fromMillis(await ts.env.currentTimeMs(), { zone: ZONE }).plus({ days });
  return day.set({ hour, minute, second: 0, millisecond: 0 }).toMillis();
}

/** A locker order's chain, its parcel in the city, by email to a customer for whom it is early afternoon. */
async function atTheCity(overrides: Record<string, unknown> = {}) {
  const customer = { ...order().customer, timezone: ZONE, channels: ['email'] };
  const o = order({ ...toPoint(), customer, promisedDate: inDays(6, await ts.env.currentTimeMs()), ...overrides });
  const h = await startChain(
    { client: ts.env.client, config },
    o,
    shop({ quietHours: { start: '21:00', end: '09:00' }, maxNoticesPerDay: 10 }),
    {
      indexed: false,
    },
  );
  await send(h, event('handed_to_carrier'));
  await send(h, event('arrived_in_city'));
  return { o, h };
}

describe('a parcel at a locker', () => {
  it('is ready with its code, reminded 24 h before the deadline, collected and rated as the handover', async () => {
    await ts.withWorker(async () => {
      const { o, h } = await atTheCity();
      const first = await waitForState(h, (s) => !!sent(s, 'confirmation') && !!sent(s, 'arrival'));
      expect(first.delivery).toEqual({ mode: 'pickup_point', point: LOCKER });
      expect(sent(first, 'confirmation')!.text).toContain(LOCKER.name);
      expect(first.touchpoints.map((t) => t.key)).not.toContain('courier-call');
      const until = await localAt(3, '18:00');
      await send(h, event('ready_for_pickup', { pickupCode: 'A7K3Q9', pickupUntil: new Date(until).toISOString() }));
      const ready = await waitForState(h, (s) => !!sent(s, 'ready-for-pickup'));
      expect(ready.stage).toBe('ready_for_pickup');
      expect(sent(ready, 'ready-for-pickup')!.text).toContain('A7K3Q9');
      expect(ready.pickup).toMatchObject({ code: 'A7K3Q9', reminderAt: new Date(until - DAY_MS).toISOString() });
      expect(tp(ready, 'pickup-reminder')).toMatchObject({ status: 'pending' });
      await sleepUntil(until - DAY_MS - HOUR_MS);
      expect(tp(await state(h), 'pickup-reminder')!.notices).toEqual([]);
      await sleepUntil(until - DAY_MS + HOUR_MS);
      const reminded = await waitForState(h, (s) => !!sent(s, 'pickup-reminder'));
      expect(sent(reminded, 'pickup-reminder')!.text).toContain('A7K3Q9');
      await send(h, event('picked_up'));
      const final = await h.result();
      expect(final.stage).toBe('closed');
      expect(sent(final, 'handover')!.text).not.toContain('courier');
      expect(final.touchpoints.map((t) => [t.key, t.status])).toEqual(COLLECTED_AFTER_REMINDER);
      expect(o.orderId).toBe(final.orderId);
    });
  });

  it('moves a reminder that would fall in quiet hours to an hour before them, and skips it once collected', async () => {
    await ts.withWorker(async () => {
      const { h } = await atTheCity();
      // Due at 07:00 in three days: 24 h before is 07:00, inside quiet hours (21:00–09:00), so it goes at 20:00 the
      // evening before.
      const until = await localAt(3, '07:00');
      await send(h, event('ready_for_pickup', { pickupCode: 'QUIET1', pickupUntil: new Date(until).toISOString() }));
      const ready = await waitForState(h, (s) => !!s.pickup?.reminderAt);
      expect(ready.pickup!.reminderAt).toBe(new Date(await localAt(1, '20:00')).toISOString());
      await send(h, event('picked_up'));
      await sleepUntil(until + HOUR_MS);
      const after = await state(h);
      expect(tp(after, 'pickup-reminder')).toMatchObject({ status: 'skipped', notices: [] });
      expect(after.pickup!.reminderAt).toBeUndefined();
      await h.terminate('test over');
    });
  });

  it('an extension moves the reminder to the new deadline; a sent reminder stays and the new deadline gets its own', async () => {
    await ts.withWorker(async () => {
      const { h } = await atTheCity();
      const until = await localAt(2, '18:00');
      await send(h, event('ready_for_pickup', { pickupCode: 'EXT001', pickupUntil: new Date(until).toISOString() }));
      await sleepUntil(until - DAY_MS + HOUR_MS);
      await waitForState(h, (s) => !!sent(s, 'pickup-reminder'));
      const later = until + 2 * DAY_MS;
      await send(h, event('pickup_extended', { pickupUntil: new Date(later).toISOString() }));
      const extended = await waitForState(h, (s) => !!tp(s, 'pickup-reminder-2'));
      expect(extended.pickup).toMatchObject({ until: new Date(later).toISOString() });
      await sleepUntil(later - DAY_MS + HOUR_MS);
      const twice = await waitForState(h, (s) => !!sent(s, 'pickup-reminder-2'));
      expect(sent(twice, 'pickup-reminder-2')!.text).toContain('EXT001');
      await h.terminate('test over');
    });
  });

  it('nobody came: the customer hears what follows, support is alerted, and the chain closes once the parcel is back', async () => {
    await ts.withWorker(async () => {
      const customer = { ...order().customer, timezone: ZONE, channels: ['email'] };
      const o = order({ ...toPoint(), customer, promisedDate: inDays(6, await ts.env.currentTimeMs()) });
      const h = await startChain(
        { client: ts.env.client, config },
        o,
        shop({ pickupExpiredAction: 'refund', maxNoticesPerDay: 10 }),
        {
          indexed: false,
        },
      );
      const until = await localAt(1, '12:00');
      await send(h, event('ready_for_pickup', { pickupCode: 'GONE42', pickupUntil: new Date(until).toISOString() }));
      await sleepUntil(until + HOUR_MS);
      await send(h, event('pickup_expired'));
      const expired = await waitForState(h, (s) => !!sent(s, 'pickup-expired'));
      expect(expired.stage).toBe('returning');
      expect(expired.pickup).toMatchObject({ expired: true });
      expect(expired.attention).toEqual([expect.stringContaining(`nobody collected the parcel at ${LOCKER.name}`)]);
      expect(tp(expired, 'handover')!.status).toBe('skipped');
      expect(await refusal(send(h, event('return_received')))).toBe(
        'the parcel nobody collected goes back to the shop: report returned_to_sender',
      );
      await send(h, event('returned_to_sender'));
      const final = await h.result();
      expect(final.stage).toBe('closed');
    });
  });

  it('refuses the home chain events with the reason', async () => {
    await ts.withWorker(async () => {
      const { h } = await atTheCity();
      expect(await refusal(send(h, event('out_for_delivery')))).toBe(
        'out_for_delivery is a home-delivery event; this order goes to a pickup point',
      );
      await h.terminate('test over');
    });
  });

  it('a home order switched to a locker before it is out for delivery follows the pickup line from there', async () => {
    await ts.withWorker(async () => {
      const customer = { ...order().customer, timezone: ZONE, channels: ['email'] };
      const o = order({ customer, promisedDate: inDays(6, await ts.env.currentTimeMs()) });
      const h = await startChain({ client: ts.env.client, config }, o, shop({ maxNoticesPerDay: 10 }), {
        indexed: false,
      });
      await send(h, event('handed_to_carrier'));
      await switchTo(h, LOCKER);
      const switched = await state(h);
      expect(switched.delivery).toEqual({ mode: 'pickup_point', point: LOCKER });
      expect(switched.touchpoints.map((t) => t.key)).toEqual(PICKUP_LINE);
      expect(switched.audit).toMatchObject([{ actor: 'customer (tracking page)', action: 'switch-to-point' }]);
      expect(await refusal(switchTo(h, LOCKER))).toBe(`the order goes to ${LOCKER.name} already`);
      await send(h, event('arrived_in_city'));
      const arrived = await waitForState(h, (s) => !!sent(s, 'arrival'));
      expect(sent(arrived, 'arrival')!.text).toContain(LOCKER.name);
      expect(await refusal(send(h, event('out_for_delivery')))).toMatch(/home-delivery event/);
      const until = await localAt(2, '18:00');
      await send(h, event('ready_for_pickup', { pickupCode: 'SW1TCH', pickupUntil: new Date(until).toISOString() }));
      await waitForState(h, (s) => !!sent(s, 'ready-for-pickup'));
      expect(await refusal(switchTo(h, { ...LOCKER, id: 'KRA02M' }))).toBe(
        'the parcel already waits at its pickup point',
      );
      await h.terminate('test over');
    });
  });
});
