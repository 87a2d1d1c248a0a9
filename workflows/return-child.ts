/**
 * The parent's side of a return: the return window's end, starting the return chain as a child
 * workflow, and passing it the backend's return events and the shop's new settings.
 */
import { type ChildWorkflowHandle, startChild, workflowInfo } from '@temporalio/workflow';
import type { ChainInput, Timers } from './carried';
import { addTouchpoint } from './chain-state';
import { returnEventSignal, shopSettingsSignal, type ReturnEvent } from './definitions';
import { returnChainWorkflow } from './return-chain';
import type { Shop } from './shop';
import type { ChainState } from './state';

export class ReturnChild {
  /** The returned parcel has arrived (a refund may follow). */
  received = false;
  private handle?: ChildWorkflowHandle<typeof returnChainWorkflow>;

  constructor(
    private readonly input: ChainInput,
    private readonly state: ChainState,
    /** The chain's durable timers: `returnWindow` is the return offer's end. */
    private readonly timers: Timers,
    /** The return is over: with why, when its chain failed. */
    private readonly ended: (failure?: string) => void,
  ) {}

  /** A return chain was started in this run. */
  get started(): boolean {
    return this.handle !== undefined;
  }

  /** No return is offered any more (the window ended, a return started, the order was cancelled). */
  closeWindow(): void {
    delete this.timers.returnWindow;
    this.state.returnUntil = undefined;
  }

  /** Starts the return chain; the parent hears when it ends. */
  async start(): Promise<void> {
    this.closeWindow();
    for (const name of ['return-accepted', 'return-received', 'return-refund'] as const)
      addTouchpoint(this.state, name);
    const parentWorkflowId = workflowInfo().workflowId;
    const { order, shop, trackingUrl } = this.input;
    this.handle = await startChild(returnChainWorkflow, {
      workflowId: `${parentWorkflowId}-return`,
      args: [{ order, shop, trackingUrl, parentWorkflowId }],
    });
    void this.handle.result().then(
      () => this.ended(),
      (err: Error) => this.ended(`return chain failed: ${err.message}`),
    );
  }

  /** Passes a return event on to the child. */
  forward(event: ReturnEvent): Promise<void> | undefined {
    return this.handle?.signal(returnEventSignal, event);
  }

  /** Passes the shop's new settings on; a return that has finished no longer takes signals. */
  followShop(shop: Shop): void {
    this.handle?.signal(shopSettingsSignal, { shops: [shop] }).catch(() => undefined);
  }
}
