/** Where the set-up script put the Temporal binaries and schemathesis (overridable for other layouts). */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { toolOverride, type ToolVariable } from './config/tools';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function tool(envName: ToolVariable, candidates: string[]): string {
  const path = toolOverride(envName) ?? candidates.map((c) => join(root, c)).find((c) => existsSync(c));
  if (!path) throw new Error(`${candidates[0]} is missing: run "npm run setup" (or set ${envName})`);
  return path;
}

/** The Temporal CLI (dev server). */
export const temporalCli = () => tool('TEMPORAL_CLI_PATH', ['.tools/venv/bin/temporal', '.tools/bin/temporal']);
/** The time-skipping test server. */
export const temporalTestServer = () => tool('TEMPORAL_TEST_SERVER_PATH', ['.tools/venv/bin/temporal-test-server']);
/** schemathesis, the API fuzzer of the chaos run (installed by `npm run setup -- --tests`). */
export const schemathesisCli = () => tool('SCHEMATHESIS_PATH', ['.tools/schemathesis/bin/schemathesis']);
