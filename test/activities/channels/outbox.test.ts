/** The outbox provider against a real file: the channel contract for every channel, and the exact line it appends. */
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { CHANNELS } from '../../../workflows/channels';
import { buildChannels } from '../../../worker/transports';
import { testConfig } from '../../helpers/temporal';
import { channelContract, contractMessage } from './contract';

/** The lines of the outbox file, parsed. */
const linesOf = (file: string): Record<string, unknown>[] =>
  readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));

for (const name of CHANNELS) {
  channelContract(
    `outbox ${name}`,
    async () => {
      const config = testConfig();
      return {
        channel: buildChannels(config)[name]!,
        lastReceived: () => {
          const last = linesOf(config.outboxFile).at(-1);
          return last && { to: String(last.to), payload: JSON.stringify(last) };
        },
        close: async () => undefined,
      };
    },
    // The outbox has no vendor to refuse a message or to ask for one.
    { find: false },
  );
}

it('an email is one JSON line: id, channel, time, recipient, subject and text, key and unsubscribe link', async () => {
  const config = testConfig();
  const channel = buildChannels(config).email!;
  const message = { ...contractMessage(channel), unsubscribeUrl: 'http://localhost:8080/u/token' };
  const sent = await channel.send(message);
  expect(linesOf(config.outboxFile)).toEqual([
    {
      id: sent.providerId,
      channel: 'email',
      at: sent.acceptedAt,
      to: 'anna@example.com',
      subject: message.rendered.subject,
      text: message.rendered.text,
      idempotencyKey: message.idempotencyKey,
      unsubscribeUrl: 'http://localhost:8080/u/token',
    },
  ]);
  expect(sent.providerId).toMatch(/^outbox-[0-9a-f-]{36}$/);
});
