/** What a journey run produces: the notices the customer gets, in order, and what they break. */
import type { Shop } from '../../workflows/contract';
import type { CustomerNotice, JourneyLocale, JourneyScenario } from '../../simulator/index';

/** One notice as the customer got it from the real chain (`at` in workflow time). */
export interface JourneyNotice extends CustomerNotice {
  channel: string;
  subject?: string;
  text: string;
  /** The version of the shop's own wording it carried; unset, the built-in catalog's. */
  templateVersion?: number;
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
