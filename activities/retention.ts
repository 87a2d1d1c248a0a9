/**
 * The retention job's activity (started daily by a Temporal Schedule, see workflows/retention.ts):
 * closed chains get a tombstone before Temporal forgets them, then store rows and outbox lines older
 * than the store's retention go, as store/retention.ts tells which; a chain that may still run
 * keeps every row, and opt-outs stay whatever their age.
 */
import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import { StoreRetention, PURGED_TABLES, type Purged } from '../store/retention';
import { Tombstones } from '../store/tombstones';
import { dropFromOutbox } from './channels/outbox';
import type { ActivityDeps } from './deps';

/** What the job keeps, and where it asks which chains still run. */
export interface RetentionSettings {
  client: Client;
  /** Days after which rows and outbox lines of closed chains go. */
  storeDays: number;
  /** Days a finished or erased order id stays refused. */
  tombstoneDays: number;
  outboxFile: string;
}

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
/** Chains with old rows asked about per run (the rest wait for the next run). */
const UNSETTLED_BATCH = 1000;
const DAY_MS = 86_400_000;

/** The purgeExpired activity, closed over its dependencies. */
export function purgeExpiredActivity(deps: ActivityDeps) {
  const tombstones = new Tombstones(deps.store.sql);
  const store = new StoreRetention(deps.store.sql);

  /** Tombstones for the chains Temporal lists as closed since the last run (a day's overlap: visibility lags). */
  async function buryClosed(client: Client): Promise<number> {
    const since = await tombstones.latestFinished();
    const query = since ? `${CLOSED_CHAINS} AND CloseTime > '${new Date(since.getTime() - DAY_MS).toISOString()}'` : CLOSED_CHAINS;
    let batch: { chainId: string; at?: Date }[] = [];
    let buried = 0;
    for await (const run of client.workflow.list({ query })) {
      batch.push({ chainId: run.workflowId, at: run.closeTime });
      if (batch.length === 500) [buried, batch] = [buried + (await tombstones.bury(batch, 'finished')), []];
    }
    return buried + (await tombstones.bury(batch, 'finished'));
  }

  /** Tombstones for chains with old rows that Temporal says are closed, or no longer knows. */
  async function buryForgotten(client: Client, cutoff: Date): Promise<number> {
    const closed: { chainId: string; at?: Date }[] = [];
    for (const chainId of await store.unsettled(cutoff, UNSETTLED_BATCH)) {
      const described = await client.workflow.getHandle(chainId).describe().catch((err: unknown) => {
        if (err instanceof WorkflowNotFoundError) return undefined;
        throw err;
      });
      if (described?.status.name !== 'RUNNING') closed.push({ chainId, at: described?.closeTime });
    }
    return tombstones.bury(closed, 'finished');
  }

  return async function purgeExpired({ now }: PurgeInput): Promise<PurgeReport> {
    const settings = deps.retention;
    if (!settings) throw new Error('this worker was built without retention settings');
    const at = Date.parse(now);
    const cutoff = new Date(at - settings.storeDays * DAY_MS);
    const tombstoned = (await buryClosed(settings.client)) + (await buryForgotten(settings.client, cutoff));
    const purged = await store.purge(cutoff, new Date(at - settings.tombstoneDays * DAY_MS));
    const outboxLines = await dropFromOutbox(settings.outboxFile, (line) => Date.parse(line.at) < cutoff.getTime());
    await deps.store.sql.compact(PURGED_TABLES);
    deps.log.info({ tombstoned, purged, outboxLines, cutoff: cutoff.toISOString() }, 'retention: expired rows deleted');
    return { tombstoned, purged, outboxLines };
  };
}
