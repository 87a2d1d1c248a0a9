/** Creates the Doorstep worker: chain workflows plus activities wired from configuration. */
import { createRequire } from 'node:module';
import type { Context } from '@temporalio/activity';
import { Client } from '@temporalio/client';
import {
  makeWorkflowExporter,
  OpenTelemetryActivityInboundInterceptor,
  OpenTelemetryActivityOutboundInterceptor,
} from '@temporalio/interceptors-opentelemetry';
import { NativeConnection, Worker, type WorkerOptions } from '@temporalio/worker';
import { register, type Registry } from 'prom-client';
import type { AppConfig } from '../common/config';
import { logger } from '../common/logger';
import type { Tracing } from '../common/tracing';
import { dataConverterOf } from '../common/temporal';
import { createTokens } from '../common/tokens';
import { createActivities } from '../activities';
import { workerMetrics } from '../activities/metrics';
import { addressKeyer } from '../store/address-key';
import type { Store } from '../store';
import type { Channels } from '../activities/channels/channel';
import { buildChannels } from './transports';

const require = createRequire(import.meta.url);
export const workflowsPath = require.resolve('../workflows/index.ts');
/** Bundled with the workflows when tracing is on (see workflows/tracing.ts); tests' bundles always have them. */
export const workflowInterceptorModules = [require.resolve('../workflows/tracing.ts')];

export interface WorkerDeps {
  store: Store;
  /** The notice channels; built from the configuration unless given (the caller then closes them). */
  channels?: Channels;
  /** Where the worker metrics go (the process's default registry unless a test gives its own). */
  registry?: Registry;
  /** Set when OTEL_* turned tracing on: activities and workflows report their spans. */
  tracing?: Tracing;
  /**
   * A client of the worker's namespace, for the retention job to ask which chains still run and the pull
   * connectors to send chains their carriers' updates (createWorker makes one).
   */
  temporal?: Client;
}

/** The activities wired from configuration and the worker's dependencies. */
export function workerActivities(
  config: AppConfig,
  { store, channels = buildChannels(config), registry = register, temporal }: WorkerDeps,
) {
  const { storeDays, tombstoneDays } = config.retention;
  return createActivities({
    channels,
    tokens: createTokens(config.tokenKeys),
    store,
    addressKey: addressKeyer(config.secret),
    publicBaseUrl: config.publicBaseUrl,
    voices: config.voices,
    log: logger,
    metrics: workerMetrics(registry, store.facts),
    alertWebhookSecret: config.alertWebhookSecret,
    retention: temporal && {
      client: temporal,
      taskQueue: config.taskQueue,
      storeDays,
      tombstoneDays,
      outboxFile: config.outboxFile,
    },
    carrierPolls: temporal && { client: temporal, polls: config.carrierPolls, parcels: store.parcels },
  });
}

/**
 * Tracing's part of the worker options: when on, the activity and workflow interceptors and the
 * workflows' span sink. The workflow interceptors change no command, so a chain replays the same
 * with or without them (the replay test runs with them); off, they would only cost memory per cached
 * chain. The sink stays, dropping spans, for a prebuilt bundle that has them.
 */
function tracingOptions(tracing?: Tracing): Pick<WorkerOptions, 'interceptors' | 'sinks'> {
  const activity = tracing
    ? [
        (ctx: Context) => ({
          inbound: new OpenTelemetryActivityInboundInterceptor(ctx),
          outbound: new OpenTelemetryActivityOutboundInterceptor(ctx),
        }),
      ]
    : [];
  const exporter = tracing
    ? makeWorkflowExporter(tracing.spanProcessor, tracing.resource)
    : { export: { fn: () => undefined } };
  // A prebuilt bundle has its workflow interceptor modules in it already (bundleWorkflowCode's
  // workflowInterceptorModules).
  return {
    interceptors: { activity, workflowModules: tracing ? workflowInterceptorModules : [] },
    sinks: { exporter },
  };
}

/** A worker on `connection` for the chain task queue; `overrides` lets tests pass a prebuilt bundle. */
export async function createWorker(
  config: AppConfig,
  connection: NativeConnection,
  namespace: string,
  deps: WorkerDeps,
  overrides: Partial<WorkerOptions> = {},
): Promise<Worker> {
  const temporal = new Client({ connection, namespace, dataConverter: dataConverterOf(config) });
  const activities = workerActivities(config, { temporal, ...deps });
  const workflows = config.workflowBundle ? { workflowBundle: { codePath: config.workflowBundle } } : { workflowsPath };
  const options = {
    connection,
    namespace,
    taskQueue: config.taskQueue,
    ...workflows,
    activities,
    dataConverter: dataConverterOf(config),
    ...tracingOptions(deps.tracing),
  };
  return Worker.create({ ...options, ...overrides });
}
