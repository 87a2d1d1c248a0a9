/**
 * The Twilio provider: SMS, WhatsApp (when a WhatsApp sender is configured) and voice through the
 * twilio SDK, configured by TWILIO_* (config.twilio); its callbacks are read by ./webhooks.ts.
 */
import twilio from 'twilio';
import type { Channel, Provider } from '../channel';
import { classifying } from '../failures';
import { classifyTwilio } from './errors';
import { messageChannel } from './messages';
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
  build({ twilio: settings, publicBaseUrl }) {
    if (!settings) return undefined;
    const { accountSid, authToken, from, whatsappFrom, baseUrl } = settings;
    const client = twilio(accountSid, authToken, {
      httpClient: baseUrl ? rebasedHttpClient(baseUrl) : new twilio.RequestClient({ timeout: TWILIO_TIMEOUT_MS }),
    });
    const statusCallback = `${publicBaseUrl}${TWILIO_STATUS_PATH}`;
    const channels: Channel[] = [
      messageChannel(client, 'sms', from, '', statusCallback),
      voiceChannel(client, { from, statusCallback, answerUrl: `${publicBaseUrl}${TWILIO_INBOUND_PATH}` }),
    ];
    if (whatsappFrom)
      channels.push(messageChannel(client, 'whatsapp', `whatsapp:${whatsappFrom}`, 'whatsapp:', statusCallback));
    return channels.map((channel) => classifying(classifyTwilio, channel));
  },
};
