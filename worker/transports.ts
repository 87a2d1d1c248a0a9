/** Builds each notice channel from configuration: real providers when set, the local outbox otherwise. */
import nodemailer from 'nodemailer';
import twilio from 'twilio';
import type { AppConfig } from '../common/config';
import type { Channels } from '../activities/channels/channel';
import { emailChannel } from '../activities/channels/email';
import { outboxChannel } from '../activities/channels/outbox';
import { twilioChannels } from '../activities/channels/twilio';
import { CHANNELS } from '../workflows/contract';

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

/**
 * The SMTP URL with connection pooling on and timeouts that keep a send well inside its activity's
 * time limit, unless the URL says otherwise.
 */
function pooled(smtpUrl: string): string {
  const url = new URL(smtpUrl);
  const defaults = { pool: 'true', connectionTimeout: '10000', greetingTimeout: '10000', socketTimeout: '20000' };
  for (const [name, value] of Object.entries(defaults))
    if (!url.searchParams.has(name)) url.searchParams.set(name, value);
  return url.toString();
}

/** One channel per name: providers where configured, the outbox for the rest. */
export function buildChannels(config: AppConfig): Channels {
  const channels: Channels = Object.fromEntries(CHANNELS.map((name) => [name, outboxChannel(name, config.outboxFile)]));
  if (config.smtp) {
    channels.email = emailChannel(nodemailer.createTransport(pooled(config.smtp.url)), config.smtp.from);
  }
  if (config.twilio) {
    const { accountSid, authToken, from, whatsappFrom, baseUrl } = config.twilio;
    const client = twilio(accountSid, authToken, {
      httpClient: baseUrl ? rebasedHttpClient(baseUrl) : new twilio.RequestClient({ timeout: TWILIO_TIMEOUT_MS }),
    });
    const webhooks = `${config.publicBaseUrl}/webhooks/twilio`;
    for (const channel of twilioChannels(client, {
      from,
      whatsappFrom,
      statusCallback: `${webhooks}/status`,
      answerUrl: `${webhooks}/inbound`,
    })) {
      channels[channel.name] = channel;
    }
    if (!whatsappFrom) delete channels.whatsapp;
  }
  return channels;
}

/** Closes what the channels hold open (the SMTP pool), so a stopping worker exits at once. */
export function closeChannels(channels: Channels): void {
  for (const channel of Object.values(channels)) channel?.close?.();
}
