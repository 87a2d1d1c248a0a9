/**
 * Notices rendered with the longest inputs the contract allows (workflows/contract.ts): reason 300,
 * item names 200, city 120, carrier 64, order id 64, given name 100, amount 32 characters, a pickup
 * point's name 120, address 300 and hours 200, its code 32 and map link 2000 characters, written
 * in a language's own script, with links signed the way the API signs them for that order.
 */
import { render, renderTexts, type NoticeTexts, type Rendered } from '../../activities/templates/render';
import type { RenderInput } from '../../activities/templates/render-input';
import type { NoticeFacts } from '../../workflows/notice-facts';
import { createTokens, DEFAULT_TOKEN_KEYS, parseTokenKeys } from '../../common/tokens';
import { TOUCHPOINTS, type TemplateId } from '../../workflows/touchpoints';
import { order, shop } from '../helpers/fixtures';

/** Every template a notice may use (a touchpoint's variants: a courier's question, a pickup point's wording). */
export const TEMPLATES = [...new Set(Object.values(TOUCHPOINTS).flatMap((t) => t.templates))] as TemplateId[];

/**
 * Words in each language's own script: Cyrillic letters fall outside GSM-7, so an SMS of them gets a
 * third of the room; Polish letters are sent plain; German umlauts are in GSM-7.
 */
export const SCRIPTS = {
  en: 'Held at the regional sorting hub after a storm ',
  ru: 'Задержка на сортировочном складе перевозчика из-за непогоды ',
  pl: 'Zażółć gęślą jaźń: opóźnienie w sortowni przewoźnika ',
  uk: 'Затримка на сортувальному складі перевізника через негоду ',
  de: 'Verzögerung im Paketzentrum des Zustellers wegen Unwetter ',
} as const;
export type Script = keyof typeof SCRIPTS;

/** A production-like base for links (PUBLIC_BASE_URL). */
export const BASE = 'https://notify.example-shop.com';

/** `text` repeated to exactly `length` characters. */
export const ofLength = (text: string, length: number) => text.repeat(Math.ceil(length / text.length)).slice(0, length);

/** The longest pickup code the contract allows: never cut in an SMS. */
export const LONGEST_PICKUP_CODE = ofLength('PX-4821-9937-', 32);

/** The longest order id the contract allows. */
export const LONGEST_ORDER_ID = `ORD-${'7'.repeat(60)}`;

const tokens = createTokens(parseTokenKeys(DEFAULT_TOKEN_KEYS, 'longest-notice-test-secret'));

/** The tracking link the API hands out for this order (its token carries the order id). */
export function trackingUrlOf(orderId: string): string {
  return `${BASE}/t/${tokens.sign({ kind: 'track', shop: 'acme', order: orderId })}`;
}

/** The longest notice's render input: `template` in `locale`, every input as long as the contract allows, in `script`. */
export function longestInput(
  template: TemplateId,
  locale: string,
  script: Script,
  orderId = LONGEST_ORDER_ID,
): RenderInput {
  const words = SCRIPTS[script];
  // One item name is a single unbroken word (an SKU-like name), which must wrap in the email too.
  const items = [
    { name: ofLength(words, 200), qty: 12 },
    { name: ofLength(words.replace(/\s/g, ''), 200), qty: 1 },
  ];
  const o = order({ orderId, carrier: ofLength(words, 64), destinationCity: ofLength(words, 120), items });
  const facts: NoticeFacts = {
    promisedWindow: { from: '2026-12-03', to: '2026-12-28' },
    newDate: '2026-12-25',
    days: 22,
    reason: `${ofLength(words, 200)} https://carrier.example/status/${'x'.repeat(60)}`.slice(0, 300),
    window: { from: '2026-12-03T10:00:00Z', to: '2026-12-03T12:00:00Z' },
    pin: '4821',
    returnDays: 365,
    amount: ofLength('1 234 567,89 PLN ', 32),
    point: {
      id: 'KRA01M',
      kind: 'shop',
      name: ofLength(words, 120),
      address: ofLength(words, 300),
      openingHours: ofLength(words, 200),
      mapUrl: ofLength(`https://maps.example/points?q=${'9'.repeat(2000)}`, 2000),
    },
    pickupCode: LONGEST_PICKUP_CODE,
    pickupUntil: '2026-12-05T17:00:00Z',
    afterExpiry: 'resend',
    // A late question: the last windows roll into the next morning and name their day.
    options:
      template === 'courier-call-request'
        ? [
            { from: '2026-12-03T17:00:00Z', to: '2026-12-03T19:00:00Z' },
            { from: '2026-12-04T08:00:00Z', to: '2026-12-04T10:00:00Z' },
            { from: '2026-12-04T10:00:00Z', to: '2026-12-04T12:00:00Z' },
          ]
        : undefined,
  };
  return {
    template,
    shop: shop({
      name: ofLength(words, 100),
      supportEmail: `customer-care.team@${'a'.repeat(40)}.example.com`,
      supportPhone: '+481234567890123',
    }),
    order: {
      ...o,
      customer: {
        ...o.customer,
        name: ofLength(words, 200),
        givenName: ofLength(words.replace(/\s/g, ''), 100),
        locale,
        timezone: 'Europe/Warsaw',
      },
    },
    facts,
    trackingUrl: trackingUrlOf(orderId),
    ratingUrl: `${BASE}/r/${tokens.sign({ kind: 'rate', shop: 'acme', order: orderId, touchpoint: 'courier-call-2', exp: 1_798_026_388, lang: locale })}`,
    unsubscribeUrl: `${BASE}/u/${tokens.sign({ kind: 'unsub', shop: 'acme', address: 'k'.repeat(43) })}`,
    scale: template === 'closing' ? 10 : 5,
  };
}

/** Renders the longest notice (see longestInput), with its HTML part. */
export function renderLongest(
  template: TemplateId,
  locale: string,
  script: Script,
  orderId?: string,
): Promise<Rendered> {
  return render(longestInput(template, locale, script, orderId));
}

/** The longest notice's words on every channel (see longestInput), without the HTML part. */
export function longestTexts(template: TemplateId, locale: string, script: Script, orderId?: string): NoticeTexts {
  return renderTexts(longestInput(template, locale, script, orderId));
}
