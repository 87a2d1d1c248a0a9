/**
 * Recording channels for journeys: every message is kept instead of sent, stamped with the
 * workflow time its send was scheduled at (activities run in real time on the time-skipping server).
 */
import { randomUUID } from 'node:crypto';
import { Context } from '@temporalio/activity';
import { CHANNELS, type ChannelName } from '../../workflows/contract';
import { addressing, contentFor, type Channel, type Channels } from '../../activities/channels/channel';

/** One message as a recording channel took it. */
export interface Recorded {
  /** The ledger key: chain id, touchpoint, channel and revision. */
  key: string;
  channel: ChannelName;
  to: string;
  /** Workflow time (epoch ms) of the send. */
  at: number;
  subject?: string;
  text: string;
}

export interface Recorder {
  channels: Channels;
  /** Removes and returns the messages of one chain, in the order they were taken. */
  take(chainId: string): Recorded[];
}

/** A channel of each kind that records what it is asked to send. */
export function recorder(): Recorder {
  let kept: Recorded[] = [];
  const channelOf = (name: ChannelName): Channel => ({
    ...addressing(name),
    async send({ to, rendered, idempotencyKey }) {
      // The scheduled time is the test server's virtual clock; Date.now() here is the real one.
      const at = Context.current().info.currentAttemptScheduledTimestampMs;
      kept.push({ key: idempotencyKey, channel: name, to, at, ...contentFor(name, rendered) });
      return { providerId: `journey-${randomUUID()}`, acceptedAt: new Date(at).toISOString() };
    },
  });
  return {
    channels: Object.fromEntries(CHANNELS.map((name) => [name, channelOf(name)])),
    take(chainId) {
      const mine = kept.filter((r) => r.key.startsWith(`${chainId}:`));
      kept = kept.filter((r) => !mine.includes(r));
      return mine;
    },
  };
}
