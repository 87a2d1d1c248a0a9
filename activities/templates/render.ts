/** Renders a notice: template text plus the satisfaction check, dates in the customer's zone. */
import { DateTime } from 'luxon';
import type { Customer, Shop } from '../../workflows/contract';
import type { TemplateId } from '../../workflows/touchpoints';
import { en } from './en';

/** Facts a notice may mention; dates as ISO strings, formatted here. */
export interface NoticeFacts {
  promisedDate?: string;
  promisedWindow?: { from: string; to: string };
  newDate?: string;
  days?: number;
  reason?: string;
  window?: { from: string; to: string };
  pin?: string;
  returnDays?: number;
}

export interface OrderSummary {
  orderId: string;
  customer: Customer;
  items: { name: string; qty: number }[];
  carrier: string;
  destinationCity: string;
}

export interface TemplateContext {
  shop: string;
  support: string;
  name: string;
  orderId: string;
  items: string;
  carrier: string;
  city: string;
  trackingUrl: string;
  promise: string;
  newDate: string;
  days: number;
  reason: string;
  window: string;
  pin: string;
  returnDays: number;
}

export interface RenderInput {
  template: TemplateId;
  shop: Shop;
  order: OrderSummary;
  facts: NoticeFacts;
  trackingUrl: string;
  ratingUrl: string;
  scale: number;
}

/** Subject and text of a notice, ending with its one-click rating link. */
export function render(input: RenderInput): { subject: string; text: string } {
  const { order, shop, facts } = input;
  const { locale, timezone } = order.customer;
  const day = (d: string) => DateTime.fromISO(d, { zone: timezone }).setLocale(locale).toLocaleString(DateTime.DATE_FULL);
  const time = (t: string) => DateTime.fromISO(t).setZone(timezone).setLocale(locale);
  const window = facts.window
    ? `on ${time(facts.window.from).toLocaleString(DateTime.DATE_MED)} between ${time(facts.window.from).toLocaleString(DateTime.TIME_SIMPLE)} and ${time(facts.window.to).toLocaleString(DateTime.TIME_SIMPLE)}`
    : '';
  const promise = facts.promisedWindow
    ? `between ${day(facts.promisedWindow.from)} and ${day(facts.promisedWindow.to)}`
    : `on ${facts.promisedDate ? day(facts.promisedDate) : ''}`;
  const ctx: TemplateContext = {
    shop: shop.name,
    support: [shop.supportEmail, shop.supportPhone].filter(Boolean).join(' / '),
    name: order.customer.name,
    orderId: order.orderId,
    items: order.items.map((i) => `${i.qty} × ${i.name}`).join(', '),
    carrier: order.carrier,
    city: order.destinationCity,
    trackingUrl: input.trackingUrl,
    promise,
    newDate: facts.newDate ? day(facts.newDate) : '',
    days: facts.days ?? 0,
    reason: facts.reason ?? '',
    window,
    pin: facts.pin ?? '',
    returnDays: facts.returnDays ?? 0,
  };
  const { subject, text } = en[input.template](ctx);
  return { subject, text: `${text}\n\nHow did we do? Rate it from ${input.scale === 10 ? 0 : 1} to ${input.scale}: ${input.ratingUrl}` };
}
