/**
 * Pure rules of the chain: which event may happen at which stage, how the stage moves, and the
 * touchpoint bookkeeping. No Temporal APIs here, so the rules are unit-testable as plain functions.
 */
import type { ChainInput } from './carried';
import { HOME, modeRejection, type PickupPoint } from './delivery';
import { DAY_MS } from './durations';
import type { TrackingEvent } from './events';
import type { Stage } from './stages';
import type { ChainState, Touchpoint } from './state';
import { EVENT_SENT, mainLineOf, specOf, type DeliveryMode, type TouchpointId } from './touchpoints';

const RANK: Record<Stage, number> = {
  accepted: 0,
  packed: 1,
  handed_to_carrier: 2,
  in_transit: 3,
  arrived_in_city: 4,
  out_for_delivery: 5,
  // The pickup chain's counterpart of out_for_delivery: the last stage before the customer has the parcel.
  ready_for_pickup: 5,
  delivered: 6,
  returning: 7,
  returned: 8,
  closed: 9,
  cancelled: 10,
};
const DELIVERED = RANK.delivered;

/** Rank of a stage on the chain's progress line. */
export function rankOf(stage: Stage): number {
  return RANK[stage];
}

/** A stage a chain ends in. */
export const isFinal = (stage: Stage): boolean => stage === 'closed' || stage === 'cancelled';

/** Whether an event type reports a stage of the tracking line (packed … delivered). */
export function isTrackingStage(type: string): boolean {
  return type in RANK && RANK[type as Stage] <= DELIVERED;
}

/** How a chain's parcel reaches the customer (chains before delivery modes went home). */
export function modeOf(state: Pick<ChainState, 'delivery'>): DeliveryMode {
  return (state.delivery ?? HOME).mode;
}

/** The first state of a chain: confirmation pending, its mode's main-line touchpoints listed as pending. */
export function initialState({ order, shop, trackingUrl }: ChainInput): ChainState {
  const delivery = order.delivery ?? HOME;
  return {
    orderId: order.orderId,
    shop: shop.id,
    carrier: order.carrier,
    locale: order.customer.locale,
    timezone: order.customer.timezone,
    stage: 'accepted',
    promisedDate: order.promisedDate ?? order.promisedWindow!.to,
    promisedWindow: order.promisedWindow,
    delays: [],
    delivery,
    touchpoints: mainLineOf(delivery.mode).map((name) => ({ key: name, name, status: 'pending', notices: [] })),
    conflicts: [],
    attention: [],
    events: [],
    audit: [],
    trackingUrl,
    ...(order.trackingNumber && { trackingNumber: order.trackingNumber }),
  };
}

/**
 * Why an event cannot happen now, or undefined when it can. Late tracking events are allowed:
 * they are recorded but never move the stage back.
 */
export function rejectionOf(
  state: ChainState,
  event: TrackingEvent,
  { returnReceived, returnOpen }: { returnReceived: boolean; returnOpen: boolean },
): string | undefined {
  const rank = RANK[state.stage];
  if (state.stage === 'cancelled' || state.stage === 'closed') return `the chain is ${state.stage}`;
  const otherMode = modeRejection(modeOf(state), event.type);
  if (otherMode) return otherMode;
  const pickup = pickupRejection(state, event);
  if (pickup !== false) return pickup;
  switch (event.type) {
    case 'eta_changed':
    case 'courier_called':
    case 'exception':
      return rank < DELIVERED ? undefined : `${event.type} after delivery`;
    case 'cancelled':
      // After delivery the shop may still close the chain while the return window is open (no return is offered then).
      if (rank < DELIVERED || (state.stage === 'delivered' && returnOpen)) return undefined;
      return state.stage === 'delivered'
        ? 'the return window has ended'
        : `cancelled once a return is under way (stage ${state.stage})`;
    case 'delivery_failed':
      return rank >= RANK.arrived_in_city && rank < DELIVERED
        ? undefined
        : `delivery_failed needs the parcel in the city and not yet delivered (stage ${state.stage})`;
    case 'return_requested':
      if (state.stage !== 'delivered') return `return_requested needs a delivered order (stage ${state.stage})`;
      return returnOpen ? undefined : 'the return window has ended';
    case 'return_received':
      return state.stage === 'returning' && !returnReceived ? undefined : 'no open return awaits its parcel';
    case 'refund_issued':
      return state.stage === 'returning' && returnReceived ? undefined : 'a refund needs the returned parcel first';
    default:
      return undefined;
  }
}

