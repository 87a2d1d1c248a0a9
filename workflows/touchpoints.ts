/**
 * Touchpoints are data: one row per stable id with everything the chain, the send activity, the
 * reports and the pages need to know of it. A new touchpoint (or a delivery mode's) is a row here
 * plus the event or step that sends it.
 */
import type { Stage, TrackingStage } from './stages';

/** How an order reaches its customer; a touchpoint belongs to the modes whose chains send it. */
export const DELIVERY_MODES = ['home', 'pickup_point'] as const;
export type DeliveryMode = (typeof DELIVERY_MODES)[number];

/** The scale of a satisfaction check: its scores, and the highest one low enough to alert support. */
const SCALES = {
  5: { min: 1, max: 5, low: 2 },
  // The closing question is NPS-style: 0–10, a detractor (0–6) is low.
  10: { min: 0, max: 10, low: 6 },
} as const;

interface TouchpointSpec {
  /** Its own template first; the others are variants the chain names for a case (a request, a late cancel). */
  templates: readonly [string, ...string[]];
  /** Goes at once, even in quiet hours and past the daily cap. */
  urgent: boolean;
  /** Still goes to a customer who unsubscribed from email. */
  essential: boolean;
  /** The satisfaction check's scale when not 5 (the closing question's 0–10). */
  scale?: 10;
  modes: readonly DeliveryMode[];
  /** The variant a mode's chains send instead of the own template (a pickup confirmation names the point). */
  modeTemplates?: Partial<Record<DeliveryMode, string>>;
  /** Listed as pending from the chain's start, in table order (the main line). */
  mainLine?: true;
  /** A notice still waiting for its slot is dropped once the parcel reached this stage. */
  obsoleteFrom?: Stage;
  /** A waiting notice is dropped once a courier window is agreed. */
  obsoleteOnceCalled?: true;
  /** A waiting notice is dropped once the parcel waits at its pickup point. */
  obsoleteOnceReady?: true;
  /** A waiting notice still goes after the order is cancelled (every other one is dropped). */
  outlivesCancel?: true;
  /** The tracking stages whose event sends it (once), and the stage past which it is skipped unsent. */
  sentOn?: { events: readonly TrackingStage[]; skippedPast: TrackingStage };
  /** A low score on it alerts support but sends no follow-up (it is the follow-up). */
  noFollowUp?: true;
}

const home = ['home'] as const;
const pickup = ['pickup_point'] as const;
const both = DELIVERY_MODES;

export const TOUCHPOINTS = {
  confirmation: {
    templates: ['confirmation', 'confirmation-pickup'],
    modeTemplates: { pickup_point: 'confirmation-pickup' },
    urgent: false,
    essential: true,
    modes: both,
    mainLine: true,
    obsoleteFrom: 'delivered',
  },
  tracking: {
    templates: ['tracking'],
    urgent: false,
    essential: false,
    modes: both,
    mainLine: true,
    obsoleteFrom: 'delivered',
    sentOn: { events: ['handed_to_carrier', 'in_transit'], skippedPast: 'in_transit' },
  },
  delay: { templates: ['delay'], urgent: true, essential: true, modes: both, obsoleteFrom: 'delivered' },
  arrival: {
    templates: ['arrival', 'arrival-pickup'],
    modeTemplates: { pickup_point: 'arrival-pickup' },
    urgent: false,
    essential: false,
    modes: both,
    mainLine: true,
    obsoleteFrom: 'delivered',
    obsoleteOnceCalled: true,
    obsoleteOnceReady: true,
    sentOn: { events: ['arrived_in_city'], skippedPast: 'arrived_in_city' },
  },
  'courier-call': {
    templates: ['courier-call', 'courier-call-request'],
    urgent: true,
    essential: true,
    modes: home,
    mainLine: true,
    obsoleteFrom: 'delivered',
  },
  'failed-attempt': {
    templates: ['failed-attempt'],
    urgent: true,
    essential: true,
    modes: home,
    obsoleteFrom: 'delivered',
  },
  // The parcel waits at its point: the code, the point and the deadline.
  'ready-for-pickup': {
    templates: ['ready-for-pickup'],
    urgent: false,
    essential: true,
    modes: pickup,
    mainLine: true,
    obsoleteFrom: 'delivered',
  },
  'pickup-reminder': {
    templates: ['pickup-reminder'],
    urgent: false,
    essential: true,
    modes: pickup,
    obsoleteFrom: 'delivered',
  },
  // Nobody came: what happens to the parcel now (the shop's pickupExpiredAction).
  'pickup-expired': { templates: ['pickup-expired'], urgent: false, essential: true, modes: pickup },
  handover: {
    templates: ['handover', 'handover-pickup'],
    modeTemplates: { pickup_point: 'handover-pickup' },
    urgent: false,
    essential: false,
    modes: both,
    mainLine: true,
  },
  'return-accepted': { templates: ['return-accepted'], urgent: false, essential: true, modes: both },
  'return-received': { templates: ['return-received'], urgent: false, essential: false, modes: both },
  'return-refund': { templates: ['return-refund'], urgent: false, essential: true, modes: both },
  closing: { templates: ['closing'], urgent: false, essential: false, modes: both, mainLine: true, scale: 10 },
  cancellation: {
    templates: ['cancellation', 'cancellation-after-delivery'],
    urgent: true,
    essential: true,
    modes: both,
    outlivesCancel: true,
  },
  // Service recovery after a low rating: at once, with the support contact.
  'follow-up': { templates: ['follow-up'], urgent: true, essential: true, modes: both, noFollowUp: true },
} as const satisfies Record<string, TouchpointSpec>;

