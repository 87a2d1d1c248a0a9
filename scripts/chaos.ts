/**
 * `npm run chaos`: Doorstep under faults, bad input and attacks, on this machine (see scripts/chaos/).
 * Every figure goes to docs/reliability.md with its fault schedule and seed (`-- --quick`, under
 * 5 minutes: docs/quick/reliability.md). `-- --seed N` replays a run's schedule; `-- --only a,b` runs
 * some scenarios; `-- --smoke` is the tiny run of the smoke test, `-- --root <dir>` writes its docs there.
 * `-- --report <result.json>` writes the report again from a result (after editing its notes,
 * docs/reliability/notes.md). `-- --carrier-poll` runs only the pull connector's scenario and prints
 * its figures; a full run keeps them in docs/reliability/carrier-poll.md, which docs/reliability.md includes.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { CARRIER_POLL_SIZES, carrierPoll, carrierPollSection } from './chaos/carrier-poll';
import { CARRIER_POLL_DOC, writeReport } from './chaos/report';
import type { ChaosResult } from './chaos/result';
import { CHAOS_SIZES, runChaos } from './chaos/run';
import { RUN_FLAGS, sizedRun } from './run-size';

const { values } = parseArgs({
  options: { ...RUN_FLAGS, seed: { type: 'string' }, only: { type: 'string' }, 'carrier-poll': { type: 'boolean' } },
});
if (values.report) {
  const result = JSON.parse(readFileSync(values.report, 'utf8')) as ChaosResult;
  console.log(writeReport(result, resolve('docs', ...(result.quick ? ['quick'] : [])), resolve(values.report)));
  process.exit(0);
}
const started = Date.now();
const { settings, quick } = sizedRun(values, CHAOS_SIZES);
const seed = values.seed ? Number(values.seed) : Date.now() % 100_000;
if (values['carrier-poll']) {
  const run = sizedRun(values, CARRIER_POLL_SIZES);
  const result = await carrierPoll(run.settings, seed);
  const text = carrierPollSection(result, {
    date: new Date().toISOString(),
    commit: execFileSync('git', ['rev-parse', '--short', 'HEAD']).toString().trim(),
  });
  console.log(`${JSON.stringify(result)}\n\n${text}`);
  // The full run's figures are kept for every report (docs/reliability.md includes them).
  if (!run.quick) writeFileSync(CARRIER_POLL_DOC, text);
  process.exit(0);
}
const { file, failed } = await runChaos({
  settings,
  quick,
  seed,
  only: values.only?.split(','),
  root: resolve(values.root ?? '.'),
});
console.log(`\n${file}\n(${Math.round((Date.now() - started) / 1000)} s)`);
if (failed.length) {
  console.error(`goals missed: ${failed.join('; ')}`);
  process.exitCode = 1;
}
