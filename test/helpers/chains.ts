/** Starting and reading chains from tests and scripts (no vitest imports, so scripts can use it too). */
import type { Client, WorkflowHandle } from '@temporalio/client';
import { chainStartOptions } from '../../api/chain-start';
import type { AppConfig } from '../../common/config';
import { chainWorkflow } from '../../workflows';
import type { ChainOrder, ChainState, Shop } from '../../workflows/contract';
import { chainStateQuery } from '../../workflows/definitions';

/** Polls the chain state until `ok` holds (workflow effects run after an update returns). */
export async function waitForState(handle: WorkflowHandle, ok: (s: ChainState) => boolean, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const state = await queryState(handle);
    if (ok(state)) return state;
    if (Date.now() > deadline) throw new Error(`state never matched: ${JSON.stringify(state, null, 1)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The chain's current state. */
export function queryState(handle: WorkflowHandle): Promise<ChainState> {
  return handle.query(chainStateQuery);
}

/**
 * Starts a chain on Temporal as the API would; `indexed: false` leaves out the search attributes,
 * which the time-skipping test server cannot register.
 */
export async function startChain(
  { client, config }: { client: Client; config: AppConfig },
  order: ChainOrder,
  shop: Shop,
  { indexed = true } = {},
): Promise<WorkflowHandle<typeof chainWorkflow>> {
  const options = chainStartOptions(
    { order, shop, trackingUrl: `http://localhost/t/${order.orderId}` },
    config.taskQueue,
  );
  return client.workflow.start(chainWorkflow, {
    ...options,
    typedSearchAttributes: indexed ? options.typedSearchAttributes : undefined,
  });
}
