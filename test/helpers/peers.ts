/** The providers' peers a test file talks to: a real SMTP server and the local Twilio endpoint. */
import { afterAll, beforeAll } from 'vitest';
import { smtpSink, type SmtpSink } from './smtp-sink';
import { twilioEndpoint, type TwilioEndpoint } from './twilio-endpoint';

/** Both peers, started before the file's tests (before any bed set up after this call) and closed after them. */
export function usePeers(): { sink: SmtpSink; twilio: TwilioEndpoint } {
  const peers = {} as { sink: SmtpSink; twilio: TwilioEndpoint };
  beforeAll(async () => {
    peers.sink = await smtpSink();
    peers.twilio = await twilioEndpoint();
  });
  afterAll(async () => {
    await peers.sink?.close();
    await peers.twilio?.close();
  });
  return peers;
}
