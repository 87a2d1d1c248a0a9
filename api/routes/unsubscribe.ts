/**
 * The email unsubscribe link: GET shows a confirmation page, POST (the page's button, or a mail
 * client's RFC 8058 one-click request) opts the address out of the shop's non-essential email.
 */
import { Router } from 'express';
import type { Tokens, UnsubscribeClaims } from '../../common/tokens';
import type { Store } from '../../store';
import { messagePage } from '../pages/layout';
import { unsubscribePage } from '../pages/unsubscribe-page';

export function unsubscribeRouter({ tokens, store }: { tokens: Tokens; store: Store }): Router {
  const router = Router();
  const claimsOf = (token: string) => {
    const claims = tokens.verify(token);
    return claims?.kind === 'unsub' ? (claims as UnsubscribeClaims) : undefined;
  };
  const refuse = (res: Parameters<Parameters<Router['get']>[1]>[1]) => void res.status(400).type('html').send(messagePage('en', 'This unsubscribe link is not valid.'));

  router.get('/u/:token', (req, res) => {
    if (!claimsOf(req.params.token)) return refuse(res);
    res.type('html').send(unsubscribePage(req.params.token));
  });

  router.post('/u/:token', async (req, res) => {
    const claims = claimsOf(req.params.token);
    if (!claims) return refuse(res);
    await store.optOuts.optOut(claims.shop, 'email', claims.address, 'unsubscribe link');
    res.type('html').send(messagePage('en', 'You will no longer receive non-essential emails about your orders. Delivery updates you need still arrive.'));
  });

  return router;
}
