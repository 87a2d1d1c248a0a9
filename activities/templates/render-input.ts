/** What a notice is rendered from: its template, the shop, the order, the chain's facts and its links. */
import type { Brand } from '../../common/config';
import type { NoticeFacts, OrderSummary } from '../../workflows/notice-facts';
import type { Shop } from '../../workflows/shop';
import type { TemplateId } from '../../workflows/touchpoints';
import type { TemplateMessages } from './catalog-shape';

/**
 * A shop's own wording for one template in one language, over the built-in catalog's (SPEC: template overrides);
 * `whatsapp` is the shop's WhatsApp body where it differs from its SMS one.
 */
export type TemplateOverride = Partial<Pick<TemplateMessages, 'subject' | 'text' | 'sms' | 'voice'>> & {
  whatsapp?: string;
};

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
  /** The shop's logo and colours for the email; Doorstep's own when unset. */
  brand?: Brand;
  /** The shop's wording where it overrides the catalog. */
  override?: TemplateOverride;
}
