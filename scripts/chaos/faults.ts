/**
 * The fault scenarios: each drives orders while it breaks one thing on a seeded schedule, then
 * accounts for every chain and notice. Worker kill -9 loop and scale 0 → 2; a crash right as the
 * provider takes a message; a crash and restart of the Temporal dev server; the providers down,
 * slow, then resetting connections.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { Taken } from '../bench/sinks';
import { seeded } from '../seeded';
import type { Fault } from './proxy';
import { TWILIO_CAP, type ChaosStack } from './stack';
import { account, drive, type Accounting, type Tally } from './traffic';

export interface Scenario {
  name: string;
  title: string;
  seed: number;
  /** What was broken when (seconds from the scenario's start). */
  schedule: string[];
  accounting: Accounting;
  /** Other figures of this scenario. */
  figures: Record<string, number | string>;
}

/** What a scenario needs: the stack, the tally, where its order numbers start, and a hook on every message taken. */
export interface Bed {
  stack: ChaosStack;
  tally: Tally;
  first: number;
  seed: number;
  /** How long after its last fault a scenario's requests are retried and its chains waited for. */
  drainMs: number;
  /** Set by a scenario to act on every message a provider takes, before it answers. */
  onTaken?: (t: Taken) => void;
}

const since = (t0: number) => `${((Date.now() - t0) / 1000).toFixed(1)} s`;
/** The longest a scenario waits for the crash-after-accept crashes to happen. */
const CRASHES_WITHIN_MS = 120_000;

/** Back to one worker between scenarios. */
async function oneWorker(stack: ChaosStack): Promise<void> {
  while (stack.workers.length > 1) await stack.workers.pop()!.stop();
  if (!stack.workers.length) await stack.startWorkers(1);
}

export async function workerKills(
  bed: Bed,
  { orders, killSeconds, zeroSeconds }: { orders: number; killSeconds: number; zeroSeconds: number },
): Promise<Scenario> {
  const { stack, tally, seed } = bed;
  const random = seeded(seed);
  const t0 = Date.now();
  let ended = Infinity;
  const traffic = drive(stack, bed.first, orders, orders / killSeconds, () => ended + bed.drainMs);
  const schedule: string[] = [];
  let kills = 0;
  while (Date.now() - t0 < killSeconds * 1000) {
    await sleep(3000 + random() * 3000);
    await stack.killWorkers();
    kills++;
    schedule.push(`${since(t0)}: kill -9 of the worker, a new one started`);
    await stack.startWorkers(1);
  }
  await stack.killWorkers();
  schedule.push(`${since(t0)}: kill -9 of the worker: no worker for ${zeroSeconds} s`);
  await sleep(zeroSeconds * 1000);
  await stack.startWorkers(2);
  schedule.push(`${since(t0)}: two workers started`);
  ended = Date.now();
  await traffic.done;
  const accounting = await account(stack, tally, traffic.orderIds, ended, ended + bed.drainMs);
  await oneWorker(stack);
  return {
    name: 'worker-kills',
    title: `Worker kill -9 every 3–6 s while ${orders} chains run, then scale 0 → 2`,
    seed,
    schedule,
    accounting,
    figures: {
      kills,
      'API requests retried by the shop': traffic.retries,
      'orders with a request refused (4xx) or never answered': traffic.refused.length,
    },
  };
}

export async function crashAfterAccept(
  bed: Bed,
  { orders, crashes }: { orders: number; crashes: number },
): Promise<Scenario> {
  const { stack, tally, seed } = bed;
  const random = seeded(seed);
  const t0 = Date.now();
  const schedule: string[] = [];
  const byChannel = { email: 0, sms: 0 };
  let taken = 0;
  let nextCrash = 5 + Math.floor(random() * 10);
  let restarting: Promise<void> | undefined;
  bed.onTaken = (t) => {
    if (++taken < nextCrash || restarting || byChannel.email + byChannel.sms >= crashes) return;
    // The provider has taken the message and not answered yet: the worker dies right here.
    for (const w of stack.workers) w.child.kill('SIGKILL');
    const channel = t.identity.startsWith('<') ? 'email' : 'sms';
    byChannel[channel]++;
    schedule.push(`${since(t0)}: kill -9 of the worker as the provider took message ${taken} (${channel})`);
    nextCrash = taken + 5 + Math.floor(random() * 10);
    restarting = stack
      .killWorkers()
      .then(() => stack.startWorkers(1))
      .finally(() => (restarting = undefined));
  };
  let ended = Infinity;
  const traffic = drive(stack, bed.first, orders, 4, () => ended + bed.drainMs);
  while (byChannel.email + byChannel.sms < crashes && Date.now() - t0 < CRASHES_WITHIN_MS) await sleep(200);
  bed.onTaken = undefined;
  await restarting;
  ended = Date.now();
  await traffic.done;
  const accounting = await account(stack, tally, traffic.orderIds, ended, ended + bed.drainMs);
  return {
    name: 'crash-after-accept',
    title: `Worker kill -9 right after the provider took a message (${orders} chains)`,
    seed,
    schedule,
    accounting,
    figures: { 'crashes after an email was taken': byChannel.email, 'crashes after an SMS was taken': byChannel.sms },
  };
}

