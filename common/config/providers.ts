/**
 * The message providers' configuration, one block each: the environment variables it reads and
 * the settings they make, unset when the provider is not configured (its channels go to the
 * outbox). A new provider is one block here, its variables in ProviderEnv and its reader in PROVIDERS.
 */
import { z } from 'zod';

/** SMTP for email (SMTP_URL, MAIL_FROM). */
const SmtpEnv = z.object({
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default('Doorstep <doorstep@localhost>'),
});
const smtp = (env: z.infer<typeof SmtpEnv>) => (env.SMTP_URL ? { url: env.SMTP_URL, from: env.MAIL_FROM } : undefined);

/** Twilio for SMS, WhatsApp and voice calls (TWILIO_*); the API base URL points tests at a local peer. */
const TwilioEnv = z.object({
  TWILIO_ACCOUNT_SID: z.string().optional(),
  TWILIO_AUTH_TOKEN: z.string().optional(),
  TWILIO_FROM: z.string().optional(),
  TWILIO_WHATSAPP_FROM: z.string().optional(),
  TWILIO_API_BASE_URL: z.url().optional(),
});
function twilio(env: z.infer<typeof TwilioEnv>) {
  const { TWILIO_ACCOUNT_SID: accountSid, TWILIO_AUTH_TOKEN: authToken, TWILIO_FROM: from } = env;
  if (!accountSid || !authToken || !from) return undefined;
  return { accountSid, authToken, from, whatsappFrom: env.TWILIO_WHATSAPP_FROM, baseUrl: env.TWILIO_API_BASE_URL };
}

/** Every provider's variables, validated with the rest of the environment. */
export const ProviderEnv = z.object({ ...SmtpEnv.shape, ...TwilioEnv.shape });

const PROVIDERS = { smtp, twilio };

/**
 * Each provider's settings by its name in the configuration (`config.smtp`, `config.twilio`), unset when not
 * configured.
 */
export type ProviderConfigs = { [K in keyof typeof PROVIDERS]?: NonNullable<ReturnType<(typeof PROVIDERS)[K]>> };

/** The settings of every provider the environment configures. */
export function readProviders(env: z.infer<typeof ProviderEnv>): ProviderConfigs {
  return Object.fromEntries(Object.entries(PROVIDERS).map(([name, read]) => [name, read(env)]));
}

/** Whether every provider is configured (nothing goes to the outbox). */
export const allProviders = (providers: ProviderConfigs): boolean =>
  (Object.keys(PROVIDERS) as (keyof ProviderConfigs)[]).every((name) => providers[name] !== undefined);
