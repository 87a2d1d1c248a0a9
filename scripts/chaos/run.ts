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
import type { RunSize } from '../run-size';
import { attacks, logScan } from './attacks';
import { crashAfterAccept, providerOutage, serverRestart, workerKills, type Bed, type Scenario } from './faults';
import { journeys } from './journeys';
import { properties } from './properties';
import { writeReport } from './report';
import { goalsOf, type ChaosResult } from './result';
import { schemathesis } from './schemathesis';
import { startChaosStack } from './stack';
import { Tally } from './traffic';
import { webhooksThrice } from './webhooks';

/** Every knob of a chaos run at each size, the three side by side: `at(full, quick, smoke)`. */
function chaosSettings(size: RunSize) {
  const at = (full: number, quick: number, smoke: number) => ({ full, quick, smoke })[size];
  return {
    workerKills: { orders: at(1000, 100, 16), killSeconds: at(200, 25, 8), zeroSeconds: at(20, 5, 2) },
    crashAfterAccept: { orders: at(200, 40, 12), crashes: at(20, 6, 2) },
    serverRestart: { orders: at(300, 40, 12), afterSeconds: at(30, 5, 2), downSeconds: at(10, 3, 2) },
    providerOutage: { orders: at(240, 48, 12), phaseSeconds: at(30, 8, 3) },
    webhooks: { orders: at(100, 10, 3) },
    schemathesisSeconds: at(120, 20, 10),
    propertyRuns: at(30, 0, 0),
    /** How long after its last fault a scenario waits for its chains. */
    drainSeconds: at(900, 150, 120),
  };
}
export type ChaosSettings = ReturnType<typeof chaosSettings>;
/** The settings of each run size (the smoke test's tiny run only shows every part works end to end). */
export const CHAOS_SIZES: Record<RunSize, ChaosSettings> = {
  full: chaosSettings('full'),
  quick: chaosSettings('quick'),
  smoke: chaosSettings('smoke'),
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
    const { email, sms } = a.notices;
    log(
      `  ${a.completed}/${a.orders} completed, lost ${a.lost.length}, stuck ${a.stuck.length}, ` +
        `duplicates email ${email.duplicates} sms ${sms.duplicates}, drain ${a.drainSeconds.toFixed(0)} s`,
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
  if (wanted('journeys') && s !== CHAOS_SIZES.smoke) {
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
