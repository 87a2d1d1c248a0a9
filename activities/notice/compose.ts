/** A notice's links (rating, unsubscribe) and every form of its text, in the customer's language. */
import { DAY_MS } from '../../workflows/durations';
import { scaleOf, scoreRange } from '../../workflows/touchpoints';
import type { ActivityDeps } from '../deps';
import { languageOf } from '../templates/catalog';
import { render, type Rendered } from '../templates/render';
import type { SendNoticeInput } from './input';

export interface Composed {
  rendered: Rendered;
  unsubscribeUrl?: string;
  /** How many answers a call gathers: a courier window, or the closing's 0–10. */
  choices?: number;
}

/** Renders `input` with its signed rating link and, for a customer with an email address, the unsubscribe link. */
export function compose(
  deps: Pick<ActivityDeps, 'tokens' | 'addressKey' | 'publicBaseUrl' | 'voices'>,
  { shop, order, touchpoint, decidedAt, ...input }: SendNoticeInput,
): Composed {
  // The rating link expires when the check closes: the rating window counts from when the chain sent it.
  const exp = Math.floor((Date.parse(decidedAt) + shop.ratingWindowDays * DAY_MS) / 1000);
  const lang = languageOf(order.customer.locale, shop.defaultLocale);
  const rate = deps.tokens.sign({ kind: 'rate', shop: shop.id, order: order.orderId, touchpoint, exp, lang });
  const { email } = order.customer;
  const unsubscribeUrl =
    (email &&
      `${deps.publicBaseUrl}/u/${deps.tokens.sign({ kind: 'unsub', shop: shop.id, address: deps.addressKey(email) })}`) ||
    undefined;
  const scale = scaleOf(touchpoint);
  const rendered = render({
    ...input,
    shop,
    order,
    ratingUrl: `${deps.publicBaseUrl}/r/${rate}`,
    scale,
    unsubscribeUrl,
    brand: deps.voices.get(shop.id)?.brand,
  });
  const { min, max } = scoreRange(scale);
  const choices = input.facts.options?.length ?? (scale === 10 ? max - min + 1 : undefined);
  return { rendered, unsubscribeUrl, choices };
}
