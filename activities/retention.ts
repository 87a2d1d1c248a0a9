/**
 * The retention job's activity (started daily by a Temporal Schedule, see workflows/retention.ts):
 * closed chains get a tombstone before Temporal forgets them, then store rows and outbox lines older
 * than the store's retention go, as store/retention.ts tells which; a chain that may still run
 * keeps every row, and opt-outs stay whatever their age.
 */
import { isGrpcServiceError, type Client } from '@temporalio/client';
import { PURGED_TABLES, type Purged } from '../store/retention';
import { DAY_MS } from '../workflows/durations';
import { dropFromOutbox } from './channels/outbox';
import type { ActivityDeps, RetentionSettings } from './deps';
import { SESSION_MS } from './notice/whatsapp';

export interface PurgeInput {
  /** The job's time (the workflow's clock): ages count back from it. */
  now: string;
}

export interface PurgeReport {
  /** Closed chains newly given a tombstone. */
  tombstoned: number;
  /** Rows deleted, per table. */
  purged: Purged;
  outboxLines: number;
}

const CLOSED_CHAINS = `WorkflowType = 'chainWorkflow' AND ExecutionStatus != 'Running' AND ExecutionStatus != 'ContinuedAsNew'`;
/** Temporal's RUNNING execution status, and gRPC's NOT_FOUND. */
const [RUNNING, NOT_FOUND] = [1, 5];
/** Chains with old rows asked about per run (the rest wait for the next run). */
const UNSETTLED_BATCH = 1000;

/** The purgeExpired activity, closed over its dependencies. */
export function purgeExpiredActivity(deps: ActivityDeps) {
  const { tombstones, retention: store } = deps.store;

  /**
   * Tombstones for the chains Temporal lists as closed since the last run (a day's overlap: visibility
   * lags). Listed raw, page by page: only ids and close times are read, never a memo another key
   * encrypted (another deployment's chains, or a dropped payload key's).
   */
  async function buryClosed({ client, taskQueue }: RetentionSettings): Promise<number> {
    const since = await tombstones.latestFinished();
    const ours = `${CLOSED_CHAINS} AND TaskQueue = '${taskQueue.replace(/'/g, '')}'`;
    const query = since ? `${ours} AND CloseTime > '${new Date(since.getTime() - DAY_MS).toISOString()}'` : ours;
    let buried = 0;
    let nextPageToken: Uint8Array | undefined;
    do {
      const page = await client.workflowService.listWorkflowExecutions({
        namespace: client.options.namespace,
        query,
        pageSize: 500,
        nextPageToken,
      });
      const closed = (page.executions ?? []).map((e) => ({
        chainId: e.execution?.workflowId ?? '',
        at: e.closeTime?.seconds ? new Date(Number(e.closeTime.seconds) * 1000) : undefined,
      }));
      buried += await tombstones.bury(
        closed.filter((c) => c.chainId),
        'finished',
      );
      nextPageToken = page.nextPageToken?.length ? page.nextPageToken : undefined;
    } while (nextPageToken);
    return buried;
  }

  /** Tombstones for chains with old rows that Temporal says are closed, or no longer knows. */
  async function buryForgotten(client: Client, cutoff: Date): Promise<number> {
    const closed: { chainId: string; at?: Date }[] = [];
    for (const chainId of await store.unsettled(cutoff, UNSETTLED_BATCH)) {
      // Described raw: the status and close time are all it needs, and no memo is decoded.
      const described = await client.workflowService
        .describeWorkflowExecution({ namespace: client.options.namespace, execution: { workflowId: chainId } })
        .catch((err: unknown) => {
          if (isGrpcServiceError(err) && err.code === NOT_FOUND) return undefined;
          throw err;
        });
      const info = described?.workflowExecutionInfo;
      if (info?.status !== RUNNING)
        closed.push({
          chainId,
          at: info?.closeTime?.seconds ? new Date(Number(info.closeTime.seconds) * 1000) : undefined,
        });
    }
    return tombstones.bury(closed, 'finished');
  }

  return async function purgeExpired({ now }: PurgeInput): Promise<PurgeReport> {
    const settings = deps.retention;
    if (!settings) throw new Error('this worker was built without retention settings');
    const at = Date.parse(now);
    const cutoff = new Date(at - settings.storeDays * DAY_MS);
    const tombstoned = (await buryClosed(settings)) + (await buryForgotten(settings.client, cutoff));
    const tombstoneCutoff = new Date(at - settings.tombstoneDays * DAY_MS);
    const purged = await store.purge(cutoff, tombstoneCutoff, new Date(at - SESSION_MS));
    const outboxLines = await dropFromOutbox(settings.outboxFile, (line) => Date.parse(line.at) < cutoff.getTime());
    await deps.store.sql.compact(PURGED_TABLES);
    deps.log.info({ tombstoned, purged, outboxLines, cutoff: cutoff.toISOString() }, 'retention: expired rows deleted');
    return { tombstoned, purged, outboxLines };
  };
}
