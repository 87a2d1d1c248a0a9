/**
 * `/console`: the support console. Staff sign in with their configured account; every other page
 * needs the session cookie. Pages are rendered on the server.
 */
import cookieParser from 'cookie-parser';
import { Router } from 'express';
import { DateTime } from 'luxon';
import type { StaffAccount } from '../../common/config';
import { verifyPassword, hashPassword } from '../../common/passwords';
import type { Store } from '../../store';
import type { Shop } from '../../workflows/contract';
import type { Chains } from '../chains';
import { ReportQuery } from '../schemas';
import { chainRoutes } from './chain-routes';
import { previewRoutes } from './preview-routes';
import { consoleSessions, staffOf } from './session';
import { MessagePage } from './views/layout';
import { sendPage } from '../pages/render';
import { ReportsPage } from './views/reports-page';
import { SignInPage } from './views/sign-in';

export interface ConsoleDeps {
  staff: StaffAccount[];
  secret: string;
  publicBaseUrl: string;
  chains: Chains;
  store: Store;
  shops: Map<string, Shop>;
}

/** Only console paths may follow a sign-in (no open redirect). */
const safeNext = (next: unknown) => (typeof next === 'string' && /^\/console(\/|\?|$)/.test(next) ? next : '/console');

export function consoleRouter({ staff, secret, publicBaseUrl, chains, store, shops }: ConsoleDeps): Router {
  const router = Router();
  const sessions = consoleSessions(staff, secret, publicBaseUrl.startsWith('https:'));
  // Unknown usernames cost a hash check too, so timing does not tell which accounts exist.
  const decoy = hashPassword(secret);
  router.use(cookieParser(secret));

  router.get('/sign-in', (req, res) => sendPage(res, <SignInPage next={safeNext(req.query.next)} />));

  router.post('/sign-in', async (req, res) => {
    const { username, password, next } = (req.body ?? {}) as Record<string, string>;
    const account = staff.find((s) => s.username === username);
    const ok = await verifyPassword(String(password ?? ''), account?.passwordHash ?? decoy);
    if (!account || !ok) return sendPage(res, <SignInPage next={safeNext(next)} error="Wrong username or password." />, 401);
    sessions.begin(res, account);
    res.redirect(303, safeNext(next));
  });

  router.use(sessions.required);

  router.post('/sign-out', (_req, res) => {
    sessions.end(res);
    res.redirect(303, '/console/sign-in');
  });

  router.get('/reports', async (req, res) => {
    const who = staffOf(res);
    // The form's "to" is a day the period includes: the report runs to its end.
    const { from, to } = req.query;
    const toDay = typeof to === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(to) ? to : undefined;
    const parsed = ReportQuery.safeParse({ from, to: toDay ? DateTime.fromISO(toDay, { zone: 'UTC' }).plus({ days: 1 }).toISODate() : to });
    if (!parsed.success) {
      const message = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
      return sendPage(res, <MessagePage staff={who} title="Bad report period" message={message} />, 400);
    }
    const shop = shops.get(who.shop)!;
    const filter = { shop: shop.id, ...parsed.data };
    const [audit, carriers] = await Promise.all([store.reports.touchpoints(filter, shop.verdicts), store.reports.carriers(filter)]);
    const shownTo = toDay ?? parsed.data.to.slice(0, 10);
    sendPage(res, <ReportsPage staff={who} from={parsed.data.from.slice(0, 10)} to={shownTo} audit={audit} carriers={carriers} />);
  });

  router.use(previewRoutes(shops));
  router.use(chainRoutes(chains));
  return router;
}
