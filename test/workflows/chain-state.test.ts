/**
 * The chain's pure rules (workflows/chain-state.ts) as tables: how each event moves the stage, every
 * reason an event is refused (word for word), when a waiting notice is obsolete, and the touchpoint
 * and attention bookkeeping. Plain functions: no Temporal server.
 */
import { describe, expect, it } from 'vitest';
import {
  addTouchpoint,
  daysBetween,
  isFinal,
  isTrackingStage,
  latest,
  needsAttention,
  obsoleteReason,
  passedBy,
  rankOf,
  rejectionOf,
  skipPending,
  stageAfter,
  workListsOf,
} from '../../workflows/chain-state';
import {
  STAGES,
  TrackingEvent,
  type ChainState,
  type EventType,
  type Stage,
  type TouchpointStatus,
} from '../../workflows/contract';
import {
  BEFORE_DELIVERY,
  ev,
  EVENTS,
  HOME_ONLY,
  OPEN,
  OTHER,
  PICKUP,
  PICKUP_LINE,
  pickupStateAt,
  PROGRESS,
  stateAt,
  TRACKING,
  withTouchpoints,
} from '../helpers/chain-fixtures';

describe('stages', () => {
  it('the tables name every event type of the contract', () => {
    expect([...EVENTS, ...PICKUP].sort()).toEqual(TrackingEvent.options.map((o) => o.shape.type.value).sort());
  });

  it.each(PROGRESS.map((stage, i) => [stage, i] as const))('%s ranks %i on the progress line', (stage, rank) => {
    expect(rankOf(stage)).toBe(rank);
  });

  it('every stage of the contract has its place on the progress line', () => {
    const home = STAGES.filter((s) => s !== 'ready_for_pickup');
    expect([...home].sort((a, b) => rankOf(a) - rankOf(b))).toEqual(PROGRESS);
  });

  it("ready_for_pickup is the pickup line's out_for_delivery: the last stage before the customer has the parcel", () => {
    expect(rankOf('ready_for_pickup')).toBe(rankOf('out_for_delivery'));
    expect(isTrackingStage('ready_for_pickup')).toBe(true);
  });

  it.each(PROGRESS.map((stage, i) => [stage, i >= 9] as const))('isFinal(%s) is %s', (stage, final) => {
    expect(isFinal(stage)).toBe(final);
  });

  it.each([
    ...TRACKING.map((type) => [type, true] as const),
    ...[...OTHER, 'returning', 'returned', 'closed', 'toString', 'constructor', 'nonsense'].map(
      (t) => [t, false] as const,
    ),
  ])('isTrackingStage(%s) is %s', (type, tracking) => {
    expect(isTrackingStage(type)).toBe(tracking);
  });
});

describe('stageAfter: tracking stages only move forward', () => {
  // Rows: the stage before; columns: the event; cells: the stage after ("-": the event is refused there).
  const CODES = Object.fromEntries('ac pa ha tr ci ou de rg rd cl ca'.split(' ').map((c, i) => [c, PROGRESS[i]]));
  const MATRIX = `
    from                packed handed transit city out deliv | eta called failed | req rec refund | cancel
    accepted            pa     ha     tr      ci   ou  de    | ac  ac     -      | -   -   -      | ca
    packed              pa     ha     tr      ci   ou  de    | pa  pa     -      | -   -   -      | ca
    handed_to_carrier   ha     ha     tr      ci   ou  de    | ha  ha     -      | -   -   -      | ca
    in_transit          tr     tr     tr      ci   ou  de    | tr  tr     -      | -   -   -      | ca
    arrived_in_city     ci     ci     ci      ci   ou  de    | ci  ci     ci     | -   -   -      | ca
    out_for_delivery    ou     ou     ou      ou   ou  de    | ou  ou     ou     | -   -   -      | ca
    delivered           de     de     de      de   de  de    | -   -      -      | rg  -   -      | ca
    returning           rg     rg     rg      rg   rg  rg    | -   -      -      | -   rg  rd     | -
    returned            rd     rd     rd      rd   rd  rd    | -   -      -      | -   -   -      | -`;
  const cases = MATRIX.trim()
    .split('\n')
    .slice(1)
    .flatMap((line) => {
      const [from, ...cells] = line.trim().replaceAll('|', ' ').split(/\s+/);
      return cells.flatMap((cell, i) => (cell === '-' ? [] : [[from as Stage, EVENTS[i], CODES[cell]] as const]));
    });

  it('the matrix reads as written: 78 moves', () => {
    expect(cases).toHaveLength(9 * 6 + 6 * 2 + 2 + 1 + 2 + 7);
  });

  it.each(cases)('from %s, %s leads to %s', (from, type, to) => {
    expect(stageAfter(from, ev(type))).toBe(to);
  });

  it.each(PROGRESS)("from %s, the carrier's exception and an unmapped status leave the stage", (from) => {
    expect([stageAfter(from, ev('exception')), stageAfter(from, ev('carrier_status'))]).toEqual([from, from]);
  });
});

