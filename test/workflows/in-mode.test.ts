/**
 * A carrier's `delivered` on a pickup-point chain (ShipX at a locker, CDEK at an office) is the customer collecting
 * the parcel: the chain reads it as `picked_up`, keeping what the carrier said; a home chain's events stay as sent.
 */
import { describe, expect, it } from 'vitest';
import { inMode } from '../../workflows/delivery';
import type { TrackingEvent } from '../../workflows/contract';
import { initialState, rejectionOf } from '../../workflows/chain-state';
import { order, shop, toPoint } from '../helpers/fixtures';

const AT = '2026-12-05T10:00:00.000Z';
const carrierStatus = { code: 'DELIVERED', text: 'Вручен' };
const delivered: TrackingEvent = {
  eventId: 'cdek-1-DELIVERED',
  type: 'delivered',
  at: AT,
  data: { proof: 'signature 42', pin: '1234' },
  carrierStatus,
};

describe('inMode: a delivered parcel at a pickup point is a collected one', () => {
  it('reads delivered as picked_up on a pickup chain, with its id, time, proof and carrier status', () => {
    expect(inMode('pickup_point', delivered)).toEqual({
      eventId: 'cdek-1-DELIVERED',
      type: 'picked_up',
      at: AT,
      data: { proof: 'signature 42' },
      carrierStatus,
    });
    expect(inMode('pickup_point', { ...delivered, data: {} })).toMatchObject({ type: 'picked_up', data: {} });
  });

  it("leaves a home chain's delivered and a pickup chain's other events as they are", () => {
    expect(inMode('home', delivered)).toBe(delivered);
    const ready: TrackingEvent = { eventId: 'r', type: 'ready_for_pickup', at: AT, data: { pickupUntil: AT } };
    expect(inMode('pickup_point', ready)).toBe(ready);
  });

  it('makes a delivered acceptable to a pickup chain at the point, which refuses it as sent', () => {
    const state = {
      ...initialState({ order: order(toPoint()), shop: shop(), trackingUrl: 'https://t.example/t' }),
      stage: 'ready_for_pickup' as const,
    };
    const flags = { returnReceived: false, returnOpen: false };
    expect(rejectionOf(state, delivered, flags)).toBe(
      'delivered is a home-delivery event; this order goes to a pickup point',
    );
    expect(rejectionOf(state, inMode('pickup_point', delivered), flags)).toBeUndefined();
  });
});