/**
 * Why a pickup-point event (or a return event in a chain whose parcel expired at its point) cannot happen now;
 * undefined when it can; false for an event these rules do not cover.
 */
function pickupRejection(state: ChainState, event: TrackingEvent): string | undefined | false {
  const rank = RANK[state.stage];
  const expired = state.pickup?.expired;
  switch (event.type) {
    case 'ready_for_pickup':
      return rank < DELIVERED ? undefined : `ready_for_pickup after the parcel was ${state.stage.replaceAll('_', ' ')}`;
    case 'picked_up':
      return rank < DELIVERED ? undefined : `picked_up once the parcel was ${state.stage.replaceAll('_', ' ')}`;
    case 'pickup_extended':
    case 'pickup_expired':
      return state.stage === 'ready_for_pickup'
        ? undefined
        : `${event.type} needs a parcel waiting at its pickup point (stage ${state.stage})`;
    case 'returned_to_sender':
      return expired ? undefined : 'returned_to_sender needs a parcel whose pickup time expired';
    case 'return_received':
    case 'refund_issued':
      return expired ? 'the parcel nobody collected goes back to the shop: report returned_to_sender' : false;
    default:
      return false;
  }
}

/** The stage after an event: tracking stages only move forward. */
export function stageAfter(stage: Stage, event: TrackingEvent): Stage {
  switch (event.type) {
    case 'return_requested':
      return 'returning';
    case 'refund_issued':
    case 'returned_to_sender':
      return 'returned';
    case 'pickup_expired':
      return 'returning';
    case 'picked_up':
      return 'delivered';
    case 'cancelled':
      return 'cancelled';
    case 'packed':
    case 'handed_to_carrier':
    case 'in_transit':
    case 'arrived_in_city':
    case 'out_for_delivery':
    case 'ready_for_pickup':
    case 'delivered':
      return RANK[event.type] > RANK[stage] ? event.type : stage;
    default:
      return stage;
  }
}

/** The newest touchpoint with this id, if any. */
export function latest(state: ChainState, name: TouchpointId): Touchpoint | undefined {
  return state.touchpoints.findLast((t) => t.name === name);
}

/**
 * Adds a new instance of a touchpoint (delay-2, courier-call-2), placed before the first pending
 * main-line touchpoint so the list reads in chain order.
 */
export function addTouchpoint(state: ChainState, name: TouchpointId): Touchpoint {
  const count = state.touchpoints.filter((t) => t.name === name).length;
  const tp: Touchpoint = { key: count ? `${name}-${count + 1}` : name, name, status: 'pending', notices: [] };
  const mainLine = mainLineOf(modeOf(state));
  const next = state.touchpoints.findIndex((t) => t.status === 'pending' && mainLine.includes(t.name as TouchpointId));
  state.touchpoints.splice(next < 0 ? state.touchpoints.length : next, 0, tp);
  return tp;
}

/** Why the order cannot go to `point` now: once out for delivery or waiting at its point, or a courier agreed a time. */
export function switchRefusal(state: ChainState, point: PickupPoint): string | undefined {
  const { stage, delivery, courierWindow, pickup } = state;
  if (pickup) return 'the parcel already waits at its pickup point';
  if (RANK[stage] >= RANK.out_for_delivery) return `the parcel is already ${stage.replaceAll('_', ' ')}`;
  if (courierWindow) return 'a courier window is agreed already: support can cancel it first';
  return delivery?.mode === 'pickup_point' && delivery.point.id === point.id
    ? `the order goes to ${point.name} already`
    : undefined;
}

/**
 * The order goes to `point`: a home order's pending courier call gives way to the point's ready notice. True when
 * the order was going home (its courier part must stop).
 */
