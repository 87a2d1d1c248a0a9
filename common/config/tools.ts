/**
 * The environment variables that point at the Temporal binaries and schemathesis instead of where the set-up
 * script put them.
 */

export type ToolVariable = 'TEMPORAL_CLI_PATH' | 'TEMPORAL_TEST_SERVER_PATH' | 'SCHEMATHESIS_PATH';

/** The path `variable` sets, if it does. */
export function toolOverride(variable: ToolVariable, env: Record<string, string | undefined> = process.env) {
  return env[variable];
}
