/**
 * The notice providers, in the order they take channels over: the outbox serves every channel,
 * each configured provider after it overrides the channels it serves (worker/transports.ts).
 * Adding a provider is its folder here, one line in PROVIDERS and its configuration block in
 * common/config/providers.ts (the template: test/activities/channels/example/).
 */
import type { Provider } from './channel';
import { outboxProvider } from './outbox';
import { smtpProvider } from './smtp';
import { twilioProvider } from './twilio';

export const PROVIDERS: readonly Provider[] = [outboxProvider, smtpProvider, twilioProvider];
