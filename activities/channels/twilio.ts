/**
 * SMS, WhatsApp and voice through the twilio SDK: the Messages API (WhatsApp with `whatsapp:`
 * addresses) and the Calls API with TwiML that reads the notice and, for a question, gathers a digit.
 */
import twilio, { type Twilio } from 'twilio';
import type { Channel } from './channel';

export interface TwilioSenders {
  from: string;
  whatsappFrom?: string;
  /** Where Twilio reports each message's and call's delivery status. */
  statusCallback: string;
  /** Where a call posts the digit the customer pressed. */
  answerUrl: string;
}

/** Twilio <Say> voices by catalog language. */
const VOICE_LANGUAGE: Record<string, 'en-GB' | 'ru-RU' | 'pl-PL'> = { en: 'en-GB', ru: 'ru-RU', pl: 'pl-PL' };

function messageChannel(client: Twilio, name: 'sms' | 'whatsapp', from: string, prefix: string, statusCallback: string): Channel {
  return {
    name,
    async send({ to, rendered }) {
      const msg = await client.messages.create({ from, to: `${prefix}${to}`, body: rendered.short, statusCallback });
      return { providerId: msg.sid, acceptedAt: new Date().toISOString() };
    },
  };
}

function voiceChannel(client: Twilio, senders: TwilioSenders): Channel {
  return {
    name: 'voice',
    async send({ to, rendered, choices }) {
      const response = new twilio.twiml.VoiceResponse();
      const say = { language: VOICE_LANGUAGE[rendered.language] ?? 'en-GB' };
      if (choices) {
        response.gather({ numDigits: 1, action: senders.answerUrl, method: 'POST', timeout: 10 }).say(say, rendered.spoken);
      } else {
        response.say(say, rendered.spoken);
      }
      const call = await client.calls.create({ from: senders.from, to, twiml: response.toString(), statusCallback: senders.statusCallback });
      return { providerId: call.sid, acceptedAt: new Date().toISOString() };
    },
  };
}

/** Builds the Twilio channels; WhatsApp only when a WhatsApp sender is configured. */
export function twilioChannels(client: Twilio, senders: TwilioSenders): Channel[] {
  return [
    messageChannel(client, 'sms', senders.from, '', senders.statusCallback),
    ...(senders.whatsappFrom ? [messageChannel(client, 'whatsapp', `whatsapp:${senders.whatsappFrom}`, 'whatsapp:', senders.statusCallback)] : []),
    voiceChannel(client, senders),
  ];
}
