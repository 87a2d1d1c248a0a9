/**
 * The floor the benchmark compares Doorstep with: a workflow of the chain's shape on the on-time
 * path (an Update per tracking event, a loop that waits on a condition timer, six notice
 * activities and two fact activities), doing nothing else. Activities are no-ops.
 */
import { condition, defineUpdate, proxyActivities, setHandler } from '@temporalio/workflow';
import { DAY_MS } from '../../../workflows/durations';
import type { skeletonActivities } from './activities';

export interface SkeletonEvent {
  eventId: string;
  type: string;
}

export const skeletonEventUpdate = defineUpdate<{ duplicate: boolean }, [SkeletonEvent]>('skeletonEvent');

const { notice, fact } = proxyActivities<ReturnType<typeof skeletonActivities>>({
  startToCloseTimeout: '30 seconds',
  retry: { maximumAttempts: 5 },
});

/** The events after which the chain sends a notice, as Doorstep does on the on-time path. */
const NOTICE_AFTER = new Set(['handed_to_carrier', 'arrived_in_city', 'courier_called', 'delivered']);
const GUARD_MS = 30 * DAY_MS;

export async function skeletonWorkflow({ orderId }: { orderId: string }): Promise<void> {
  const inbox: SkeletonEvent[] = [];
  const seen = new Set<string>();
  let delivered = false;
  setHandler(skeletonEventUpdate, (e) => {
    if (seen.has(e.eventId)) return { duplicate: true };
    seen.add(e.eventId);
    inbox.push(e);
    return { duplicate: false };
  });
  await Promise.all([notice({ orderId, touchpoint: 'confirmation' }), fact({ orderId })]);
  while (!delivered) {
    await condition(() => inbox.length > 0, GUARD_MS);
    const e = inbox.shift();
    if (!e) continue;
    if (NOTICE_AFTER.has(e.type)) await notice({ orderId, touchpoint: e.type });
    if (e.type === 'delivered') {
      await fact({ orderId });
      delivered = true;
    }
  }
  await notice({ orderId, touchpoint: 'closing' });
}