export function sendToPoint(state: ChainState, point: PickupPoint): boolean {
  const wasHome = modeOf(state) === 'home';
  state.delivery = { mode: 'pickup_point', point };
  if (!wasHome) return false;
  const call = state.touchpoints.findIndex((t) => t.name === 'courier-call' && t.status === 'pending');
  if (call >= 0) state.touchpoints.splice(call, 1);
  addToLine(state, 'ready-for-pickup');
  return true;
}

/** Why a reminder that waited (quiet hours, the daily cap) is pointless at `at` (epoch ms): its deadline passed. */
export function pickupReminderObsolete(
  pickup: { until?: string } | undefined,
  tp: { name: string },
  at: number,
): string | undefined {
  return tp.name === 'pickup-reminder' && pickup?.until && at >= Date.parse(pickup.until)
    ? 'the pickup deadline has passed'
    : undefined;
}

/** Lists a main-line touchpoint of the chain's (new) mode as pending, at its place in the line. */
export function addToLine(state: ChainState, name: TouchpointId): void {
  const line = mainLineOf(modeOf(state));
  const later = line.slice(line.indexOf(name) + 1);
  const at = state.touchpoints.findIndex((t) => later.includes(t.name as TouchpointId));
  state.touchpoints.splice(at < 0 ? state.touchpoints.length : at, 0, {
    key: name,
    name,
    status: 'pending',
    notices: [],
  });
}

/** Marks every still-pending touchpoint skipped, e.g. when a chain is cancelled. */
export function skipPending(state: ChainState, names?: TouchpointId[]): void {
  for (const tp of state.touchpoints) {
    if (tp.status === 'pending' && (!names || names.includes(tp.name as TouchpointId))) tp.status = 'skipped';
  }
}

/** The touchpoints tracking events send that a chain at `stage` went past: skipped if still unsent, never sent late. */
export function passedBy(stage: Stage): TouchpointId[] {
  return EVENT_SENT.filter((e) => RANK[stage] > RANK[e.skippedPast]).map((e) => e.id);
}

/** Whole days from one ISO date to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** Why a notice that waited for quiet hours or the cap is no longer worth sending, if it is not. */
export function obsoleteReason(
  state: Pick<ChainState, 'stage'>,
  tp: Pick<Touchpoint, 'key' | 'name'>,
  courierCalled: boolean,
): string | undefined {
  const { stage } = state;
  const spec = specOf(tp.key);
  if (stage === 'cancelled' && !spec?.outlivesCancel) return 'the order was cancelled';
  if (spec?.obsoleteOnceCalled && courierCalled) return 'the courier has already agreed a time';
  if (spec?.obsoleteOnceReady && stage === 'ready_for_pickup') return 'the parcel is already waiting at its point';
  const from = spec?.obsoleteFrom;
  return from && RANK[stage] >= RANK[from] ? `the parcel is already ${from.replaceAll('_', ' ')}` : undefined;
}

/** The console work lists a chain belongs on now: still late on its promise, or in town with no courier call yet. */
export function workListsOf(state: ChainState, courierCalled: boolean): string[] {
  const rank = RANK[state.stage];
  const lists: string[] = [];
  if (state.delays.length && rank < DELIVERED) lists.push('delayed');
  if (rank >= RANK.arrived_in_city && rank < DELIVERED && !courierCalled && modeOf(state) === 'home')
    lists.push('awaiting-call');
  return lists;
}

/** Whether the chain has attention reasons support has not acknowledged yet. */
export function needsAttention(state: Pick<ChainState, 'attention' | 'acknowledged'>): boolean {
  return state.attention.length > (state.acknowledged?.seen ?? 0);
}

/** Takes a touchpoint reported by the return chain, keeping a rating given meanwhile. */
export function mergeTouchpoint(state: ChainState, update: Touchpoint): void {
  const i = state.touchpoints.findIndex((t) => t.key === update.key);
  if (i >= 0) state.touchpoints[i] = { ...update, rating: state.touchpoints[i].rating ?? update.rating };
}