export type TouchpointId = keyof typeof TOUCHPOINTS;
/** Every template: each touchpoint's own and its variants (the courier-call request, a cancel after delivery). */
export type TemplateId = (typeof TOUCHPOINTS)[TouchpointId]['templates'][number];

const IDS = Object.keys(TOUCHPOINTS) as TouchpointId[];

/** Every template id once, in touchpoint order (the catalogs and a shop's template overrides are keyed by them). */
export const TEMPLATE_IDS = [...new Set(IDS.flatMap((id) => TOUCHPOINTS[id].templates))] as [
  TemplateId,
  ...TemplateId[],
];

/** The main-line touchpoints of a delivery mode, in chain order: listed as pending from a chain's start. */
export function mainLineOf(mode: DeliveryMode): TouchpointId[] {
  return IDS.filter((id) => {
    const spec: TouchpointSpec = TOUCHPOINTS[id];
    return spec.mainLine && spec.modes.includes(mode);
  });
}

/** The touchpoints a tracking event sends (once), as the table's `sentOn` says. */
export function sentOn(event: string): TouchpointId[] {
  return IDS.filter((id) => specOf(id)?.sentOn?.events.some((e) => e === event));
}

/** The touchpoints tracking events send, each skipped unsent once the parcel is past its stage or the chain closes. */
export const EVENT_SENT: { id: TouchpointId; skippedPast: TrackingStage }[] = IDS.flatMap((id) => {
  const skippedPast = specOf(id)?.sentOn?.skippedPast;
  return skippedPast ? [{ id, skippedPast }] : [];
});

/** A touchpoint's own template. */
export function templateOf(id: TouchpointId): TemplateId {
  return TOUCHPOINTS[id].templates[0];
}

/** The template a chain of `mode` sends for touchpoint `id`: its mode's variant, else its own. */
export function templateIn(id: TouchpointId, mode: DeliveryMode): TemplateId {
  const spec: TouchpointSpec = TOUCHPOINTS[id];
  return (spec.modeTemplates?.[mode] as TemplateId | undefined) ?? templateOf(id);
}

/** The touchpoint id of a key such as `delay-2`. */
export function touchpointIdOf(key: string): TouchpointId | undefined {
  const id = key.replace(/-\d+$/, '');
  return id in TOUCHPOINTS ? (id as TouchpointId) : undefined;
}

/** The spec of a touchpoint key (`delay-2` → delay). */
export function specOf(key: string): TouchpointSpec | undefined {
  const id = touchpointIdOf(key);
  return id && TOUCHPOINTS[id];
}

/** Highest score of a touchpoint's satisfaction check (5, or 10 for the closing question). */
export function scaleOf(key: string): number {
  return specOf(key)?.scale ?? 5;
}

/** The scores a check on this scale takes: 1–5, or 0–10 for the closing question. */
export function scoreRange(scale: number): { min: number; max: number } {
  const { min, max } = scaleSpec(scale);
  return { min, max };
}

/** The scores a touchpoint's satisfaction check takes (`closing` → 0–10). */
export function scoreRangeOf(key: string): { min: number; max: number } {
  return scoreRange(scaleOf(key));
}

/** Whether a score is low enough to alert support: 1–2 of 5, or 0–6 of 10 (a detractor). */
export function isLow(key: string, score: number): boolean {
  return score <= scaleSpec(scaleOf(key)).low;
}

function scaleSpec(scale: number): (typeof SCALES)[keyof typeof SCALES] {
  return SCALES[scale === 10 ? 10 : 5];
}
