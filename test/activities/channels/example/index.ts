/**
 * The example provider: SMS through a small HTTP JSON API. It is test-only and kept as the
 * template for new providers (a new folder copies this one's shape). Adding a provider in 4 steps:
 *
 * 1. A folder activities/channels/<provider>/ with its channels (send, and find where the vendor
 *    can be asked; each spreads `addressing(name)` for its address resolver), errors.ts (the
 *    vendor's codes as `Classified`, an opt-out as `optedOut`; sends wrapped with `classifying`),
 *    and, if the vendor calls back, the parsing of its receipts and inbound messages; index.ts
 *    exports the `Provider`: its id, the channels it serves, `build(config)`.
 * 2. Its configuration block in common/config/providers.ts (variables → settings, unset when not
 *    configured), so that `config.<provider>` exists (here: ./config.ts and ExampleConfig).
 * 3. One line in PROVIDERS (activities/channels/index.ts), after the providers it overrides
 *    (here the test adds it with `buildChannels(config, [exampleProvider])`).
 * 4. A test: a local peer answering the vendor's documented payloads (./peer.ts), channelContract()
 *    for each channel and its exact wire payload (./example.test.ts); callbacks, if any, become a
 *    thin route in api/routes/ over the provider's parsing functions.
 *
 * A channel the house does not know yet (Telegram) is also a row in workflows/channels.ts.
 */
import type { AppConfig } from '../../../../common/config';
import type { Provider } from '../../../../activities/channels/channel';
import { classifying } from '../../../../activities/channels/failures';
import type { ExampleSettings } from './config';
import { classifyExample } from './errors';
import { exampleSms } from './sms';

/** The application's configuration with the example's block. */
export type ExampleConfig = AppConfig & { example?: ExampleSettings };

export const exampleProvider: Provider<ExampleConfig> = {
  id: 'example',
  serves: ['sms'],
  build: ({ example }) => example && [classifying(classifyExample, exampleSms(example))],
};
