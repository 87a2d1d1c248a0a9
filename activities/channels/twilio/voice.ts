/**
 * Voice through the twilio SDK's Calls API, with TwiML that reads the notice in the customer's
 * language and, for a question, gathers the keys pressed. A call cannot be told apart from another
 * call to the same number, so a call whose attempt died is placed again.
 */
import twilio, { type Twilio } from 'twilio';
import { LOCALES, type LanguageCode, type SayVoice } from '../../templates/locales/index';
import { addressing, type Channel } from '../channel';

/** The Twilio <Say> voice of a catalog language (each locale file names its own), British English otherwise. */
const sayVoice = (language: string): SayVoice =>
  language in LOCALES ? LOCALES[language as LanguageCode].say : LOCALES.en.say;

/** Where a call reports its status and posts the digit the customer pressed. */
export interface CallUrls {
  from: string;
  statusCallback: string;
  answerUrl: string;
}

/** A voice channel placing calls from the shop's own number, else `urls.from` (a Messaging Service cannot call). */
export function voiceChannel(client: Twilio, urls: CallUrls): Channel {
  return {
    ...addressing('voice'),
    async send({ to, rendered, choices, sender }) {
      const response = new twilio.twiml.VoiceResponse();
      const say = sayVoice(rendered.language);
      if (choices) {
        // Up to 9 choices take one key; the closing's 0–10 takes one or two, ended by the hash key.
        const keys = choices > 9 ? { numDigits: 2, finishOnKey: '#' } : { numDigits: 1 };
        response.gather({ ...keys, action: urls.answerUrl, method: 'POST', timeout: 10 }).say(say, rendered.spoken);
      } else {
        response.say(say, rendered.spoken);
      }
      const call = await client.calls.create({
        from: sender?.twilio?.from ?? urls.from,
        to,
        twiml: response.toString(),
        statusCallback: urls.statusCallback,
      });
      return { providerId: call.sid, acceptedAt: new Date().toISOString() };
    },
  };
}
