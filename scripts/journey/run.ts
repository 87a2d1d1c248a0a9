/**
 * The journey bench: one time-skipping Temporal server, embedded store and worker (the real chain
 * workflow and activities, recording channels), reused for many runs. Each run places a synthetic
 * order on a fresh Monday, drives its scenario and collects what the customer got.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Registry } from 'prom-client';
import { chainStartOptions } from '../../api/chain-start';
import { loadConfig, type AppConfig } from '../../common/config';
import { createTokens } from '../../common/tokens';
import { timeSkippingEnv, workflowBundle } from '../../test/helpers/time-skipping';
import { createStore } from '../../store';
import { createWorker } from '../../worker/worker';
import { chainWorkflow } from '../../workflows';
import type { ChainState, Shop } from '../../workflows/contract';
import { chainStateQuery, chainWorkflowId } from '../../workflows/definitions';
import { specOf } from '../../workflows/touchpoints';
import { journeyViolations } from './check';
import {
  JOURNEY_LOCALES,
  JOURNEY_SCENARIOS,
  localTimeOf,
  orderOf,
  orderTime,
  PERSONAS,
  planFrom,
  type JourneyLocale,
  type JourneyScenario,
  type Plan,
} from '../../simulator/index';
import { drive, finish, sleepUntil } from './drive';
import type { Journey, JourneyNotice } from './model';
import { recorder, type Recorded } from './recorder';
import type { ShopWording } from './shop-wording';

export interface JourneyBench {
  /** Runs one journey (runs queue up: the server's clock is shared). */
  run(scenario: JourneyScenario, locale: JourneyLocale, shop: Shop): Promise<Journey>;
  close(): Promise<void>;
}

/** The version of the shop's own wording a notice carried, as the chain recorded it; unset, the built-in's. */
const versionOf = (state: ChainState, touchpoint: string, revision: number, channel: string) =>
  state.touchpoints
    .find((t) => t.key === touchpoint)
    ?.notices.find((n) => n.revision === revision && n.channel === channel)?.templateVersion;

/** What the customer got, in arrival order: messages to their own addresses (support alerts go elsewhere). */
function noticesOf(recorded: Recorded[], plan: Plan, chainId: string, state: ChainState): JourneyNotice[] {
  const { email, phone, timezone } = PERSONAS[plan.locale];
  return recorded
    .filter((r) => r.to === email || r.to === phone)
    .sort((a, b) => a.at - b.at)
    .map((r) => {
      const [touchpoint, , revision] = r.key.slice(chainId.length + 1).split(':');
      return {
        touchpoint,
        revision: Number(revision),
        channel: r.channel,
        at: new Date(r.at).toISOString(),
        localTime: localTimeOf(r.at, timezone, plan.locale),
        urgent: specOf(touchpoint)?.urgent ?? true,
        subject: r.subject,
        text: r.text,
        templateVersion: versionOf(state, touchpoint, Number(revision), r.channel),
      };
    });
}

/**
 * Starts the bench: the server, a store in a temporary folder, and a worker on its own task queue; with
 * `wording`, the worker speaks in those shop voices and the store holds those live template versions.
 */
export async function openJourneyBench(wording?: ShopWording): Promise<JourneyBench> {
  const dataDir = mkdtempSync(join(tmpdir(), 'doorstep-journey-'));
  const base = loadConfig({
    DOORSTEP_DATA_DIR: dataDir,
    DOORSTEP_TASK_QUEUE: `journey-${randomUUID()}`,
    PORT: '8080',
  });
  const config: AppConfig = { ...base, voices: new Map(wording?.voices ?? base.voices) };
  const env = await timeSkippingEnv(config);
  const store = await createStore(config);
  for (const [shopId, versions] of wording?.templates ?? []) {
    for (const version of versions) await store.templates.copy(shopId, version);
  }
  const record = recorder();
  const tokens = createTokens(config.tokenKeys);
  const teardown = async () => {
    await env.teardown();
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  };
  // A registry of its own: the bench may run inside a process that exports its metrics.
  const deps = { store, channels: record.channels, registry: new Registry() };
  const worker = await workflowBundle()
    .then((bundle) =>
      createWorker(config, env.nativeConnection, env.namespace ?? 'default', deps, {
        workflowBundle: bundle,
        workflowsPath: undefined,
      }),
    )
    .catch(async (err: unknown) => {
      await teardown();
      throw err;
    });
  const running = worker.run();
  // A run must not wait forever on a worker that stopped: it fails with the worker's error instead.
  const stopped = running.then(() => Promise.reject(new Error('the journey worker stopped')));
  stopped.catch(() => undefined);
  let count = 0;
  let tail: Promise<unknown> = Promise.resolve();

  async function runOne(scenario: JourneyScenario, locale: JourneyLocale, shop: Shop): Promise<Journey> {
    const { timezone } = PERSONAS[locale];
    const plan = planFrom({ scenario, locale, shop, orderId: `J-${1000 + ++count}` }, await env.currentTimeMs());
    await sleepUntil(env, orderTime(plan));
    const order = orderOf(plan);
    const trackingUrl = `${config.publicBaseUrl}/t/${tokens.sign({ kind: 'track', shop: shop.id, order: order.orderId })}`;
    // The time-skipping server cannot register search attributes: the chain runs without them.
    const { typedSearchAttributes: _unindexed, ...options } = chainStartOptions(
      { order, shop, trackingUrl },
      config.taskQueue,
    );
    const handle = await env.client.workflow.start(chainWorkflow, options);
    await drive(env, handle, plan);
    const unfinished = await finish(env, handle, plan);
    const chainId = chainWorkflowId(shop.id, order.orderId);
    const notices = noticesOf(record.take(chainId), plan, chainId, await handle.query(chainStateQuery));
    const violations = [...journeyViolations(notices, shop, timezone), ...(unfinished ? [unfinished] : [])];
    return {
      scenario,
      locale,
      timezone,
      shop,
      orderedAt: new Date(orderTime(plan)).toISOString(),
      notices,
      violations,
    };
  }

  return {
    run(scenario, locale, shop) {
      if (!JOURNEY_SCENARIOS.includes(scenario) || !JOURNEY_LOCALES.includes(locale)) {
        return Promise.reject(new Error(`unknown journey ${scenario}/${locale}`));
      }
      const next = tail.then(() => Promise.race([runOne(scenario, locale, shop), stopped]));
      tail = next.catch(() => undefined);
      return next;
    },
    async close() {
      await tail;
      try {
        // A worker that already failed is not running: its error comes from `running`.
        if (worker.getState() === 'RUNNING') worker.shutdown();
        await running;
      } finally {
        await teardown();
      }
    },
  };
}
