/**
 * A shop's settings change while its chains run for weeks: the worker tells every running chain of
 * the shop (one batch signal on the real dev server), and each follows the new settings from its
 * next decision on — and replays the same from its history.
 */
import { randomUUID } from 'node:crypto';
import type { WorkflowHandle } from '@temporalio/client';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncShopSettings } from '../../worker/shop-settings';
import type { ChainState, TrackingEvent } from '../../workflows/contract';
import { shopSettingsSignal, trackingEventUpdate } from '../../workflows/definitions';
import { startChain, waitForState } from '../helpers/chains';
import { event, inDays, order, shop } from '../helpers/fixtures';
import { devServer, replay, type DevServer } from '../helpers/temporal';

let env: DevServer;
beforeAll(async () => (env = await devServer()));
afterAll(() => env?.close());

const send = (h: WorkflowHandle, e: TrackingEvent) => h.executeUpdate(trackingEventUpdate, { args: [e] });
const notice = (s: ChainState, key: string) => s.touchpoints.find((t) => t.key === key)?.notices[0];

/**
 * Waits until the chain's history holds `count` shop-settings signals (the batch runs on the server, in its
 * own time).
 */
async function told(h: WorkflowHandle, count: number): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const { events } = await h.fetchHistory();
    const n =
      events?.filter((e) => e.workflowExecutionSignaledEventAttributes?.signalName === shopSettingsSignal.name)
        .length ?? 0;
    if (n >= count) return;
    if (Date.now() > deadline) throw new Error(`the chain was told ${n} times, not ${count}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

describe("a shop's new settings reach its running chains", () => {
  it('the next notices follow the new support contact and quiet hours; unchanged settings tell nobody again', async () => {
    // A shop of this test's own: the batch signals every running chain of the shop on the shared server.
    const before = shop({ id: `settings-${randomUUID().slice(0, 8)}`, supportEmail: 'old-help@acme.example' });
    const customer = { ...order().customer, timezone: 'Europe/Warsaw' };
    const h = await env.withWorker(async () => {
      const chain = await startChain(env, order({ promisedDate: inDays(10), customer }), before);
      await waitForState(chain, (s) => notice(s, 'confirmation')?.status === 'sent');
      expect(await syncShopSettings(env.client, env.store, [before])).toEqual([before.id]);
      await told(chain, 1);

      // Quiet hours from an hour ago to two hours ahead, customer-local: the chain must now hold non-urgent notices.
      const local = DateTime.now().setZone(customer.timezone);
      const hhmm = (t: DateTime) => t.toFormat('HH:mm');
      const after = {
        ...before,
        supportEmail: 'care@acme.example',
        quietHours: { start: hhmm(local.minus({ hours: 1 })), end: hhmm(local.plus({ hours: 2 })) },
      };
      expect(await syncShopSettings(env.client, env.store, [after])).toEqual([before.id]);
      expect(await syncShopSettings(env.client, env.store, [after])).toEqual([]);
      await told(chain, 2);

      await send(chain, event('handed_to_carrier'));
      await send(chain, event('eta_changed', { newEta: inDays(12), reason: 'a storm' }));
      const state = await waitForState(
        chain,
        (s) => notice(s, 'tracking')?.status === 'deferred' && notice(s, 'delay')?.status === 'sent',
      );
      expect(notice(state, 'tracking')!.decisions[0].reason).toContain(
        `quiet hours (${after.quietHours.start}–${after.quietHours.end})`,
      );
      // The urgent delay notice goes at once, with the shop's new support contact.
      expect(notice(state, 'delay')!.text).toContain('care@acme.example');
      expect(notice(state, 'delay')!.text).not.toContain('old-help@acme.example');
      return chain;
    });
    await replay(env.config, await h.fetchHistory(), h.workflowId);
    await h.terminate('test over');
  });
});
