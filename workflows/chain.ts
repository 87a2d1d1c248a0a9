/**
 * The order chain: one workflow per order, walking confirmation → tracking → arrival or delay →
 * courier call → handover → optional return → closing. Backend events arrive as a validated Update;
 * the promise guard, the call deadline and the return window are durable timers (see ChainRun).
 */
import { allHandlersFinished, condition, continueAsNew, setHandler } from '@temporalio/workflow';
import type { ChainInput, ChainState } from './contract';
import { ChainRun } from './chain-run';
import {
  chainStateQuery,
  deliveryPinQuery,
  customerReplyUpdate,
  deliveryReceiptSignal,
  ratingUpdate,
  returnProgressSignal,
  shopSettingsSignal,
  supportActionUpdate,
  trackingEventUpdate,
} from './definitions';
import { DAY_MS } from './durations';

/** Runs one order's chain until it is closed (or cancelled) and its feedback window has passed. */
export async function chainWorkflow(input: ChainInput): Promise<ChainState> {
  const chain = new ChainRun(input);
  setHandler(chainStateQuery, () => chain.state);
  setHandler(deliveryPinQuery, () => chain.courier.agreedPin());
  setHandler(trackingEventUpdate, (event) => chain.accept(event), { validator: (event) => chain.validate(event) });
  setHandler(supportActionUpdate, (action) => chain.desk.act(action), {
    validator: (action) => chain.desk.validate(action),
  });
  setHandler(ratingUpdate, (rating) => chain.rate(rating), { validator: (rating) => chain.checks.validate(rating) });
  setHandler(customerReplyUpdate, (reply) => chain.reply(reply));
  setHandler(deliveryReceiptSignal, (receipt) => chain.receipt(receipt));
  setHandler(returnProgressSignal, (touchpoint) => chain.returnProgress(touchpoint));
  setHandler(shopSettingsSignal, (settings) => chain.followShop(settings));

  if ((await chain.run()) === 'continue') {
    // A carrier flooding events grows the history: carry the state on in a fresh run.
    await condition(allHandlersFinished);
    return continueAsNew<typeof chainWorkflow>({ ...input, carried: chain.carry() });
  }
  await chain.close();
  // The chain stays open a while so that late ratings and receipts still land on their touchpoints.
  await condition(() => false, Math.max(1, input.shop.feedbackWindowDays * DAY_MS));
  // A fallback or an alert that a late receipt or rating set off finishes first.
  await chain.settled();
  return chain.state;
}
