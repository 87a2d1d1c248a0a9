/**
 * One chaos run: starts the stack, runs the scenarios one after another on their seeded schedules
 * (each with its own orders), then the webhook, attack, API-fuzzing and property checks, and writes
 * the result (JSON) and docs/reliability.md.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { Shop } from '../../workflows/contract';
import { attacks, logScan } from './attacks';
import { crashAfterAccept, providerOutage, serverRestart, workerKills, type Bed, type Scenario } from './faults';
import { journeys } from './journeys';
import { properties } from './properties';
import { goalsOf, writeReport, type ChaosResult } from './report';
import { schemathesis } from './schemathesis';
import { startChaosStack } from './stack';
import { Tally } from './traffic';
import { webhooksThrice } from './webhooks';

export const FULL = {
  workerKills: { orders: 1000, killSeconds: 200, zeroSeconds: 20 },
  crashAfterAccept: { orders: 200, crashes: 20 },
  serverRestart: { orders: 300, afterSeconds: 30, downSeconds: 10 },
  providerOutage: { orders: 240, phaseSeconds: 30 },
  webhooks: { orders: 100 },
  schemathesisSeconds: 120,
  propertyRuns: 30,
  /** How long after its last fault a scenario waits for its chains. */
  drainSeconds: 900,
};
export type ChaosSettings = typeof FULL;
export const QUICK: ChaosSettings = {
  workerKills: { orders: 100, killSeconds: 25, zeroSeconds: 5 },
  crashAfterAccept: { orders: 40, crashes: 6 },
  serverRestart: { orders: 40, afterSeconds: 5, downSeconds: 3 },
  providerOutage: { orders: 48, phaseSeconds: 8 },
  webhooks: { orders: 10 },
  schemathesisSeconds: 20,
  propertyRuns: 0,
  drainSeconds: 150,
};

/** A tiny run that only shows every part works end to end (the smoke test). */
export const SMOKE: ChaosSettings = {
  workerKills: { orders: 16, killSeconds: 8, zeroSeconds: 2 },
  crashAfterAccept: { orders: 12, crashes: 2 },
  serverRestart: { orders: 12, afterSeconds: 2, downSeconds: 2 },
  providerOutage: { orders: 12, phaseSeconds: 3 },
  webhooks: { orders: 3 },
  schemathesisSeconds: 10,
  propertyRuns: 0,
  drainSeconds: 120,
};

const log = (line: string) => process.stderr.write(`chaos: ${line}\n`);

export interface ChaosOptions {
  settings: ChaosSettings;
  quick: boolean;
  seed: number;
  only?: string[];
  /** Where docs/ (and docs/reliability/) are written. */
  root: string;
}

export async function runChaos({
  settings: s,
  quick,
  seed,
  only,
  root,
}: ChaosOptions): Promise<{ file: string; result: ChaosResult; failed: string[] }> {
  const wanted = (name: string) => !only || only.includes(name);
  const tally = new Tally();
  const bed = { tally, first: 1, seed, drainMs: s.drainSeconds * 1000 } as Bed;
  log(`seed ${seed}; starting the stack`);
  bed.stack = await startChaosStack((t) => {
    tally.take(t);
    bed.onTaken?.(t);
  }, seed);
  // Interrupted, the run still takes its servers down.
  const interrupted = () => void bed.stack.stop().finally(() => process.exit(130));
  process.once('SIGINT', interrupted).once('SIGTERM', interrupted);
  const result: ChaosResult = {
    date: new Date().toISOString(),
    quick,
    seed,
    machine: `${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB`,
    commit: execFileSync('git', ['rev-parse', '--short', 'HEAD']).toString().trim(),
    scenarios: [],
  };
  const scenario = async (name: string, orders: number, run: () => Promise<Scenario>) => {
    if (!wanted(name)) return;
    log(`${name} (${orders} chains)`);
    const done = await run();
    result.scenarios.push(done);
    bed.first += orders;
    const a = done.accounting;
    log(
      `  ${a.completed}/${a.orders} completed, lost ${a.lost.length}, stuck ${a.stuck.length}, duplicates email ${a.notices.email.duplicates} sms ${a.notices.sms.duplicates}, drain ${a.drainSeconds.toFixed(0)} s`,
    );
  };
  try {
    await scenario('worker-kills', s.workerKills.orders, () => workerKills(bed, s.workerKills));
    await scenario('crash-after-accept', s.crashAfterAccept.orders, () => crashAfterAccept(bed, s.crashAfterAccept));
    await scenario('server-restart', s.serverRestart.orders, () => serverRestart(bed, s.serverRestart));
    await scenario('provider-outage', s.providerOutage.orders, () => providerOutage(bed, s.providerOutage));
    if (wanted('webhooks')) {
      log(`webhooks (${s.webhooks.orders} chains)`);
      result.webhooks = await webhooksThrice(bed, s.webhooks.orders);
      bed.first += s.webhooks.orders;
    }
    if (wanted('attacks')) {
      log('attacks');
      result.attacks = await attacks(bed);
    }
    if (wanted('schemathesis')) {
      log(`schemathesis (${s.schemathesisSeconds} s)`);
      result.schemathesis = await schemathesis(bed.stack, s.schemathesisSeconds, seed);
    }
    result.logs = logScan(bed.stack.logFile);
  } finally {
    process.off('SIGINT', interrupted).off('SIGTERM', interrupted);
    await bed.stack.stop();
  }
  if (wanted('journeys') && s !== SMOKE) {
    log('journeys (quiet hours and the daily cap)');
    result.journeys = await journeys(
      Shop.parse({ id: 'demo', name: 'Demo Shop', supportEmail: 'support@demo.example' }),
    );
  }
  if (s.propertyRuns && wanted('properties')) {
    log(`properties (${s.propertyRuns} runs)`);
    result.properties = await properties(s.propertyRuns, seed);
  }
  const resultsDir = join(root, 'docs', 'reliability');
  mkdirSync(resultsDir, { recursive: true });
  const file = join(resultsDir, `${result.date.slice(0, 10)}${quick ? '-quick' : ''}.json`);
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  const report = writeReport(result, join(root, 'docs', ...(quick ? ['quick'] : [])), file);
  return {
    file: report,
    result,
    failed: goalsOf(result)
      .filter((g) => !g.met)
      .map((g) => `${g.name}: ${g.value}`),
  };
}
