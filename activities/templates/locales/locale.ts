/**
 * A locale is one file in this folder exporting a `Locale`: the notices' catalog, the customer pages'
 * words, the voice a call speaks with and the sample customer the journey simulator plays. The
 * registry (index.ts) lists them; every other part of Doorstep reads a language from there.
 */
import type { twiml } from 'twilio';
import type { PickupPoint, TrackingStage } from '../../../workflows/contract';
import type { Catalog } from '../catalog-shape';

/** The words of the customer pages (tracking, rating, unsubscribe), with `{name}` slots. */
export interface PageStrings {
  invalidRating: string;
  invalidTracking: string;
  rateTitle: string;
  rateScale: string;
  rateThanks: string;
  rateFailed: string;
  commentLabel: string;
  commentSend: string;
  orderTitle: string;
  promised: string;
  delayed: string;
  courier: string;
  /** The delivery PIN, once a courier window is agreed: {pin}. */
  pin: string;
  cancelled: string;
  returning: string;
  returned: string;
  returnUntil: string;
  returnButton: string;
  returnOpened: string;
  returnRefused: string;
  trackingNumber: string;
  windowQuestion: string;
  windowChosen: string;
  windowStale: string;
  backToOrder: string;
  /** Heading of the shop's support contacts on the tracking page. */
  supportContact: string;
  unsubscribeTitle: string;
  unsubscribeQuestion: string;
  unsubscribeButton: string;
  unsubscribed: string;
  invalidUnsubscribe: string;
  stages: Record<TrackingStage, string>;
  /** The delivered stage's label when the customer collected the parcel at a pickup point. */
  collected: string;
  pointHeading: string;
  pointKind: Record<PickupPoint['kind'], string>;
  /** {hours}, as the carrier words them. */
  pointHours: string;
  pointMap: string;
  /** {code}. */
  pickupCode: string;
  pickupQrAlt: string;
  /** In place of the code when the carrier sends it to the customer itself (`{carrier}`). */
  pickupCodeFromCarrier: string;
  /** The deadline: {date}. */
  pickupUntil: string;
  pickupExpired: string;
  /** The tracking page's offer of the shop's pickup points: for a home order, and for a pickup order not yet there. */
  pointChoiceHeading: string;
  pointChangeHeading: string;
  pointChoiceButton: string;
  /** The point chosen: {name}. */
  pointChosen: string;
  pointChoiceLate: string;
}

/** How a Twilio <Say> speaks the language: its language code and, where the account default cannot, a voice. */
export type SayVoice = Required<Pick<SayAttributes, 'language'>> & Pick<SayAttributes, 'voice'>;
/** The SDK's <Say> attributes (its namespace of types is not importable as such from ESM). */
type SayAttributes = Parameters<twiml.VoiceResponse['say']>[0];

/** The journey simulator's customer in this locale and their order's local details. */
export interface Persona {
  name: string;
  email: string;
  phone: string;
  timezone: string;
  city: string;
  carrier: string;
  trackingNumber: string;
  item: string;
  refund: string;
}

/** The texts a backend sends in the customer's language in the simulator's scenarios (a carrier's reason). */
export interface JourneyPhrases {
  storm: string;
  backlog: string;
  notHome: string;
  tooSmall: string;
  atRequest: string;
}

export interface Locale {
  /** The language subtag customer locales are matched on ("uk" for "uk-UA"). */
  language: string;
  /** The language's English name, for staff (the console's preview). */
  name: string;
  catalog: Catalog;
  pages: PageStrings;
  say: SayVoice;
  journey: { persona: Persona; phrases: JourneyPhrases };
}
