/**
 * The model-based property test (test/workflows/properties.test.ts, fast-check on the real dev
 * server) run with the chaos run's seed and more runs than `npm test` gives it.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface PropertyResult {
  runs: number;
  seed: number;
  command: string;
  passed: boolean;
  /** The counterexample and the invariant it broke, when one did. */
  failure?: string;
}

export const PROPERTY_TEST = 'test/workflows/properties.test.ts';

export async function properties(runs: number, seed: number): Promise<PropertyResult> {
  const dir = mkdtempSync(join(tmpdir(), 'doorstep-properties-'));
  const out = join(dir, 'result.json');
  const env = { ...process.env, DOORSTEP_PROPERTY_SEED: String(seed), DOORSTEP_PROPERTY_RUNS: String(runs) };
  await new Promise((resolve) =>
    spawn('npx', ['vitest', 'run', PROPERTY_TEST, '--reporter=json', `--outputFile=${out}`], {
      env,
      stdio: 'ignore',
    }).on('exit', resolve),
  );
  const report = JSON.parse(readFileSync(out, 'utf8')) as {
    success: boolean;
    testResults: { assertionResults: { failureMessages: string[] }[] }[];
  };
  rmSync(dir, { recursive: true, force: true });
  const failure = report.testResults
    .flatMap((f) => f.assertionResults.flatMap((a) => a.failureMessages))
    .join('\n')
    .slice(0, 2000);
  return {
    runs,
    seed,
    command: `DOORSTEP_PROPERTY_SEED=${seed} DOORSTEP_PROPERTY_RUNS=${runs} npx vitest run ${PROPERTY_TEST}`,
    passed: report.success,
    failure: failure || undefined,
  };
}
