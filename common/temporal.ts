/**
 * Connections to Temporal from the SDK's environment configuration (TEMPORAL_ADDRESS,
 * TEMPORAL_NAMESPACE, TEMPORAL_API_KEY, TEMPORAL_TLS_*, or a TOML profile), the search attributes
 * the chains need, the namespace's retention of closed chains and the retention job's schedule.
 */
import { Client, Connection, ScheduleAlreadyRunning, WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { OpenTelemetryWorkflowClientInterceptor } from '@temporalio/interceptors-opentelemetry';
import { loadClientConnectConfig } from '@temporalio/envconfig';
import { NativeConnection } from '@temporalio/worker';
import { SearchAttributeType, type DataConverter } from '@temporalio/common';
import { msToTs, optionalTsToMs } from '@temporalio/common/lib/time.js';
import proto from '@temporalio/proto';
import { ALL_SEARCH_ATTRIBUTES } from '../workflows/search-attributes';
import { logger } from './logger';
import { EncryptionCodec, type PayloadKey } from './payload-codec';

export interface TemporalTarget {
  address?: string;
  namespace: string;
}

function connectConfig(target: TemporalTarget) {
  const { connectionOptions, namespace } = loadClientConnectConfig();
  return {
    connectionOptions: { ...connectionOptions, ...(target.address && { address: target.address }) },
    namespace: target.address ? target.namespace : (namespace ?? target.namespace),
  };
}

/** What every Doorstep client and worker converts payloads with: encrypted with `keys` (see payload-codec). */
export function dataConverterOf({ payloadKeys }: { payloadKeys: PayloadKey[] }): DataConverter {
  return { payloadCodecs: [new EncryptionCodec(payloadKeys)] };
}

/**
 * A client for the API and scripts, encrypting payloads with the configuration's keys; `traced`, it passes
 * the active trace on to the workflows.
 */
export async function connectClient(
  target: TemporalTarget,
  keys: { payloadKeys: PayloadKey[] },
  traced = false,
): Promise<Client> {
  const { connectionOptions, namespace } = connectConfig(target);
  const connection = await Connection.connect(connectionOptions);
  const interceptors = { workflow: traced ? [new OpenTelemetryWorkflowClientInterceptor()] : [] };
  return new Client({ connection, namespace, dataConverter: dataConverterOf(keys), interceptors });
}

/** A native connection for workers. */
export async function connectWorker(
  target: TemporalTarget,
): Promise<{ connection: NativeConnection; namespace: string }> {
  const { connectionOptions, namespace } = connectConfig(target);
  return { connection: await NativeConnection.connect(connectionOptions), namespace };
}

const { IndexedValueType } = proto.temporal.api.enums.v1;
const INDEXED: Record<string, proto.temporal.api.enums.v1.IndexedValueType> = {
  [SearchAttributeType.KEYWORD]: IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD,
  [SearchAttributeType.BOOL]: IndexedValueType.INDEXED_VALUE_TYPE_BOOL,
  [SearchAttributeType.KEYWORD_LIST]: IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD_LIST,
};

/**
 * Registers Doorstep's search attributes when the cluster lacks them. Temporal Cloud refuses this
 * call: there they are created once with tcld or the Cloud UI, and a warning says so.
 */
export async function ensureSearchAttributes(client: Client): Promise<void> {
  const { customAttributes } = await client.connection.operatorService.listSearchAttributes({
    namespace: client.options.namespace,
  });
  const missing = ALL_SEARCH_ATTRIBUTES.filter((k) => !customAttributes?.[k.name]);
  if (!missing.length) return;
  try {
    await client.connection.operatorService.addSearchAttributes({
      namespace: client.options.namespace,
      searchAttributes: Object.fromEntries(missing.map((k) => [k.name, INDEXED[k.type]])),
    });
  } catch (err) {
    logger.warn(
      { missing: missing.map((k) => k.name), err: (err as Error).message },
      'could not register search attributes; create them on the cluster',
    );
  }
}

/**
 * Sets how long Temporal keeps a closed chain's history (the namespace's retention). A cluster that
 * refuses (Temporal Cloud sets it in its UI or with tcld) is logged, and the worker goes on.
 */
export async function applyNamespaceRetention(client: Client, days: number): Promise<void> {
  const namespace = client.options.namespace;
  const ttl = `${days} days`;
  try {
    const { config } = await client.workflowService.describeNamespace({ namespace });
    if (optionalTsToMs(config?.workflowExecutionRetentionTtl) === optionalTsToMs(msToTs(ttl))) return;
    await client.workflowService.updateNamespace({ namespace, config: { workflowExecutionRetentionTtl: msToTs(ttl) } });
    logger.info({ namespace, days }, 'namespace retention of closed chains set');
  } catch (err) {
    logger.warn(
      { namespace, days, err: (err as Error).message },
      'could not set the namespace retention; set it on the cluster (Temporal Cloud: its UI or tcld)',
    );
  }
}

/** The id of the retention job's schedule of a task queue's workers. */
export const retentionScheduleId = (taskQueue: string) => `doorstep-retention-${taskQueue}`;

/**
 * Creates the retention job's schedule (daily, 03:17 UTC) unless it exists: every worker may call it
 * at start. A cluster that refuses (permissions, schedules off) is logged, and the worker goes on.
 */
export async function ensureRetentionSchedule(client: Client, taskQueue: string): Promise<void> {
  try {
    await client.schedule.create({
      scheduleId: retentionScheduleId(taskQueue),
      spec: { calendars: [{ hour: 3, minute: 17, comment: 'daily, off the hour' }] },
      // By name: the API process need not load the workflows to name one.
      action: {
        type: 'startWorkflow',
        workflowType: 'retentionWorkflow',
        taskQueue,
        workflowId: retentionScheduleId(taskQueue),
      },
      // A run missed while everything was down is made up once, within a day.
      policies: { overlap: 'SKIP', catchupWindow: '1 day' },
    });
    logger.info({ scheduleId: retentionScheduleId(taskQueue) }, 'retention schedule created');
  } catch (err) {
    if (err instanceof ScheduleAlreadyRunning) return;
    const hint = `temporal schedule create --schedule-id ${retentionScheduleId(taskQueue)} --cron '17 3 * * *' --workflow-type retentionWorkflow --task-queue ${taskQueue}`;
    logger.warn(
      { err: (err as Error).message, hint },
      'could not create the retention schedule; create it on the cluster',
    );
  }
}

/** The id of a pull connector's workflow: one per carrier and task queue. */
export const carrierPollId = (taskQueue: string, carrier: string) =>
  `carrier-poll-${taskQueue}-${carrier.trim().toLowerCase()}`;

/**
 * Starts each polled carrier's workflow unless it runs (every worker may call it at start; the single
 * workflow per carrier is what shares its rate across workers).
 */
export async function ensureCarrierPolls(client: Client, taskQueue: string, carriers: string[]): Promise<void> {
  for (const carrier of carriers) {
    const workflowId = carrierPollId(taskQueue, carrier);
    try {
      // By name, as the retention schedule does: this module does not load the workflows.
      await client.workflow.start('carrierPollWorkflow', { workflowId, taskQueue, args: [{ carrier }] });
      logger.info({ workflowId }, 'carrier poll started');
    } catch (err) {
      if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
    }
  }
}
