/** Stages, event types and chain states for the table-driven tests of the chain's pure rules. */
import { initialState } from '../../workflows/chain-state';
import type { ChainState, EventType, Stage, TouchpointStatus } from '../../workflows/contract';
import { event, order, shop, toPoint } from './fixtures';

const words = <T extends string>(list: string) => list.split(' ') as T[];

/** Every stage in progress-line order, written out here rather than taken from the code under test. */
export const PROGRESS = words<Stage>(
  'accepted packed handed_to_carrier in_transit arrived_in_city out_for_delivery delivered returning returned closed cancelled',
);
/** The tracking events, one per stage of the tracking line. */
export const TRACKING = words<EventType>(
  'packed handed_to_carrier in_transit arrived_in_city out_for_delivery delivered',
);
/** Every other event type (the carrier's exception and unmapped status last). */
export const OTHER = words<EventType>(
  'eta_changed courier_called delivery_failed return_requested return_received refund_issued cancelled exception carrier_status',
);
export const EVENTS = [...TRACKING, ...OTHER];
/** The pickup-point chain's own events. */
export const PICKUP = words<EventType>('ready_for_pickup pickup_extended picked_up pickup_expired returned_to_sender');
/** A pickup-point chain's main line, written out here rather than taken from the code under test. */
export const PICKUP_LINE = words('confirmation tracking arrival ready-for-pickup handover closing');
/** The touchpoints of a collected locker parcel that was reminded, all done. */
export const COLLECTED_AFTER_REMINDER = words(
  'confirmation tracking arrival ready-for-pickup pickup-reminder handover closing',
).map((key) => [key, 'done']);
/** Events only a home chain takes. */
export const HOME_ONLY = words<EventType>('out_for_delivery courier_called delivery_failed delivered');
/** accepted … out_for_delivery. */
export const BEFORE_DELIVERY = PROGRESS.slice(0, 6);
/** Every stage but closed and cancelled. */
export const OPEN = PROGRESS.slice(0, 9);

const DATA: Partial<Record<EventType, Record<string, unknown>>> = {
  eta_changed: { newEta: '2026-11-30', reason: 'storm' },
  exception: { reason: 'weather', code: 'W1' },
  courier_called: { window: { from: '2026-11-24T10:00:00Z', to: '2026-11-24T12:00:00Z' } },
  ready_for_pickup: { pickupCode: '123456', pickupUntil: '2026-11-26T18:00:00Z' },
  pickup_extended: { pickupUntil: '2026-11-28T18:00:00Z' },
};

/** A valid event of this type (its data filled in where the contract requires it). */
export const ev = (type: EventType) => event(type, DATA[type]);

/** A fresh chain at this stage. */
export function stateAt(stage: Stage): ChainState {
  return { ...initialState({ order: order(), shop: shop(), trackingUrl: 'https://track.example/t' }), stage };
}

/** A fresh pickup-point chain at this stage, its parcel waiting as `pickup` says. */
export function pickupStateAt(stage: Stage, pickup?: ChainState['pickup']): ChainState {
  const input = { order: order(toPoint()), shop: shop(), trackingUrl: 'https://track.example/t' };
  return { ...initialState(input), stage, ...(pickup && { pickup }) };
}

/** A chain whose touchpoints have these keys and statuses, in this order. */
export function withTouchpoints(tps: [string, TouchpointStatus][]): ChainState {
  const touchpoints = tps.map(([key, status]) => ({ key, name: key.replace(/-\d+$/, ''), status, notices: [] }));
  return { ...stateAt('in_transit'), touchpoints };
}
