/**
 * The console's reports (`GET /console/reports`): the touchpoint audit and the carrier scorecard of the staff
 * member's shop over a period of days, for all chains or one delivery mode's, with the carriers' exceptions by
 * normalized reason and the pickup points' own figures.
 */
import { Router } from 'express';
import { DateTime } from 'luxon';
import type { Store } from '../../store';
import type { Shop } from '../../workflows/contract';
import { sendPage } from '../pages/render';
import { ReportQuery } from '../routes/report-schemas';
import { staffOf } from './session';
import { MessagePage } from './views/layout';
import { ReportsPage } from './views/reports-page';

/** The reports page's route, reading the store's facts. */
export function reportRoutes(store: Store, shops: Map<string, Shop>): Router {
  const router = Router();

  router.get('/reports', async (req, res) => {
    const who = staffOf(res);
    // The form's "to" is a day the period includes: the report runs to its end.
    const { from, to, mode } = req.query;
    const toDay = typeof to === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(to) ? to : undefined;
    const parsed = ReportQuery.safeParse({
      from,
      to: toDay ? DateTime.fromISO(toDay, { zone: 'UTC' }).plus({ days: 1 }).toISODate() : to,
      mode: mode === '' ? undefined : mode,
    });
    if (!parsed.success) {
      const message = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
      return sendPage(res, <MessagePage staff={who} title="Bad report period" message={message} />, 400);
    }
    const shop = shops.get(who.shop)!;
    const filter = { shop: shop.id, ...parsed.data };
    // The pickup points' figures show unless only home chains were asked for.
    const [audit, carriers, pickups] = await Promise.all([
      store.reports.touchpoints(filter, shop.verdicts),
      store.reports.carriers(filter),
      filter.mode === 'home' ? [] : store.reports.carriers({ ...filter, mode: 'pickup_point' }),
    ]);
    sendPage(
      res,
      <ReportsPage
        staff={who}
        from={parsed.data.from.slice(0, 10)}
        to={toDay ?? parsed.data.to.slice(0, 10)}
        mode={filter.mode}
        audit={audit}
        carriers={carriers}
        pickups={pickups}
      />,
    );
  });

  return router;
}
