/**
 * The channels a notice can go by, as data: the customer's address each one goes to. A new
 * channel is a row here plus its provider folder under activities/channels/.
 */
export const CHANNELS = ['email', 'sms', 'whatsapp', 'voice'] as const;
export type ChannelName = (typeof CHANNELS)[number];

/** The fields of an order's customer that hold an address. */
export type AddressField = 'email' | 'phone';

/** Where each channel reaches the customer, and how support reads a missing one. */
export const CHANNEL_ADDRESS = {
  email: { field: 'email', missing: 'no email address' },
  sms: { field: 'phone', missing: 'no phone number' },
  whatsapp: { field: 'phone', missing: 'no phone number' },
  voice: { field: 'phone', missing: 'no phone number' },
} as const satisfies Record<ChannelName, { field: AddressField; missing: string }>;

/** The customer's address for a channel, if the order has one. */
export function addressFor(customer: Partial<Record<AddressField, string>>, channel: ChannelName): string | undefined {
  return customer[CHANNEL_ADDRESS[channel].field];
}

/** The address that stands for the customer whichever channel reaches them: their email, else their phone. */
export function customerAddress(customer: Partial<Record<AddressField, string>>): string {
  return customer.email ?? customer.phone ?? '';
}

/** The channels that reach the customer at an address field. */
export function channelsAt(field: AddressField): ChannelName[] {
  return CHANNELS.filter((c) => CHANNEL_ADDRESS[c].field === field);
}

/** The customer's channels with those that go to an email address last: Doorstep's own questions go by phone first. */
export function phoneFirst(channels: ChannelName[]): ChannelName[] {
  const byEmail = (c: ChannelName) => CHANNEL_ADDRESS[c].field === 'email';
  return [...channels.filter((c) => !byEmail(c)), ...channels.filter(byEmail)];
}
