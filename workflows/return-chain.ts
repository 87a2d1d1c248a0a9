/** The return, as its own child chain: accepted → parcel received → refund issued, each noticed. */
import { condition, getExternalWorkflowHandle, setHandler } from '@temporalio/workflow';
import type { ChainInput, Touchpoint } from './contract';
import { deliveryReceiptSignal, returnEventSignal, returnProgressSignal, type ReturnEvent } from './definitions';
import { Notifier } from './notifier';
import type { TouchpointId } from './touchpoints';

export interface ReturnChainInput extends ChainInput {
  parentWorkflowId: string;
}

/** Runs one return and reports each touchpoint to the parent chain whenever it changes. */
export async function returnChainWorkflow(input: ReturnChainInput): Promise<void> {
  const seen = new Set<ReturnEvent['type']>();
  const touchpoints: Touchpoint[] = [];
  const changed = new Set<Touchpoint>();
  // Failures reach support through the parent, which sees the failed notice in the report.
  const notifier = new Notifier(input, { obsolete: () => undefined, failed: () => undefined, changed: (tp) => void changed.add(tp) });
  setHandler(returnEventSignal, (e) => void seen.add(e.type));
  setHandler(deliveryReceiptSignal, (r) => notifier.receipt(r, touchpoints));
  const parent = getExternalWorkflowHandle(input.parentWorkflowId);
  let finished = false;

  const reporting = (async () => {
    for (;;) {
      await condition(() => changed.size > 0 || finished);
      if (!changed.size) return;
      const tp = changed.values().next().value!;
      changed.delete(tp);
      await parent.signal(returnProgressSignal, tp);
    }
  })();

  const step = (name: TouchpointId) => {
    const tp: Touchpoint = { key: name, name, status: 'pending', notices: [] };
    touchpoints.push(tp);
    notifier.send(tp);
  };

  step('return-accepted');
  await condition(() => seen.has('return_received'));
  step('return-received');
  await condition(() => seen.has('refund_issued'));
  step('return-refund');
  await notifier.drained();
  finished = true;
  await reporting;
}
