/**
 * When notices go, on the time-skipping server: quiet hours in the customer's zone, the daily cap,
 * urgent notices at once, and notices that became obsolete while they waited.
 */
import type { WorkflowHandle } from '@temporalio/client';
import { Registry } from 'prom-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChainState, Notice, TrackingEvent } from '../../workflows/contract';
import { trackingEventUpdate } from '../../workflows/definitions';
import { startChain, waitForState } from '../helpers/chains';
import { event, inDays, order, shop } from '../helpers/fixtures';
import { outbox, replay, testConfig, timeSkipping, type TimeSkipping } from '../helpers/temporal';
import { DAY_MS } from '../../workflows/durations';

const registry = new Registry();
const config = testConfig();
let ts: TimeSkipping;
beforeAll(async () => {
  ts = await timeSkipping(config, registry);
});
afterAll(() => ts?.close());
// Customers in UTC with the default quiet hours 21:00–09:00, so hours read plainly.
const quietShop = (overrides = {}) => shop({ quietHours: { start: '21:00', end: '09:00' }, ...overrides });
/** Skips test-server time to the next hh:mm UTC; returns that moment (epoch ms). */
async function skipTo(hour: number, minute = 0): Promise<number> {
  const now = await ts.env.currentTimeMs();
  const day = new Date(now);
  let target = Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), hour, minute);
  if (target <= now) target += DAY_MS;
  await ts.env.sleep(target - now);
  return target;
}
const send = (h: WorkflowHandle, e: TrackingEvent) => h.executeUpdate(trackingEventUpdate, { args: [e] });
const notice = (s: ChainState, key: string): Notice | undefined => s.touchpoints.find((t) => t.key === key)?.notices[0];
/** The touchpoints whose notices reached the customer of an order, in order (support alerts left out). */
const sentKeys = (orderId: string) =>
  outbox(config)
    .filter(
      (m) => m.idempotencyKey.startsWith(`order-acme-${orderId}:`) && !m.idempotencyKey.includes(':support-alert-'),
    )
    .map((m) => m.idempotencyKey.split(':')[1]);
const ymd = (ms: number) => new Date(ms).toISOString().slice(0, 10);
// The cap counts per customer across orders: each test has a customer of its own.
const customer = (name: string) => ({
  ...order().customer,
  email: `${name}@example.com`,
  timezone: 'UTC',
  channels: ['email'],
});

describe('notices respect the customer', () => {
  it('a non-urgent notice waits out quiet hours on a durable timer; a delay notice goes at once', async () => {
    await ts.withWorker(async () => {
      const evening = await skipTo(22);
      const o = order({ customer: customer('quiet'), promisedDate: inDays(5, evening) });
      const h = await startChain({ client: ts.env.client, config }, o, quietShop(), { indexed: false });
      const waiting = await waitForState(h, (s) => notice(s, 'confirmation')?.status === 'deferred');
      expect(notice(waiting, 'confirmation')!.decisions).toEqual([
        {
          at: expect.any(String),
          outcome: 'deferred',
          reason: `quiet hours (21:00–09:00): waits until ${ymd(evening + DAY_MS)} 09:00 UTC`,
        },
      ]);
      await send(h, event('eta_changed', { newEta: inDays(7, evening), reason: 'a storm closed the motorway' }));
      await waitForState(h, (s) => notice(s, 'delay')?.status === 'sent');
      expect(sentKeys(o.orderId)).toEqual(['delay']);

      await skipTo(9, 1);
      const morning = await waitForState(h, (s) => notice(s, 'confirmation')?.status === 'sent');
      expect(notice(morning, 'confirmation')!.decisions.map((d) => d.outcome)).toEqual(['deferred', 'sent']);
      expect(sentKeys(o.orderId)).toEqual(['delay', 'confirmation']);
      await h.terminate('test over');
    });
  });

  it('the daily cap holds further non-urgent notices until the next morning', async () => {
    await ts.withWorker(async () => {
      const start = await skipTo(10);
      const o = order({ customer: customer('capped'), promisedDate: inDays(5, start) });
      const h = await startChain({ client: ts.env.client, config }, o, quietShop({ maxNoticesPerDay: 2 }), {
        indexed: false,
      });
      await send(h, event('handed_to_carrier'));
      await waitForState(h, (s) => notice(s, 'tracking')?.status === 'sent');
      await send(h, event('arrived_in_city'));
      const capped = await waitForState(h, (s) => notice(s, 'arrival')?.status === 'deferred');
      expect(notice(capped, 'arrival')!.decisions[0].reason).toBe(
        `daily cap (2 a day) reached: waits until ${ymd(start + DAY_MS)} 09:00 UTC`,
      );
      expect(sentKeys(o.orderId)).toEqual(['confirmation', 'tracking']);

      await skipTo(9, 1);
      await waitForState(h, (s) => notice(s, 'arrival')?.status === 'sent');
      expect(sentKeys(o.orderId)).toEqual(['confirmation', 'tracking', 'arrival']);
      await h.terminate('test over');
    });
  });

  it('a notice that became obsolete while it waited is dropped, and says why', async () => {
    await ts.withWorker(async () => {
      const evening = await skipTo(23);
      const o = order({ customer: customer('obsolete'), promisedDate: inDays(5, evening), returnWindowDays: 0 });
      const h = await startChain({ client: ts.env.client, config }, o, quietShop({ feedbackWindowDays: 0 }), {
        indexed: false,
      });
      for (const type of ['arrived_in_city', 'out_for_delivery'] as const) await send(h, event(type));
      await waitForState(h, (s) => notice(s, 'confirmation')?.status === 'deferred');
      await send(h, event('delivered', { proof: 'photo-7' }));
      const dropped = await waitForState(h, (s) => notice(s, 'arrival')?.status === 'dropped');
      expect(notice(dropped, 'confirmation')).toMatchObject({
        status: 'dropped',
        decisions: [{ outcome: 'deferred' }, { outcome: 'dropped', reason: 'the parcel is already delivered' }],
      });
      expect(dropped.touchpoints.find((t) => t.key === 'arrival')).toMatchObject({
        status: 'skipped',
        note: 'notice dropped: the parcel is already delivered',
      });

      await skipTo(9, 1);
      const final = await h.result();
      // The waits, drops and timers of this run replay as they happened.
      await replay(config, await h.fetchHistory(), h.workflowId);
      expect(notice(final, 'handover')).toMatchObject({
        status: 'sent',
        decisions: [{ outcome: 'deferred' }, { outcome: 'sent' }],
      });
      expect(sentKeys(o.orderId)).toEqual(['handover', 'closing']);
    });
  });

  it('counts deferrals by reason in the worker metrics', async () => {
    const text = await registry.metrics();
    expect(text).toMatch(/doorstep_notice_deferrals_total\{touchpoint="confirmation",reason="quiet_hours"\} [1-9]/);
    expect(text).toMatch(/doorstep_notice_deferrals_total\{touchpoint="arrival",reason="daily_cap"\} 1/);
    expect(text).toMatch(/doorstep_notices_total\{channel="email",touchpoint="delay",outcome="sent"\} 1/);
  });
});
