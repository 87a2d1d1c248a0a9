/**
 * The channels a notice can go by, as data: the customer's address each one goes to. A new
 * channel is a row here plus its provider folder under activities/channels/.
 */
export const CHANNELS = ['email', 'sms', 'whatsapp', 'voice'] as const;
export type ChannelName = (typeof CHANNELS)[number];

/** The fields of an order's customer that hold an address. */
export type AddressField = 'email' | 'phone';

/**
 * Which notices a customer's opt-out of a channel stops: every one (STOP to an SMS or WhatsApp),
 * those not essential to the delivery (an email's unsubscribe link), or none (a call has no opt-out).
 */
export type OptOutReach = 'all' | 'non-essential' | 'none';

/** Where each channel reaches the customer, how support reads a missing address, and what an opt-out stops. */
export const CHANNEL_ADDRESS = {
  email: { field: 'email', missing: 'no email address', optOut: 'non-essential' },
  sms: { field: 'phone', missing: 'no phone number', optOut: 'all' },
  whatsapp: { field: 'phone', missing: 'no phone number', optOut: 'all' },
  voice: { field: 'phone', missing: 'no phone number', optOut: 'none' },
} as const satisfies Record<ChannelName, { field: AddressField; missing: string; optOut: OptOutReach }>;

/** Whether a customer's opt-out of `channel` stops a notice that is (or is not) essential. */
export function optOutStops(channel: ChannelName, essential: boolean): boolean {
  const reach: OptOutReach = CHANNEL_ADDRESS[channel].optOut;
  return reach === 'all' || (reach === 'non-essential' && !essential);
}

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
