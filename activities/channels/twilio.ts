/**
 * SMS, WhatsApp and voice through the twilio SDK: the Messages API (WhatsApp with `whatsapp:`
 * addresses) and the Calls API with TwiML that reads the notice and, for a question, gathers the keys pressed.
 * A message whose sending attempt died is looked up in the Messages list before it is sent again; a
 * call cannot be told apart from another call to the same number, so it is placed again.
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

/** How far the provider's clock may be behind ours when a message it took is looked up. */
const CLOCK_SKEW_MS = 60_000;

function messageChannel(
  client: Twilio,
  name: 'sms' | 'whatsapp',
  from: string,
  prefix: string,
  statusCallback: string,
): Channel {
  return {
    name,
    async send({ to, rendered }) {
      const msg = await client.messages.create({ from, to: `${prefix}${to}`, body: rendered.short, statusCallback });
      return { providerId: msg.sid, acceptedAt: new Date().toISOString() };
    },
    // The body carries the notice's own rating link, so the same body to the same number is this notice.
    async find({ to, rendered }, since) {
      const recent = await client.messages.list({ from, to: `${prefix}${to}`, limit: 20 });
      const msg = recent.find(
        (m) => m.body === rendered.short && m.dateCreated.getTime() >= since.getTime() - CLOCK_SKEW_MS,
      );
      return msg && { providerId: msg.sid, acceptedAt: msg.dateCreated.toISOString() };
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
        // Up to 9 choices take one key; the closing's 0–10 takes one or two, ended by the hash key.
        const keys = choices > 9 ? { numDigits: 2, finishOnKey: '#' } : { numDigits: 1 };
        response.gather({ ...keys, action: senders.answerUrl, method: 'POST', timeout: 10 }).say(say, rendered.spoken);
      } else {
        response.say(say, rendered.spoken);
      }
      const call = await client.calls.create({
        from: senders.from,
        to,
        twiml: response.toString(),
        statusCallback: senders.statusCallback,
      });
      return { providerId: call.sid, acceptedAt: new Date().toISOString() };
    },
  };
}

/** Builds the Twilio channels; WhatsApp only when a WhatsApp sender is configured. */
export function twilioChannels(client: Twilio, senders: TwilioSenders): Channel[] {
  return [
    messageChannel(client, 'sms', senders.from, '', senders.statusCallback),
    ...(senders.whatsappFrom
      ? [messageChannel(client, 'whatsapp', `whatsapp:${senders.whatsappFrom}`, 'whatsapp:', senders.statusCallback)]
      : []),
    voiceChannel(client, senders),
  ];
}
