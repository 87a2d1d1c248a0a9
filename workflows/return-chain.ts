/** The return, as its own child chain: accepted → parcel received → refund issued, each noticed. */
import { condition, getExternalWorkflowHandle, setHandler } from '@temporalio/workflow';
import type { ChainInput, Touchpoint } from './contract';
import { returnEventSignal, returnProgressSignal, type ReturnEvent } from './definitions';
import { notify } from './notify';
import type { TouchpointId } from './touchpoints';

export interface ReturnChainInput extends ChainInput {
  parentWorkflowId: string;
}

/** Runs one return and reports each touchpoint to the parent chain as it completes. */
export async function returnChainWorkflow(input: ReturnChainInput): Promise<void> {
  const seen = new Set<ReturnEvent['type']>();
  setHandler(returnEventSignal, (e) => void seen.add(e.type));
  const parent = getExternalWorkflowHandle(input.parentWorkflowId);

  async function step(name: TouchpointId): Promise<void> {
    const tp: Touchpoint = { key: name, name, status: 'pending', notices: [] };
    await notify(input, tp);
    await parent.signal(returnProgressSignal, tp);
  }

  await step('return-accepted');
  await condition(() => seen.has('return_received'));
  await step('return-received');
  await condition(() => seen.has('refund_issued'));
  await step('return-refund');
}
