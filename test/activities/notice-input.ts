/** A sendNotice input for activity tests. */
import { MockActivityEnvironment } from '@temporalio/testing';
import type { SendNoticeInput, SendOutcome } from '../../activities';
import type { ChannelName, Notice } from '../../workflows/contract';
import { order, shop } from '../helpers/fixtures';

export function noticeInput(
  channels: ChannelName[],
  overrides: Partial<SendNoticeInput> = {},
  customer: object = {},
): SendNoticeInput {
  const o = order({ orderId: 'A-100' });
  return {
    workflowId: 'order-acme-A-100',
    shop: shop(),
    order: { ...o, customer: { ...o.customer, channels, ...customer } },
    touchpoint: 'tracking',
    template: 'tracking',
    facts: {},
    trackingUrl: 'http://localhost:8080/t/abc',
    revision: 1,
    decidedAt: new Date().toISOString(),
    channels,
    ...overrides,
  };
}

/** The notice of a send that was not held back by the daily cap. */
export function noticeOf(outcome: SendOutcome): Notice {
  if (!('notice' in outcome)) throw new Error(`held back: ${outcome.deferred.reason}`);
  return outcome.notice;
}

/** sendNotice run as a worker runs it: in an activity context (attempt 1 of one activity). */
export function inActivityContext(
  sendNotice: (i: SendNoticeInput) => Promise<SendOutcome>,
): (i: SendNoticeInput) => Promise<SendOutcome> {
  const env = new MockActivityEnvironment();
  return (i) => env.run(sendNotice, i);
}
