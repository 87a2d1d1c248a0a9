/**
 * Customer journeys as data, for the console's "Preview the chain" and the journey simulator
 * (scripts/journey): who the customer is in each locale, and each scenario's backend events at
 * customer-local times, counted in days from the order (day 0, a Monday, at 10:15).
 */
import {
  LANGUAGES,
  LOCALES,
  type JourneyPhrases,
  type LanguageCode,
  type Persona,
} from '../activities/templates/locales/index';
import type { TrackingEvent } from '../workflows/contract';

export const JOURNEY_SCENARIOS = [
  'on-time',
  'delayed',
  'delayed-twice',
  'failed-attempt',
  'return',
  'cancel',
  'no-call',
  'locker',
  'locker-reminder',
  'locker-expired',
  'locker-extended',
  'switch-to-locker',
] as const;
export type JourneyScenario = (typeof JOURNEY_SCENARIOS)[number];
/** Every locale's language: each locale file carries its journey customer and phrases. */
export const JOURNEY_LOCALES: readonly LanguageCode[] = LANGUAGES;
export type JourneyLocale = LanguageCode;
export type { Persona };

/** A text the backend sends in the customer's language (a carrier's reason, a support note). */
export type Phrase = Record<JourneyLocale, string>;

/** A customer-local moment: `day` days after the order, at `time` (HH:mm). */
export interface When {
  day: number;
  time: string;
  /** Later by the shop's courier-call deadline: the step follows Doorstep's own call request. */
  afterCallDeadline?: boolean;
}

type Plain = Extract<
  TrackingEvent['type'],
  | 'packed'
  | 'in_transit'
  | 'arrived_in_city'
  | 'out_for_delivery'
  | 'return_received'
  | 'refund_issued'
  | 'picked_up'
  | 'pickup_expired'
  | 'returned_to_sender'
>;

/**
 * What happens at a step: a backend event, the customer texting back a digit to Doorstep's call request, or the
 * customer sending their home order to their locker (./lockers.ts) on the tracking page.
 */
export type Action =
  | { event: Plain }
  | { event: 'handed_to_carrier' }
  | { event: 'eta_changed'; newEtaDay: number; reason: Phrase }
  | { event: 'courier_called'; window: { day: number; from: string; to: string } }
  | { event: 'delivery_failed' | 'return_requested' | 'cancelled'; reason: Phrase }
  | { event: 'delivered' }
  /** The parcel waits at the customer's locker (./lockers.ts) until `until`; or its deadline moves to `until`. */
  | { event: 'ready_for_pickup' | 'pickup_extended'; until: Omit<When, 'afterCallDeadline'> }
  | { reply: number }
  | { switchTo: 'locker' };

export interface Step {
  at: When;
  action: Action;
}

export interface ScenarioSpec {
  /** One line on what the customer lives through. */
  summary: string;
  /** The promised delivery day, in days after the order. */
  promisedDay: number;
  /** The order goes to the customer's parcel locker (./lockers.ts); unset, to their door. */
  toLocker?: true;
  steps: Step[];
}

/** The customer and their order's local details, per locale. */
export const PERSONAS = Object.fromEntries(
  LANGUAGES.map((language) => [language, LOCALES[language].journey.persona]),
) as Record<JourneyLocale, Persona>;

/** One backend text in every locale's words. */
const phrase = (key: keyof JourneyPhrases) =>
  Object.fromEntries(LANGUAGES.map((language) => [language, LOCALES[language].journey.phrases[key]])) as Phrase;

/** When every order is placed. */
export const ORDER_AT: When = { day: 0, time: '10:15' };
/** Days the customer may return the parcel (the closing notice follows when they end). */
export const RETURN_WINDOW_DAYS = 14;

const step = (day: number, time: string, action: Action, afterCallDeadline?: boolean): Step => ({
  at: { day, time, afterCallDeadline },
  action,
});

/**
 * Packed in the afternoon, handed to the carrier late at night (its notice waits for the morning), moving
 * before dawn.
 */
const shipped = [
  step(0, '16:00', { event: 'packed' }),
  step(0, '22:40', { event: 'handed_to_carrier' }),
  step(1, '05:50', { event: 'in_transit' }),
];
const arrived = (day: number, time = '07:20') => step(day, time, { event: 'arrived_in_city' });
/** Out in the morning, the courier calls to agree 11:00–13:00, and hands the parcel over before noon. */
const deliveryDay = (day: number) => [
  step(day, '08:05', { event: 'out_for_delivery' }),
  step(day, '08:40', { event: 'courier_called', window: { day, from: '11:00', to: '13:00' } }),
  step(day, '11:25', { event: 'delivered' }),
];

/** The parcel waits at the locker from `day` at `time`, for the 48 hours a locker keeps it. */
const ready = (day: number, time: string) =>
  step(day, time, { event: 'ready_for_pickup', until: { day: day + 2, time } });