export async function serverRestart(
  bed: Bed,
  { orders, afterSeconds, downSeconds }: { orders: number; afterSeconds: number; downSeconds: number },
): Promise<Scenario> {
  const { stack, tally, seed } = bed;
  const t0 = Date.now();
  let ended = Infinity;
  const traffic = drive(stack, bed.first, orders, 4, () => ended + bed.drainMs);
  await sleep(afterSeconds * 1000);
  const schedule = [`${since(t0)}: kill -9 of the Temporal dev server (SQLite file)`];
  await stack.crashTemporal(downSeconds * 1000);
  schedule.push(`${since(t0)}: dev server started again on the same file after ${downSeconds} s down`);
  ended = Date.now();
  await traffic.done;
  const accounting = await account(stack, tally, traffic.orderIds, ended, ended + bed.drainMs);
  return {
    name: 'server-restart',
    title: `Temporal dev server crash and restart mid-run (${orders} chains)`,
    seed,
    schedule,
    accounting,
    figures: {
      'API requests retried by the shop': traffic.retries,
      'orders with a request refused (4xx) or never answered': traffic.refused.length,
    },
  };
}

/** The highest number of `times` in any one second within [from, to). */
function peakPerSecond(times: number[], from: number, to: number): number {
  const perSecond = new Map<number, number>();
  for (const t of times)
    if (t >= from && t < to) perSecond.set(Math.floor(t / 1000), (perSecond.get(Math.floor(t / 1000)) ?? 0) + 1);
  return Math.max(0, ...perSecond.values());
}

export async function providerOutage(
  bed: Bed,
  { orders, phaseSeconds }: { orders: number; phaseSeconds: number },
): Promise<Scenario> {
  const { stack, tally, seed } = bed;
  const t0 = Date.now();
  let ended = Infinity;
  const traffic = drive(stack, bed.first, orders, orders / (3 * phaseSeconds), () => ended + bed.drainMs);
  const schedule: string[] = [];
  const phases: { fault: Fault; from: number; to: number }[] = [];
  for (const fault of ['down', 'slow', 'reset'] as const) {
    await Promise.all([stack.proxies.smtp.set(fault), stack.proxies.twilio.set(fault)]);
    const { slowMs, resetWithinMs } = stack.proxies.smtp.options;
    const what = {
      down: 'refuse connections',
      slow: `hold every packet ${slowMs} ms each way`,
      reset: `reset every connection within ${resetWithinMs} ms`,
    }[fault];
    schedule.push(`${since(t0)}: SMTP and Twilio ${what} for ${phaseSeconds} s`);
    const from = Date.now();
    await sleep(phaseSeconds * 1000);
    phases.push({ fault, from, to: Date.now() });
  }
  await Promise.all([stack.proxies.smtp.set('up'), stack.proxies.twilio.set('up')]);
  schedule.push(`${since(t0)}: both providers back`);
  ended = Date.now();
  await traffic.done;
  const accounting = await account(stack, tally, traffic.orderIds, ended, ended + bed.drainMs);
  const figures: Scenario['figures'] = { 'Twilio cap (requests/s per sender)': TWILIO_CAP };
  for (const [provider, sink] of [
    ['SMTP', stack.smtp],
    ['Twilio', stack.twilio],
  ] as const) {
    for (const p of phases)
      figures[`${provider} peak attempts/s while ${p.fault}`] = peakPerSecond(sink.attempts(), p.from, p.to);
    figures[`${provider} peak attempts/s after recovery`] = peakPerSecond(sink.attempts(), ended, Date.now());
  }
  return {
    name: 'provider-outage',
    title: `SMTP and Twilio down, then slow, then resetting connections (${orders} chains)`,
    seed,
    schedule,
    accounting,
    figures,
  };
}
