/** The chain's paths on the real Temporal dev server, with the real activities writing to an outbox. */
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChainState } from '../../workflows/contract';
import { ratingUpdate, trackingEventUpdate } from '../../workflows/definitions';
import { mainLineOf } from '../../workflows/touchpoints';
import { event, inDays, onTimePath, order } from '../helpers/fixtures';
import { runScenario, scenarios, type ScenarioName } from '../helpers/scenarios';
import { COLLECTED_AFTER_REMINDER } from '../helpers/chain-fixtures';
import { devServer, outbox, type DevServer } from '../helpers/temporal';
import { queryState, startChain, waitForState } from '../helpers/chains';

let env: DevServer;
beforeAll(async () => (env = await devServer()));
afterAll(() => env.close());

const run = (name: ScenarioName) => runScenario(env, name);

const byKey = (s: ChainState, key: string) => s.touchpoints.find((t) => t.key === key)!;
const longDate = (iso: string) =>
  DateTime.fromISO(iso, { zone: 'Europe/Warsaw' }).setLocale('en').toLocaleString(DateTime.DATE_FULL);

describe('the chain on a real Temporal server', () => {
  it('on time: every touchpoint is done and keeps the notice the customer got', async () => {
    const state = await run('on-time');
    expect(state.stage).toBe('closed');
    expect(state.touchpoints.map((t) => [t.key, t.status])).toEqual(mainLineOf('home').map((k) => [k, 'done']));
    expect(state.touchpoints.every((t) => t.notices.length === 1 && t.notices[0].status === 'sent')).toBe(true);
    expect(byKey(state, 'confirmation').notices[0].text).toContain(longDate(state.promisedDate));
    expect(byKey(state, 'tracking').notices[0].text).toContain(state.trackingUrl);
    expect(byKey(state, 'courier-call').notices[0].text).toMatch(/PIN: \d{4}/);
    // The closing asks its one question, answered 0–10.
    expect(byKey(state, 'closing').notices[0].text).toContain(
      'Answer from 0 (not at all likely) to 10 (extremely likely)',
    );
    expect(byKey(state, 'closing').notices[0].text).not.toContain('How did we do');
    expect(state.conflicts).toEqual([]);
    // What the carrier told: the tracking number from handed_to_carrier, the proof from delivered.
    expect([state.trackingNumber, state.deliveryProof]).toEqual(['DPD123', 'photo-1']);
    const sent = outbox(env.config).filter((m) => m.idempotencyKey.startsWith(`order-acme-${state.orderId}:`));
    expect(sent.map((m) => m.subject)).toEqual(state.touchpoints.map((t) => t.notices[0].subject));
    expect(sent.every((m) => m.channel === 'email' && m.to === 'anna@example.com')).toBe(true);
  });

  it('a later ETA sends a delay notice with days, reason and the new date, which becomes the promise', async () => {
    const state = await run('delay-by-eta');
    expect(state.delays).toMatchObject([
      { days: 2, reason: 'a storm closed the motorway', newDate: inDays(7), source: 'carrier' },
    ]);
    expect(state.promisedDate).toBe(inDays(7));
    const notice = byKey(state, 'delay').notices[0];
    expect(notice.text).toContain('2 days later');
    expect(notice.text).toContain('a storm closed the motorway');
    expect(notice.text).toContain(longDate(inDays(7)));
    expect(state.attention).toEqual([]);
    expect(state.touchpoints.map((t) => t.key)).toEqual([
      'confirmation',
      'tracking',
      'delay',
      'arrival',
      'courier-call',
      'handover',
      'closing',
    ]);
  });

  it('the second delay and every one after it flag the chain for support', async () => {
    const state = await run('repeated-delays');
    expect(state.delays.map((d) => [d.days, d.source])).toEqual([
      [1, 'carrier'],
      [2, 'carrier'],
      [1, 'carrier'],
    ]);
    expect(state.touchpoints.filter((t) => t.name === 'delay').map((t) => t.key)).toEqual([
      'delay',
      'delay-2',
      'delay-3',
    ]);
    expect(state.attention).toEqual([expect.stringContaining('delay 2'), expect.stringContaining('delay 3')]);
  });

  it('a delivered order the shop cancels within its return window closes with the notice saying so', async () => {
    const state = await run('cancel-after-delivery');
    expect([state.stage, state.returnUntil]).toEqual(['cancelled', undefined]);
    expect(byKey(state, 'cancellation').notices[0]).toMatchObject({
      status: 'sent',
      text: expect.stringContaining('refunded by the bank'),
    });
  });

  it('an acknowledged chain keeps the acknowledgement; new shop settings reach the notices after them', async () => {
    const state = await run('acknowledged');
    expect(state.acknowledged).toMatchObject({ actor: 'Ola', note: 'called the customer', seen: 1 });
    expect(state.trackingNumber).toBe('DPD-77');
    expect(byKey(state, 'handover').notices[0].text).toContain('care@acme.example');
  });

  it('a carrier that never reports out_for_delivery: Doorstep asks on the delivery day, and the delivery is no conflict', async () => {
    const state = await run('delivery-day-call');
    expect(byKey(state, 'courier-call')).toMatchObject({
      status: 'done',
      note: expect.stringContaining('Doorstep contacted the customer'),
    });
    expect(state.conflicts).toEqual([]);
    expect(state.deliveryProof).toBe('signature');
  });

  it('a delivery without any call is recorded as a conflict', async () => {
    const state = await run('delivered-without-call');
    expect(byKey(state, 'courier-call').status).toBe('conflict');
    expect(state.conflicts).toMatchObject([{ type: 'delivered_without_call' }]);
    expect(byKey(state, 'handover').status).toBe('done');
  });

  it('a failed attempt goes back to the courier call, and the second attempt delivers', async () => {
    const state = await run('failed-attempt');
    expect(state.touchpoints.map((t) => [t.key, t.status])).toEqual([
      ['confirmation', 'done'],
      ['tracking', 'done'],
      ['arrival', 'done'],
      ['courier-call', 'done'],
      ['failed-attempt', 'done'],
      ['courier-call-2', 'done'],
      ['handover', 'done'],
      ['closing', 'done'],
    ]);
    expect(byKey(state, 'failed-attempt').notices[0].text).toContain('could not deliver');
    expect(state.conflicts).toEqual([]);
  });

  it('a locker parcel: ready with its code, reminded before the deadline, collected as the handover', async () => {
    const state = await run('locker');
    expect(state.touchpoints.map((t) => [t.key, t.status])).toEqual(COLLECTED_AFTER_REMINDER);
    expect(byKey(state, 'pickup-reminder').notices[0].text).toContain('LOCK-1');
    expect(state.deliveryProof).toBe('locker log');
  });

  it('an expired locker parcel: what follows is said, support alerted, closed once it is back', async () => {
    const state = await run('locker-expired');
    expect(byKey(state, 'pickup-expired').notices[0]).toMatchObject({ status: 'sent' });
    expect(byKey(state, 'handover').status).toBe('skipped');
    expect(state.attention).toHaveLength(1);
    expect(state.stage).toBe('closed');
  });

  it('a home order switched to a locker, moved by the carrier to another and extended, then collected', async () => {
    const state = await run('switch-to-locker');
    expect(state.delivery).toMatchObject({ mode: 'pickup_point', point: { id: 'KRA02M', name: 'Paczkomat KRA02M' } });
    expect(state.touchpoints.map((t) => t.key)).not.toContain('courier-call');
    expect(byKey(state, 'ready-for-pickup').notices[0].text).toContain('Paczkomat KRA02M');
    expect(state.audit).toMatchObject([{ action: 'switch-to-point' }]);
  });

  it('a return runs as its own child chain: accepted, received, refunded, then closing', async () => {
    const state = await run('return');
    for (const key of ['return-accepted', 'return-received', 'return-refund', 'closing']) {
      expect(byKey(state, key)).toMatchObject({ status: 'done', notices: [{ status: 'sent' }] });
    }
    expect(state.stage).toBe('closed');
    const child = await env.client.workflow.getHandle(`order-acme-${state.orderId}-return`).describe();
    expect(child.status.name).toBe('COMPLETED');
  });

  it('cancel closes the chain with a notice and skips what had not happened', async () => {
    const state = await run('cancel');
    expect(state.stage).toBe('cancelled');
    expect(byKey(state, 'cancellation').notices[0].text).toContain('out of stock');
    expect(state.touchpoints.filter((t) => t.status === 'skipped').map((t) => t.key)).toEqual([
      'arrival',
      'courier-call',
      'handover',
      'closing',
    ]);
  });

  it('guard, call deadline and return window are durable timers (seconds long here)', async () => {
    const state = await run('short-timers');
    expect(state.delays).toMatchObject([
      { days: 1, source: 'guard', reason: 'the parcel has not reached your city yet' },
    ]);
    const call = byKey(state, 'courier-call');
    expect(call.notices[0]).toMatchObject({
      channel: 'sms',
      text: expect.stringContaining('When suits you? Reply 1 for'),
    });
    expect(state.conflicts).toEqual([]);
    expect(byKey(state, 'closing').status).toBe('done');
  });

  it('duplicate events are no-ops, late ones never move the stage back, impossible ones are rejected', async () => {
    await env.withWorker(async () => {
      const h = await startChain(env, order(), scenarios['on-time']().shop);
      const handed = event('handed_to_carrier');
      expect(await h.executeUpdate(trackingEventUpdate, { args: [handed] })).toEqual({
        stage: 'handed_to_carrier',
        duplicate: false,
      });
      expect(await h.executeUpdate(trackingEventUpdate, { args: [handed] })).toEqual({
        stage: 'handed_to_carrier',
        duplicate: true,
      });
      await h.executeUpdate(trackingEventUpdate, { args: [event('arrived_in_city')] });
      expect(await h.executeUpdate(trackingEventUpdate, { args: [event('in_transit')] })).toEqual({
        stage: 'arrived_in_city',
        duplicate: false,
      });
      await expect(h.executeUpdate(trackingEventUpdate, { args: [event('return_requested')] })).rejects.toThrow(
        WorkflowUpdateFailedError,
      );
      const state = await waitForState(h, (s) => byKey(s, 'arrival').status === 'done');
      expect(byKey(state, 'tracking').notices).toHaveLength(1);
      expect(state.events.map((e) => [e.type, e.applied])).toEqual([
        ['handed_to_carrier', true],
        ['arrived_in_city', true],
        ['in_transit', false],
      ]);
      await h.terminate('test over');
    });
  });

  it('a rating is recorded on its touchpoint; a change is allowed while the check is open; a low one starts service recovery', async () => {
    await env.withWorker(async () => {
      const h = await startChain(env, order(), scenarios['on-time']().shop);
      for (const e of onTimePath().slice(0, 4)) await h.executeUpdate(trackingEventUpdate, { args: [e] });
      await waitForState(h, (s) => !!byKey(s, 'arrival').notices[0]?.providerId);
      const rate = (touchpoint: string, score: number, comment?: string) =>
        h.executeUpdate(ratingUpdate, { args: [{ touchpoint, score, comment, at: new Date().toISOString() }] });
      expect(await rate('tracking', 3)).toEqual({ touchpoint: 'tracking', score: 3, changed: false });
      expect(await rate('tracking', 5)).toEqual({ touchpoint: 'tracking', score: 5, changed: true });
      await rate('arrival', 1, 'nobody told me');
      // Changing their mind back and forth does not start service recovery twice.
      await rate('arrival', 5);
      await rate('arrival', 1);
      await expect(rate('handover', 4)).rejects.toThrow(WorkflowUpdateFailedError);
      await expect(rate('arrival', 6)).rejects.toThrow(WorkflowUpdateFailedError);
      const state = await waitForState(
        h,
        (s) => !!s.touchpoints.find((t) => t.key === 'follow-up')?.notices[0]?.providerId,
      );
      expect(byKey(state, 'tracking').rating).toMatchObject({ score: 5, changedAt: expect.any(String) });
      expect(byKey(state, 'arrival').rating).toMatchObject({ score: 1, comment: 'nobody told me', recovered: true });
      expect(state.touchpoints.filter((t) => t.name === 'follow-up')).toHaveLength(1);
      expect(byKey(state, 'confirmation').rating).toBeUndefined();
      expect(state.attention).toEqual(['low rating 1 on arrival: "nobody told me"']);
      expect(byKey(state, 'follow-up').notices[0].text).toContain(
        'Our support team will look into it today; you can also reach us directly: help@acme.example, +48221234567.',
      );
      expect((await queryState(h)).stage).toBe('arrived_in_city');
      await h.terminate('test over');
    });
  });
});