/** In the city in the morning, in the customer's locker before noon, kept until the same time two days on. */
const atTheLocker = [...shipped, arrived(2), ready(2, '11:30')];

export const SCENARIOS: Record<JourneyScenario, ScenarioSpec> = {
  'on-time': {
    summary: 'Delivered on the promised day; the return window passes.',
    promisedDay: 3,
    steps: [...shipped, arrived(2), ...deliveryDay(3)],
  },
  delayed: {
    summary: 'The carrier moves the delivery two days later, with a reason.',
    promisedDay: 3,
    steps: [
      ...shipped,
      step(1, '13:20', {
        event: 'eta_changed',
        newEtaDay: 5,
        reason: phrase('storm'),
      }),
      arrived(4),
      ...deliveryDay(5),
    ],
  },
  'delayed-twice': {
    summary:
      'The carrier moves the delivery a day later, then the parcel misses that day too and Doorstep’s promise guard moves it again.',
    promisedDay: 3,
    steps: [
      ...shipped,
      step(1, '13:20', {
        event: 'eta_changed',
        newEtaDay: 4,
        reason: phrase('backlog'),
      }),
      arrived(4, '15:30'),
      ...deliveryDay(5),
    ],
  },
  'failed-attempt': {
    summary: 'Nobody is at home for the first attempt; the courier calls back and delivers the next morning.',
    promisedDay: 3,
    steps: [
      ...shipped,
      arrived(2),
      ...deliveryDay(3).slice(0, 2),
      step(3, '12:15', {
        event: 'delivery_failed',
        reason: phrase('notHome'),
      }),
      step(3, '13:30', { event: 'courier_called', window: { day: 4, from: '10:00', to: '12:00' } }),
      step(4, '10:35', { event: 'delivered' }),
    ],
  },
  return: {
    summary: 'Delivered on time, returned two days later, received and refunded.',
    promisedDay: 3,
    steps: [
      ...shipped,
      arrived(2),
      ...deliveryDay(3),
      step(5, '19:30', {
        event: 'return_requested',
        reason: phrase('tooSmall'),
      }),
      step(8, '11:00', { event: 'return_received' }),
      step(9, '09:30', { event: 'refund_issued' }),
    ],
  },
  cancel: {
    summary: 'Cancelled early the next morning, while the tracking notice still waits for quiet hours to end.',
    promisedDay: 3,
    steps: [
      ...shipped.slice(0, 2),
      step(1, '07:50', {
        event: 'cancelled',
        reason: phrase('atRequest'),
      }),
    ],
  },
  'no-call': {
    summary: 'The courier never calls: Doorstep asks the customer by text, who picks the second window.',
    promisedDay: 3,
    steps: [
      ...shipped,
      arrived(2),
      step(3, '08:05', { event: 'out_for_delivery' }),
      step(3, '08:20', { reply: 2 }, true),
      step(3, '12:40', { event: 'delivered' }, true),
    ],
  },
  locker: {
    summary: 'A locker order: ready with its code before noon, collected the next morning, before any reminder.',
    promisedDay: 3,
    toLocker: true,
    steps: [...atTheLocker, step(3, '09:40', { event: 'picked_up' })],
  },
  'locker-reminder': {
    summary:
      'The locker is filled late at night; the reminder a day before the deadline would fall in quiet hours, so it comes at 20:00 the evening before; collected on the last day.',
    promisedDay: 3,
    toLocker: true,
    steps: [...shipped, arrived(2), ready(2, '23:30'), step(4, '18:10', { event: 'picked_up' })],
  },
  'locker-expired': {
    summary:
      'Nobody collects the parcel: reminded a day before the deadline, then told it goes back to the shop, which reports it returned.',
    promisedDay: 3,
    toLocker: true,
    steps: [
      ...atTheLocker,
      step(4, '11:45', { event: 'pickup_expired' }),
      step(6, '14:00', { event: 'returned_to_sender' }),
    ],
  },
  'locker-extended': {
    summary:
      'Reminded a day before the deadline, the customer gets two more days from the locker; reminded again, collected on the new last day.',
    promisedDay: 3,
    toLocker: true,
    steps: [
      ...atTheLocker,
      step(3, '18:00', { event: 'pickup_extended', until: { day: 6, time: '11:30' } }),
      step(5, '17:45', { event: 'picked_up' }),
    ],
  },
  'switch-to-locker': {
    summary:
      'Ordered to the door; the evening before the parcel reaches the city the customer picks their locker on the tracking page: every notice from the arrival on speaks of the locker; collected the same evening it is ready.',
    promisedDay: 3,
    steps: [
      ...shipped,
      step(1, '19:30', { switchTo: 'locker' }),
      arrived(2),
      ready(2, '11:30'),
      step(2, '18:20', { event: 'picked_up' }),
    ],
  },
};
