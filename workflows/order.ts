/** What enters a chain: the order and its customer, with the channels they may be reached on. */
import { z } from 'zod';
import { CHANNEL_ADDRESS, CHANNELS } from './channels';
import { Delivery } from './delivery';
import { isLocale, isoDate, slug, timeZone } from './fields';
import type { Shop } from './shop';

export const Customer = z
  .object({
    name: z.string().trim().min(1).max(200),
    /** How the customer is greeted ("Anna"); without it, notices greet without a name. */
    givenName: z.string().trim().min(1).max(100).optional(),
    email: z.email().optional(),
    phone: z.e164().optional(),
    // A BCP 47 tag ("pl-PL"; "pl_PL" is read as that): dates are formatted in it. Unset: the shop's defaultLocale.
    locale: z
      .string()
      .min(2)
      .max(35)
      .transform((l) => l.replace(/_/g, '-'))
      .refine(isLocale, 'a BCP 47 language tag such as pl-PL')
      .optional(),
    /** Unset: the shop's timezone. */
    timezone: timeZone.optional(),
    channels: z.array(z.enum(CHANNELS)).min(1),
  })
  .superRefine((c, ctx) => {
    c.channels.forEach((channel, i) => {
      const needs = CHANNEL_ADDRESS[channel].field;
      if (!c[needs]) {
        ctx.addIssue({ code: 'custom', path: ['channels', i], message: `${channel} needs customer.${needs}` });
      }
    });
  });
export type Customer = z.infer<typeof Customer>;

const DateWindow = z
  .object({ from: isoDate, to: isoDate })
  .refine((w) => w.from <= w.to, { path: ['to'], message: 'must not be before from' });

export const OrderInput = z
  .object({
    // Its return chain runs as "<chain id>-return": an order id must not look like one.
    orderId: slug.refine((id) => !id.endsWith('-return'), 'must not end in "-return"'),
    customer: Customer,
    items: z.array(z.object({ name: z.string().min(1).max(200), qty: z.int().positive() })).min(1),
    promisedDate: isoDate.optional(),
    promisedWindow: DateWindow.optional(),
    carrier: z.string().min(1).max(64),
    /** The carrier's number for the parcel, when it is known at start (else with handed_to_carrier). */
    trackingNumber: z.string().trim().min(1).max(64).optional(),
    destinationCity: z.string().min(1).max(120),
    /** Home delivery when unset. */
    delivery: Delivery.optional(),
    /** Fractions are allowed so that a demo or a test can make the window minutes long. */
    returnWindowDays: z.number().min(0).max(365).default(14),
  })
  .superRefine((o, ctx) => {
    if (!o.promisedDate === !o.promisedWindow) {
      ctx.addIssue({
        code: 'custom',
        path: ['promisedDate'],
        message: 'give exactly one of promisedDate or promisedWindow',
      });
    }
  });
export type OrderInput = z.infer<typeof OrderInput>;

/** An order as its chain holds it: the customer's language and time zone settled. */
export type ChainOrder = OrderInput & { customer: Customer & { locale: string; timezone: string } };

/** The order with the shop's defaults where it names no language or time zone of the customer's. */
export function resolveOrder(order: OrderInput, shop: Pick<Shop, 'defaultLocale' | 'timezone'>): ChainOrder {
  const { customer } = order;
  return {
    ...order,
    customer: {
      ...customer,
      locale: customer.locale ?? shop.defaultLocale,
      timezone: customer.timezone ?? shop.timezone,
    },
  };
}
