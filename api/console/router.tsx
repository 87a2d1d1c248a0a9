/**
 * `/console`: the support console. Staff sign in with their configured account; every other page
 * needs the session cookie. Pages are rendered on the server.
 */
import { Router, type RequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';
import type { ShopVoice, StaffAccount } from '../../common/config';
import { verifyPassword, hashPassword } from '../../common/passwords';
import type { Tokens } from '../../common/tokens';
import type { Store } from '../../store';
import type { Shop } from '../../workflows/contract';
import type { Chains } from '../chains';
import { chainRoutes } from './chain-routes';
import { previewRoutes } from './preview-routes';
import { reportRoutes } from './report-routes';
import { templateRoutes } from './template-routes';
import { templateWording } from '../templates';
import { consoleSessions } from './session';
import { sendPage } from '../pages/render';
import { SignInPage } from './views/sign-in';
import { MINUTE_MS } from '../../workflows/durations';

export interface ConsoleDeps {
  staff: StaffAccount[];
  secret: string;
  publicBaseUrl: string;
  chains: Chains;
  store: Store;
  shops: Map<string, Shop>;
  voices: ReadonlyMap<string, ShopVoice>;
  tokens: Tokens;
}

/** A console form may only be posted from the console's own pages (login CSRF included). */
const sameOrigin: RequestHandler = (req, res, next) => {
  const origin = req.get('origin');
  if (req.method === 'POST' && origin && URL.parse(origin)?.host !== req.get('host'))
    return void res.status(403).type('text').send('Forms are accepted from this site only.');
  next();
};

/** Only console paths may follow a sign-in (no open redirect). */
const safeNext = (next: unknown) => (typeof next === 'string' && /^\/console(\/|\?|$)/.test(next) ? next : '/console');

export function consoleRouter(deps: ConsoleDeps): Router {
  const { staff, secret, publicBaseUrl, chains, store, shops } = deps;
  const router = Router();
  const sessions = consoleSessions(staff, secret, publicBaseUrl.startsWith('https:'));
  // Unknown usernames cost a hash check too, so timing does not tell which accounts exist.
  const decoy = hashPassword(secret);
  router.use(sessions.cookies, sameOrigin);
  // Password guessing: ten failed sign-ins per address in 15 minutes, then a pause.
  const attempts = rateLimit({
    windowMs: 15 * MINUTE_MS,
    limit: 10,
    skipSuccessfulRequests: true,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (req, res) =>
      sendPage(
        res,
        <SignInPage
          next={safeNext(req.body?.next)}
          error="Too many failed sign-ins: wait a few minutes and try again."
        />,
        429,
      ),
  });

  router.get('/sign-in', (req, res) => sendPage(res, <SignInPage next={safeNext(req.query.next)} />));

  router.post('/sign-in', attempts, async (req, res) => {
    const { username, password, next } = (req.body ?? {}) as Record<string, unknown>;
    const account = staff.find((s) => s.username === username);
    const ok = await verifyPassword(typeof password === 'string' ? password : '', account?.passwordHash ?? decoy);
    if (!account || !ok)
      return sendPage(res, <SignInPage next={safeNext(next)} error="Wrong username or password." />, 401);
    sessions.begin(res, account);
    res.redirect(303, safeNext(next));
  });

  router.use(sessions.required);

  router.post('/sign-out', (_req, res) => {
    sessions.end(res);
    res.redirect(303, '/console/sign-in');
  });

  router.use(reportRoutes(store, shops));
  router.use(previewRoutes(shops, publicBaseUrl));
  router.use(templateRoutes({ store, shops, wordings: templateWording(deps), chains }));
  router.use(chainRoutes(chains));
  return router;
}