describe('rejectionOf: every reason an event is refused, word for word', () => {
  type Flags = { returnReceived: boolean; returnOpen: boolean };
  const ANY: Flags[] = [false, true].flatMap((returnReceived) =>
    [false, true].map((returnOpen) => ({ returnReceived, returnOpen })),
  );
  const open = { returnReceived: false, returnOpen: true };
  const ended = { returnReceived: false, returnOpen: false };
  const received = { returnReceived: true, returnOpen: false };
  const awaited = { returnReceived: false, returnOpen: false };
  const both = { returnReceived: true, returnOpen: true };
  const NOT_RETURNING = OPEN.filter((stage) => stage !== 'returning');
  /** Rows for each stage, under any return flags unless given. */
  const rows = (stages: Stage[], type: EventType, reason: (stage: Stage) => string | undefined, flags = ANY) =>
    stages.flatMap((stage) => flags.map((f) => [stage, type, f, reason(stage)] as const));
  const cases = [
    // A chain that ended takes nothing more.
    ...EVENTS.flatMap((type) => rows(['closed'], type, () => 'the chain is closed')),
    ...EVENTS.flatMap((type) => rows(['cancelled'], type, () => 'the chain is cancelled')),
    // Late tracking events are recorded, never refused.
    ...TRACKING.flatMap((type) => rows(OPEN, type, () => undefined)),
    ...rows(BEFORE_DELIVERY, 'eta_changed', () => undefined),
    ...rows(['delivered', 'returning', 'returned'], 'eta_changed', () => 'eta_changed after delivery'),
    ...rows(BEFORE_DELIVERY, 'exception', () => undefined),
    ...rows(['delivered', 'returning', 'returned'], 'exception', () => 'exception after delivery'),
    ...rows(OPEN, 'carrier_status', () => undefined),
    ...rows(BEFORE_DELIVERY, 'courier_called', () => undefined),
    ...rows(['delivered', 'returning', 'returned'], 'courier_called', () => 'courier_called after delivery'),
    ...rows(BEFORE_DELIVERY, 'cancelled', () => undefined),
    ...rows(['delivered'], 'cancelled', () => undefined, [open, both]),
    ...rows(['delivered'], 'cancelled', () => 'the return window has ended', [ended, received]),
    ...rows(['returning', 'returned'], 'cancelled', (s) => `cancelled once a return is under way (stage ${s})`),
    ...rows(['arrived_in_city', 'out_for_delivery'], 'delivery_failed', () => undefined),
    ...rows(
      ['accepted', 'packed', 'handed_to_carrier', 'in_transit', 'delivered', 'returning', 'returned'],
      'delivery_failed',
      (s) => `delivery_failed needs the parcel in the city and not yet delivered (stage ${s})`,
    ),
    ...rows(['delivered'], 'return_requested', () => undefined, [open, both]),
    ...rows(['delivered'], 'return_requested', () => 'the return window has ended', [ended, received]),
    ...rows(
      [...BEFORE_DELIVERY, 'returning', 'returned'],
      'return_requested',
      (s) => `return_requested needs a delivered order (stage ${s})`,
    ),
    ...rows(['returning'], 'return_received', () => undefined, [awaited, open]),
    ...rows(['returning'], 'return_received', () => 'no open return awaits its parcel', [received]),
    ...rows(NOT_RETURNING, 'return_received', () => 'no open return awaits its parcel'),
    ...rows(['returning'], 'refund_issued', () => undefined, [received, both]),
    ...rows(['returning'], 'refund_issued', () => 'a refund needs the returned parcel first', [awaited, open]),
    ...rows(NOT_RETURNING, 'refund_issued', () => 'a refund needs the returned parcel first'),
  ];

  const named = cases.map(([stage, type, flags, reason]) => ({ stage, type, flags, reason, is: reason ?? 'taken' }));
  it.each(named)('at $stage, $type with $flags: $is', ({ stage, type, flags, reason }) => {
    expect(rejectionOf(stateAt(stage), ev(type), flags)).toBe(reason);
  });

  it('the table tries every event at every stage', () => {
    const tried = new Set(cases.map(([stage, type]) => `${stage} ${type}`));
    expect(PROGRESS.flatMap((s) => EVENTS.map((t) => `${s} ${t}`)).filter((k) => !tried.has(k))).toEqual([]);
  });
});

