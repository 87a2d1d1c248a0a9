/**
 * "Preview the chain": the journey simulator run from the console for the staff member's shop,
 * one scenario in one language, shown as the simulator's own HTML page. The simulator starts its
 * own time-skipping Temporal server for each run (it is loaded only when asked for); results are
 * kept for the life of the process, since the workflow code does not change under it.
 */
import { Router } from 'express';
import { JOURNEY_LOCALES, JOURNEY_SCENARIOS, type JourneyLocale, type JourneyScenario } from '../../scripts/journey/scenarios';
import type { Shop } from '../../workflows/contract';
import { staffOf } from './session';
import { MessagePage } from './views/layout';
import { PreviewPage } from './views/preview-page';
import { sendPage } from '../pages/render';

type Simulator = typeof import('../../scripts/journey/index');

export function previewRoutes(shops: Map<string, Shop>): Router {
  const router = Router();
  const pages = new Map<string, Promise<string>>();
  let queue: Promise<unknown> = Promise.resolve();

  /** One journey page at a time: each run holds a Temporal test server and a worker. */
  function journeyPage(shop: Shop, scenario: JourneyScenario, locale: JourneyLocale): Promise<string> {
    const key = `${shop.id}/${scenario}/${locale}`;
    let page = pages.get(key);
    if (!page) {
      page = queue.then(async () => {
        const sim: Simulator = await import('../../scripts/journey/index');
        const bench = await sim.openJourneyBench();
        try {
          return sim.journeyHtml(await bench.run(scenario, locale, shop));
        } finally {
          await bench.close();
        }
      });
      queue = page.catch(() => undefined);
      // A failed run is not kept: the next request tries again.
      page.catch(() => pages.delete(key));
      pages.set(key, page);
    }
    return page;
  }

  router.get('/preview', (_req, res) => sendPage(res, <PreviewPage staff={staffOf(res)} />));

  router.get('/preview/run', async (req, res) => {
    const staff = staffOf(res);
    const scenario = JOURNEY_SCENARIOS.find((s) => s === req.query.scenario);
    const locale = JOURNEY_LOCALES.find((l) => l === req.query.locale);
    if (!scenario || !locale) {
      const message = `Pick a scenario (${JOURNEY_SCENARIOS.join(', ')}) and a language (${JOURNEY_LOCALES.join(', ')}).`;
      return sendPage(res, <MessagePage staff={staff} title="Unknown preview" message={message} />, 400);
    }
    const html = await journeyPage(shops.get(staff.shop)!, scenario, locale);
    res.type('html').set('Cache-Control', 'no-store').send(html);
  });

  return router;
}
