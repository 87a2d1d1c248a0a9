/**
 * `npm run chaos`: Doorstep under faults, bad input and attacks, on this machine (see scripts/chaos/).
 * Every figure goes to docs/reliability.md with its fault schedule and seed (`-- --quick`, under
 * 5 minutes: docs/quick/reliability.md). `-- --seed N` replays a run's schedule; `-- --only a,b` runs
 * some scenarios.
 */
import { parseArgs } from 'node:util';
import { runChaos } from './chaos/run';

const options = { quick: { type: 'boolean' }, seed: { type: 'string' }, only: { type: 'string' } } as const;
const { values } = parseArgs({ options });
const started = Date.now();
const { file, failed } = await runChaos({ quick: Boolean(values.quick), seed: values.seed ? Number(values.seed) : Date.now() % 100_000, only: values.only?.split(',') });
console.log(`\n${file}\n(${Math.round((Date.now() - started) / 1000)} s)`);
if (failed.length) {
  console.error(`goals missed: ${failed.join('; ')}`);
  process.exitCode = 1;
}
