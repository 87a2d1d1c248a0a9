/**
 * SMS and WhatsApp through the twilio SDK's Messages API (WhatsApp with `whatsapp:` addresses), each from
 * the shop's own sender when it has one; a WhatsApp notice outside the 24-hour window goes as an approved
 * template (ContentSid and ContentVariables, no Body:
 * https://www.twilio.com/docs/content/send-templates-created-with-the-content-template-builder). A message whose
 * sending attempt died is looked up in the Messages list, from the same sender, before it is sent again.
 */
import type { Twilio } from 'twilio';
import { addressing, type Channel, type OutgoingMessage, type Senders } from '../channel';
import { MINUTE_MS } from '../../../workflows/durations';
import { shortFor } from '../../templates/render';

/** How far the provider's clock may be behind ours when a message it took is looked up. */
const CLOCK_SKEW_MS = MINUTE_MS;

/** Who a message goes from: a number (`whatsapp:` prefixed for WhatsApp) or a Messaging Service that picks one. */
export type From = { from: string } | { messagingServiceSid: string };

/** Who a shop's message goes from on a channel; undefined when neither the shop nor the globals have a sender. */
export type SenderOf = (sender: Senders | undefined) => From | undefined;

/** SMS: the shop's Messaging Service, else its number, else `global` (TWILIO_FROM). */
export const smsSender =
  (global: string): SenderOf =>
  (sender) => {
    const own = sender?.twilio;
    return own?.messagingServiceSid ? { messagingServiceSid: own.messagingServiceSid } : { from: own?.from ?? global };
  };

/** WhatsApp: the shop's WhatsApp number, else `global` (TWILIO_WHATSAPP_FROM, unset when only some shops have one). */
export const whatsappSender =
  (global: string | undefined): SenderOf =>
  (sender) => {
    const number = sender?.twilio?.whatsappFrom ?? global;
    return number ? { from: `whatsapp:${number}` } : undefined;
  };

/** What a message on channel `name` says: the notice's short body, or the approved template and its variables. */
function contentOf(
  name: string,
  { rendered, content }: OutgoingMessage,
): { body: string } | { contentSid: string; contentVariables: string } {
  return content
    ? { contentSid: content.sid, contentVariables: JSON.stringify(content.variables) }
    : { body: shortFor(name, rendered) };
}

/**
 * Whether a listed message's body is this message: the same short body, or for a template (the Message resource
 * does not return its ContentSid, and Twilio fills the body from the template) a body carrying every variable,
 * among them the notice's own rating link.
 */
function sameContent(body: string, name: string, { rendered, content }: OutgoingMessage): boolean {
  return content ? Object.values(content.variables).every((v) => body.includes(v)) : body === shortFor(name, rendered);
}

/** An SMS or WhatsApp channel sending each shop's messages from the sender `senderOf` picks. */
export function messageChannel(
  client: Twilio,
  name: 'sms' | 'whatsapp',
  senderOf: SenderOf,
  statusCallback: string,
): Channel {
  const prefix = name === 'whatsapp' ? 'whatsapp:' : '';
  // reach() skips a shop without a sender, so a send or a find always has one.
  const fromOf = (sender: Senders | undefined): From => senderOf(sender)!;
  return {
    ...addressing(name),
    unsetFor: (sender) => senderOf(sender) === undefined,
    fromNumber(sender) {
      const from = senderOf(sender);
      return from && 'from' in from ? from.from.slice(prefix.length) : undefined;
    },
    async send(message) {
      const msg = await client.messages.create({
        ...fromOf(message.sender),
        to: `${prefix}${message.to}`,
        ...contentOf(name, message),
        statusCallback,
      });
      return { providerId: msg.sid, acceptedAt: new Date().toISOString() };
    },
    // The body carries the notice's own rating link, so the same body to the same number is this notice.
    async find(message, since) {
      const from = fromOf(message.sender);
      // Twilio lists by From but not by service: a service's messages are told apart by their service SID.
      const to = `${prefix}${message.to}`;
      const recent = await client.messages.list({ ...('from' in from && from), to, limit: 20 });
      const msg = recent.find(
        (m) =>
          sameContent(m.body, name, message) &&
          m.dateCreated.getTime() >= since.getTime() - CLOCK_SKEW_MS &&
          (!('messagingServiceSid' in from) || m.messagingServiceSid === from.messagingServiceSid),
      );
      return msg && { providerId: msg.sid, acceptedAt: msg.dateCreated.toISOString() };
    },
  };
}
