/**
 * A shop whose quiet hours are shorter than a courier window (a lunch break): the windows Doorstep
 * offers when it asks the customer itself steer clear of it, the chain records the patch that
 * changed them (chains that asked before keep their old windows on replay), and the digit the
 * customer sends picks the window the customer was offered.
 */
import type { WorkflowHandle } from '@temporalio/client';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { chainStateQuery, customerReplyUpdate, trackingEventUpdate } from '../../workflows/definitions';
import type { ChainState, TrackingEvent } from '../../workflows/contract';
import { HOUR_MS } from '../../workflows/durations';
import { event, inDays, order, shop } from '../helpers/fixtures';
import { testConfig, timeSkipping, type TimeSkipping } from '../helpers/temporal';
import { startChain } from '../helpers/chains';

const config = testConfig();
let ts: TimeSkipping;
beforeAll(async () => {
  ts = await timeSkipping(config);
});
afterAll(() => ts?.close());

const send = (h: WorkflowHandle, e: TrackingEvent) => h.executeUpdate(trackingEventUpdate, { args: [e] });
const state = (h: WorkflowHandle): Promise<ChainState> => h.query(chainStateQuery);
/** The ids of the patches a chain's history records (the SDK's `core_patch` markers). */
async function patchesOf(h: WorkflowHandle): Promise<string[]> {
  const { events } = await h.fetchHistory();
  return (events ?? []).flatMap(({ markerRecordedEventAttributes: marker }) => {
    const data = marker?.markerName === 'core_patch' ? marker.details?.['patch-data']?.payloads?.[0]?.data : undefined;
    return data ? [(JSON.parse(Buffer.from(data).toString()) as { id: string }).id] : [];
  });
}

it('no window offered overlaps quiet hours shorter than it, and the digit picks the window offered', async () => {
  await ts.withWorker(async () => {
    const day = inDays(2, await ts.env.currentTimeMs());
    const o = order({ promisedDate: day, customer: { ...order().customer, timezone: 'UTC' } });
    const lunch = shop({ quietHours: { start: '12:00', end: '12:30' }, courierCallDeadlineMinutes: 180 });
    const h = await startChain({ client: ts.env.client, config }, o, lunch, { indexed: false });
    await send(h, event('handed_to_carrier'));
    await ts.env.sleep(Date.parse(`${day}T06:00:00Z`) - (await ts.env.currentTimeMs()));
    await send(h, event('out_for_delivery'));
    // No call by 09:00: Doorstep asks; windows start from 11:00, and 11:00–13:00 would cross the lunch break.
    await ts.env.sleep(3.5 * HOUR_MS);
    const asked = await state(h);
    const starts = asked.courierQuestion?.options.map((w) => w.from);
    expect(starts).toEqual(['12:30', '14:30', '16:30'].map((t) => new Date(`${day}T${t}:00Z`).toISOString()));
    expect(await patchesOf(h)).toContain('courier-window-inside-quiet');
    const reply = { touchpoint: asked.courierQuestion!.touchpoint, digit: 1, channel: 'sms' as const, at: starts![0] };
    await expect(h.executeUpdate(customerReplyUpdate, { args: [reply] })).resolves.toBe(true);
    expect((await state(h)).courierWindow).toMatchObject({ from: starts![0], agreedBy: 'customer' });
    await h.terminate('test over');
  });
});
