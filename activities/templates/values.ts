/**
 * The values a notice's messages are formatted with: every date and time already in the
 * customer's zone and locale, and the free-text parts (shop, reason, items, city, carrier, support
 * contact, the pickup point's name, address and hours) cut to a length when an SMS must be shortened.
 */
import type { Shop } from '../../workflows/shop';
import { scoreRange } from '../../workflows/touchpoints';
import type { Catalog } from './catalog-shape';
import { customerDates } from './dates';
import type { RenderInput } from './render-input';
import { cut } from './sms-length';

export type Values = Record<string, string | number>;

/** Formats one ICU message of the catalog's language with these values. */
type Format = (message: string, values: Values) => string;

/** The support contact: email and phone, or within `cap` the shorter one whole (a cut address reaches nobody). */
function supportOf(shop: Shop, cap: number): string {
  const contacts = [shop.supportEmail, shop.supportPhone].filter((c): c is string => Boolean(c));
  const all = contacts.join(', ');
  return all.length <= cap ? all : contacts.reduce((a, b) => (b.length < a.length ? b : a));
}

/** The courier windows Doorstep offers: numbered for SMS and voice, listed for email, with their day. */
function windowValues(input: RenderInput, catalog: Catalog, language: string, f: Format): Values {
  const { timezone, locale } = input.order.customer;
  const { day, dayMonth, time } = customerDates(timezone, locale);
  const options = input.facts.options ?? [];
  if (!options.length) return { day: '', options: '', spokenOptions: '', windows: '' };
  // A window on another day than the first names its day (a late question may roll into the next morning).
  const first = day(options[0].from);
  const from = (iso: string) => (day(iso) === first ? time(iso) : `${dayMonth(iso)}, ${time(iso)}`);
  const numbered = (message: string) =>
    options.map((o, i) => f(message, { n: i + 1, from: from(o.from), to: time(o.to) })).join(', ');
  return {
    day: first,
    options: numbered(catalog.common.option),
    spokenOptions: numbered(catalog.common.spokenOption),
    windows: new Intl.ListFormat(language, { type: 'disjunction' }).format(
      options.map((o) => `${from(o.from)}–${time(o.to)}`),
    ),
  };
}

/**
 * The pickup point, code (when the chain has one) and deadline. The point's words are free text, cut like the rest; the code and the
 * deadline never are. The map link goes only into a whole message: a cut SMS drops it first.
 */
function pickupValues(input: RenderInput, free: (text: string) => string, whole: boolean): Values {
  const { point, pickupCode = '', pickupUntil, afterExpiry } = input.facts;
  const { timezone, locale } = input.order.customer;
  return {
    pointKind: point?.kind ?? '',
    pointName: free(point?.name ?? ''),
    pointAddress: free(point?.address ?? ''),
    pointHours: free(point?.openingHours ?? ''),
    hasHours: point?.openingHours ? 'yes' : 'no',
    hasMap: whole && point?.mapUrl ? 'yes' : 'no',
    pickupCode,
    // Without a code (InPost, CDEK send theirs to the customer themselves) the notice names the carrier instead.
    hasCode: pickupCode ? 'yes' : 'no',
    // A call reads the code sign by sign ("K 7 2 4"), not as one number.
    spokenCode: [...pickupCode].join(' '),
    pickupUntil: pickupUntil ? customerDates(timezone, locale).dayTime(pickupUntil) : '',
    afterExpiry: afterExpiry ?? 'return',
  };
}

/** The template's values; free-text parts at most `cap` characters long (Infinity: whole). */
export function valuesOf(input: RenderInput, catalog: Catalog, language: string, f: Format, cap = Infinity): Values {
  const { order, shop, facts } = input;
  const { locale, timezone, givenName } = order.customer;
  const { day, shortDay, time } = customerDates(timezone, locale);
  const { common } = catalog;
  const promise = facts.promisedWindow
    ? f(common.promiseWindow, { from: day(facts.promisedWindow.from), to: day(facts.promisedWindow.to) })
    : f(common.promiseDate, { date: facts.promisedDate ? day(facts.promisedDate) : '' });
  const window = facts.window
    ? f(common.window, { day: shortDay(facts.window.from), from: time(facts.window.from), to: time(facts.window.to) })
    : '';
  const { reasonCode } = facts;
  const coded = reasonCode && (reasonCode === 'not-in-city' ? common.notInCity : catalog.reasons[reasonCode]);
  const reason = coded || (facts.reason ?? '');
  const free = (text: string) => cut(text, cap);
  return {
    shop: free(shop.name),
    support: supportOf(shop, cap),
    // Greetings use the given name only, never the full name; without one they greet without a name.
    givenName: givenName ?? '',
    hasName: givenName ? 'yes' : 'no',
    orderId: order.orderId,
    items: free(order.items.map((i) => `${i.qty} × ${i.name}`).join(', ')),
    carrier: free(order.carrier),
    city: free(order.destinationCity),
    promise,
    newDate: facts.newDate ? day(facts.newDate) : '',
    days: facts.days ?? 0,
    reason: free(reason),
    hasReason: reason ? 'yes' : 'no',
    window,
    pin: facts.pin ?? '',
    returnDays: facts.returnDays ?? 0,
    amount: facts.amount ?? '',
    hasAmount: facts.amount ? 'yes' : 'no',
    ...scoreRange(input.scale),
    ...windowValues(input, catalog, language, f),
    ...pickupValues(input, free, cap === Infinity),
  };
}
