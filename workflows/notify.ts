/** Sending a touchpoint's notice from a workflow, shared by the order chain and the return chain. */
import { proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../activities';
import type { NoticeFacts } from '../activities/templates/render';
import type { ChainInput, Touchpoint } from './contract';
import { TOUCHPOINTS, type TemplateId, type TouchpointId } from './touchpoints';

const { sendNotice } = proxyActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  // Transient provider outages are retried with backoff for about an hour; permanent ones are not.
  retry: {
    initialInterval: '1 second',
    backoffCoefficient: 2,
    maximumInterval: '5 minutes',
    maximumAttempts: 20,
    nonRetryableErrorTypes: ['PermanentDeliveryFailure', 'NoUsableChannel'],
  },
});

/**
 * Sends the notice of `tp` (its own template unless another is named) and records it (with its rendered text) on the touchpoint. A notice no
 * channel could deliver is recorded as failed; the returned reason lets the caller alert support.
 */
export async function notify(
  input: ChainInput,
  tp: Touchpoint,
  facts: NoticeFacts = {},
  template: TemplateId = TOUCHPOINTS[tp.name as TouchpointId].template,
): Promise<string | undefined> {
  try {
    const notice = await sendNotice({ shop: input.shop, order: input.order, touchpoint: tp.key, template, facts, trackingUrl: input.trackingUrl });
    tp.notices.push(notice);
    if (tp.status === 'pending') tp.status = 'done';
    tp.at ??= notice.at;
    return undefined;
  } catch (err) {
    // An ActivityFailure wraps the activity's own ApplicationFailure, whose message says why.
    const reason = err instanceof Error ? (err.cause instanceof Error ? err.cause.message : err.message) : String(err);
    tp.notices.push({ channel: input.order.customer.channels[0], status: 'failed', at: new Date().toISOString(), subject: '', text: '', error: reason });
    return `notice ${tp.key} failed: ${reason}`;
  }
}
