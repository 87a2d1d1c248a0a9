/**
 * Render inputs a shop's own wording is tried with before it is kept: sample facts for a preview, and
 * every customer-given part at the longest the contract allows (workflows/order.ts, events.ts), in the
 * language's own script, for the SMS length check. The shop's own parts (name, support) are its real ones.
 */
import { DAY_MS, HOUR_MS } from '../../workflows/durations';
import type { NoticeFacts, OrderSummary } from '../../workflows/notice-facts';
import type { Shop } from '../../workflows/shop';
import { scaleOf, type TemplateId } from '../../workflows/touchpoints';
import { CATALOGS } from './catalog';
import type { RenderInput } from './render-input';

/** The links a notice carries, as the caller signs them (their length counts in an SMS). */
export interface SampleLinks {
  trackingUrl: string;
  ratingUrl: string;
  unsubscribeUrl: string;
}

/** The longest customer-given parts the contract allows, in characters. */
const LONGEST = {
  orderId: 64,
  givenName: 100,
  itemName: 200,
  carrier: 64,
  city: 120,
  reason: 300,
  amount: 32,
  pointName: 120,
  pointAddress: 300,
  pointHours: 200,
  pickupCode: 32,
  mapUrl: 2000,
};

/** The longest order id the contract allows (a slug of at most 64 characters). */
export const LONGEST_ORDER_ID = `ORD-${'7'.repeat(LONGEST.orderId - 4)}`;

const MAP_URL = 'https://maps.example/points/KRA01M';

/** `words` repeated to exactly `length` characters. */
const filled = (words: string, length: number) => words.repeat(Math.ceil(length / words.length)).slice(0, length);

/** The order and facts a template is tried with: plain samples, or each part at its longest in `words`. */
function orderAndFacts(now: number, longest?: string): { order: Omit<OrderSummary, 'customer'>; facts: NoticeFacts } {
  const text = (sample: string, length: number) => (longest === undefined ? sample : filled(longest, length));
  const day = (days: number) => new Date(now + days * DAY_MS).toISOString().slice(0, 10);
  const at = (days: number, hours: number) => new Date(Date.parse(day(days)) + hours * HOUR_MS).toISOString();
  return {
    order: {
      orderId: longest === undefined ? 'A-1042' : LONGEST_ORDER_ID,
      items: [{ name: text('Kettle', LONGEST.itemName), qty: longest === undefined ? 1 : 12 }],
      carrier: text('DPD', LONGEST.carrier),
      destinationCity: text('Kraków', LONGEST.city),
    },
    facts: {
      promisedWindow: { from: day(3), to: day(longest === undefined ? 5 : 28) },
      newDate: day(6),
      days: longest === undefined ? 2 : 22,
      reason: text('a storm held the parcel at the sorting hub', LONGEST.reason),
      window: { from: at(1, 10), to: at(1, 12) },
      pin: '4821',
      returnDays: longest === undefined ? 14 : 365,
      amount: text('49.90 EUR', LONGEST.amount),
      point: {
        id: 'KRA01M',
        kind: 'locker',
        name: text('Paczkomat KRA01M', LONGEST.pointName),
        address: text('ul. Długa 1, 31-147 Kraków', LONGEST.pointAddress),
        openingHours: text('24/7', LONGEST.pointHours),
        mapUrl: longest === undefined ? MAP_URL : `${MAP_URL}?q=${'7'.repeat(LONGEST.mapUrl - MAP_URL.length - 3)}`,
      },
      pickupCode: longest === undefined ? '493021' : filled('K7249183', LONGEST.pickupCode),
      pickupUntil: at(4, 18),
      afterExpiry: 'return',
      // A late question whose last windows roll into the next morning, so each names its day.
      options: [
        { from: at(1, 17), to: at(1, 19) },
        { from: at(2, 8), to: at(2, 10) },
        { from: at(2, 10), to: at(2, 12) },
      ],
    },
  };
}

/**
 * The render input of `template` in catalog `language` for `shop`: sample facts, or with `longest` every
 * customer-given part as long as the contract allows, written in the language's own letters.
 */
export function sampleInput(
  template: TemplateId,
  language: string,
  shop: Shop,
  links: SampleLinks,
  { longest = false, now = Date.now() } = {},
): RenderInput {
  // The catalog's own phrase carries the language's letters (Cyrillic or Polish ones take more room in an SMS).
  const words = longest ? `${CATALOGS[language].common.notInCity} ` : undefined;
  const { order, facts } = orderAndFacts(now, words);
  const givenName = words === undefined ? 'Anna' : filled(words.replace(/\s/g, ''), LONGEST.givenName);
  const customer = { name: givenName, givenName, locale: language, timezone: shop.timezone, channels: [] };
  return {
    template,
    shop,
    order: { ...order, customer },
    // Only the question that asks for a courier window offers windows.
    facts: template === 'courier-call-request' ? facts : { ...facts, options: undefined },
    ...links,
    scale: scaleOf(template),
  };
}
