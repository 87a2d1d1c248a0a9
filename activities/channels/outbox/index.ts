/**
 * The outbox provider: every channel written to a local JSON-lines file (config.outboxFile) until a real
 * provider takes it over.
 */
import { CHANNELS } from '../../../workflows/channels';
import type { Provider } from '../channel';
import { outboxChannel } from './outbox';

export { dropFromOutbox, type OutboxEntry } from './outbox';

export const outboxProvider: Provider = {
  id: 'outbox',
  serves: CHANNELS,
  build: ({ outboxFile }) => CHANNELS.map((name) => outboxChannel(name, outboxFile)),
};
