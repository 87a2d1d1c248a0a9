/**
 * Erasing an order's customer data (a customer's request under GDPR art. 17): the chain and its
 * return chain are deleted from Temporal (their histories with them), and the ledger keeps its
 * rows for exactly-once and the daily cap but loses the notices' text and the address hashes.
 * Report facts hold no personal data and stay; opt-outs stay so that a STOP is still honoured. The
 * chain leaves the metrics' funnel of open chains (as a cancelled one does).
 */
import type { Client } from '@temporalio/client';
import type { Store } from '../store';
import { isGone } from './chains';
import { rankOf } from '../workflows/chain-state';
import { chainWorkflowId } from '../workflows/definitions';

export interface Erased {
  /** Workflow executions deleted (the chain, and its return chain when there was one). */
  workflows: number;
  /** Ledger rows scrubbed. */
  notices: number;
}

/** Erases one order's customer data; erasing it again (or an unknown order) erases nothing. */
export async function eraseOrder({ client, store }: { client: Client; store: Store }, shop: string, orderId: string): Promise<Erased> {
  const chainId = chainWorkflowId(shop, orderId);
  let workflows = 0;
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
  for (const workflowId of [chainId, `${chainId}-return`]) {
    // The latest run (terminated first if it is running), then the earlier runs a continue-as-new left.
    let gone = await remove({ workflowId });
    for await (const run of client.workflow.list({ query: `WorkflowId = '${workflowId}'` })) gone = (await remove({ workflowId, runId: run.runId })) || gone;
    if (gone) workflows++;
  }
  const notices = await store.ledger.scrub(chainId);
  if (workflows) await store.facts.moveStage(chainId, 'cancelled', rankOf('cancelled'));
  return { workflows, notices };
}
