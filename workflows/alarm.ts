/**
 * One durable timer for the chain's earliest due time, kept across the loop's turns and replaced
 * only when that time changes: a timer per turn (a condition with a timeout) would start and cancel
 * one for every event, which costs history and server work.
 */
import { CancellationScope, sleep } from '@temporalio/workflow';

export class Alarm {
  private current?: { at: number; scope: CancellationScope };
  /** The timer for the current time has fired. */
  rang = false;

  /** Sets the alarm for `at` (epoch ms of workflow time), or clears it. */
  set(at: number | undefined, now: number): void {
    if (this.current?.at === at) return;
    this.current?.scope.cancel();
    this.current = undefined;
    this.rang = false;
    if (at === undefined) return;
    const scope = new CancellationScope();
    this.current = { at, scope };
    scope
      .run(() => sleep(Math.max(1, at - now)))
      .then(
        () => {
          if (this.current?.scope === scope) this.rang = true;
        },
        // Cancelled because the due time moved: nothing to do.
        () => undefined,
      );
  }

  /** Takes the ring: the next `set` for the same time starts a new timer. */
  take(): boolean {
    const rang = this.rang;
    if (rang) this.current = undefined;
    this.rang = false;
    return rang;
  }
}
