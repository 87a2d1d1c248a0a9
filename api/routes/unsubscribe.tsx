/**
 * The email unsubscribe link: GET shows a confirmation page, POST (the page's button, or a mail
 * client's RFC 8058 one-click request) opts the address out of the shop's non-essential email.
 */
import { Router, type Request, type Response } from 'express';
import type { Tokens, UnsubscribeClaims } from '../../common/tokens';
import type { Store } from '../../store';
import { CustomerMessage, type Brands } from '../pages/layout';
import { sendPage } from '../pages/render';
import { pageStrings } from '../pages/strings';
import { UnsubscribePage } from '../pages/unsubscribe-page';
import { browserLanguage } from './tracking';

export function unsubscribeRouter({ tokens, store, brands }: { tokens: Tokens; store: Store; brands: Brands }): Router {
  const router = Router();
  const claimsOf = (token: string) => {
    const claims = tokens.verify(token);
    return claims?.kind === 'unsub' ? (claims as UnsubscribeClaims) : undefined;
  };
  // The link carries no language: the page speaks the browser's.
  const say = (
    req: Request,
    res: Response,
    message: 'unsubscribed' | 'invalidUnsubscribe',
    status = 200,
    shop?: string,
  ) => {
    const lang = browserLanguage(req);
    sendPage(
      res,
      <CustomerMessage lang={lang} message={pageStrings(lang)[message]} brand={shop ? brands(shop) : undefined} />,
      status,
    );
  };

  router.get('/u/:token', (req, res) => {
    const claims = claimsOf(req.params.token);
    if (!claims) return say(req, res, 'invalidUnsubscribe', 400);
    const page = <UnsubscribePage token={req.params.token} lang={browserLanguage(req)} brand={brands(claims.shop)} />;
    sendPage(res, page);
  });

  router.post('/u/:token', async (req, res) => {
    const claims = claimsOf(req.params.token);
    if (!claims) return say(req, res, 'invalidUnsubscribe', 400);
    await store.optOuts.optOut(claims.shop, 'email', claims.address, 'unsubscribe link');
    say(req, res, 'unsubscribed', 200, claims.shop);
  });

  return router;
}
