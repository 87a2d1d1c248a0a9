/**
 * "Preview the chain" (`GET /console/preview`): pick a scenario and a language, and see every notice
 * the chain would send a customer of the staff member's shop, worked out in this process by the
 * journey simulator (simulator/) from the chain's rules (no Temporal server, no test tooling).
 */
import { Router } from 'express';
import type { Shop } from '../../workflows/contract';
import { JOURNEY_LOCALES, JOURNEY_SCENARIOS, previewOf } from '../../simulator/index';
import { staffOf } from './session';
import { PreviewPage } from './views/preview-page';
import { sendPage } from '../pages/render';

/** The preview's routes; its sample links start at `publicBaseUrl`, as a real notice's would. */
export function previewRoutes(shops: Map<string, Shop>, publicBaseUrl: string): Router {
  const router = Router();

  router.get('/preview', (req, res) => {
    const staff = staffOf(res);
    const { scenario: s, locale: l } = req.query;
    const scenario = JOURNEY_SCENARIOS.find((x) => x === s);
    const locale = JOURNEY_LOCALES.find((x) => x === l);
    if (s === undefined && l === undefined) return sendPage(res, <PreviewPage staff={staff} />);
    if (!scenario || !locale) {
      const error = `Pick a scenario (${JOURNEY_SCENARIOS.join(', ')}) and a language (${JOURNEY_LOCALES.join(', ')}).`;
      return sendPage(res, <PreviewPage staff={staff} error={error} />, 400);
    }
    // The sample links carry no token.
    const preview = previewOf({ scenario, locale, shop: shops.get(staff.shop)!, baseUrl: publicBaseUrl });
    sendPage(res, <PreviewPage staff={staff} preview={preview} />);
  });

  return router;
}
