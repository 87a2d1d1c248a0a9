/** What a journey run produces: the notices the customer gets, in order, and what they break. */
import type { Shop } from '../../workflows/contract';
import type { JourneyLocale, JourneyScenario } from '../../api/console/preview/scenarios';

/** One notice as the customer gets it. */
export interface JourneyNotice {
  /** Touchpoint key (`delay-2`, `courier-call`). */
  touchpoint: string;
  /** 1 for the touchpoint's first notice; a second notice of the same touchpoint (a window agreed after Doorstep asked) counts up. */
  revision: number;
  channel: string;
  /** When it arrives (workflow time), ISO. */
  at: string;
  /** The same moment in the customer's zone and locale, e.g. "Tue 24 Nov 10:00". */
  localTime: string;
  /** Urgent notices may break quiet hours and do not count against the daily cap. */
  urgent: boolean;
  subject?: string;
  text: string;
}

export interface Journey {
  scenario: JourneyScenario;
  locale: JourneyLocale;
  /** The customer's time zone. */
  timezone: string;
  shop: Shop;
  /** When the order was placed (ISO): 10:15 customer-local on a Monday. */
  orderedAt: string;
  notices: JourneyNotice[];
  /** Readable sentences, one per broken rule; empty when the journey keeps them all. */
  violations: string[];
}
