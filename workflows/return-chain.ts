/** The return, as its own child chain: accepted → parcel received → refund issued, each noticed. */
import { condition, getExternalWorkflowHandle, setHandler } from '@temporalio/workflow';
import type { ChainInput, Touchpoint } from './contract';
import {
  deliveryReceiptSignal,
  returnEventSignal,
  returnProgressSignal,
  shopSettingsSignal,
  type ReturnEvent,
  type ReturnProgress,
} from './definitions';
import type { NoticeFacts } from './notice-facts';
import { Notifier } from './notifier';
import type { TouchpointId } from './touchpoints';

export interface ReturnChainInput extends ChainInput {
  parentWorkflowId: string;
}

/** Runs one return and reports to the parent chain, in order, each change of a touchpoint and each alert. */
export async function returnChainWorkflow(input: ReturnChainInput): Promise<void> {
  const seen = new Set<ReturnEvent['type']>();
  const touchpoints: Touchpoint[] = [];
  const reports: ReturnProgress[] = [];
  const report = (r: ReturnProgress) => {
    const last = reports.at(-1);
    // A touchpoint is sent as it is when the signal goes out: one pending report of it is enough.
    if (!(last && 'touchpoint' in last && 'touchpoint' in r && last.touchpoint === r.touchpoint)) reports.push(r);
  };
  const notifier = new Notifier(input, {
    obsolete: () => undefined,
    failed: (alert) => report({ alert }),
    changed: (touchpoint) => report({ touchpoint }),
  });
  let refund: NoticeFacts = {};
  setHandler(returnEventSignal, (e) => {
    seen.add(e.type);
    if (e.type === 'refund_issued') refund = { amount: e.data.amount };
  });
  setHandler(deliveryReceiptSignal, (r) => notifier.receipt(r, touchpoints));
  // The parent passes its shop's new settings on: the notices still to come follow them.
  setHandler(
    shopSettingsSignal,
    ({ shops }) => void (input.shop = shops.find((s) => s.id === input.shop.id) ?? input.shop),
  );
  const parent = getExternalWorkflowHandle(input.parentWorkflowId);
  let finished = false;

  const reporting = (async () => {
    for (;;) {
      await condition(() => reports.length > 0 || finished);
      if (!reports.length) return;
      await parent.signal(returnProgressSignal, reports.shift()!);
    }
  })();

  const step = (name: TouchpointId, facts?: NoticeFacts) => {
    const tp: Touchpoint = { key: name, name, status: 'pending', notices: [] };
    touchpoints.push(tp);
    notifier.send(tp, facts);
  };

  step('return-accepted');
  await condition(() => seen.has('return_received'));
  step('return-received');
  await condition(() => seen.has('refund_issued'));
  step('return-refund', refund);
  await condition(() => notifier.idle());
  finished = true;
  await reporting;
}
