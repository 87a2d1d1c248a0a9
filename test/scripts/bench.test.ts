/**
 * The benchmark harness end to end on a tiny load (`--smoke`): its own Temporal server, PostgreSQL,
 * Doorstep's and the skeleton's workers and APIs, and the sinks come up, orders complete on both,
 * and the JSON and the report with its plots are written. Numbers are not judged here (`npm run bench`).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import type { BenchResult } from '../../scripts/bench/model';

it('runs both systems on a tiny load and writes the result and the report', () => {
  const root = mkdtempSync(join(tmpdir(), 'doorstep-bench-smoke-'));
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/bench.ts', '--smoke', '--root', root], {
    encoding: 'utf8',
    timeout: 240_000,
  });
  expect(run.status, run.stderr.slice(-3000)).toBe(0);

  const [file] = readdirSync(join(root, 'bench', 'results'));
  const result = JSON.parse(readFileSync(join(root, 'bench', 'results', file), 'utf8')) as BenchResult;
  for (const system of [result.doorstep, result.skeleton]) {
    expect(system.curve.length).toBeGreaterThan(0);
    expect(system.ordersPerSec).toBeGreaterThan(0);
    expect(system.cpuMsPerOrder.worker).toBeGreaterThan(0);
    expect(system.latency.map((l) => l.fraction)).toEqual([0.25, 0.5, 0.75]);
    expect(system.history.eventsPerOrder).toBeGreaterThan(20);
    expect(system.openChains).toEqual([expect.objectContaining({ count: 10 })]);
  }
  // Every notice the ledger recorded reached a sink once: half the orders prefer SMS, half email.
  const { email, sms } = result.doorstep.notices!;
  for (const tally of [email, sms]) {
    expect(tally.received).toBeGreaterThan(0);
    expect(tally).toMatchObject({ lost: 0, duplicated: 0 });
    expect(tally.received).toBe(tally.sent);
  }
  expect(result.goals.map((g) => g.name)).toContain('Lost notices');

  const report = readFileSync(join(root, 'docs', 'quick', 'benchmarks.md'), 'utf8');
  for (const plot of ['throughput', 'latency', 'cpu', 'memory']) {
    expect(report).toContain(`benchmarks/${plot}.svg`);
    expect(existsSync(join(root, 'docs', 'quick', 'benchmarks', `${plot}.svg`))).toBe(true);
  }
}, 300_000);
