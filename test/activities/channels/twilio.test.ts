/**
 * The Twilio provider through the real twilio SDK against a local endpoint: the contract for SMS, WhatsApp
 * and voice, and the exact requests.
 */
import { expect, it } from 'vitest';
import { reach } from '../../../activities/channels/channel';
import type { ChannelName } from '../../../workflows/contract';
import { buildChannels } from '../../../worker/transports';
import { testConfig } from '../../helpers/temporal';
import { TWILIO_SID, twilioEndpoint, twilioEnv, type TwilioEndpoint } from '../../helpers/twilio-endpoint';
import { channelContract, contractMessage, type ContractPeer } from './contract';

const STATUS = 'http://localhost:8080/webhooks/twilio/status';
const API = `/2010-04-01/Accounts/${TWILIO_SID}`;

/** The registry's Twilio channel `name` on a fresh local endpoint. */
async function twilioPeer(name: ChannelName, env: Record<string, string> = {}) {
  const endpoint = await twilioEndpoint();
  const channels = buildChannels(testConfig({ ...twilioEnv(endpoint), ...env }));
  return { endpoint, channels, channel: channels[name]! };
}

/** Twilio's answers that stop a message for good (invalid number) and for now (rate limited). */
function refuse(endpoint: TwilioEndpoint, kind: 'permanent' | 'transient') {
  endpoint.answers.push(
    kind === 'permanent'
      ? { status: 400, body: { code: 21211, message: "The 'To' number is not a valid phone number.", status: 400 } }
      : { status: 429, body: { code: 20429, message: 'Too Many Requests', status: 429 } },
  );
}

const refusals = { permanent: '21211 invalid number', transient: '429 rate limited' };
for (const [name, find] of [
  ['sms', true],
  ['whatsapp', true],
  ['voice', false],
] as const) {
  channelContract(
    `twilio ${name}`,
    async (): Promise<ContractPeer> => {
      const { endpoint, channel } = await twilioPeer(name);
      return {
        channel,
        lastReceived: () => {
          const form = endpoint.requests.filter((r) => r.method === 'POST').at(-1)?.form;
          return form && { to: form.To, payload: form.Body ?? form.Twiml };
        },
        refuseNext: (kind) => refuse(endpoint, kind),
        close: () => endpoint.close(),
      };
    },
    { find, refusals },
  );
}

it('an SMS, a WhatsApp message and a call are the exact requests Twilio documents', async () => {
  const { endpoint, channels } = await twilioPeer('sms');
  try {
    const texts = [];
    for (const name of ['sms', 'whatsapp', 'voice'] as const) {
      const message = contractMessage(channels[name]!);
      texts.push(message.rendered.short);
      await channels[name]!.send(message);
    }
    expect(endpoint.requests.map((r) => [r.method, r.path, r.form])).toEqual([
      [
        'POST',
        `${API}/Messages.json`,
        { To: '+48600123456', From: '+48111222333', Body: texts[0], StatusCallback: STATUS },
      ],
      [
        'POST',
        `${API}/Messages.json`,
        { To: 'whatsapp:+48600123456', From: 'whatsapp:+48111222444', Body: texts[1], StatusCallback: STATUS },
      ],
      [
        'POST',
        `${API}/Calls.json`,
        {
          To: '+48600123456',
          From: '+48111222333',
          Twiml: `<?xml version="1.0" encoding="UTF-8"?><Response><Say language="en-GB">${texts[2]}</Say></Response>`,
          StatusCallback: STATUS,
        },
      ],
    ]);
  } finally {
    await endpoint.close();
  }
});

it('without a WhatsApp sender Twilio takes WhatsApp over and leaves it not set up; email keeps its outbox channel', async () => {
  const { endpoint, channels } = await twilioPeer('sms', { TWILIO_WHATSAPP_FROM: '' });
  try {
    expect(Object.keys(channels).sort()).toEqual(['email', 'sms', 'voice']);
    const customer = { phone: '+48600123456' };
    expect(reach(channels, 'whatsapp', customer)).toEqual({ skipped: 'whatsapp is not set up' });
    expect(reach(channels, 'whatsapp', {})).toEqual({ skipped: 'no phone number' });
    expect(reach(channels, 'email', customer)).toEqual({ skipped: 'no email address' });
  } finally {
    await endpoint.close();
  }
});
