/** What the sendNotice activity takes and answers. */
import type { ChannelName, Notice, Shop } from '../../workflows/contract';
import type { TemplateId } from '../../workflows/touchpoints';
import type { NoticeFacts, OrderSummary } from '../../workflows/notice-facts';

export interface SendNoticeInput {
  /** The workflow that sends it (the chain, or its return child): receipts go back to it. */
  workflowId: string;
  shop: Shop;
  order: OrderSummary;
  /** Touchpoint key the notice and its rating belong to. */
  touchpoint: string;
  template: TemplateId;
  facts: NoticeFacts;
  trackingUrl: string;
  revision: number;
  /** When the chain decided to send it (workflow time): the customer-local day it counts against the cap. */
  decidedAt: string;
  /** Channels to try, in order: the customer's, or those after one that did not deliver. */
  channels: ChannelName[];
  /** Set when a delivery receipt turned this into a fallback: from where, and why. */
  fallbackFrom?: { channel: ChannelName; reason: string };
  /** The notice waited out the customer's quiet hours (counted in the metrics when it goes). */
  afterQuietHours?: boolean;
}

/** What became of a send: the notice as sent (or suppressed), or held back by the daily cap until a time. */
export type SendOutcome = { notice: Notice } | { deferred: { until: string; reason: string } };
