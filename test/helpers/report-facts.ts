/**
 * A hand-made set of home and pickup-point chains for the reports' tests, recorded in the store as the worker's
 * activities would record their facts.
 */
import { expect } from 'vitest';
import type { Store } from '../../store';
import type { PickupStep } from '../../store/facts';
import { EXCEPTION_REASONS, type ExceptionReason } from '../../workflows/events';
import type { DeliveryMode } from '../../workflows/touchpoints';

/** The month the chains started in. */
export const PERIOD = { from: '2026-11-01T00:00:00.000Z', to: '2026-12-01T00:00:00.000Z' };

export interface Chain {
  carrier: string;
  /** Unset: a chain started before delivery modes. */
  mode?: DeliveryMode;
  onTime?: boolean;
  pickup?: Partial<Record<PickupStep, string>>;
  delayDays?: number;
  noCall?: boolean;
  /** The carrier's exceptions, in the order reported. */
  exceptions?: ExceptionReason[];
  /** Checks sent (touchpoint → score, or null when unanswered). */
  checks?: Record<string, number | null>;
}

// inpost: two parcels collected (the same day, after two days), one expired, one still waiting, one home order.
// dpd: a late home order without the courier's call, one from before modes, a locker parcel collected in 23 hours.
// Exceptions: inpost's home order had an address problem, its expired parcel waited for room at a full locker;
// dpd's late order met a storm and then nobody at home.
export const CHAINS: Record<string, Chain> = {
  p1: {
    carrier: 'inpost',
    mode: 'pickup_point',
    onTime: true,
    pickup: { ready: '2026-11-05T10:00:00Z', collected: '2026-11-05T18:30:00Z' },
    checks: { 'ready-for-pickup': 5, handover: 4 },
  },
  p2: {
    carrier: 'inpost',
    mode: 'pickup_point',
    onTime: false,
    pickup: { ready: '2026-11-05T09:00:00Z', collected: '2026-11-07T11:00:00Z' },
    checks: { 'ready-for-pickup': null, handover: 2 },
  },
  p3: {
    carrier: 'inpost',
    mode: 'pickup_point',
    pickup: { ready: '2026-11-06T12:00:00Z', expired: '2026-11-13T12:00:00Z' },
    exceptions: ['capacity'],
  },
  p4: { carrier: 'inpost', mode: 'pickup_point', pickup: { ready: '2026-11-08T12:00:00Z' } },
  h1: {
    carrier: 'inpost',
    mode: 'home',
    onTime: true,
    checks: { 'courier-call': 4, handover: 5 },
    exceptions: ['address_problem'],
  },
  h2: {
    carrier: 'dpd',
    mode: 'home',
    onTime: false,
    delayDays: 2,
    noCall: true,
    exceptions: ['weather', 'consignee_not_home'],
  },
  h3: { carrier: 'dpd', onTime: true },
  p5: {
    carrier: 'dpd',
    mode: 'pickup_point',
    onTime: true,
    pickup: { ready: '2026-11-10T20:00:00Z', collected: '2026-11-11T19:00:00Z' },
  },
};

/** Exception figures by hand: `total` exceptions on `orders` of `of` orders, and the reasons counted. */
export function exceptionFigures(
  total: number,
  orders: number,
  of: number,
  reasons: Partial<Record<ExceptionReason, number>> = {},
) {
  const byReason = Object.fromEntries(EXCEPTION_REASONS.map((r) => [r, reasons[r] ?? 0]));
  return { total, orders, orderRate: Math.round((orders / of) * 1000) / 1000, byReason };
}

/** inpost's pickup-point line of the period, worked out by hand. */
export const INPOST_LOCKERS = {
  carrier: 'inpost',
  orders: 4,
  delivered: 2,
  onTimeRate: 0.5,
  meanDelayDays: 0,
  deliveredWithoutCall: 0,
  courierCallRating: null,
  handoverRating: 3,
  // p3 waited for room at a full locker.
  exceptions: exceptionFigures(1, 1, 4, { capacity: 1 }),
  mode: 'pickup_point',
  // p1 after 8.5 hours, p2 after 50, p3 expired, p4 still waits (in neither share yet).
  pickup: {
    ready: 4,
    collected: 2,
    expired: 1,
    collectedFirstDayRate: 0.333,
    expiredRate: 0.333,
    meanHoursToCollect: 29.25,
  },
};

/** Records a chain's facts as the worker's activities would, each step in order. */
export async function recordChain(store: Store, shop: string, id: string, c: Chain): Promise<void> {
  const chainId = `order-${shop}-${id}`;
  const at = '2026-11-03T08:00:00.000Z';
  await store.facts.started({
    chainId,
    shop,
    carrier: c.carrier,
    startedAt: at,
    firstPromise: '2026-11-06',
    mode: c.mode,
  });
  if (c.delayDays)
    await store.facts.delay({ chainId, n: 1, days: c.delayDays, at, source: 'carrier', carrierCaused: true });
  if (c.noCall) await store.facts.conflict(chainId, 1, 'delivered_without_call', at);
  for (const [n, reason] of (c.exceptions ?? []).entries())
    expect(await store.facts.exception({ chainId, eventId: `${id}-exception-${n + 1}`, reason, at })).toBe(true);
  for (const [step, time] of Object.entries(c.pickup ?? {}))
    expect(await store.facts.pickup(chainId, step as PickupStep, new Date(time).toISOString())).toBe(true);
  if (c.onTime !== undefined) await store.facts.delivered(chainId, '2026-11-12T10:00:00.000Z', c.onTime);
  for (const [touchpoint, score] of Object.entries(c.checks ?? {})) {
    await store.facts.checkSent({
      chainId,
      touchpoint,
      touchpointId: touchpoint,
      shop,
      carrier: c.carrier,
      scale: 5,
      sentAt: at,
    });
    if (score !== null) await store.facts.answered(chainId, touchpoint, score, at);
  }
}
