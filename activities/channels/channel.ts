/** The one interface every notice channel implements, the message it sends and the provider that builds it. */
import type { AppConfig, ShopVoice } from '../../common/config';
import { addressFor, CHANNEL_ADDRESS, type AddressField } from '../../workflows/channels';
import type { ChannelName } from '../../workflows/contract';
import { shortFor, type Rendered } from '../templates/render';

/** The shop's own senders (config.voices): a part it leaves unset goes from the global sender. */
export type Senders = Pick<ShopVoice, 'email' | 'twilio'>;

export interface OutgoingMessage {
  /** Email address or E.164 phone number, as the channel's address resolver found it. */
  to: string;
  /** The ledger key: stable per notice and channel, so a provider or mailbox can recognise a repeat. */
  idempotencyKey: string;
  rendered: Rendered;
  /** One-click unsubscribe link (email). */
  unsubscribeUrl?: string;
  /**
   * How many answers the notice offers (courier windows, or 11 for the 0–10 closing question): a voice call
   * gathers the keys pressed.
   */
  choices?: number;
  /** The senders of the notice's shop; absent, the message goes from the global sender. */
  sender?: Senders;
  /** WhatsApp outside the 24-hour window: the approved template it goes as, instead of the short body. */
  content?: TemplateContent;
}

/**
 * An approved WhatsApp template (Twilio's ContentSid, HX…) and its numbered variables (ContentVariables):
 * https://www.twilio.com/docs/content/send-templates-created-with-the-content-template-builder
 */
export interface TemplateContent {
  sid: string;
  variables: Record<string, string>;
}

export interface SendResult {
  providerId: string;
  acceptedAt: string;
}

/** The addresses an order's customer may have. */
export type Addresses = Partial<Record<AddressField, string>>;

/** Where a channel reaches a customer: the address, or why there is none, in the words support reads. */
export type Reach = { to: string } | { missing: string };

export interface Channel {
  name: ChannelName;
  /** The customer's address on this channel, or why they have none ("no phone number"). */
  address(customer: Addresses): Reach;
  /** True when the channel has no sender for a shop with these senders (WhatsApp set up for some shops only). */
  unsetFor?(sender: Senders | undefined): boolean;
  /** The number a shop's message goes from (WhatsApp's 24-hour window is per business number and customer). */
  fromNumber?(sender: Senders | undefined): string | undefined;
  send(message: OutgoingMessage): Promise<SendResult>;
  /**
   * Asks the provider whether it took this message since `since` (an attempt that died after
   * claiming it may have been accepted before it could record so); channels whose provider cannot
   * be asked (SMTP) leave it out and send again, under the same idempotency key.
   */
  find?(message: OutgoingMessage, since: Date): Promise<SendResult | undefined>;
  /** Releases pooled connections when the worker stops. */
  close?(): void;
}

export type Channels = Partial<Record<ChannelName, Channel>>;

/**
 * A notice provider (one folder under activities/channels/): the channels it takes over when
 * configured. `C` is the configuration it reads its block from (AppConfig, or a test's extension).
 */
export interface Provider<C extends AppConfig = AppConfig> {
  /** The provider's folder name. */
  id: string;
  /** The channels it takes over once configured: those it does not build are then not set up. */
  serves: readonly ChannelName[];
  /** Its channels with this configuration, or undefined when its configuration block is absent. */
  build(config: C): Channel[] | undefined;
}

/** The address resolver of channel `name`, from the channel table (workflows/channels.ts). */
export function addressing(name: ChannelName): Pick<Channel, 'name' | 'address'> {
  return {
    name,
    address(customer) {
      const to = addressFor(customer, name);
      return to ? { to } : { missing: CHANNEL_ADDRESS[name].missing };
    },
  };
}

/**
 * The channel a notice of a shop with `sender` goes by and to whom, or why it is skipped ("no phone number",
 * "whatsapp is not set up").
 */
export function reach(
  channels: Channels,
  name: ChannelName,
  customer: Addresses,
  sender?: Senders,
): { channel: Channel; to: string } | { skipped: string } {
  const channel = channels[name];
  // A channel that is not set up still says first whether the customer could be reached on it.
  const found = (channel ?? addressing(name)).address(customer);
  if ('missing' in found) return { skipped: found.missing };
  return channel && !channel.unsetFor?.(sender) ? { channel, to: found.to } : { skipped: `${name} is not set up` };
}

/** The shop's own sender on channel `name` (what the outbox notes), or undefined when it goes from the global one. */
export function shopSender(name: ChannelName, sender: Senders | undefined): string | undefined {
  const twilio = sender?.twilio;
  if (name === 'email') return sender?.email?.from;
  if (name === 'sms') return twilio?.messagingServiceSid ?? twilio?.from;
  return name === 'whatsapp' ? twilio?.whatsappFrom : twilio?.from;
}

/**
 * What the customer sees on a channel: subject and text for email, the short body for SMS and WhatsApp (each its own
 * where the shop wrote one), the spoken text for voice.
 */
export function contentFor(channel: ChannelName, r: Omit<Rendered, 'html'>): { subject?: string; text: string } {
  if (channel === 'email') return { subject: r.subject, text: r.text };
  return { text: channel === 'voice' ? r.spoken : shortFor(channel, r) };
}
