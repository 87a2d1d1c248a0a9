/**
 * `/v1/templates`: a shop's own wording per template, language and channel (scope templates:write). The
 * built-in catalog answers where the shop wrote none; a put is checked (ICU syntax, placeholders, SMS length
 * with the longest values) and kept as the next version; a delete goes back to the built-in.
 */
import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { Router, type Response } from 'express';
import { overrideOf, type Wording } from '../../activities/templates/validate';
import type { ShopVoice } from '../../common/config';
import type { Tokens } from '../../common/tokens';
import type { Store } from '../../store';
import type { Shop } from '../../workflows/contract';
import { callerOf, requireScope } from '../auth';
import { json, keyed } from '../openapi/components';
import { routes } from '../openapi/route';
import { problem } from '../problem';
import { entryOf, slotOf, templateWording, type Slot } from '../templates';
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

export function templatesRouter({ store, shops, voices, tokens, publicBaseUrl, registry }: TemplatesDeps): Router {
  const router = Router();
  router.use(requireScope('templates:write'));
  const route = routes(router, registry, MOUNT);
  const wordings = templateWording({ store, voices, tokens, publicBaseUrl });

  /** Answers 400 with the wording's errors by field path, and true, when the wording may not be kept. */
  function refused(res: Response, shop: Shop, slot: Slot, wording: Wording): boolean {
    const errors = wordings.errorsOf(shop, slot, wording);
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
      const templates = await wordings.entries(callerOf(res).shop);
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
      const live = await wordings.liveOf(shop.id, slot);
      if (text === undefined && subject === undefined)
        return void res.json(await wordings.preview(shop, slot, live ? overrideOf(slot.channel, live) : {}));
      const wording = { subject, text: text ?? entryOf(slot, live).text };
      if (refused(res, shop, slot, wording)) return;
      res.json(await wordings.preview(shop, slot, overrideOf(slot.channel, wording)));
    },
  );

  return router;
}
