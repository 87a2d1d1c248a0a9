/** The channel table: where each channel reaches the customer and which notices an opt-out of it stops. */
import { expect, it } from 'vitest';
import { addressFor, CHANNELS, customerAddress, optOutStops, phoneFirst } from '../../workflows/channels';

const customer = { email: 'anna@example.com', phone: '+48600123456' };

it.each([
  ['email', customer.email],
  ['sms', customer.phone],
  ['whatsapp', customer.phone],
  ['voice', customer.phone],
] as const)('%s reaches the customer at %s', (channel, address) => {
  expect(addressFor(customer, channel)).toBe(address);
  expect(addressFor({}, channel)).toBeUndefined();
});

it('stands for the customer by email, else by phone', () => {
  expect(customerAddress(customer)).toBe(customer.email);
  expect(customerAddress({ phone: customer.phone })).toBe(customer.phone);
  expect(customerAddress({})).toBe('');
});

it.each([
  // STOP to a text holds for every notice; an unsubscribed email still carries what the delivery needs; a
  // call has no opt-out.
  ['email', false, true],
  ['email', true, false],
  ['sms', false, true],
  ['sms', true, true],
  ['whatsapp', true, true],
  ['voice', false, false],
  ['voice', true, false],
] as const)('an opt-out of %s stops an essential=%s notice: %s', (channel, essential, stops) => {
  expect(optOutStops(channel, essential)).toBe(stops);
});

it('asks by phone first, keeping the order within each kind', () => {
  expect(phoneFirst(['email', 'voice', 'sms'])).toEqual(['voice', 'sms', 'email']);
  expect(phoneFirst([...CHANNELS])).toEqual(['sms', 'whatsapp', 'voice', 'email']);
});
