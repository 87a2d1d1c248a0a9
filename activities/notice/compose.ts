/**
 * A notice's links (rating, unsubscribe) and every form of its text, in the customer's language and in the
 * shop's own wording where it has one.
 */
import type { TemplateVersion } from '../../store/templates';
import type { ChannelName } from '../../workflows/contract';
import { DAY_MS } from '../../workflows/durations';
import { scaleOf, scoreRange } from '../../workflows/touchpoints';
import type { ActivityDeps } from '../deps';
import { languageOf } from '../templates/catalog';
import { render, type Rendered } from '../templates/render';
import type { TemplateOverride } from '../templates/render-input';
import { overrideOf } from '../templates/validate';
import type { SendNoticeInput } from './input';
import { templateVariables } from './whatsapp';

export interface Composed {
  rendered: Rendered;
  unsubscribeUrl?: string;
  /** How many answers a call gathers: a courier window, or the closing's 0–10. */
  choices?: number;
  /** The version of the shop's own wording each channel carries; a channel absent speaks the built-in catalog. */
  versions: Partial<Record<ChannelName, number>>;
  /** The variables of the shop's approved WhatsApp template, should the notice go as one (./whatsapp.ts). */
  templateVariables: Record<string, string>;
}

/**
 * The shop's overrides of this notice's template and language merged for the renderer, and the version each
 * channel carries: every channel its own, WhatsApp the shop's SMS wording when it wrote none for WhatsApp.
 */
export function shopWording(live: TemplateVersion[]): { override: TemplateOverride; versions: Composed['versions'] } {
  const of = (channel: ChannelName) => live.find((v) => v.channel === channel);
  const override: TemplateOverride = {};
  const versions: Composed['versions'] = {};
  for (const channel of ['email', 'sms', 'whatsapp', 'voice'] as const) {
    const version = of(channel);
    if (version) Object.assign(override, overrideOf(channel, version));
    const carried = version ?? (channel === 'whatsapp' ? of('sms') : undefined);
    if (carried) versions[channel] = carried.version;
  }
  return { override, versions };
}

/** Renders `input` with its signed rating link and, for a customer with an email address, the unsubscribe link. */
export async function compose(
  deps: Pick<ActivityDeps, 'tokens' | 'addressKey' | 'publicBaseUrl' | 'voices' | 'store'>,
  notice: SendNoticeInput,
): Promise<Composed> {
  const { shop, order, touchpoint, decidedAt, ...input } = notice;
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
  // Read per notice, not cached: the next notice after a change speaks the shop's new wording.
  const live = await deps.store.templates.forNotice(shop.id, input.template, lang);
  const { override, versions } = shopWording(live);
  const ratingUrl = `${deps.publicBaseUrl}/r/${rate}`;
  const rendered = await render({
    ...input,
    shop,
    order,
    ratingUrl,
    scale,
    unsubscribeUrl,
    brand: deps.voices.get(shop.id)?.brand,
    override,
  });
  const { min, max } = scoreRange(scale);
  const choices = input.facts.options?.length ?? (scale === 10 ? max - min + 1 : undefined);
  return { rendered, unsubscribeUrl, choices, versions, templateVariables: templateVariables(notice, ratingUrl) };
}
