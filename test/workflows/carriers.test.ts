/**
 * The carrier's side of a chain on the real Temporal dev server: an exception's delay notice in the customer's
 * language, support flagged, the carrier's own status kept on the chain's events, its ETA after the promise, the
 * watchlist in seconds, and the tracking number known from the start.
 */
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChainState, TrackingEvent } from '../../workflows/contract';
import { trackingEventUpdate } from '../../workflows/definitions';
import { localDay, plusDays } from '../../workflows/local-time';
import { queryState, startChain, waitForState } from '../helpers/chains';
import { event, inDays, onTimePath, order, shop } from '../helpers/fixtures';
import { runScenario, type ScenarioName } from '../helpers/scenarios';
import { devServer, outbox, type DevServer } from '../helpers/temporal';

let env: DevServer;
beforeAll(async () => (env = await devServer()));
afterAll(() => env.close());

/** Runs a scenario to its end and replays the history it made; the final state and the outbox of its order. */
async function run(name: ScenarioName): Promise<{ state: ChainState; sent: ReturnType<typeof outbox> }> {
  const state = await runScenario(env, name);
  return { state, sent: outbox(env.config).filter((m) => m.idempotencyKey.includes(state.orderId)) };
}

const byKey = (s: ChainState, key: string) => s.touchpoints.find((t) => t.key === key)!;
const send = (h: Awaited<ReturnType<typeof startChain>>, e: TrackingEvent) =>
  h.executeUpdate(trackingEventUpdate, { args: [e] });

describe("the carrier's exception", () => {
  it('a customs hold past the promise: the delay notice gives the reason in Polish, support is flagged', async () => {
    const { state, sent } = await run('exception-delay');
    const newDate = plusDays(localDay(Date.now(), 'Europe/Warsaw'), 3);
    expect(state.delays).toMatchObject([{ newDate, source: 'carrier', reason: 'carrier exception: customs' }]);
    const notice = byKey(state, 'delay').notices[0];
    expect(notice.text).toContain('Powód: przesyłka przechodzi odprawę celną.');
    // The customer never reads the carrier's own words; support does.
    expect(notice.text).not.toContain('urzędzie celnym');
    expect(state.attention).toEqual([
      'carrier exception: customs (DELIV_PROBLEM: Przesyłka zatrzymana w urzędzie celnym)',
      'carrier exception: damaged (box dented)',
    ]);
    const alerts = sent.filter((m) => m.to === 'help@acme.example');
    expect(alerts.map((m) => m.text)).toEqual([
      expect.stringContaining('needs attention: carrier exception: customs (DELIV_PROBLEM'),
      expect.stringContaining('needs attention: carrier exception: damaged (box dented)'),
    ]);
    expect(state.events.filter((e) => e.type === 'exception')).toEqual([
      expect.objectContaining({
        reason: 'customs',
        applied: true,
        carrierStatus: { code: 'DELIV_PROBLEM', text: 'Przesyłka zatrzymana w urzędzie celnym' },
      }),
      expect.objectContaining({ reason: 'damaged' }),
    ]);
    // An exception does not move the stage: the chain went on to its end.
    expect(state.stage).toBe('closed');
    // The scorecard counts the carrier's exceptions by normalized reason.
    const hour = 3_600_000;
    const range = { from: new Date(Date.now() - hour).toISOString(), to: new Date(Date.now() + hour).toISOString() };
    const [line] = await env.store.reports.carriers({ shop: 'acme', carrier: state.carrier, ...range });
    expect(line.exceptions.byReason).toMatchObject({ customs: 1, damaged: 1, weather: 0 });
  });

  it('weather the day the promise falls due: an English customer reads the reason in English', async () => {
    await env.withWorker(async () => {
      const o = order({ promisedDate: localDay(Date.now(), 'Europe/Warsaw') });
      // No lead time: the promise guard waits until the evening and does not race the exception.
      const h = await startChain(env, o, shop({ courierLeadTimeHours: 0 }));
      await send(h, event('handed_to_carrier'));
      await send(h, event('exception', { reason: 'weather', code: 'W1' }));
      const s = await waitForState(h, (x) => byKey(x, 'delay')?.notices[0]?.status === 'sent');
      expect(s.delays).toMatchObject([{ days: 1, reason: 'carrier exception: weather' }]);
      expect(byKey(s, 'delay').notices[0].text).toContain('because bad weather is holding up deliveries.');
      expect(s.stage).toBe('handed_to_carrier');
      await h.terminate('test over');
    });
  });

  it('an exception after delivery is refused, as a new ETA is', async () => {
    await env.withWorker(async () => {
      const h = await startChain(env, order({ returnWindowDays: 1 }), shop());
      for (const e of onTimePath()) await send(h, e);
      const late = send(h, event('exception', { reason: 'lost' }));
      await expect(late).rejects.toThrow(WorkflowUpdateFailedError);
      await expect(late).rejects.toMatchObject({ cause: { message: 'exception after delivery' } });
      await h.terminate('test over');
    });
  });
});

describe("the carrier's own status", () => {
  it('an ETA after the promise raises attention and moves the promise once; an unmapped status moves nothing', async () => {
    const { state } = await run('carrier-eta');
    expect(state.trackingNumber).toBe('DPD123');
    expect(state.delays).toMatchObject([{ newDate: inDays(7), days: 2, source: 'carrier' }]);
    expect(state.attention).toEqual([`carrier ETA ${inDays(7)} after the promise ${inDays(5)}`]);
    expect(byKey(state, 'delay').notices[0].text).toContain('because the carrier now expects to deliver it later.');
    expect(state.events.find((e) => e.type === 'carrier_status')).toMatchObject({
      applied: true,
      carrierStatus: { code: '99', text: 'Sorted manually', eta: inDays(7) },
    });
    expect(state.events.find((e) => e.type === 'in_transit')!.carrierStatus).toEqual({
      code: '02',
      text: 'Parcel in hub',
      eta: inDays(7),
    });
  });

  it("knows the order's tracking number from the start", async () => {
    await env.withWorker(async () => {
      const h = await startChain(env, order({ trackingNumber: 'INPOST-600' }), shop());
      expect((await queryState(h)).trackingNumber).toBe('INPOST-600');
      await h.terminate('test over');
    });
  });
});

describe('the watchlist', () => {
  it('no first scan, then a silent carrier in transit, each raised once; arrival ends the watch', async () => {
    const { state } = await run('carrier-silent');
    // The carrier's own threshold (3 s) wins over the shop's (10 h).
    expect(state.attention).toEqual(['no first scan 2 s after handed_to_carrier', 'carrier silent for 3 s in transit']);
    // The promise was days ahead: no notice went out for the silence.
    expect(state.delays).toEqual([]);
  });
});
