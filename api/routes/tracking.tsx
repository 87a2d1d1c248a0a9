/**
 * The customer's tracking page (`GET /t/{token}`), read from the chain, in the customer's language (with the
 * pickup code's QR code drawn here while a pickup-point parcel waits);
 * its return button (`POST /t/{token}/return`), which opens a return while returns are open; its pickup points
 * (`POST /t/{token}/point`), which send the parcel to one of the shop's points before it is out for delivery; and
 * its courier windows (`POST /t/{token}/window`), which answer Doorstep's question as a digit would.
 */
import { Router, type Request, type Response } from 'express';
import { languageOf } from '../../activities/templates/catalog';
import { carrierLink, type ShopVoice } from '../../common/config/shop-voice';
import type { Tokens, TrackingClaims } from '../../common/tokens';
import { chainWorkflowId } from '../../workflows/definitions';
import { ChainError, type Chains } from '../chains';
import { CustomerMessage, type Brands } from '../pages/layout';
import { pickupQr, waitingPickup } from '../pages/pickup-section';
import { choosablePoints } from '../pages/point-choice';
import { sendPage } from '../pages/render';
import { fill, PAGE_LANGUAGES, pageStrings } from '../pages/strings';
import { TrackingPage, windowLabel, type SupportContacts } from '../pages/tracking-page';

/** The language of a page without a chain to ask: what the browser prefers. */
export const browserLanguage = (req: Request) => req.acceptsLanguages(...PAGE_LANGUAGES) || 'en';

/**
 * The posted choice: the question's touchpoint and the window's number (the chain says whether it still
 * answers the question).
 */
function choiceOf(body: unknown): { touchpoint: string; digit: number } | undefined {
  const { touchpoint, option } = (body ?? {}) as Record<string, unknown>;
  const digit = Number(option);
  return typeof touchpoint === 'string' && Number.isInteger(digit) ? { touchpoint, digit } : undefined;
}

export function trackingRouter({
  chains,
  tokens,
  brands,
  shops,
  voices,
}: {
  chains: Chains;
  tokens: Tokens;
  brands: Brands;
  /** The configured shops, whose support contacts the page shows. */
  shops: ReadonlyMap<string, SupportContacts>;
  /** The shops' voices, whose carrier links the tracking number follows. */
  voices: ReadonlyMap<string, ShopVoice>;
}): Router {
  const router = Router();
  const claimsOf = (token: string) => {
    const claims = tokens.verify(token);
    return claims?.kind === 'track' ? (claims as TrackingClaims) : undefined;
  };

  /** A message page; `back` links to the order's page, `shop` names whose brand it wears. */
  const say = (
    res: Response,
    lang: string,
    message: string,
    { status = 200, back, shop }: { status?: number; back?: string; shop?: string } = {},
  ) =>
    sendPage(
      res,
      <CustomerMessage
        lang={lang}
        message={message}
        back={back ? { href: back, label: pageStrings(lang).backToOrder } : undefined}
        brand={shop ? brands(shop) : undefined}
      />,
      status,
    );

  /** The chain a customer token names; a gone chain answers like a bad link, in the browser's language. */
  async function stateOf(req: Request, res: Response, claims: TrackingClaims | undefined) {
    try {
      if (claims) return await chains.state(claims.shop, claims.order);
    } catch (err) {
      if (!(err instanceof ChainError && err.status === 404)) throw err;
    }
    const lang = browserLanguage(req);
    say(res, lang, pageStrings(lang).invalidTracking, { status: 404 });
  }

  /** The chain of the path's token and its customer's language; undefined once a bad link has been answered. */
  async function customerChain(req: Request, res: Response) {
    const claims = claimsOf(String(req.params.token));
    const state = await stateOf(req, res, claims);
    if (!claims || !state) return undefined;
    const lang = languageOf(state.locale);
    return { claims, state, lang, t: pageStrings(lang) };
  }

  router.get('/t/:token', async (req, res) => {
    const chain = await customerChain(req, res);
    if (!chain) return;
    const { shop } = chain.claims;
    const { carrier, trackingNumber } = chain.state;
    const waiting = waitingPickup(chain.state);
    const page = (
      <TrackingPage
        state={chain.state}
        lang={chain.lang}
        token={req.params.token}
        brand={brands(shop)}
        contacts={shops.get(shop)}
        carrierLink={trackingNumber && carrierLink(voices.get(shop), carrier, trackingNumber)}
        pin={chain.state.courierWindow && (await chains.pin(shop, chain.claims.order))}
        pickupQr={waiting && (await pickupQr(waiting.code))}
        points={choosablePoints(chain.state, voices.get(shop)?.pickupPoints)}
      />
    );
    sendPage(res, page);
  });

  router.post('/t/:token/return', async (req, res) => {
    const chain = await customerChain(req, res);
    if (!chain) return;
    const { claims, lang, t } = chain;
    try {
      // One return per order: a double click or a reload opens it once.
      const action = {
        action: { action: 'open-return' as const },
        actor: 'customer (tracking page)',
        at: new Date().toISOString(),
        requestId: `customer-return-${claims.order}`,
      };
      await chains.act(claims.shop, claims.order, action);
      say(res, lang, t.returnOpened, { shop: claims.shop });
    } catch (err) {
      if (!(err instanceof ChainError) || err.status !== 409) throw err;
      say(res, lang, t.returnRefused, { status: 409, shop: claims.shop });
    }
  });

  router.post('/t/:token/point', async (req, res) => {
    const chain = await customerChain(req, res);
    if (!chain) return;
    const { claims, lang, t } = chain;
    const back = `/t/${req.params.token}`;
    const { point: id } = (req.body ?? {}) as Record<string, unknown>;
    const point = voices.get(claims.shop)?.pickupPoints?.find((p) => p.id === id);
    if (!point) return say(res, lang, t.pointChoiceLate, { status: 409, back, shop: claims.shop });
    try {
      // The same point chosen twice (a double click, a reload) switches once.
      const action = {
        action: { action: 'switch-to-point' as const, point },
        actor: 'customer (tracking page)',
        at: new Date().toISOString(),
        requestId: `customer-point-${claims.order}-${point.id}`,
      };
      await chains.act(claims.shop, claims.order, action);
      say(res, lang, fill(t.pointChosen, { name: point.name }), { back, shop: claims.shop });
    } catch (err) {
      if (!(err instanceof ChainError) || err.status !== 409) throw err;
      say(res, lang, t.pointChoiceLate, { status: 409, back, shop: claims.shop });
    }
  });

  router.post('/t/:token/window', async (req, res) => {
    const chain = await customerChain(req, res);
    if (!chain) return;
    const { claims, state, lang, t } = chain;
    const back = `/t/${req.params.token}`;
    const choice = choiceOf(req.body);
    // The chain takes a web choice only as the answer to its open question (a stale page's choice changes nothing).
    const agreed =
      choice &&
      (await chains.reply(chainWorkflowId(claims.shop, claims.order), {
        ...choice,
        channel: 'web',
        at: new Date().toISOString(),
      }));
    const window = agreed && state.courierQuestion?.options[choice.digit - 1];
    if (!window) return say(res, lang, t.windowStale, { status: 409, back, shop: claims.shop });
    say(res, lang, fill(t.windowChosen, { window: windowLabel(window, state) }), { back, shop: claims.shop });
  });

  return router;
}
