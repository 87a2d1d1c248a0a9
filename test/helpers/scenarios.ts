/**
 * The chain's paths as data: an order, its shop, and the events that drive it. Workflow tests run
 * them and assert on the outcome; scripts/record-histories.ts records their histories for replay.
 */
import { randomUUID } from 'node:crypto';
import type { WorkflowHandle } from '@temporalio/client';
import type { ChainOrder, ChainState, Shop, TrackingEvent } from '../../workflows/contract';
import { shopSettingsSignal, supportActionUpdate, trackingEventUpdate } from '../../workflows/definitions';
import { DAY_MS, HOUR_MS } from '../../workflows/durations';
import { afternoonZone, courierWindow, event, inDays, LOCKER, onTimePath, order, shop, toPoint } from './fixtures';
import { startChain, waitForState } from './chains';
import { replay, type DevServer } from './temporal';

export interface Scenario {
  order: ChainOrder;
  shop: Shop;
  /** Sends the scenario's events, waiting for the chain where a step depends on the one before. */
  drive(handle: WorkflowHandle): Promise<void>;
}

const send = (h: WorkflowHandle, e: TrackingEvent) => h.executeUpdate(trackingEventUpdate, { args: [e] });
const sendAll = async (h: WorkflowHandle, events: TrackingEvent[]) => {
  for (const e of events) await send(h, e);
};
const quickShop = (overrides: Partial<Shop> = {}) => shop({ feedbackWindowDays: 0, ...overrides });
/**
 * A pickup-point order of its own customer: the recording runs every scenario for one customer on one day, and
 * the daily cap counts their notices across chains.
 */
const lockerOrder = (overrides: Record<string, unknown> = {}) =>
  order({ ...toPoint(), customer: { ...order().customer, email: `locker.${randomUUID()}@example.com` }, ...overrides });
/** No quiet hours, a reminder ten seconds before the deadline: a pickup chain runs in real seconds. */
const pickupShop = (overrides: Partial<Shop> = {}) =>
  quickShop({
    quietHours: { start: '00:00', end: '00:00' },
    maxNoticesPerDay: 20,
    pickupReminderHours: 10 / 3600,
    ...overrides,
  });
/** The parcel ready with `code` for `ms` from now, at `point` when the carrier moved it there. */
const ready = (code: string, ms: number, point?: object) =>
  event('ready_for_pickup', { pickupCode: code, pickupUntil: new Date(Date.now() + ms).toISOString(), point });
const callWindow = () => ({ window: courierWindow() });
/** An event as a carrier connector sends it: with what the carrier itself said. */
const fromCarrier = (e: TrackingEvent, carrierStatus: TrackingEvent['carrierStatus']): TrackingEvent => ({
  ...e,
  carrierStatus,
});
/** A Polish customer of their own (the daily cap counts notices per customer across chains). */
const polishOrder = (overrides: Record<string, unknown> = {}) =>
  order({ customer: { ...order().customer, locale: 'pl', email: `pl.${randomUUID()}@example.com` }, ...overrides });
// Positions in onTimePath(): packed, handed_to_carrier, in_transit, arrived_in_city, out_for_delivery,
// courier_called, delivered.
const [packed, transit, arrived, delivered] = [0, 2, 3, 6];

