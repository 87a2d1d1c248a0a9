/**
 * `/v1/templates`: a shop's own wording per template, language and channel (scope templates:write). The
 * built-in catalog answers where the shop wrote none; a put is checked (ICU syntax, placeholders, SMS length
 * with the longest values) and kept as the next version; a delete goes back to the built-in.
 */
import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { Router, type Response } from 'express';
import { CATALOGS } from '../../activities/templates/catalog';
import { render } from '../../activities/templates/render';
import { LONGEST_ORDER_ID, sampleInput, type SampleLinks } from '../../activities/templates/sample-input';
import { smsSegments } from '../../activities/templates/sms-length';
import {
  builtInWording,
  overrideOf,
  TEMPLATE_CHANNELS,
  wordingErrors,
  type TemplateChannel,
  type Wording,
} from '../../activities/templates/validate';
import type { ShopVoice } from '../../common/config';
import type { Tokens } from '../../common/tokens';
import type { Store } from '../../store';
import type { TemplateSlot, TemplateVersion } from '../../store/templates';
import { DAY_MS } from '../../workflows/durations';
import { TEMPLATE_IDS, type TemplateId } from '../../workflows/touchpoints';
import type { Shop } from '../../workflows/contract';
import { callerOf, requireScope } from '../auth';
import { json, keyed } from '../openapi/components';
import { routes } from '../openapi/route';
import { problem } from '../problem';
import {
  PreviewAnswer,
  PreviewBody,
  TemplateBody,
  TemplateEntry,
  TemplateList,
  TemplateSlotParams,
} from './template-schemas';

export interface TemplatesDeps {
  store: Store;
  shops: Map<string, Shop>;
  voices: ReadonlyMap<string, ShopVoice>;
  tokens: Tokens;
  publicBaseUrl: string;
  registry: OpenAPIRegistry;
}

const MOUNT = '/v1/templates';
const SLOT = `${MOUNT}/{touchpoint}/{locale}/{channel}`;

/** One slot's parsed path: a template, a catalog language, a channel. */
interface Slot {
  touchpoint: TemplateId;
  locale: string;
  channel: TemplateChannel;
}

const slotOf = ({ touchpoint, locale, channel }: Slot): TemplateSlot => ({ template: touchpoint, locale, channel });

/** The entry of a slot: the shop's live version when it has one, else the built-in wording. */
function entryOf(slot: Slot, live?: TemplateVersion): TemplateEntry {
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

/** The live version of one slot of a shop, if any. */
async function liveOf(store: Store, shop: string, slot: Slot): Promise<TemplateVersion | undefined> {
  return (await store.templates.forNotice(shop, slot.touchpoint, slot.locale)).find((v) => v.channel === slot.channel);
}

export function templatesRouter({ store, shops, voices, tokens, publicBaseUrl, registry }: TemplatesDeps): Router {
  const router = Router();
  router.use(requireScope('templates:write'));
  const route = routes(router, registry, MOUNT);

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

  /** Answers 400 with the wording's errors by field path, and true, when the wording may not be kept. */
  function refused(res: Response, shop: Shop, slot: Slot, wording: Wording): boolean {
    const longest = sampleInput(slot.touchpoint, slot.locale, shop, longestLinks(shop.id, slot.locale), {
      longest: true,
    });
    const errors = wordingErrors(slot.channel, wording, longest);
    if (!errors.length) return false;
    problem(res, 400, `${errors.length} invalid field(s): ${errors.map((e) => e.path).join(', ')}`, errors);
    return true;
  }

  route.get(
    MOUNT,
    keyed(
      "The templates in effect for the key's shop: its own, else the built-in",
      {},
      {
        200: { description: 'every template, language and channel', ...json(TemplateList) },
      },
    ),
    async (_req, res) => {
      const live = await store.templates.effective(callerOf(res).shop);
      const find = (s: Slot) =>
        live.find((v) => v.template === s.touchpoint && v.locale === s.locale && v.channel === s.channel);
      const templates = TEMPLATE_IDS.flatMap((touchpoint) =>
        Object.keys(CATALOGS).flatMap((locale) =>
          TEMPLATE_CHANNELS.map((channel) =>
            entryOf({ touchpoint, locale, channel }, find({ touchpoint, locale, channel })),
          ),
        ),
      );
      res.json({ templates });
    },
  );

  route.put(
    SLOT,
    keyed(
      "Keep the shop's own wording as the slot's next version",
      { params: TemplateSlotParams, body: TemplateBody },
      { 200: { description: 'kept; notices from now on carry it', ...json(TemplateEntry) } },
      [413],
    ),
    async (_req, res, { params, body }) => {
      const { shop: shopId, name } = callerOf(res);
      if (refused(res, shops.get(shopId)!, params, body)) return;
      res.json(entryOf(params, await store.templates.put(shopId, slotOf(params), body, name)));
    },
  );

  route.delete(
    SLOT,
    keyed(
      "Back to the built-in wording (the shop's versions stay in its history)",
      { params: TemplateSlotParams },
      { 200: { description: 'the built-in wording, in effect again', ...json(TemplateEntry) } },
      [404],
    ),
    async (_req, res, { params }) => {
      const { shop, name } = callerOf(res);
      if (!(await store.templates.remove(shop, slotOf(params), name)))
        return problem(res, 404, 'the shop has no wording of its own here');
      res.json(entryOf(params));
    },
  );

  route.post(
    `${MOUNT}/preview`,
    keyed(
      'A wording rendered with sample facts: as a put of it would send it, or the wording in effect',
      { body: PreviewBody },
      { 200: { description: 'every form of the notice', ...json(PreviewAnswer) } },
      [413],
    ),
    async (_req, res, { body: { subject, text, ...slot } }) => {
      const shop = shops.get(callerOf(res).shop)!;
      const live = await liveOf(store, shop.id, slot);
      if (text === undefined && subject === undefined)
        return void res.json(await preview(shop, slot, live ? overrideOf(slot.channel, live) : {}));
      const wording = { subject, text: text ?? entryOf(slot, live).text };
      if (refused(res, shop, slot, wording)) return;
      res.json(await preview(shop, slot, overrideOf(slot.channel, wording)));
    },
  );

  /** The notice of `slot` rendered with sample facts and `override` over the catalog. */
  async function preview(shop: Shop, slot: Slot, override: ReturnType<typeof overrideOf>) {
    const links = {
      trackingUrl: `${publicBaseUrl}/t/sample`,
      ratingUrl: `${publicBaseUrl}/r/sample`,
      unsubscribeUrl: `${publicBaseUrl}/u/sample`,
    };
    const input = sampleInput(slot.touchpoint, slot.locale, shop, links);
    const r = await render({ ...input, override, brand: voices.get(shop.id)?.brand });
    return {
      subject: r.subject,
      text: r.text,
      html: r.html,
      sms: r.short,
      segments: smsSegments(r.short),
      voice: r.spoken,
    };
  }

  return router;
}
