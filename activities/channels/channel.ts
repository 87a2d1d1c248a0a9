/** The one interface every notice channel implements, and the message it sends. */
import type { ChannelName } from '../../workflows/contract';

export interface OutgoingMessage {
  /** Email address or E.164 phone number, as the channel needs. */
  to: string;
  subject: string;
  text: string;
  /** Stable per notice, so a provider or mailbox can recognise a repeat. */
  idempotencyKey: string;
}

export interface SendResult {
  providerId: string;
  acceptedAt: string;
}

export interface Channel {
  name: ChannelName;
  send(message: OutgoingMessage): Promise<SendResult>;
}

export type Channels = Partial<Record<ChannelName, Channel>>;
