/**
 * A slot's notice rendered with sample facts and a shop's wording over the catalog: what the editor's preview
 * shows and what a staff member's test notice carries.
 */
import type { Brand } from '../../common/config';
import type { Shop } from '../../workflows/shop';
import type { TemplateId } from '../../workflows/touchpoints';
import { render, type Rendered } from './render';
import type { TemplateOverride } from './render-input';
import { sampleInput } from './sample-input';

export interface SampleNotice {
  template: TemplateId;
  language: string;
  shop: Shop;
  override: TemplateOverride;
  brand?: Brand;
  /** Base of the sample links (they lead to no order). */
  publicBaseUrl: string;
}

/** The notice of `template` in `language` with sample facts, `override` over the catalog and the shop's brand. */
export async function sampleNotice({
  template,
  language,
  shop,
  override,
  brand,
  publicBaseUrl,
}: SampleNotice): Promise<Rendered> {
  const links = {
    trackingUrl: `${publicBaseUrl}/t/sample`,
    ratingUrl: `${publicBaseUrl}/r/sample`,
    unsubscribeUrl: `${publicBaseUrl}/u/sample`,
  };
  // The sample customer is nobody: a staff member's test email is not addressed to them by name.
  const { recipient: _sample, ...rendered } = await render({
    ...sampleInput(template, language, shop, links),
    override,
    brand,
  });
  return rendered;
}
