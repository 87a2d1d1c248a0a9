/** How a configuration mistake is told: what is wrong, field by field, and what to do about it. */
import { z } from 'zod';

/** A configuration mistake: what is wrong, field by field, and what to do about it (printed without a stack). */
export class ConfigError extends Error {
  constructor(
    problem: string,
    readonly hint: string,
  ) {
    super(`${problem}\nhint: ${hint}`);
    this.name = 'ConfigError';
  }
}

/** The hint of a mistake in the environment. */
export const ENV_HINT = 'fix these environment variables (README, "Configuration")';

/** A mistake in one environment variable, told the way zod tells a field's ("✖ problem → at NAME"). */
export function envError(variable: string, problem: string, hint = ENV_HINT): ConfigError {
  return new ConfigError(`invalid environment:\n✖ ${problem}\n  → at ${variable}`, hint);
}

/** `value` parsed by `schema`, or a ConfigError listing every bad field of `what`. */
export function parseOrThrow<T extends z.ZodType>(schema: T, value: unknown, what: string, hint: string): z.infer<T> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new ConfigError(`invalid ${what}:\n${z.prettifyError(parsed.error)}`, hint);
  return parsed.data;
}

/** Runs `parse` on a variable's value, turning its error into a ConfigError that names the variable. */
export function parseVariable<T>(name: string, parse: () => T): T {
  try {
    return parse();
  } catch (err) {
    throw envError(name, (err as Error).message.replace(new RegExp(`^${name} `), ''));
  }
}