export const scenarios = {
  'on-time': (): Scenario => ({ order: order(), shop: quickShop(), drive: (h) => sendAll(h, onTimePath()) }),

  'delay-by-eta': (): Scenario => {
    const o = order({ promisedDate: inDays(5) });
    return {
      order: o,
      shop: quickShop(),
      drive: async (h) => {
        const path = onTimePath();
        await sendAll(h, path.slice(packed, arrived));
        await send(h, event('eta_changed', { newEta: inDays(7), reason: 'a storm closed the motorway' }));
        await sendAll(h, path.slice(arrived));
      },
    };
  },

  'repeated-delays': (): Scenario => ({
    order: order({ promisedDate: inDays(5) }),
    shop: quickShop(),
    drive: async (h) => {
      await send(h, event('handed_to_carrier'));
      await send(h, event('eta_changed', { newEta: inDays(6), reason: 'sorting centre backlog' }));
      await send(h, event('eta_changed', { newEta: inDays(8), reason: 'vehicle breakdown' }));
      await send(h, event('eta_changed', { newEta: inDays(9), reason: 'the depot is flooded' }));
      await sendAll(h, onTimePath().slice(arrived));
    },
  }),

  'delivered-without-call': (): Scenario => ({
    order: order(),
    shop: quickShop(),
    drive: (h) =>
      sendAll(
        h,
        onTimePath().filter((e) => e.type !== 'courier_called'),
      ),
  }),

  'failed-attempt': (): Scenario => ({
    order: order(),
    shop: quickShop(),
    drive: async (h) => {
      const path = onTimePath();
      await sendAll(h, path.slice(packed, delivered));
      await send(h, event('delivery_failed', { reason: 'nobody at home' }));
      await send(h, event('courier_called', callWindow()));
      await send(h, path[delivered]);
    },
  }),

  return: (): Scenario => ({
    order: order({ returnWindowDays: 1 }),
    shop: quickShop(),
    drive: async (h) => {
      await sendAll(h, onTimePath());
      await send(h, event('return_requested', { reason: 'wrong size' }));
      await waitForState(h, (s) => s.touchpoints.some((t) => t.key === 'return-accepted' && t.status === 'done'));
      await send(h, event('return_received'));
      await waitForState(h, (s) => s.touchpoints.some((t) => t.key === 'return-received' && t.status === 'done'));
      await send(h, event('refund_issued', { amount: '49.90 PLN' }));
    },
  }),

  cancel: (): Scenario => ({
    order: order(),
    shop: quickShop(),
    drive: async (h) => {
      await sendAll(h, onTimePath().slice(packed, transit));
      await send(h, event('cancelled', { reason: 'out of stock' }));
    },
  }),

  'cancel-after-delivery': (): Scenario => ({
    order: order({ returnWindowDays: 1 }),
    shop: quickShop(),
    drive: async (h) => {
      await sendAll(h, onTimePath());
      await send(h, event('cancelled', { reason: 'refunded by the bank' }));
    },
  }),

  /** Two delays flag the chain; support acknowledges it; the shop's settings change on the way. */
  acknowledged: (): Scenario => {
    const s = quickShop();
    return {
      order: order({ promisedDate: inDays(5) }),
      shop: s,
      drive: async (h) => {
        await send(h, event('handed_to_carrier', { trackingNumber: 'DPD-77' }));
        await send(h, event('eta_changed', { newEta: inDays(6), reason: 'sorting centre backlog' }));
        await send(h, event('eta_changed', { newEta: inDays(7), reason: 'vehicle breakdown' }));
        const acknowledge = {
          action: { action: 'acknowledge' as const, note: 'called the customer' },
          actor: 'Ola',
          via: 'console' as const,
          at: new Date().toISOString(),
          requestId: 'ack-1',
        };
        await h.executeUpdate(supportActionUpdate, { args: [acknowledge] });
        await h.signal(shopSettingsSignal, {
          shops: [{ ...s, supportEmail: 'care@acme.example', courierLeadTimeHours: 12 }],
        });
        await sendAll(h, onTimePath().slice(arrived));
      },
    };
  },

  /** No out_for_delivery ever comes: Doorstep asks on the delivery day (today, in a zone where it is afternoon). */
  'delivery-day-call': (): Scenario => ({
    order: order({ promisedDate: inDays(0), customer: { ...order().customer, timezone: afternoonZone() } }),
    // No lead time: the guard waits until 20:00 customer-local, so the events reach the city before it can fire
    // (with the default 24 h it would be due at once and race them).
    shop: quickShop({ courierCallDeadlineMinutes: 0.05, courierLeadTimeHours: 0 }),
    drive: async (h) => {
      await sendAll(h, onTimePath().slice(packed, arrived + 1));
      await waitForState(h, (s) => s.courierQuestion !== undefined);
      await send(h, event('delivered', { proof: 'signature' }));
    },
  }),

  /** Guard, call deadline and return window measured in seconds, so the dev server runs them. */
  'short-timers': (): Scenario => {
    const endOfToday = Date.parse(`${inDays(1)}T00:00:00Z`);
    return {
      order: order({
        promisedDate: inDays(0),
        returnWindowDays: 3_000 / DAY_MS,
        customer: { ...order().customer, timezone: 'UTC' },
      }),
      shop: quickShop({
        courierLeadTimeHours: (endOfToday - Date.now() - 2_000) / HOUR_MS,
        courierCallDeadlineMinutes: 0.05,
      }),
      drive: async (h) => {
        await send(h, event('handed_to_carrier'));
        await waitForState(h, (s) => s.delays.length === 1);
        await sendAll(h, [event('arrived_in_city'), event('out_for_delivery')]);
        await waitForState(h, (s) => s.touchpoints.some((t) => t.name === 'courier-call' && t.notices.length > 0));
        await send(h, event('delivered', { proof: 'photo' }));
      },
    };
  },

  /** A locker parcel: ready with its code, the reminder seconds before the deadline, collected. */
  locker: (): Scenario => ({
    order: lockerOrder(),
    shop: pickupShop(),
    drive: async (h) => {
      await sendAll(h, [event('handed_to_carrier'), event('arrived_in_city'), ready('LOCK-1', 14_000)]);
      await waitForState(h, (s) => s.touchpoints.some((t) => t.name === 'pickup-reminder' && t.notices.length > 0));
      await send(h, event('picked_up', { proof: 'locker log' }));
    },
  }),

  /** Nobody collects the parcel: the customer is told what follows, and the chain closes once it is back. */
  'locker-expired': (): Scenario => ({
    order: lockerOrder(),
    shop: pickupShop({ pickupExpiredAction: 'resend' }),
    drive: async (h) => {
      await sendAll(h, [event('handed_to_carrier'), ready('LOCK-2', 60_000), event('pickup_expired')]);
      await send(h, event('returned_to_sender'));
    },
  }),

  /** A home order sent to a locker by the customer; the carrier then moves it to another one and extends it. */
  'switch-to-locker': (): Scenario => ({
    order: lockerOrder({ delivery: undefined }),
    shop: pickupShop(),
    drive: async (h) => {
      await send(h, event('handed_to_carrier'));
      const action = { action: 'switch-to-point' as const, point: LOCKER };
      const at = new Date().toISOString();
      await h.executeUpdate(supportActionUpdate, { args: [{ action, actor: 'customer', at, requestId: 'sw-1' }] });
      const moved = { ...LOCKER, id: 'KRA02M', name: 'Paczkomat KRA02M' };
      await sendAll(h, [event('arrived_in_city'), ready('LOCK-3', 3 * DAY_MS, moved)]);
      await send(h, event('pickup_extended', { pickupUntil: new Date(Date.now() + 4 * DAY_MS).toISOString() }));
      await send(h, event('picked_up'));
    },
  }),

  /** Customs holds the parcel past the promise (a delay notice in Polish); a damaged parcel only flags support. */
  'exception-delay': (): Scenario => ({
    order: polishOrder({ promisedDate: inDays(2) }),
    shop: quickShop(),
    drive: async (h) => {
      await sendAll(h, onTimePath().slice(packed, arrived));
      const held = { code: 'DELIV_PROBLEM', text: 'Przesyłka zatrzymana w urzędzie celnym' };
      await send(h, fromCarrier(event('exception', { reason: 'customs', ...held }), held));
      await send(h, event('exception', { reason: 'damaged', text: 'box dented' }));
      await sendAll(h, onTimePath().slice(arrived));
    },
  }),

  /** The carrier's own ETA after the promise moves it once; an unmapped status moves nothing and is kept. */
  'carrier-eta': (): Scenario => {
    const eta = inDays(7);
    return {
      order: order({ promisedDate: inDays(5), trackingNumber: 'DPD-START-1' }),
      shop: quickShop(),
      drive: async (h) => {
        await sendAll(h, onTimePath().slice(packed, transit));
        await send(h, fromCarrier(event('in_transit'), { code: '02', text: 'Parcel in hub', eta }));
        await send(h, fromCarrier(event('carrier_status'), { code: '99', text: 'Sorted manually', eta }));
        await sendAll(h, onTimePath().slice(arrived));
      },
    };
  },

  /** The watchlist in seconds: no first scan, then a silent carrier, each raised once; arrival ends the watch. */
  'carrier-silent': (): Scenario => ({
    order: order({ promisedDate: inDays(5) }),
    shop: quickShop({
      carrierWatch: { firstScanHours: 2 / 3600, silentHours: 10, carriers: { dpd: { silentHours: 3 / 3600 } } },
    }),
    drive: async (h) => {
      await sendAll(h, onTimePath().slice(packed, transit));
      await waitForState(h, (s) => s.attention.some((a) => a.startsWith('no first scan')));
      await send(h, onTimePath()[transit]);
      await waitForState(h, (s) => s.attention.some((a) => a.startsWith('carrier silent')));
      await sendAll(h, onTimePath().slice(arrived));
    },
  }),
} satisfies Record<string, () => Scenario>;

export type ScenarioName = keyof typeof scenarios;

/**
 * Runs a scenario to its end on the dev server and replays the history it just made (whatever the timing of
 * this run, the code must replay it); the chain's final state.
 */
export async function runScenario(env: DevServer, name: ScenarioName): Promise<ChainState> {
  const scenario = scenarios[name]();
  const { handle, state } = await env.withWorker(async () => {
    const h = await startChain(env, scenario.order, scenario.shop);
    await scenario.drive(h);
    return { handle: h, state: await h.result() };
  });
  await replay(env.config, await handle.fetchHistory(), handle.workflowId);
  return state;
}
