/** `/v1/reports`: the touchpoint audit and the carrier scorecard of the caller's shop, from the store's facts. */
import { Router } from 'express';
import type { Store } from '../../store';
import type { Shop } from '../../workflows/contract';
import { callerOf, requireScope } from '../auth';
import { invalid } from '../problem';
import { ReportQuery } from '../schemas';

export function reportsRouter({ store, shops }: { store: Store; shops: Map<string, Shop> }): Router {
  const router = Router();
  router.use(requireScope('chains:read'));

  router.get('/touchpoints', async (req, res) => {
    const parsed = ReportQuery.safeParse(req.query);
    if (!parsed.success) return invalid(res, parsed.error);
    const shop = shops.get(callerOf(res).shop)!;
    res.json({
      ...parsed.data,
      ...(await store.reports.touchpoints({ shop: shop.id, ...parsed.data }, shop.verdicts)),
    });
  });

  router.get('/carriers', async (req, res) => {
    const parsed = ReportQuery.safeParse(req.query);
    if (!parsed.success) return invalid(res, parsed.error);
    const { from, to } = parsed.data;
    res.json({ from, to, carriers: await store.reports.carriers({ shop: callerOf(res).shop, ...parsed.data }) });
  });

  return router;
}
