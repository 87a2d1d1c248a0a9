/**
 * `npm run bench`: Doorstep against a bare Temporal skeleton on this machine (see scripts/bench/).
 * `-- --quick` is a shortened run (under 3 minutes). The result goes to bench/results/<date>.json
 * and the report to docs/benchmarks.md (a quick run: <date>-quick.json and docs/quick/).
 * `-- --profile <dir>` leaves a CPU profile of every worker and API process in <dir> (open it in
 * Chrome DevTools or speedscope) to see where the time per order goes. `-- --report <result.json>`
 * writes the report again from a result, with the current bench/tuning.json and bench/gaps.md.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { writeReport } from './bench/report';
import type { BenchResult } from './bench/model';
import { BENCH_SIZES, runBench } from './bench/run';
import { RUN_FLAGS, sizedRun } from './run-size';

const { values } = parseArgs({ options: { ...RUN_FLAGS, profile: { type: 'string' } } });
const root = resolve(values.root ?? '.');

const started = Date.now();
let result: BenchResult;
let resultFile: string;
if (values.report) {
  resultFile = resolve(values.report);
  result = JSON.parse(readFileSync(resultFile, 'utf8')) as BenchResult;
} else {
  const { settings, quick } = sizedRun(values, BENCH_SIZES);
  result = await runBench(settings, quick, values.profile && resolve(values.profile));
  const resultsDir = join(root, 'bench', 'results');
  mkdirSync(resultsDir, { recursive: true });
  resultFile = join(resultsDir, `${result.date.slice(0, 10)}${quick ? '-quick' : ''}.json`);
}
// Tuning done on the numbers' advice is kept by hand in bench/tuning.json, with before and after; the gaps
// explained in bench/gaps.md.
result.tuning = JSON.parse(readFileSync(resolve('bench', 'tuning.json'), 'utf8')) as typeof result.tuning;
result.gaps = readFileSync(resolve('bench', 'gaps.md'), 'utf8');
writeFileSync(resultFile, `${JSON.stringify(result, null, 2)}\n`);
const quick = result.quick;
const written = writeReport(result, { docsDir: join(root, 'docs', ...(quick ? ['quick'] : [])), resultFile });
console.log(
  `\nThroughput T = ${result.ratios.throughput.toFixed(2)}, CPU per order ${result.ratios.cpuPerOrder.toFixed(2)} × skeleton`,
);
for (const g of result.goals) console.log(`${g.met ? '✓' : '✗'} ${g.name}: ${g.value} (goal ${g.target})`);
console.log(`\n${resultFile}\n${written.join('\n')}\n(${Math.round((Date.now() - started) / 1000)} s)`);
