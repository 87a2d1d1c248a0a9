/**
 * Erasing an order's customer data (a customer's request under GDPR art. 17): the order id gets a
 * tombstone first (it never starts a chain again: a repeated `POST /v1/orders` answers 410), the
 * chain and its return chain are deleted from Temporal (their histories with them), the ledger
 * keeps its rows for exactly-once and the daily cap but loses the notices' text and the address
 * hashes, and the order's lines leave the local outbox. The embedded store is then compacted, so
 * the old row versions leave its files too. Report facts hold no personal data and stay; opt-outs
 * stay so that a STOP is still honoured. The chain leaves the metrics' funnel of open chains.
 */
import type { Client } from '@temporalio/client';
import { dropFromOutbox } from '../activities/channels/outbox';
import type { AppConfig } from '../common/config';
import type { Store } from '../store';
import { isGone } from './chains';
import { rankOf } from '../workflows/chain-state';
import { chainWorkflowId } from '../workflows/definitions';

export interface Erased {
  /** Workflow executions deleted (the chain, and its return chain when there was one). */
  workflows: number;
  /** Ledger rows scrubbed. */
  notices: number;
  /** Lines taken out of the local outbox. */
  outboxLines: number;
}

export interface ErasureDeps {
  client: Client;
  store: Store;
  config: Pick<AppConfig, 'outboxFile'>;
}

/**
 * Deletes a workflow's runs from Temporal (the latest, terminated first if running, then those a
 * continue-as-new left); whether any was there.
 */
async function deleteRuns(client: Client, workflowId: string): Promise<boolean> {
  const namespace = client.options.namespace;
  const remove = async (workflowExecution: { workflowId: string; runId?: string }) => {
    try {
      await client.workflowService.deleteWorkflowExecution({ namespace, workflowExecution });
      return true;
    } catch (err) {
      if (!isGone(err)) throw err;
      return false;
    }
  };
  let gone = await remove({ workflowId });
  for await (const run of client.workflow.list({ query: `WorkflowId = '${workflowId}'` }))
    gone = (await remove({ workflowId, runId: run.runId })) || gone;
  return gone;
}

/** Erases one order's customer data; erasing it again (or an unknown order) erases nothing. */
export async function eraseOrder(
  { client, store, config }: ErasureDeps,
  shop: string,
  orderId: string,
): Promise<Erased> {
  const chainId = chainWorkflowId(shop, orderId);
  const { tombstones } = store;
  // Before anything goes: from here on no start of this order gets through.
  const before = await tombstones.find(chainId);
  await tombstones.bury([{ chainId }], 'erased');
  let workflows = 0;
  for (const workflowId of [chainId, `${chainId}-return`]) if (await deleteRuns(client, workflowId)) workflows++;
  const notices = await store.ledger.scrub(chainId);
  const outboxLines = await dropFromOutbox(config.outboxFile, (line) => line.idempotencyKey?.startsWith(`${chainId}:`));
  const erased = { workflows, notices, outboxLines };
  if (!workflows && !notices && !outboxLines) {
    // Nothing of this order was here (a mistyped id): the id stays free for a real order.
    if (!before) await tombstones.lift(chainId);
    return erased;
  }
  await store.sql.compact(['sends']);
  if (workflows) await store.facts.moveStage(chainId, 'cancelled', rankOf('cancelled'));
  return erased;
}
