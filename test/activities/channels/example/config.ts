/**
 * The example provider's configuration block, as a real provider's sits in common/config/providers.ts: its
 * variables and the settings they make.
 */
import { z } from 'zod';

/** EXAMPLE_API_URL, EXAMPLE_API_TOKEN and EXAMPLE_FROM. */
export const ExampleEnv = z.object({
  EXAMPLE_API_URL: z.url().optional(),
  EXAMPLE_API_TOKEN: z.string().optional(),
  EXAMPLE_FROM: z.string().default('Doorstep'),
});

export interface ExampleSettings {
  url: string;
  token: string;
  from: string;
}

/** The provider's settings, unset when the environment does not configure it (its channel stays with the outbox). */
export function readExample(env: z.input<typeof ExampleEnv>): ExampleSettings | undefined {
  const { EXAMPLE_API_URL: url, EXAMPLE_API_TOKEN: token, EXAMPLE_FROM: from } = ExampleEnv.parse(env);
  return url && token ? { url: url.replace(/\/$/, ''), token, from } : undefined;
}
