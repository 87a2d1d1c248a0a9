/**
 * SMS and WhatsApp through the twilio SDK's Messages API (WhatsApp with `whatsapp:` addresses). A
 * message whose sending attempt died is looked up in the Messages list before it is sent again.
 */
import type { Twilio } from 'twilio';
import { addressing, type Channel } from '../channel';
import { MINUTE_MS } from '../../../workflows/durations';

/** How far the provider's clock may be behind ours when a message it took is looked up. */
const CLOCK_SKEW_MS = MINUTE_MS;

/** An SMS (`prefix` '') or WhatsApp (`prefix` 'whatsapp:') channel sending from `from`. */
export function messageChannel(
  client: Twilio,
  name: 'sms' | 'whatsapp',
  from: string,
  prefix: string,
  statusCallback: string,
): Channel {
  return {
    ...addressing(name),
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
