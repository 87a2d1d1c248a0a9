/**
 * The Twilio provider: SMS, WhatsApp (when TWILIO_WHATSAPP_FROM or a shop's whatsappFrom is set) and voice
 * through the twilio SDK, configured by TWILIO_* (config.twilio) and each shop's senders (config.voices); its
 * callbacks are read by ./webhooks.ts.
 */
import twilio from 'twilio';
import type { Channel, Provider } from '../channel';
import { classifying } from '../failures';
import { classifyTwilio } from './errors';
import { messageChannel, smsSender, whatsappSender } from './messages';
import { voiceChannel } from './voice';
import { TWILIO_INBOUND_PATH, TWILIO_STATUS_PATH } from './webhooks';

/** Twilio's answer time limit, well inside the send activity's. */
const TWILIO_TIMEOUT_MS = 20_000;

/** A Twilio HTTP client that sends every API call to `baseUrl` (a proxy or a local test endpoint). */
function rebasedHttpClient(baseUrl: string): InstanceType<typeof twilio.RequestClient> {
  const client = new twilio.RequestClient({ timeout: TWILIO_TIMEOUT_MS });
  const request = client.request.bind(client);
  client.request = (opts) =>
    request({ ...opts, uri: opts.uri.replace(/^https:\/\/[^/]+/, baseUrl.replace(/\/$/, '')) });
  return client;
}

export const twilioProvider: Provider = {
  id: 'twilio',
  serves: ['sms', 'whatsapp', 'voice'],
  build({ twilio: settings, publicBaseUrl, voices }) {
    if (!settings) return undefined;
    const { accountSid, authToken, from, whatsappFrom, baseUrl } = settings;
    const client = twilio(accountSid, authToken, {
      httpClient: baseUrl ? rebasedHttpClient(baseUrl) : new twilio.RequestClient({ timeout: TWILIO_TIMEOUT_MS }),
    });
    const statusCallback = `${publicBaseUrl}${TWILIO_STATUS_PATH}`;
    const channels: Channel[] = [
      messageChannel(client, 'sms', smsSender(from), statusCallback),
      voiceChannel(client, { from, statusCallback, answerUrl: `${publicBaseUrl}${TWILIO_INBOUND_PATH}` }),
    ];
    // Without a global WhatsApp sender, WhatsApp serves the shops that have their own (the others skip it).
    if (whatsappFrom || [...voices.values()].some((v) => v.twilio?.whatsappFrom))
      channels.push(messageChannel(client, 'whatsapp', whatsappSender(whatsappFrom), statusCallback));
    return channels.map((channel) => classifying(classifyTwilio, channel));
  },
};