describe('daysBetween: whole calendar days, whatever the clocks do', () => {
  it.each<[string, string, number]>([
    ['2026-11-24', '2026-11-24', 0],
    ['2026-11-24', '2026-11-26', 2],
    ['2026-11-26', '2026-11-24', -2],
    ['2026-03-28', '2026-03-30', 2],
    ['2026-10-24', '2026-10-26', 2],
    ['2026-03-07', '2026-03-09', 2],
    ['2026-10-31', '2026-11-02', 2],
    ['2026-12-31', '2027-01-01', 1],
    ['2026-02-28', '2026-03-01', 1],
    ['2028-02-28', '2028-03-01', 2],
    ['2026-01-01', '2027-01-01', 365],
    ['2028-01-01', '2029-01-01', 366],
  ])('from %s to %s: %i', (from, to, days) => {
    expect(daysBetween(from, to)).toBe(days);
  });
});

describe('obsoleteReason: why a notice that waited is no longer worth sending', () => {
  it.each<[Stage, string, boolean, string | undefined]>([
    ['cancelled', 'confirmation', false, 'the order was cancelled'],
    ['cancelled', 'delay-2', false, 'the order was cancelled'],
    ['cancelled', 'handover', false, 'the order was cancelled'],
    ['cancelled', 'arrival', true, 'the order was cancelled'],
    ['cancelled', 'mystery', false, 'the order was cancelled'],
    ['cancelled', 'cancellation', false, undefined],
    ['in_transit', 'arrival', true, 'the courier has already agreed a time'],
    ['delivered', 'arrival', true, 'the courier has already agreed a time'],
    ['arrived_in_city', 'arrival', false, undefined],
    ['arrived_in_city', 'tracking', true, undefined],
    ['out_for_delivery', 'courier-call', true, undefined],
    ['out_for_delivery', 'confirmation', false, undefined],
    ['delivered', 'confirmation', false, 'the parcel is already delivered'],
    ['delivered', 'tracking', false, 'the parcel is already delivered'],
    ['delivered', 'arrival', false, 'the parcel is already delivered'],
    ['delivered', 'delay', false, 'the parcel is already delivered'],
    ['delivered', 'delay-3', false, 'the parcel is already delivered'],
    ['delivered', 'courier-call-2', true, 'the parcel is already delivered'],
    ['delivered', 'failed-attempt', false, 'the parcel is already delivered'],
    ['returning', 'delay', false, 'the parcel is already delivered'],
    ['closed', 'tracking', false, 'the parcel is already delivered'],
    ['delivered', 'handover', false, undefined],
    ['delivered', 'follow-up', false, undefined],
    ['returning', 'return-accepted', false, undefined],
    ['closed', 'closing', false, undefined],
    ['delivered', 'mystery', false, undefined],
  ])('at %s, %s (courier called: %s): %s', (stage, key, courierCalled, reason) => {
    expect(obsoleteReason({ stage }, { key, name: key.replace(/-\d+$/, '') }, courierCalled)).toBe(reason);
  });
});

