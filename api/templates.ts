/**
 * A shop's own template wording as both the `/v1/templates` API and the console's editor work with it: the
 * entry in effect per slot, a wording's errors (checked with the longest values a notice can carry) and
 * the notice rendered with sample facts.
 */
import { CATALOGS } from '../activities/templates/catalog';
import { LONGEST_ORDER_ID, sampleInput, type SampleLinks } from '../activities/templates/sample-input';
import { withInlineImages } from '../activities/templates/email/qr';
import { shortFor } from '../activities/templates/render';
import { sampleNotice } from '../activities/templates/sample-notice';
import { smsLength } from '../activities/templates/sms-length';
import {
  builtInWording,
  overrideOf,
  TEMPLATE_CHANNELS,
  wordingErrors,
  type TemplateChannel,
  type Wording,
  type WordingError,
} from '../activities/templates/validate';
import type { ShopVoice } from '../common/config';
import type { Tokens } from '../common/tokens';
import type { Store } from '../store';
import type { TemplateSlot, TemplateVersion } from '../store/templates';
import type { Shop } from '../workflows/contract';
import { DAY_MS } from '../workflows/durations';
import { TEMPLATE_IDS, type TemplateId } from '../workflows/touchpoints';
import type { PreviewAnswer, TemplateEntry } from './routes/template-schemas';
import type { z } from 'zod';

/** One slot as a path names it: a template, a catalog language, a channel. */
export interface Slot {
  touchpoint: TemplateId;
  locale: string;
  channel: TemplateChannel;
}

export interface TemplateWordingDeps {
  store: Store;
  voices: ReadonlyMap<string, ShopVoice>;
  tokens: Tokens;
  publicBaseUrl: string;
}

/** The store's name for a slot. */
export const slotOf = ({ touchpoint, locale, channel }: Slot): TemplateSlot => ({
  template: touchpoint,
  locale,
  channel,
});

/** The entry of a slot: the shop's live version when it has one, else the built-in wording. */
export function entryOf(slot: Slot, live?: TemplateVersion): TemplateEntry {
  if (!live) return { ...slot, source: 'built-in', ...builtInWording(slot.touchpoint, slot.locale, slot.channel) };
  const { version, subject, text, author, createdAt } = live;
  return {
    ...slot,
    source: 'shop',
    version,
    ...(subject && { subject }),
    text,
    author,
    updatedAt: createdAt.toISOString(),
  };
}

/** Every slot: each template in each catalog language on each channel. */
export const ALL_SLOTS: Slot[] = TEMPLATE_IDS.flatMap((touchpoint) =>
  Object.keys(CATALOGS).flatMap((locale) => TEMPLATE_CHANNELS.map((channel) => ({ touchpoint, locale, channel }))),
);

/** The wording service over the store, the shops' brands and the link signer. */
export function templateWording({ store, voices, tokens, publicBaseUrl }: TemplateWordingDeps) {
  /** Links as a notice of the longest order id carries them: their length counts in an SMS. */
  function longestLinks(shop: string, lang: string): SampleLinks {
    const order = LONGEST_ORDER_ID;
    const exp = Math.floor((Date.now() + 365 * DAY_MS) / 1000);
    const sign = (path: string, token: string) => `${publicBaseUrl}/${path}/${token}`;
    return {
      trackingUrl: sign('t', tokens.sign({ kind: 'track', shop, order })),
      ratingUrl: sign('r', tokens.sign({ kind: 'rate', shop, order, touchpoint: 'courier-call-2', exp, lang })),
      unsubscribeUrl: sign('u', tokens.sign({ kind: 'unsub', shop, address: 'k'.repeat(43) })),
    };
  }

  return {
    /** The live version of one slot of a shop, if any. */
    async liveOf(shop: string, slot: Slot): Promise<TemplateVersion | undefined> {
      const live = await store.templates.forNotice(shop, slot.touchpoint, slot.locale);
      return live.find((v) => v.channel === slot.channel);
    },

    /** Every slot's entry in effect for `shop`. */
    async entries(shop: string): Promise<TemplateEntry[]> {
      const live = await store.templates.effective(shop);
      const find = (s: Slot) =>
        live.find((v) => v.template === s.touchpoint && v.locale === s.locale && v.channel === s.channel);
      return ALL_SLOTS.map((slot) => entryOf(slot, find(slot)));
    },

    /** Why the wording may not be kept for `slot` (none: it may). */
    errorsOf(shop: Shop, slot: Slot, wording: Wording): WordingError[] {
      const longest = sampleInput(slot.touchpoint, slot.locale, shop, longestLinks(shop.id, slot.locale), {
        longest: true,
      });
      return wordingErrors(slot.channel, wording, longest);
    },

    /** The notice of `slot` rendered with sample facts and `override` over the catalog. */
    async preview(
      shop: Shop,
      slot: Slot,
      override: ReturnType<typeof overrideOf>,
    ): Promise<z.infer<typeof PreviewAnswer>> {
      const brand = voices.get(shop.id)?.brand;
      const r = await sampleNotice({
        template: slot.touchpoint,
        language: slot.locale,
        shop,
        override,
        brand,
        publicBaseUrl,
      });
      const short = shortFor(slot.channel, r);
      return {
        subject: r.subject,
        text: r.text,
        html: withInlineImages(r.html, r.inline),
        sms: short,
        ...smsLength(short),
        voice: r.spoken,
      };
    },
  };
}

export type TemplateWording = ReturnType<typeof templateWording>;
