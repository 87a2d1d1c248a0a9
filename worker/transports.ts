/** Builds each notice channel from configuration: the outbox for every channel, then each configured provider's. */
import type { AppConfig } from '../common/config';
import type { Channels, Provider } from '../activities/channels/channel';
import { PROVIDERS } from '../activities/channels';

/**
 * One channel per name: each provider in turn (the registry's, then `extra`) takes over the channels
 * it serves when its configuration block is set; those it serves but does not build are not set up.
 */
export function buildChannels<C extends AppConfig>(config: C, extra: readonly Provider<C>[] = []): Channels {
  const channels: Channels = {};
  for (const provider of [...PROVIDERS, ...extra]) {
    const built = provider.build(config);
    if (!built) continue;
    for (const name of provider.serves) delete channels[name];
    for (const channel of built) channels[channel.name] = channel;
  }
  return channels;
}

/** Closes what the channels hold open (the SMTP pool), so a stopping worker exits at once. */
export function closeChannels(channels: Channels): void {
  for (const channel of Object.values(channels)) channel?.close?.();
}