describe('touchpoint bookkeeping', () => {
  const LIST: [string, TouchpointStatus][] = [
    ['confirmation', 'done'],
    ['tracking', 'pending'],
    ['delay', 'pending'],
    ['arrival', 'skipped'],
    ['courier-call', 'pending'],
    ['handover', 'conflict'],
    ['closing', 'pending'],
  ];

  it.each<[string, Parameters<typeof skipPending>[1], string]>([
    ['every pending one', undefined, 'done skipped skipped skipped skipped conflict skipped'],
    ['the named pending ones', ['tracking', 'delay'], 'done skipped skipped skipped pending conflict pending'],
    [
      'none when named ones are not pending',
      ['confirmation', 'arrival', 'handover'],
      'done pending pending skipped pending conflict pending',
    ],
    ['none for an empty list', [], 'done pending pending skipped pending conflict pending'],
  ])('skipPending skips %s', (_, names, statuses) => {
    const state = withTouchpoints(LIST);
    skipPending(state, names);
    expect(state.touchpoints.map((t) => t.status).join(' ')).toBe(statuses);
  });

  it.each<[Stage, string]>([
    ['accepted', ''],
    ['in_transit', ''],
    ['arrived_in_city', 'tracking'],
    ['out_for_delivery', 'tracking arrival'],
    ['delivered', 'tracking arrival'],
    ['returned', 'tracking arrival'],
  ])('passedBy(%s) is "%s"', (stage, passed) => {
    expect(passedBy(stage).join(' ')).toBe(passed);
  });

  it('addTouchpoint numbers repeats and places them before the first pending main-line touchpoint', () => {
    const state = withTouchpoints([
      ['confirmation', 'done'],
      ['tracking', 'pending'],
      ['closing', 'pending'],
    ]);
    expect(addTouchpoint(state, 'delay').key).toBe('delay');
    expect(addTouchpoint(state, 'delay').key).toBe('delay-2');
    expect(state.touchpoints.map((t) => t.key)).toEqual(['confirmation', 'delay', 'delay-2', 'tracking', 'closing']);
    expect(latest(state, 'delay')?.key).toBe('delay-2');
    expect(latest(state, 'arrival')).toBeUndefined();
    skipPending(state);
    expect(addTouchpoint(state, 'follow-up').key).toBe('follow-up');
    expect(state.touchpoints.at(-1)?.key).toBe('follow-up');
  });
});

describe('attention and work lists', () => {
  it.each<[number, number | undefined, boolean]>([
    [0, undefined, false],
    [1, undefined, true],
    [2, 1, true],
    [2, 2, false],
    [3, 2, true],
    [1, 3, false],
  ])('%i reasons, %s acknowledged: needs attention %s', (count, seen, expected) => {
    const attention = Array.from({ length: count }, (_, i) => `reason ${i}`);
    const acknowledged =
      seen === undefined ? undefined : { at: '2026-11-24T10:00:00Z', actor: 'ann', note: 'ok', seen };
    expect(needsAttention({ attention, acknowledged })).toBe(expected);
  });

  it.each<[Stage, number, boolean, string]>([
    ['accepted', 1, false, 'delayed'],
    ['in_transit', 0, false, ''],
    ['in_transit', 1, false, 'delayed'],
    ['arrived_in_city', 0, false, 'awaiting-call'],
    ['arrived_in_city', 2, false, 'delayed awaiting-call'],
    ['out_for_delivery', 0, true, ''],
    ['out_for_delivery', 1, true, 'delayed'],
    ['delivered', 1, false, ''],
    ['returning', 1, false, ''],
  ])('at %s with %i delays (courier called: %s): "%s"', (stage, delays, courierCalled, lists) => {
    const delay = {
      days: 1,
      reason: 'rain',
      newDate: '2026-11-25',
      at: '2026-11-24T10:00Z',
      source: 'carrier' as const,
    };
    const state = { ...stateAt(stage), delays: Array.from({ length: delays }, () => delay) };
    expect(workListsOf(state, courierCalled).join(' ')).toBe(lists);
  });
});

