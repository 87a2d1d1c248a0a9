/** The one interface every notice channel implements, and the message it sends. */
import type { ChannelName } from '../../workflows/contract';
import type { Rendered } from '../templates/render';

export interface OutgoingMessage {
  /** Email address or E.164 phone number, as the channel needs. */
  to: string;
  /** The ledger key: stable per notice and channel, so a provider or mailbox can recognise a repeat. */
  idempotencyKey: string;
  rendered: Rendered;
  /** One-click unsubscribe link (email). */
  unsubscribeUrl?: string;
  /** How many answers the notice offers (courier windows, or 11 for the 0–10 closing question): a voice call gathers the keys pressed. */
  choices?: number;
}

export interface SendResult {
  providerId: string;
  acceptedAt: string;
}

export interface Channel {
  name: ChannelName;
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

/** What the customer sees on a channel: subject and text for email, the short body for SMS and WhatsApp, the spoken text for voice. */
export function contentFor(channel: ChannelName, r: Rendered): { subject?: string; text: string } {
  if (channel === 'email') return { subject: r.subject, text: r.text };
  return { text: channel === 'voice' ? r.spoken : r.short };
}
