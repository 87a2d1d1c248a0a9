/**
 * Ratings: `POST /v1/feedback` records one; `GET /r/{token}` only renders the rating page, which
 * posts the rating itself once a person is there, so mail scanners that open links record nothing.
 */
import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { Router } from 'express';
import type { Tokens, RatingClaims } from '../../common/tokens';
import { scoreRangeOf } from '../../workflows/touchpoints';
import type { Chains } from '../chains';
import { json, problems } from '../openapi/components';
import { routes } from '../openapi/route';
import { problem } from '../problem';
import { FeedbackBody, FeedbackRecorded } from '../schemas';
import { CustomerMessage, type Brands } from '../pages/layout';
import { RatingPage } from '../pages/rating-page';
import { sendPage } from '../pages/render';
import { pageStrings } from '../pages/strings';
import { browserLanguage } from './tracking';

export interface FeedbackDeps {
  chains: Chains;
  tokens: Tokens;
  registry: OpenAPIRegistry;
  brands: Brands;
}

export function feedbackRouter({ chains, tokens, registry, brands }: FeedbackDeps): Router {
  const router = Router();
  const route = routes(router, registry);
  const claimsOf = (token: string) => {
    const claims = tokens.verify(token);
    return claims?.kind === 'rate' ? (claims as RatingClaims) : undefined;
  };

  route.post(
    '/v1/feedback',
    {
      summary: "Record a customer's rating (the signed token authorises it)",
      request: { body: FeedbackBody },
      responses: { 202: { description: 'recorded', ...json(FeedbackRecorded) }, ...problems(400, 404, 409, 410) },
    },
    async (_req, res, { body: { token, score, comment } }) => {
      const claims = claimsOf(token);
      if (!claims)
        return problem(res, 400, 'the rating link is invalid or has expired', [
          { path: 'token', message: 'invalid or expired' },
        ]);
      const { min, max } = scoreRangeOf(claims.touchpoint);
      if (score < min || score > max) {
        return problem(res, 400, `score must be ${min}–${max}`, [
          { path: 'score', message: `must be between ${min} and ${max}` },
        ]);
      }
      const result = await chains.rate(claims.shop, claims.order, {
        touchpoint: claims.touchpoint,
        score,
        comment,
        at: new Date().toISOString(),
      });
      res.status(202).json({ recorded: true, ...result });
    },
  );

  router.get('/r/:token', (req, res) => {
    const claims = claimsOf(req.params.token);
    const lang = claims?.lang ?? browserLanguage(req);
    if (!claims) return sendPage(res, <CustomerMessage lang={lang} message={pageStrings(lang).invalidRating} />, 400);
    const { min, max } = scoreRangeOf(claims.touchpoint);
    const preset = Number(req.query.s);
    sendPage(
      res,
      <RatingPage
        token={req.params.token}
        min={min}
        max={max}
        preset={Number.isInteger(preset) ? preset : undefined}
        lang={lang}
        brand={brands(claims.shop)}
      />,
    );
  });

  return router;
}
