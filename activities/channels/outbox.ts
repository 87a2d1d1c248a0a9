/** The local outbox: what would have been sent, appended as JSON lines when no provider is set up. */
import { appendFile, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { ChannelName } from '../../workflows/contract';
import { contentFor, type Channel } from './channel';

/** A channel that writes each message to `file` instead of a provider. */
export function outboxChannel(name: ChannelName, file: string): Channel {
  return {
    name,
    async send({ to, rendered, idempotencyKey, unsubscribeUrl }) {
      const entry = { id: `outbox-${randomUUID()}`, channel: name, at: new Date().toISOString(), to, ...contentFor(name, rendered), idempotencyKey, unsubscribeUrl };
      await mkdir(dirname(file), { recursive: true });
      await appendFile(file, `${JSON.stringify(entry)}\n`);
      return { providerId: entry.id, acceptedAt: entry.at };
    },
  };
}
