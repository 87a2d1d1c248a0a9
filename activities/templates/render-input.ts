/** What a notice is rendered from: its template, the shop, the order, the chain's facts and its links. */
import type { NoticeFacts, OrderSummary } from '../../workflows/notice-facts';
import type { Shop } from '../../workflows/shop';
import type { TemplateId } from '../../workflows/touchpoints';

export interface RenderInput {
  template: TemplateId;
  shop: Shop;
  order: OrderSummary;
  facts: NoticeFacts;
  trackingUrl: string;
  ratingUrl: string;
  /** Highest score of the satisfaction check (5, or 10 for the closing question). */
  scale: number;
  unsubscribeUrl?: string;
}
