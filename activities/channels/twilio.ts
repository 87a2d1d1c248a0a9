/** SMS, WhatsApp and voice through the twilio SDK's Messages and Calls APIs. */
import type { Twilio } from 'twilio';
import type { Channel, OutgoingMessage } from './channel';

export interface TwilioSenders {
  from: string;
  whatsappFrom?: string;
  statusCallback?: string;
}

function messageChannel(client: Twilio, name: 'sms' | 'whatsapp', from: string, to: (m: OutgoingMessage) => string, statusCallback?: string): Channel {
  return {
    name,
    async send(m) {
      const msg = await client.messages.create({ from, to: to(m), body: m.text, ...(statusCallback && { statusCallback }) });
      return { providerId: msg.sid, acceptedAt: new Date().toISOString() };
    },
  };
}

/** Builds the Twilio channels; WhatsApp only when a WhatsApp sender is configured. */
export function twilioChannels(client: Twilio, senders: TwilioSenders): Channel[] {
  const channels = [messageChannel(client, 'sms', senders.from, (m) => m.to, senders.statusCallback)];
  if (senders.whatsappFrom) {
    channels.push(messageChannel(client, 'whatsapp', `whatsapp:${senders.whatsappFrom}`, (m) => `whatsapp:${m.to}`, senders.statusCallback));
  }
  channels.push({
    name: 'voice',
    async send(m) {
      const twiml = `<Response><Say>${escapeXml(m.text)}</Say></Response>`;
      const call = await client.calls.create({ from: senders.from, to: m.to, twiml });
      return { providerId: call.sid, acceptedAt: new Date().toISOString() };
    },
  });
  return channels;
}

function escapeXml(s: string): string {
  return s.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);
}
