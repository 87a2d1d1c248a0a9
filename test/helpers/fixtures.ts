/** Builders for orders, shops and events, so each test states only what it is about. */
import { randomUUID } from 'node:crypto';
import type { input } from 'zod';
import { OrderInput, resolveOrder, Shop, TrackingEvent, type ChainOrder } from '../../workflows/contract';
import { DAY_MS, HOUR_MS } from '../../workflows/durations';

/** An ISO date `days` from today (UTC), or from `from` (epoch ms, e.g. a time-skipping server's clock). */
export function inDays(days: number, from = Date.now()): string {
  return new Date(from + days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * The acme test shop as a configuration file states it. Tests on the dev server run at whatever time
 * of day CI does and walk a chain in seconds, so quiet hours are off and the daily cap is high unless
 * a test is about them.
 */
export function shopConfig(overrides: Partial<input<typeof Shop>> = {}) {
  return {
    id: 'acme',
    name: 'Acme',
    supportEmail: 'help@acme.example',
    quietHours: { start: '00:00', end: '00:00' },
    maxNoticesPerDay: 100,
    ...overrides,
  };
}

/** The acme test shop as the chain holds it (with a support phone), parsed. */
export function shop(overrides: Partial<Shop> = {}): Shop {
  return Shop.parse(shopConfig({ supportPhone: '+48221234567', ...overrides }));
}

/** A fixed-offset time zone where it is early afternoon right now (outside any usual quiet hours). */
export function afternoonZone(): string {
  const offset = 13 - new Date().getUTCHours();
  return offset >= 0 ? `Etc/GMT-${offset}` : `Etc/GMT+${-offset}`;
}

export function orderBody(overrides: Record<string, unknown> = {}) {
  return {
    orderId: `o-${randomUUID().slice(0, 8)}`,
    customer: {
      name: 'Anna Nowak',
      email: 'anna@example.com',
      phone: '+48600123456',
      locale: 'en',
      timezone: 'Europe/Warsaw',
      channels: ['email', 'sms'],
    },
    items: [{ name: 'Kettle', qty: 1 }],
    promisedDate: inDays(10),
    carrier: 'dpd',
    destinationCity: 'Warsaw',
    returnWindowDays: 0,
    ...overrides,
  };
}

/** An InPost-style parcel locker, as an order names it. */
export const LOCKER = {
  id: 'KRA01M',
  kind: 'locker',
  name: 'Paczkomat KRA01M',
  address: 'ul. Długa 1, 31-147 Kraków',
  openingHours: '24/7',
  mapUrl: 'https://maps.example/KRA01M',
} as const;

/** The `delivery` of an order collected from `point` (the locker unless given). */
export const toPoint = (point: object = LOCKER) => ({ delivery: { mode: 'pickup_point', point } });

/** An order as a chain holds it (the customer's language and zone settled, UTC and English unless given). */
export function order(overrides: Record<string, unknown> = {}): ChainOrder {
  return resolveOrder(OrderInput.parse(orderBody(overrides)), { defaultLocale: 'en', timezone: 'UTC' });
}

/** A tracking event with a fresh eventId, happening now unless `at` is given. */
export function event(
  type: TrackingEvent['type'],
  data: Record<string, unknown> = {},
  eventId = randomUUID(),
): TrackingEvent {
  return TrackingEvent.parse({ eventId, type, at: new Date().toISOString(), data });
}

/** A courier's delivery window that opens an hour after `from` (epoch ms, now unless given) and lasts `hours`. */
export function courierWindow(hours = 1, from = Date.now()): { from: string; to: string } {
  return { from: new Date(from + HOUR_MS).toISOString(), to: new Date(from + (1 + hours) * HOUR_MS).toISOString() };
}

/** The events of a delivery that went to plan, in order. */
export function onTimePath(): TrackingEvent[] {
  return [
    event('packed'),
    event('handed_to_carrier', { trackingNumber: 'DPD123' }),
    event('in_transit'),
    event('arrived_in_city'),
    event('out_for_delivery'),
    event('courier_called', { window: courierWindow(2) }),
    event('delivered', { proof: 'photo-1' }),
  ];
}
