/** `GET /t/{token}`: the customer's tracking page, read from the chain. */
import { Router } from 'express';
import type { Tokens } from '../../common/tokens';
import { TRACKING_STAGES } from '../../workflows/contract';
import type { Chains } from '../chains';
import { messagePage, trackingPage } from './pages';

export function trackingRouter({ chains, tokens }: { chains: Chains; tokens: Tokens }): Router {
  const router = Router();
  router.get('/t/:token', async (req, res) => {
    const claims = tokens.verify(req.params.token);
    if (claims?.kind !== 'track') return void res.status(404).type('html').send(messagePage('This tracking link is not valid.'));
    const state = await chains.state(claims.shop, claims.order);
    res.type('html').send(trackingPage({ orderId: state.orderId, stage: state.stage, promisedDate: state.promisedDate, stages: TRACKING_STAGES }));
  });
  return router;
}
