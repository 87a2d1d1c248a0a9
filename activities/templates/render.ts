/**
 * Renders a notice in the customer's language: the email subject, text and HTML parts, the short
 * SMS/WhatsApp body and what a voice call says; dates and times in the customer's zone and locale.
 */
import { IntlMessageFormat } from 'intl-messageformat';
import { customerDates } from './dates';
import type { ChainOrder, Shop } from '../../workflows/contract';
import type { TemplateId } from '../../workflows/touchpoints';
import { CATALOGS, languageOf, type Catalog } from './catalog';
import { emailHtml } from './html';

/** Facts a notice may mention; dates as ISO strings, formatted here. */
export interface NoticeFacts {
  promisedDate?: string;
  promisedWindow?: { from: string; to: string };
  newDate?: string;
  days?: number;
  reason?: string;
  /** The delay comes from Doorstep's own promise guard: its reason is said in the customer's language. */
  reasonCode?: 'not-in-city';
  window?: { from: string; to: string };
  pin?: string;
  returnDays?: number;
  amount?: string;
  /** Courier windows offered when Doorstep asks the customer itself, answered by digit. */
  options?: { from: string; to: string }[];
}

export interface OrderSummary {
  orderId: string;
  customer: ChainOrder['customer'];
  items: { name: string; qty: number }[];
  carrier: string;
  destinationCity: string;
}

export interface RenderInput {
  template: TemplateId;
  shop: Shop;
  order: OrderSummary;
  facts: NoticeFacts;
  trackingUrl: string;
  ratingUrl: string;
  /** Highest score of the satisfaction check (5, or 10 for the closing question). */
  scale: number;
  unsubscribeUrl?: string;
}

export interface Rendered {
  language: string;
  subject: string;
  /** The email's text part. */
  text: string;
  html: string;
  /** SMS and WhatsApp body. */
  short: string;
  /** What a voice call says. */
  spoken: string;
}

const formatters = new Map<string, IntlMessageFormat>();

/** Plain spaces for the no-break ones ICU puts into times and dates (speech engines and SMS prefer them). */
const spaces = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');
/** SMS text in the GSM alphabet where the language allows: typographic dashes would halve each segment. */
const smsText = (text: string) => spaces(text).replace(/[\u2013\u2014]/g, '-');

/** Formats one ICU message, caching the compiled form per language. */
function format(language: string, message: string, values: Record<string, string | number>): string {
  const id = `${language}\u0000${message}`;
  let formatter = formatters.get(id);
  if (!formatter) formatters.set(id, (formatter = new IntlMessageFormat(message, language)));
  return String(formatter.format(values));
}

/** The template's values, every date and time already formatted for the customer. */
function valuesOf(input: RenderInput, catalog: Catalog, language: string): Record<string, string | number> {
  const { order, shop, facts } = input;
  const { locale, timezone } = order.customer;
  const f = (message: string, values: Record<string, string | number>) => format(language, message, values);
  const { day, shortDay, time } = customerDates(timezone, locale);
  const { common } = catalog;
  const promise = facts.promisedWindow
    ? f(common.promiseWindow, { from: day(facts.promisedWindow.from), to: day(facts.promisedWindow.to) })
    : f(common.promiseDate, { date: facts.promisedDate ? day(facts.promisedDate) : '' });
  const window = facts.window
    ? f(common.window, { day: shortDay(facts.window.from), from: time(facts.window.from), to: time(facts.window.to) })
    : '';
  const options = (facts.options ?? []).map((o, i) => f(common.option, { n: i + 1, from: time(o.from), to: time(o.to) })).join(', ');
  const reason = facts.reasonCode === 'not-in-city' ? common.notInCity : (facts.reason ?? '');
  return {
    shop: shop.name,
    support: [shop.supportEmail, shop.supportPhone].filter(Boolean).join(', '),
    name: order.customer.name,
    orderId: order.orderId,
    items: order.items.map((i) => `${i.qty} × ${i.name}`).join(', '),
    carrier: order.carrier,
    city: order.destinationCity,
    trackingUrl: input.trackingUrl,
    promise,
    newDate: facts.newDate ? day(facts.newDate) : '',
    days: facts.days ?? 0,
    reason,
    hasReason: reason ? 'yes' : 'no',
    window,
    pin: facts.pin ?? '',
    returnDays: facts.returnDays ?? 0,
    amount: facts.amount ?? '',
    hasAmount: facts.amount ? 'yes' : 'no',
    options,
  };
}

/** Every form of one notice, ending with its satisfaction check and the shop's support contact. */
export function render(input: RenderInput): Rendered {
  const language = languageOf(input.order.customer.locale, input.shop.defaultLocale);
  const catalog = CATALOGS[language];
  const messages = catalog.templates[input.template];
  const values = valuesOf(input, catalog, language);
  const f = (message: string, extra: Record<string, string | number> = {}) => format(language, message, { ...values, ...extra });
  const range = { min: input.scale === 10 ? 0 : 1, max: input.scale };
  const body = f(messages.text);
  const support = f(catalog.common.support);
  // The closing message is itself the question, and so is a courier-window question (answered by
  // digit too): those SMS carry no rating hint; the others end with it.
  const asks = input.scale === 10 || (input.facts.options?.length ?? 0) > 0;
  const short = smsText(asks ? f(messages.sms) : `${f(messages.sms)} ${f(catalog.common.rateSms, range)}`);
  const text = [
    body,
    f(catalog.common.rateText, { ...range, url: input.ratingUrl }),
    support,
    ...(input.unsubscribeUrl ? [f(catalog.common.unsubscribe, { url: input.unsubscribeUrl })] : []),
  ].join('\n\n');
  return {
    language,
    subject: f(messages.subject),
    text,
    html: emailHtml({
      language,
      shop: input.shop.name,
      body,
      trackingUrl: input.trackingUrl,
      trackLabel: catalog.common.trackLink,
      rateHeading: f(catalog.common.rateEmail, range),
      ratingUrl: input.ratingUrl,
      range,
      support,
      unsubscribe: input.unsubscribeUrl ? { url: input.unsubscribeUrl, label: catalog.common.unsubscribeLink } : undefined,
    }),
    short,
    spoken: spaces(messages.voice ? f(messages.voice) : f(messages.sms).replace(/\s*\S*https?:\/\/\S+/g, '')),
  };
}

/** A short localized acknowledgement for an SMS reply. */
export function thanks(language: string): string {
  return (CATALOGS[language] ?? CATALOGS.en).common.thanks;
}