describe('pickup-point chains: their own events, refused in the other mode', () => {
  const waiting = { code: '123456', until: '2026-11-26T18:00:00Z' };
  const expired = { ...waiting, expired: true as const };
  const HOME_REASON = (type: EventType) =>
    `${type} is a pickup-point event; this order is delivered to the customer's door`;
  const PICKUP_REASON = (type: EventType) => `${type} is a home-delivery event; this order goes to a pickup point`;
  const none = { returnReceived: false, returnOpen: false };

  it.each(OPEN.flatMap((stage) => PICKUP.map((type) => [stage, type] as const)))(
    'a home chain at %s refuses %s',
    (stage, type) => {
      expect(rejectionOf(stateAt(stage), ev(type), none)).toBe(HOME_REASON(type));
    },
  );

  it.each(OPEN.flatMap((stage) => HOME_ONLY.map((type) => [stage, type] as const)))(
    'a pickup chain at %s refuses %s',
    (stage, type) => {
      expect(rejectionOf(pickupStateAt(stage), ev(type), none)).toBe(PICKUP_REASON(type));
    },
  );

  it.each<[Stage, ChainState['pickup'], EventType, string | undefined]>([
    ['arrived_in_city', undefined, 'ready_for_pickup', undefined],
    ['ready_for_pickup', waiting, 'ready_for_pickup', undefined],
    ['delivered', waiting, 'ready_for_pickup', 'ready_for_pickup after the parcel was delivered'],
    ['in_transit', undefined, 'picked_up', undefined],
    ['ready_for_pickup', waiting, 'picked_up', undefined],
    ['returning', expired, 'picked_up', 'picked_up once the parcel was returning'],
    ['ready_for_pickup', waiting, 'pickup_extended', undefined],
    [
      'arrived_in_city',
      undefined,
      'pickup_extended',
      'pickup_extended needs a parcel waiting at its pickup point (stage arrived_in_city)',
    ],
    ['ready_for_pickup', waiting, 'pickup_expired', undefined],
    [
      'delivered',
      waiting,
      'pickup_expired',
      'pickup_expired needs a parcel waiting at its pickup point (stage delivered)',
    ],
    ['returning', expired, 'returned_to_sender', undefined],
    ['ready_for_pickup', waiting, 'returned_to_sender', 'returned_to_sender needs a parcel whose pickup time expired'],
    [
      'returning',
      expired,
      'return_received',
      'the parcel nobody collected goes back to the shop: report returned_to_sender',
    ],
    [
      'returning',
      expired,
      'refund_issued',
      'the parcel nobody collected goes back to the shop: report returned_to_sender',
    ],
    ['returning', undefined, 'return_received', undefined],
    ['returning', expired, 'cancelled', 'cancelled once a return is under way (stage returning)'],
  ])('at %s (pickup %o), %s: %s', (stage, pickup, type, reason) => {
    expect(rejectionOf(pickupStateAt(stage, pickup), ev(type), none)).toBe(reason);
  });

  it.each<[Stage, EventType, Stage]>([
    ['arrived_in_city', 'ready_for_pickup', 'ready_for_pickup'],
    ['in_transit', 'ready_for_pickup', 'ready_for_pickup'],
    ['ready_for_pickup', 'arrived_in_city', 'ready_for_pickup'],
    ['ready_for_pickup', 'pickup_extended', 'ready_for_pickup'],
    ['ready_for_pickup', 'picked_up', 'delivered'],
    ['in_transit', 'picked_up', 'delivered'],
    ['ready_for_pickup', 'pickup_expired', 'returning'],
    ['returning', 'returned_to_sender', 'returned'],
  ])('from %s, %s leads to %s', (from, type, to) => {
    expect(stageAfter(from, ev(type))).toBe(to);
  });

  it('lists the pickup line as pending from the start, and never on the awaiting-call list', () => {
    const state = pickupStateAt('accepted');
    expect(state.touchpoints.map((t) => t.key)).toEqual(PICKUP_LINE);
    expect(workListsOf(pickupStateAt('ready_for_pickup'), false)).toEqual([]);
    expect(workListsOf(stateAt('out_for_delivery'), false)).toEqual(['awaiting-call']);
  });

  it('drops a waiting arrival notice once the parcel waits at its point', () => {
    expect(obsoleteReason({ stage: 'ready_for_pickup' }, { key: 'arrival', name: 'arrival' }, false)).toBe(
      'the parcel is already waiting at its point',
    );
  });
});
