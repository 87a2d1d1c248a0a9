/**
 * The customer's tracking page (`GET /t/{token}`), read from the chain, in the customer's language;
 * and its return button (`POST /t/{token}/return`), which opens a return while returns are open.
 */
import { Router, type Request, type Response } from 'express';
import { languageOf } from '../../activities/templates/catalog';
import type { Tokens, TrackingClaims } from '../../common/tokens';
import { ChainError, type Chains } from '../chains';
import { CustomerMessage } from '../pages/layout';
import { sendPage } from '../pages/render';
import { PAGE_LANGUAGES, pageStrings } from '../pages/strings';
import { TrackingPage } from '../pages/tracking-page';

/** The language of a page without a chain to ask: what the browser prefers. */
export const browserLanguage = (req: Request) => req.acceptsLanguages(...PAGE_LANGUAGES) || 'en';

export function trackingRouter({ chains, tokens }: { chains: Chains; tokens: Tokens }): Router {
  const router = Router();
  const claimsOf = (token: string) => {
    const claims = tokens.verify(token);
    return claims?.kind === 'track' ? (claims as TrackingClaims) : undefined;
  };

  const say = (res: Response, lang: string, message: 'invalidTracking' | 'returnOpened' | 'returnRefused', status = 200) =>
    sendPage(res, <CustomerMessage lang={lang} message={pageStrings(lang)[message]} />, status);

  /** The chain a customer token names; a gone chain answers like a bad link, in the browser's language. */
  async function stateOf(req: Request, res: Response, claims: TrackingClaims | undefined) {
    try {
      if (claims) return await chains.state(claims.shop, claims.order);
    } catch (err) {
      if (!(err instanceof ChainError && err.status === 404)) throw err;
    }
    say(res, browserLanguage(req), 'invalidTracking', 404);
  }

  router.get('/t/:token', async (req, res) => {
    const state = await stateOf(req, res, claimsOf(req.params.token));
    if (state) sendPage(res, <TrackingPage state={state} lang={languageOf(state.locale)} token={req.params.token} />);
  });

  router.post('/t/:token/return', async (req, res) => {
    const claims = claimsOf(req.params.token);
    const state = await stateOf(req, res, claims);
    if (!claims || !state) return;
    const lang = languageOf(state.locale);
    try {
      // One return per order: a double click or a reload opens it once.
      const action = { action: { action: 'open-return' as const }, actor: 'customer (tracking page)', at: new Date().toISOString(), requestId: `customer-return-${claims.order}` };
      await chains.act(claims.shop, claims.order, action);
      say(res, lang, 'returnOpened');
    } catch (err) {
      if (!(err instanceof ChainError) || err.status !== 409) throw err;
      say(res, lang, 'returnRefused', 409);
    }
  });

  return router;
}
